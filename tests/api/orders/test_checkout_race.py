"""Fifty customers race through the public API for ten units (issue 7's "Must show", PostgreSQL).

Each customer is signed in with a token of their own and has the variant in
their cart (cartLinesAdd); then all fifty send orderCreate at once. Every
request runs as its own task through the ASGI app, and each transaction takes
its own connection from the pool, so PostgreSQL decides the race: the
conditional ``reserved += n WHERE on_hand - reserved >= n`` is all that stands
between fifty buyers and ten units. tests/services/orders/test_order_concurrency.py
races the order service itself; this is the same race as the storefront runs it.
"""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest

from mall.catalog.models import Variant
from mall.graphql.relay import encode_id
from mall.orders.models import Order
from mall.orders.states import OrderStatus
from tests import factories
from tests.operations import contract

pytestmark = pytest.mark.postgres_only

CART_LINES_ADD = contract("CartLinesAdd")
ORDER_CREATE = contract("OrderCreate")
CART_VIEW = contract("CartView")
DEADLINE = 60
BUYERS, AVAILABLE = 50, 10


async def _buyer_with_the_variant_in_the_cart(api, variant):
    buyer = await factories.customer()
    address = await factories.address(buyer)
    added = await api(CART_LINES_ADD, {"input": {"lines": [
        {"variantId": encode_id("ProductVariant", variant.id), "quantity": 1}]}}, token=buyer.access_token)
    assert added.data["cartLinesAdd"]["userErrors"] == []
    return buyer, address


def _order_create(api, buyer, address):
    return api(ORDER_CREATE, {"input": {"addressId": encode_id("Address", address.id), "useWalletFunds": False,
                                        "idempotencyKey": f"race-{buyer.user.id}", "note": ""}},
               token=buyer.access_token)


async def _watch_reserved(variant_id: int, done: asyncio.Event) -> list[tuple[int, int]]:
    """(on_hand, reserved) of the variant, read again and again while the race runs."""
    seen = []
    while not done.is_set():
        row = await Variant.get(id=variant_id)
        seen.append((row.on_hand, row.reserved))
        await asyncio.sleep(0.005)
    return seen


async def test_fifty_customers_racing_through_the_api_for_ten_get_exactly_ten_orders(api):
    tea = await factories.variant_of(await factories.product(prices=("30.00",), stock=AVAILABLE))
    buyers = [await _buyer_with_the_variant_in_the_cart(api, tea) for _ in range(BUYERS)]
    finished = asyncio.Event()
    watcher = asyncio.create_task(_watch_reserved(tea.id, finished))

    try:
        answers = await asyncio.wait_for(
            asyncio.gather(*(_order_create(api, buyer, address) for buyer, address in buyers)), DEADLINE)
    finally:
        finished.set()
    seen = await watcher

    payloads = [answer.data["orderCreate"] for answer in answers]
    outcomes = Counter("ORDER" if p["order"] else ",".join(e["code"] for e in p["userErrors"]) for p in payloads)
    assert outcomes == Counter({"ORDER": AVAILABLE, "INSUFFICIENT_STOCK": BUYERS - AVAILABLE})
    # The winners' orders hold one unit each, and nothing was ever held beyond what is on hand.
    won = [p["order"] for p in payloads if p["order"]]
    assert all(o["status"] == "PENDING_PAYMENT" and [line["quantity"] for line in o["lines"]] == [1] for o in won)
    assert seen and all(reserved <= on_hand for on_hand, reserved in seen)
    after = await Variant.get(id=tea.id)
    assert (after.on_hand, after.reserved) == (AVAILABLE, AVAILABLE)
    assert await Order.filter(status=OrderStatus.PENDING_PAYMENT).count() == AVAILABLE
    # Each winner is a different customer; each loser still has the tea in the cart.
    winners = {o["number"] for o in won}
    assert len(winners) == AVAILABLE
    assert len(set(await Order.all().values_list("user_id", flat=True))) == AVAILABLE
    losers = [buyer for (buyer, _), p in zip(buyers, payloads, strict=True) if not p["order"]]
    carts = [(await api(CART_VIEW, {}, token=buyer.access_token)).data["cart"] for buyer in losers]
    assert all([line["quantity"] for line in cart["lines"]] == [1] for cart in carts)
