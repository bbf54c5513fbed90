"""Racing cart changes on PostgreSQL: one cart per customer, no quantity lost, no bound overrun.

Each call runs as its own task with its own pooled connection; the cart's
row lock (and the one-cart-per-customer unique key) decide the race.
"""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest

from mall.cart import lines
from mall.cart.merging import merge_guest_cart
from mall.cart.models import Cart, CartLine
from mall.cart.owners import Owner
from mall.catalog.models import Variant
from mall.core.errors import InvalidInput
from tests import factories

pytestmark = pytest.mark.postgres_only

DEADLINE = 60


async def race(*calls):  # type: ignore[no-untyped-def]
    return await asyncio.wait_for(asyncio.gather(*calls, return_exceptions=True), DEADLINE)


async def test_racing_first_adds_make_one_cart_and_lose_no_quantity():
    customer = await factories.customer()
    product = await factories.product(stock=100)
    variant = await Variant.get(product_id=product.id)
    owner = Owner(user_id=customer.user.id)

    outcomes = await race(*[lines.lines_add(owner, [lines.LineAdd(variant.id, 1)]) for _ in range(20)])

    assert Counter(type(o).__name__ for o in outcomes) == {"CartView": 20}
    assert await Cart.filter(user_id=customer.user.id).count() == 1
    assert await CartLine.filter(variant_id=variant.id).values_list("quantity", flat=True) == [20]


async def test_racing_adds_never_pass_available_stock():
    customer = await factories.customer()
    product = await factories.product(stock=5)
    variant = await Variant.get(product_id=product.id)
    owner = Owner(user_id=customer.user.id)

    outcomes = await race(*[lines.lines_add(owner, [lines.LineAdd(variant.id, 1)]) for _ in range(12)])

    assert Counter(type(o).__name__ for o in outcomes) == {"CartView": 5, "InvalidInput": 7}
    assert all(o.code.value == "INSUFFICIENT_STOCK" for o in outcomes if isinstance(o, InvalidInput))
    assert await CartLine.filter(variant_id=variant.id).values_list("quantity", flat=True) == [5]


async def test_a_guest_cart_merged_twice_at_once_merges_once():
    customer = await factories.customer()
    product = await factories.product(stock=50)
    variant = await Variant.get(product_id=product.id)
    guest = await lines.lines_add(Owner(), [lines.LineAdd(variant.id, 3)])

    await race(*[merge_guest_cart(user_id=customer.user.id, token=guest.token) for _ in range(5)])

    assert await CartLine.filter(cart__user_id=customer.user.id).values_list("quantity", flat=True) == [3]
    assert await Cart.all().count() == 1
