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
