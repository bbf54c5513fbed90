"""Validation's work is bounded before it starts (mall/graphql/selections.py).

graphql-core's overlapping-fields check compares same-named selections
pairwise; these tests count whether it runs at all instead of timing it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from graphql import OverlappingFieldsCanBeMergedRule

from tests.operations import contract, contract_names

# 440 root selections with a different argument each (about 12 KB, under the token limit).
REPEATED_LOOKUPS = "{ " + " ".join(f'product(slug: "a{i}") {{ id }}' for i in range(440)) + " }"
# 15 same-named fields in one selection set: 105 pairs to compare, few selections.
REPEATED_NODES = "{ products(first: 1) { edges { " + " ".join("node { id }" for _ in range(15)) + " } } }"
# 14 same-named fields: 91 pairs, within the bound; 51 selections.
AT_THE_LIMITS = (
    "{ products(first: 1) { edges { " + " ".join("node { id title }" for _ in range(14)) + " } } "
    "shopSettings { currency timeZone } categories { id name slug } }"
)


@pytest.fixture
def overlap_checks(monkeypatch) -> Iterator[list[object]]:
    """Selection sets the overlapping-fields rule was asked to check."""
    seen: list[object] = []
    real = OverlappingFieldsCanBeMergedRule.enter_selection_set

    def counting(self, selection_set, *args):
        seen.append(selection_set)
        return real(self, selection_set, *args)

    monkeypatch.setattr(OverlappingFieldsCanBeMergedRule, "enter_selection_set", counting)
    yield seen


async def test_a_document_of_many_selections_is_refused_before_validation(api, overlap_checks):
    result = await api(REPEATED_LOOKUPS)

    assert result.status == 400
    assert result.body == {"errors": [{"message": "Documents may hold at most 300 selections; this one holds 880."}]}
    assert overlap_checks == []


async def test_a_document_repeating_a_field_too_often_is_refused_before_validation(api, overlap_checks):
    result = await api(REPEATED_NODES)

    assert result.status == 400
    assert result.body == {"errors": [{
        "message": "This document repeats the same fields or fragments in one selection too often; merge them.",
    }]}
    assert overlap_checks == []


async def test_the_selection_limit_is_a_setting(configure, make_api, overlap_checks):
    configure(max_selections=50)
    api = make_api()

    result = await api("{ " + " ".join("shopSettings { currency }" for _ in range(26)) + " }")

    assert result.body == {"errors": [{"message": "Documents may hold at most 50 selections; this one holds 52."}]}
    assert overlap_checks == []


async def test_a_document_at_the_limits_is_validated_and_runs(configure, make_api, overlap_checks):
    configure(max_selections=51)
    api = make_api()

    result = await api(AT_THE_LIMITS)

    assert result.data == {
        "products": {"edges": []}, "shopSettings": {"currency": "CNY", "timeZone": "Asia/Shanghai"}, "categories": [],
    }
    assert overlap_checks != []


async def test_every_contract_operation_is_admitted_and_validated(api, overlap_checks):
    for name in contract_names():
        result = await api(contract(name))

        assert not any("selections" in e["message"] or "too often" in e["message"] for e in result.errors), name
    assert len(overlap_checks) >= len(contract_names())


# Each fragment spreads the next twice: 40 selections written, over a million once inlined.
DOUBLING_FRAGMENTS = '{ product(slug: "x") { ...F0 } } ' + " ".join(
    f"fragment F{i} on Product {{ ...F{i + 1} ...F{i + 1} }}" for i in range(20)
) + " fragment F20 on Product { id }"


async def test_fragments_count_wherever_they_are_spread(api, overlap_checks):
    result = await api(DOUBLING_FRAGMENTS)  # 2 + (3 × 2^20 − 2) spread, 41 as written

    assert result.status == 400
    assert result.body == {"errors": [{"message": "Documents may hold at most 300 selections; this one holds 3145769."}]}
    assert overlap_checks == []
