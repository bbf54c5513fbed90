"""How much a line holds after a guest's quantity merges into it."""

from __future__ import annotations

import pytest

from mall.cart.merging import merged_quantity
from mall.catalog.reads import CartVariant


def variant(available: int, *, for_sale: bool = True) -> CartVariant:
    return CartVariant(id=1, price_minor=100, available=available, for_sale=for_sale, hidden=False)


@pytest.mark.parametrize(("held", "added", "given", "expected"), [
    (0, 2, variant(5), 2),          # a new line
    (3, 2, variant(10), 5),         # quantities add up
    (3, 2, variant(4), 4),          # capped by what is available
    (3, 2, variant(1), 3),          # never below what the customer held
    (0, 2, variant(0), 0),          # nothing available: no line
    (0, 2, variant(9, for_sale=False), 0),
    (2, 2, None, 2),                # the variant is gone: the customer's line is left alone
    (990, 20, variant(5000), 999),  # the line bound
])
def test_merged_quantity(held, added, given, expected):
    assert merged_quantity(held, added, given, max_quantity=999) == expected
