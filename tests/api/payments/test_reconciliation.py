"""reconcile_pending_payments(now): attempts stuck PENDING past their expiry are settled or closed, once."""

from __future__ import annotations

import datetime as dt

from mall.core.clock import clock
from mall.flows.reconciliation import Reconciled, reconcile_pending_payments
from mall.orders.models import Order, OrderEvent, Payment
from mall.orders.states import OrderStatus
from mall.payments.providers.base import PaymentState, PaymentStatus
from mall.payments.providers.sandbox import SandboxProvider
from tests.api.payments.scene import gid, pay, unpaid_order
from tests.api.payments.test_payment_callbacks import post, signed

LATER = dt.timedelta(minutes=31)


async def test_an_expired_unpaid_attempt_is_closed_once(api, monkeypatch):
    buyer, order = await unpaid_order()
    await pay(api, buyer, order)
    closed = []
    monkeypatch.setattr(SandboxProvider, "close_payment", lambda self, trade_no: _record(closed, trade_no))

    early = await reconcile_pending_payments(clock.now())
    first = await reconcile_pending_payments(clock.now() + LATER)
    second = await reconcile_pending_payments(clock.now() + LATER)

    payment = await Payment.get(order_id=order.id)
    assert (early, first, second) == (Reconciled(), Reconciled(closed=1), Reconciled())
    assert payment.status == "CLOSED"
    assert closed == [payment.trade_number]
    assert (await Order.get(id=order.id)).status is OrderStatus.PENDING_PAYMENT


async def test_an_attempt_the_provider_reports_paid_pays_the_order_once(api, monkeypatch):
    buyer, order = await unpaid_order()
    await pay(api, buyer, order)
    payment = await Payment.get(order_id=order.id)

    async def paid(self, trade_no):
        return PaymentState(trade_no=trade_no, status=PaymentStatus.SUCCESS, transaction_id="4200000009",
                            amount_minor=payment.amount_minor, currency="CNY", paid_at=clock.now())

    monkeypatch.setattr(SandboxProvider, "query_payment", paid)

    first = await reconcile_pending_payments(clock.now() + LATER)
    second = await reconcile_pending_payments(clock.now() + LATER)

    assert (first, second) == (Reconciled(settled=1), Reconciled())
    assert (await Payment.get(id=payment.id)).status == "SUCCEEDED"
    assert (await Order.get(id=order.id)).status is OrderStatus.PAID
    assert await OrderEvent.filter(order_id=order.id, type="PAID").count() == 1


async def _record(into: list[str], trade_no: str) -> None:
    into.append(trade_no)


async def test_a_refund_not_yet_confirmed_is_asked_for_again_with_the_same_refund_number(api, monkeypatch):
    buyer, order = await unpaid_order()
    await pay(api, buyer, order)
    payment = await Payment.get(order_id=order.id)
    await api("mutation($id: ID!) { orderCancel(input: {orderId: $id}) { userErrors { code } } }",
              {"id": gid("Order", order.id)}, token=buyer.access_token)
    await post(api, *await signed(payment))
    asked = []
    original = SandboxProvider.refund

    async def recording_refund(self, request):
        asked.append(request.refund_no)
        return await original(self, request)

    monkeypatch.setattr(SandboxProvider, "refund", recording_refund)

    result = await reconcile_pending_payments(clock.now())

    assert result == Reconciled(refunds_asked=1)
    assert asked == ["R" + payment.trade_number[1:]]
    assert (await Payment.get(id=payment.id)).status == "REFUND_PENDING"
