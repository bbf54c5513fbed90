"""Races on PostgreSQL: twenty identical signed callbacks at once pay the order once; ten orderPay at once
open one payment at the provider."""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter

import pytest

from mall.infra.outbox import OutboxEvent
from mall.orders.models import Order, OrderEvent, Payment
from mall.orders.states import OrderStatus
from mall.payments.providers.sandbox import SandboxProvider
from tests.api.payments.scene import gid, pay, unpaid_order
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


async def test_ten_order_pays_at_once_open_one_payment_at_the_provider(api, monkeypatch):
    buyer, order = await unpaid_order()
    original = SandboxProvider.create_payment
    asked: list[str] = []
    others_answered = asyncio.Event()
    answered = 0

    async def slow_provider(self, request):
        asked.append(request.trade_no)
        # The first call stays in flight until every other orderPay has answered (a bounded wait: a wrong
        # implementation asks more than once and fails below rather than hanging).
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(others_answered.wait(), 10)
        return await original(self, request)

    async def one_pay():
        nonlocal answered
        result = await pay(api, buyer, order)
        answered += 1
        if answered == 9:
            others_answered.set()
        return result

    monkeypatch.setattr(SandboxProvider, "create_payment", slow_provider)

    answers = await asyncio.wait_for(asyncio.gather(*(one_pay() for _ in range(10))), DEADLINE)

    payment = await Payment.get(order_id=order.id)
    assert asked == [payment.trade_number]
    assert [a["userErrors"] for a in answers] == [[]] * 10
    assert {a["payment"]["id"] for a in answers} == {gid("Payment", payment.id)}
    assert payment.status == "PENDING" and payment.client_params is not None


async def test_twenty_identical_callbacks_for_another_amount_at_once_refund_it_once(api, monkeypatch, caplog):
    _, order, payment = await pending_payment(api)
    headers, body = await signed(payment, amount_minor=payment.amount_minor + 100)
    asked = []
    original = SandboxProvider.refund

    async def recording_refund(self, request):
        asked.append((request.refund_no, request.amount_minor))
        return await original(self, request)

    monkeypatch.setattr(SandboxProvider, "refund", recording_refund)

    answers = await asyncio.wait_for(asyncio.gather(*(post(api, headers, body) for _ in range(20))), DEADLINE)

    assert Counter(a.status_code for a in answers) == Counter({204: 20})
    assert [(p.status, p.amount_minor) for p in await Payment.filter(order_id=order.id)] == [("REFUND_PENDING", 6100)]
    assert asked == [("R" + payment.trade_number[1:], 6100)]
    assert await OutboxEvent.filter(topic="payment.refund_started").count() == 1
    assert (await Order.get(id=order.id)).status is OrderStatus.PENDING_PAYMENT
    assert len([r for r in caplog.records if r.levelname == "ERROR" and r.name == "mall.flows.settlement"]) == 1
