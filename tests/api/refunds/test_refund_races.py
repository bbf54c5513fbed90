"""Racing refunds on PostgreSQL: however many ask at once, never more goes back than was paid."""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest

from mall.core.errors import DomainError
from mall.flows import refunds
from mall.infra.transactions import transaction
from mall.orders.models import AfterSale, Order, Payment, Refund
from mall.payments.providers.base import RefundStatus as ProviderRefundStatus
from tests.api.refunds.test_after_sales import AFTER_SALE_CREATE, create_input, delivered, line_of
from tests.api.refunds.test_cancel_with_refund import cancel_as_staff, paid_order, post, refund_callback

pytestmark = pytest.mark.postgres_only

DEADLINE = 60


async def test_five_parallel_refunds_of_25_on_60_paid_claim_only_50(api):
    _, _, order = await paid_order(api)

    async def refund_25(n: int) -> str:
        try:
            async with transaction():  # no order lock here: the conditional UPDATE alone must hold
                await refunds.record_refund(order, refund_number=f"RT{n}{order.number}", split=refunds.Split(0, 0, 2500), reason="")
        except DomainError as refused:
            return refused.problems[0].code.value
        return "OK"

    outcomes = await asyncio.wait_for(asyncio.gather(*(refund_25(n) for n in range(5))), DEADLINE)

    assert Counter(outcomes) == Counter({"OK": 2, "INVALID_STATE": 3})
    assert (await Payment.get(order_id=order.id)).refunded_minor == 5000
    assert sorted(await Refund.filter(order_id=order.id).values_list("amount_minor", flat=True)) == [2500, 2500]


async def test_twenty_staff_cancels_at_once_refund_once(api):
    _, _, order = await paid_order(api)

    answers = await asyncio.wait_for(asyncio.gather(*(cancel_as_staff(api, order) for _ in range(20))), DEADLINE)

    assert Counter(bool(a["userErrors"]) for a in answers) == Counter({False: 1, True: 19})
    assert await Refund.filter(order_id=order.id).values_list("amount_minor", flat=True) == [6000]
    assert (await Payment.get(order_id=order.id)).refunded_minor == 6000
    assert (await Order.get(id=order.id)).status.value == "CANCELLED"


async def test_two_after_sales_racing_for_the_last_units_of_a_line_one_wins(api):
    buyer, _, order = await paid_order(api)
    order = await delivered(order)  # goods go back only once they have left
    line = await line_of(order)

    answers = await asyncio.wait_for(asyncio.gather(*(
        api(AFTER_SALE_CREATE, create_input(order, line, quantity=2), token=buyer.access_token) for _ in range(2)
    )), DEADLINE)

    outcomes = sorted(bool(a.data["afterSaleCreate"]["userErrors"]) for a in answers)
    assert outcomes == [False, True]
    assert await AfterSale.filter(order_id=order.id).count() == 1


async def test_failure_and_success_notices_of_one_refund_racing_end_refunded_and_claimed_once(api):
    orders = [(await paid_order(api))[2] for _ in range(5)]
    for order in orders:
        await cancel_as_staff(api, order)
    refunds = [await Refund.get(order_id=order.id) for order in orders]
    notices = [await refund_callback(refund, status=status) for refund in refunds
               for status in (ProviderRefundStatus.FAILED, ProviderRefundStatus.SUCCESS)]

    answers = await asyncio.wait_for(asyncio.gather(*(post(api, *notice) for notice in notices)), DEADLINE)

    assert Counter(a.status_code for a in answers) == Counter({204: 10})
    assert [(await Refund.get(id=refund.id)).status for refund in refunds] == ["REFUNDED"] * 5
    assert [(await Payment.get(order_id=order.id)).refunded_minor for order in orders] == [6000] * 5
    assert [(await Order.get(id=order.id)).refund_status.value for order in orders] == ["FULL"] * 5


async def test_a_refund_that_closes_its_order_and_a_cancel_of_another_never_deadlock(api, configure, monkeypatch):
    """A full refund of a PAID order posts its wallet parts and then releases the order's stock; cancelling
    another unpaid order whose wallet part was captured releases stock and then posts. Both meet the same
    variant row and the shop-wide ORDER_PAYMENTS account: the refund takes the stock first, as every path does."""
    from mall.accounts.sessions import actor_for
    from mall.catalog import stock
    from mall.core.actors import Permission
    from mall.graphql.relay import encode_id
    from tests import factories
    from tests.api.refunds.test_after_sales import AFTER_SALE_APPROVE, as_staff
    from tests.api.wallet.funds_scene import funded_buyer, pay
    from tests.api.wallet.scene import assert_ledger_sound

    variant = await factories.variant_of(await factories.product(prices=("50.00",), stock=10))
    paid_buyer = await funded_buyer(api, balance="100.00")
    paid = await factories.order(paid_buyer, (variant.id, 2), use_wallet_funds=True)  # 100.00, free shipping
    assert (await pay(api, paid_buyer, encode_id("Order", paid.id)))["userErrors"] == []
    line = await line_of(paid)
    asked = await api(AFTER_SALE_CREATE, create_input(paid, line, kind="REFUND_ONLY", quantity=2),
                      token=paid_buyer.access_token)
    after_sale_id = asked.data["afterSaleCreate"]["afterSale"]["id"]
    assert (await as_staff(api, AFTER_SALE_APPROVE, after_sale_id))["userErrors"] == []
    unpaid_buyer = await funded_buyer(api, balance="10.00")
    unpaid = await factories.order(unpaid_buyer, (variant.id, 1), use_wallet_funds=True)
    opened = await pay(api, unpaid_buyer, encode_id("Order", unpaid.id), provider="SANDBOX", channel="NATIVE")
    assert opened["userErrors"] == []  # 10.00 captured from the wallet, the rest due at the provider
    finance = actor_for((await factories.staff(Permission.MANAGE_FINANCE)).user)

    real_release = stock.release

    async def slow_release(variant_id: int, quantity: int) -> None:
        await real_release(variant_id, quantity)
        await asyncio.sleep(0.3)  # hold the stock row while the other transaction moves

    monkeypatch.setattr(stock, "release", slow_release)

    async def refund_later() -> object:
        await asyncio.sleep(0.1)  # the cancel holds the variant by now
        return await refunds.refund_after_sale(finance, after_sale_id=decode(after_sale_id))

    outcomes = await asyncio.wait_for(asyncio.gather(
        refunds.cancel_order(actor_for(unpaid_buyer.user), order_id=unpaid.id), refund_later(),
        return_exceptions=True), DEADLINE)

    assert [type(outcome).__name__ for outcome in outcomes] == ["Order", "AfterSale"], outcomes
    assert (await Order.get(id=paid.id)).status.value == "CANCELLED"  # refunded whole before shipping
    assert (await Order.get(id=unpaid.id)).status.value == "CANCELLED"
    await assert_ledger_sound()


def decode(after_sale_gid: str) -> int:
    from mall.graphql.relay import decode_id
    return decode_id(after_sale_gid, "AfterSale", field="afterSaleId")
