"""Cache entries with holes for stock: what a hit fills in is what the query answered."""

from __future__ import annotations

import random

import orjson
from hypothesis import given
from hypothesis import strategies as st

from mall.graphql.fresh_stock import Entry, entry_for

texts = st.text(alphabet=st.characters(codec="utf-8"), max_size=12)  # NULs, quotes, newlines included
variants = st.lists(st.fixed_dictionaries({"sku": texts, "stock": st.integers(0, 10**9)}), max_size=4)
products = st.lists(st.fixed_dictionaries({"title": texts, "variants": variants}), max_size=5)


def stock_marks(data: dict, ids: list[int]) -> list[tuple[list[str | int], int]]:
    marks = []
    for p, product in enumerate(data["products"]):
        for v, _ in enumerate(product["variants"]):
            marks.append((["products", p, "variants", v, "stock"], ids[len(marks)]))
    return marks


@given(products, st.randoms(use_true_random=False))
def test_filling_an_entry_with_the_numbers_it_was_made_from_gives_the_response(listing, rng):
    response = {"data": {"products": listing}}
    before = orjson.dumps(response)
    count = sum(len(p["variants"]) for p in listing)
    marks = stock_marks(response["data"], list(range(100, 100 + count)))
    rng.shuffle(marks)  # resolvers finish in any order

    made = entry_for(response, marks)

    assert made is not None
    entry, now = made
    assert orjson.dumps(response) == before  # the response is left as it was
    assert entry.filled(now) == before
    assert Entry.load(entry.dump()) == entry


def test_a_hole_is_filled_with_the_stock_of_the_variant_it_belongs_to():
    response = {"data": {"a": {"stock": 1, "title": "x"}, "b": [{"stock": 2}, {"stock": 3}]}}
    marks = [(["b", 1, "stock"], 30), (["a", "stock"], 10), (["b", 0, "stock"], 20)]

    entry, now = entry_for(response, marks)

    assert entry.variant_ids == [10, 20, 30]
    assert now == {10: 1, 20: 2, 30: 3}
    assert entry.filled({10: 7, 20: 0, 30: 12}) == b'{"data":{"a":{"stock":7,"title":"x"},"b":[{"stock":0},{"stock":12}]}}'
    assert entry.filled({10: 7, 30: 12}) is None  # a variant gone: no answer from this entry


def test_a_response_without_stock_is_kept_whole():
    response = {"data": {"shopSettings": {"currency": "CNY"}}}

    entry, now = entry_for(response, [])

    assert (entry.variant_ids, now) == ([], {})
    assert entry.filled({}) == orjson.dumps(response)


def test_a_mark_pointing_nowhere_makes_no_entry():
    assert entry_for({"data": {"a": {"stock": 1}}}, [(["a", "missing"], 1)]) is None
    assert entry_for({"data": {"a": [{"stock": 1}]}}, [(["a", 3, "stock"], 1)]) is None


def test_stored_bytes_of_another_shape_are_not_an_entry():
    assert Entry.load(b'{"data":{"products":[]}}') is None  # a plain body, as stored before holes
    assert Entry.load(b"[1,2]\n{\"stock\":\x00}") is None  # fewer holes than ids
    assert Entry.load(b'["1"]\n{"stock":\x00}') is None
    assert Entry.load(b"not json\n{}") is None
    assert Entry.load(b"[1]\n" + b'{"stock":\x00}') == Entry([1], b'{"stock":\x00}')


def test_many_holes_in_a_large_response_fill_in_order():
    rng = random.Random(7)
    response = {"data": {"products": [{"variants": [{"stock": rng.randrange(100)} for _ in range(5)]} for _ in range(40)]}}
    marks = stock_marks(response["data"], list(range(200)))

    entry, now = entry_for(response, marks)

    assert entry.filled(now) == orjson.dumps(response)
    assert entry.filled(dict.fromkeys(range(200), 1)) == orjson.dumps(
        {"data": {"products": [{"variants": [{"stock": 1}] * 5}] * 40}})
