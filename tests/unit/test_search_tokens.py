"""Search tokens (mall/catalog/search.py): CJK characters and bigrams, Latin words, one folding for both sides."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mall.catalog.search import MAX_QUERY_TERMS, QueryTerm, document_tokens, query_terms

# The autouse ``clean`` fixture is function-scoped; these properties touch no state it resets.
PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def exact(*tokens: str) -> list[QueryTerm]:
    return [QueryTerm(token, prefix=False) for token in tokens]


def prefix(*tokens: str) -> list[QueryTerm]:
    return [QueryTerm(token, prefix=True) for token in tokens]


# --- document_tokens ---


def test_a_cjk_run_is_every_character_and_every_neighbouring_pair():
    assert document_tokens("智能手机") == "智 智能 能 能手 手 手机 机"


def test_a_single_cjk_character_is_one_token():
    assert document_tokens("茶") == "茶"


def test_cjk_runs_split_at_spaces_and_punctuation_are_indexed_separately():
    # No bigram crosses the space or the comma: 为智 and 机壳 are not tokens.
    assert document_tokens("华为 智能手机，手机壳") == "华 华为 为 智 智能 能 能手 手 手机 机 机壳 壳"
    assert "为智" not in document_tokens("华为 智能手机").split()


def test_latin_words_are_lower_cased():
    assert document_tokens("Apple iPhone PRO Max") == "apple iphone pro max"


def test_a_word_mixing_letters_and_digits_is_also_indexed_as_its_parts():
    assert document_tokens("iPhone15") == "iphone15 iphone 15"
    assert document_tokens("Mate60Pro") == "mate60pro mate 60 pro"
    assert document_tokens("2024新款") == "2024 新 新款 款"


def test_cjk_and_latin_in_one_word_split_into_runs():
    assert document_tokens("华为Mate60手机") == "华 华为 为 mate60 mate 60 手 手机 机"


def test_full_width_letters_and_digits_fold_to_ascii():
    assert document_tokens("ｉＰｈｏｎｅ１５") == document_tokens("iPhone15") == "iphone15 iphone 15"
    assert document_tokens("ＡＢＣ－１２３") == "abc 123"


def test_tokens_are_deduplicated_in_first_seen_order_across_texts():
    assert document_tokens("茶 tea", "TEA 茶叶", "Tea") == "茶 tea 茶叶 叶"


def test_japanese_kana_and_korean_are_treated_as_cjk():
    assert document_tokens("カメラ") == "カ カメ メ メラ ラ"
    assert document_tokens("ひらがな") == "ひ ひら ら らが が がな な"
    assert document_tokens("한국어") == "한 한국 국 국어 어"


def test_underscores_and_punctuation_separate_words():
    assert document_tokens("red_tea-250g (新品)!") == "red tea 250g 250 g 新 新品 品"


@pytest.mark.parametrize("text", ["", "   ", "!!! ... ---", "，。、！？【】《》", "★☆♥", "_-_", "・", "茶・"])
def test_punctuation_and_symbols_are_not_tokens(text):
    tokens = document_tokens(text).split()

    assert all(any(ch.isalnum() for ch in token) for token in tokens), tokens
    assert "・" not in document_tokens(text)


# --- query_terms ---


def test_a_two_character_query_is_one_exact_bigram():
    assert query_terms("手机") == exact("手机")


def test_a_single_character_query_is_that_character():
    assert query_terms("茶") == exact("茶")


def test_a_longer_cjk_query_needs_all_its_bigrams_and_not_its_characters():
    assert query_terms("智能手机") == exact("智能", "能手", "手机")


def test_latin_words_are_lower_cased_prefixes():
    assert query_terms("iPh") == prefix("iph")
    assert query_terms("IPHONE") == prefix("iphone")


def test_mixed_queries_keep_word_order():
    assert query_terms("华为 Mate") == [QueryTerm("华为", prefix=False), QueryTerm("mate", prefix=True)]
    assert query_terms("红 tea 250") == [QueryTerm("红", prefix=False), *prefix("tea", "250")]


def test_full_width_queries_fold_like_documents():
    assert query_terms("ｉＰｈｏｎｅ") == prefix("iphone")
    assert query_terms("１５") == prefix("15")


def test_repeated_words_and_bigrams_count_once():
    assert query_terms("手机 手机 Tea tea TEA") == [QueryTerm("手机", prefix=False), QueryTerm("tea", prefix=True)]
    assert query_terms("哈哈哈") == exact("哈哈")


def test_kana_and_hangul_queries_are_bigrams():
    assert query_terms("カメラ") == exact("カメ", "メラ")
    assert query_terms("한국어") == exact("한국", "국어")


def test_a_query_keeps_at_most_max_query_terms_terms_the_first_ones():
    words = [f"word{chr(ord('a') + n)}" for n in range(MAX_QUERY_TERMS + 5)]

    terms = query_terms(" ".join(words))

    assert len(terms) == MAX_QUERY_TERMS == 16
    assert terms == prefix(*words[:MAX_QUERY_TERMS])


def test_a_long_cjk_query_is_capped_too():
    text = "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑"

    terms = query_terms(text)

    assert terms == exact(*[text[i : i + 2] for i in range(MAX_QUERY_TERMS)])


@pytest.mark.parametrize("text", ["", "   ", "!!!", "，。、！？", "...---", "★☆", "_", "・", "・・・", "＠＃％"])
def test_punctuation_only_queries_have_no_terms(text):
    assert query_terms(text) == []


# --- documents and queries agree ---


def _is_cjk(char: str) -> bool:
    return any(lo <= ord(char) <= hi for lo, hi in ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
                                                    (0xAC00, 0xD7AF), (0xF900, 0xFAFF)))


# Real CJK letters (Lo), unchanged by NFKC: what a shop's text is made of.
CJK_LETTERS = [
    chr(code)
    for lo, hi in ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0xF900, 0xFAFF))
    for code in range(lo, hi + 1)
    if unicodedata.category(chr(code)) == "Lo" and unicodedata.normalize("NFKC", chr(code)) == chr(code)
]


def _neutral(char: str) -> bool:
    """A character that cannot combine with a neighbour under NFKC (no marks, no conjoining jamo)."""
    folded = unicodedata.normalize("NFKC", char)
    return all(
        unicodedata.category(c)[0] != "M" and unicodedata.category(c) not in ("Cs", "Cn")
        and not (0x1100 <= ord(c) <= 0x11FF or 0xA960 <= ord(c) <= 0xA97F or 0xD7B0 <= ord(c) <= 0xD7FF)
        for c in folded
    )


CJK_TEXT = st.text(alphabet=st.sampled_from(CJK_LETTERS), min_size=2, max_size=30)
SURROUNDING = st.text(
    alphabet=st.one_of(st.characters(codec="utf-8").filter(_neutral), st.sampled_from(CJK_LETTERS)), max_size=20
)


@PROPERTY
@given(before=SURROUNDING, needle=CJK_TEXT, after=SURROUNDING, other=SURROUNDING)
@example(before="华为 智能", needle="手机", after="壳", other="")
@example(before="", needle="智能手机", after="", other="手表")
def test_every_query_term_of_a_cjk_substring_is_a_document_token(before, needle, after, other):
    tokens = set(document_tokens(other, before + needle + after).split())

    terms = query_terms(needle)

    assert terms
    assert all(not term.prefix for term in terms)
    assert all(term.token in tokens for term in terms), (terms, tokens)


LATIN_WORD = st.from_regex(r"[A-Za-z0-9]{1,12}", fullmatch=True)


@PROPERTY
@given(words=st.lists(LATIN_WORD, min_size=1, max_size=6), index=st.integers(min_value=0, max_value=5),
       cut=st.integers(min_value=1, max_value=12))
def test_every_latin_query_term_prefixes_a_document_token(words, index, cut):
    word = words[index % len(words)]
    typed = word[:cut]
    tokens = document_tokens(" ".join(words)).split()

    terms = query_terms(typed.upper())

    assert terms
    assert all(term.prefix and term.token == term.token.lower() for term in terms)
    assert all(any(token.startswith(term.token) for token in tokens) for term in terms), (terms, tokens)


@PROPERTY
@given(text=st.text(max_size=40))
def test_tokens_and_terms_are_folded_lower_case_and_never_empty(text):
    tokens = document_tokens(text).split()
    terms = query_terms(text)

    assert len(tokens) == len(set(tokens))
    assert all(token == unicodedata.normalize("NFKC", token).lower() for token in tokens)
    assert all(term.token and " " not in term.token for term in terms)
    assert len(terms) <= MAX_QUERY_TERMS
    assert all(_is_cjk(term.token[0]) != term.prefix for term in terms)
