"""The parse and validation caches are bounded by the bytes of text they hold."""

from __future__ import annotations

from mall.graphql.documents import TextBoundedLru


def test_the_texts_held_never_exceed_the_byte_bound():
    cache: TextBoundedLru[int] = TextBoundedLru(max_text=100, max_bytes=1000)

    for i in range(500):
        cache.get_or_make(f"{i:03d}" * 30, None, lambda: 0)  # 90 bytes each
        assert cache.bytes <= 1000

    assert cache.bytes == 990  # the 11 most recent texts


def test_a_text_over_the_entry_bound_is_never_kept():
    cache: TextBoundedLru[str] = TextBoundedLru(max_text=100, max_bytes=1000)
    made: list[str] = []

    def make() -> str:
        made.append("x")
        return "parsed"

    for _ in range(3):
        assert cache.get_or_make("y" * 101, None, make) == "parsed"

    assert (len(made), cache.bytes) == (3, 0)


def test_a_remembered_text_is_made_once_and_kept_while_used():
    cache: TextBoundedLru[str] = TextBoundedLru(max_text=100, max_bytes=200)
    made: list[str] = []

    def make(text: str) -> str:
        made.append(text)
        return text.upper()

    for text in ("a" * 100, "b" * 100, "a" * 100, "c" * 100, "a" * 100, "b" * 100):
        cache.get_or_make(text, None, lambda text=text: make(text))

    # "a" stayed recent, so "c" pushed out "b", which had to be made again.
    assert [t[0] for t in made] == ["a", "b", "c", "b"]
    assert cache.bytes == 200


def test_the_qualifier_is_part_of_the_key():
    cache: TextBoundedLru[int] = TextBoundedLru()

    assert cache.get_or_make("{ a }", 10, lambda: 1) == 1
    assert cache.get_or_make("{ a }", 20, lambda: 2) == 2
    assert cache.get_or_make("{ a }", 10, lambda: 3) == 1
