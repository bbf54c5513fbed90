"""Racing callbacks on PostgreSQL: twenty identical signed callbacks at once pay the order once."""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest

from mall.infra.outbox import OutboxEvent
from mall.orders.models import Order, OrderEvent, Payment
from mall.orders.states import OrderStatus
from tests.api.payments.scene import gid
from tests.api.payments.test_payment_callbacks import pending_payment, post, signed

pytestmark = pytest.mark.postgres_only

DEADLINE = 60


async def test_twenty_identical_callbacks_at_once_pay_once(api):
    _, order, payment = await pending_payment(api)
    headers, body = await signed(payment)

    answers = await asyncio.wait_for(asyncio.gather(*(post(api, headers, body) for _ in range(20))), DEADLINE)

    assert Counter(a.status_code for a in answers) == Counter({204: 20})
    assert (await Order.get(id=order.id)).status is OrderStatus.PAID
    assert [p.status for p in await Payment.filter(order_id=order.id)] == ["SUCCEEDED"]
    assert await OrderEvent.filter(order_id=order.id, type="PAID").count() == 1
    assert await OutboxEvent.filter(aggregate_id=order.id, topic="order.status_changed").count() == 1


async def test_twenty_callbacks_racing_a_cancel_either_pay_or_refund_never_both(api):
    buyer, order, payment = await pending_payment(api)
    headers, body = await signed(payment)
    cancel = api("mutation($id: ID!) { orderCancel(input: {orderId: $id}) { userErrors { code } } }",
                 {"id": gid("Order", order.id)},
                 token=buyer.access_token)

    await asyncio.wait_for(asyncio.gather(cancel, *(post(api, headers, body) for _ in range(20))), DEADLINE)

    after = await Order.get(id=order.id)
    status = (await Payment.get(id=payment.id)).status
    assert (after.status, status) in {(OrderStatus.PAID, "SUCCEEDED"), (OrderStatus.CANCELLED, "REFUND_PENDING")}
    assert await OrderEvent.filter(order_id=order.id).exclude(type="CREATED").count() == 1
