"""A rebate clawback would take the customer's REBATE_CREDIT (or POINTS) account lock AFTER the refund's own
postings have locked the shop-wide ORDER_PAYMENTS system account — against the lock order of every path
(points account -> ledger accounts, customers before system). Another refund of the same customer that posts to
REBATE_CREDIT locks that customer account first and then waits for ORDER_PAYMENTS: a deadlock. A refund that will
claw back now locks the customer's accounts before it posts anything, and both refunds go through."""

from __future__ import annotations

import asyncio

import pytest

from mall.graphql.relay import decode_id
from mall.orders.models import Order, OrderLine
from mall.wallet import rebate_clawbacks
from tests.api.rebates.refund_scene import approved_after_sale, rebate_of, refund_after_sale, release
from tests.api.rebates.scene import active_rule, manager
from tests.api.wallet.funds_scene import checkout, funded_buyer, pay

pytestmark = pytest.mark.postgres_only

TEN = {"name": "Ten", "kind": "FIXED_RATIO", "ratio": "0.10", "payoutForm": "REBATE_CREDIT", "installmentCount": 2,
       "period": "MONTH"}


async def _wallet_paid(api, buyer):  # type: ignore[no-untyped-def]
    created = await checkout(api, buyer)  # 2 × 25.00 + 10.00 shipping, from the wallet
    assert created["userErrors"] == []
    order_id = created["order"]["id"]
    assert (await pay(api, buyer, order_id))["userErrors"] == []
    order = await Order.get(id=decode_id(order_id, "Order", field="id"))
    return order, (await OrderLine.filter(order_id=order.id).order_by("position"))[0]


async def test_a_clawback_and_another_refund_of_the_same_customer_do_not_deadlock(api, monkeypatch):
    buyer = await funded_buyer(api, balance="100", rebate_credit="60")
    # B: paid with rebate credit alone, before any rule (no rebate)
    order_b, line_b = await _wallet_paid(api, buyer)
    assert (order_b.rebate_credit_used_minor, order_b.balance_used_minor) == (6000, 0)
    await active_rule(api, await manager(), **TEN)
    # A: paid from the balance, rebate 6.00 in 3.00 + 3.00, the first released as rebate credit
    order_a, line_a = await _wallet_paid(api, buyer)
    assert order_a.balance_used_minor == 6000
    await release((await rebate_of(order_a)).id, 1)
    after_sale_a = await approved_after_sale(api, buyer, order_a, line_a, 2)
    after_sale_b = await approved_after_sale(api, buyer, order_b, line_b, 2)

    reached = asyncio.Event()
    original = rebate_clawbacks.take_back

    async def slow_take_back(*args, **kwargs):  # type: ignore[no-untyped-def]
        reached.set()  # A has posted its refund: ORDER_PAYMENTS and the customer's BALANCE are locked
        await asyncio.sleep(1.5)  # B meanwhile locks the customer's REBATE_CREDIT and waits for ORDER_PAYMENTS
        return await original(*args, **kwargs)

    monkeypatch.setattr(rebate_clawbacks, "take_back", slow_take_back)

    async def refund_b() -> dict:
        await reached.wait()
        return await refund_after_sale(api, after_sale_b)

    answers = await asyncio.wait_for(
        asyncio.gather(refund_after_sale(api, after_sale_a), refund_b(), return_exceptions=True), 60)

    assert [a if isinstance(a, BaseException) else a["userErrors"] for a in answers] == [[], []]
