"""Staff cancel a paid order: everything paid goes back through the one refund flow, REFUNDING until confirmed."""

from __future__ import annotations

from mall.catalog.models import Variant
from mall.core.actors import Permission
from mall.core.clock import clock
from mall.orders.models import Order, Payment, Refund
from mall.orders.states import OrderStatus, RefundStatus
from mall.payments.providers import provider
from mall.payments.providers.base import ProviderKind, RefundNotice
from mall.payments.providers.base import RefundStatus as ProviderRefundStatus
from mall.payments.providers.sandbox import SandboxProvider
from tests import factories
from tests.api.payments.scene import gid, pay, simulate
from tests.operations import contract

ORDER_CANCEL = contract("OrderCancel")
REFUND_CALLBACK_URL = "/payments/callback/sandbox/refund"


async def paid_order(api):
    """A customer's order of 2 × 25.00 (+10.00 shipping) paid through the sandbox, and its variant."""
    buyer = await factories.customer()
    tea = await factories.variant_of(await factories.product(prices=("25.00",), stock=10))
    order = await factories.order(buyer, (tea.id, 2))
    paying = await pay(api, buyer, order)
    await simulate(api, buyer.access_token, paying["payment"]["id"])
    return buyer, tea, await Order.get(id=order.id)


async def cancel_as_staff(api, order):
    clerk = await factories.staff(Permission.MANAGE_ORDERS)
    response = await api(ORDER_CANCEL, {"input": {"orderId": gid("Order", order.id)}}, token=clerk.access_token)
    return response.data["orderCancel"]


async def refund_callback(refund: Refund, **changes):
    """The refund notice the sandbox provider signs for ``refund`` (confirmed, unless ``changes`` say otherwise)."""
    payment = await Payment.get(id=refund.payment_id)
    fields = {
        "refund_no": refund.refund_number, "trade_no": payment.trade_number, "refund_id": "5030" + refund.refund_number,
        "amount_minor": refund.amount_minor, "currency": refund.currency,
        "merchant_id": SandboxProvider.merchant_id, "status": ProviderRefundStatus.SUCCESS,
        "refunded_at": clock.now(), **changes,
    }
    return await provider(ProviderKind.SANDBOX).build_callback(RefundNotice(**fields))


async def post(api, headers, body):
    return await api.http.post(REFUND_CALLBACK_URL, content=body, headers=headers)


async def stock_of(variant_id: int) -> tuple[int, int]:
    variant = await Variant.get(id=variant_id)
    return variant.on_hand, variant.reserved


async def test_staff_cancel_a_paid_order_and_the_refund_confirmed_makes_it_fully_refunded(api, monkeypatch):
    _, tea, order = await paid_order(api)
    asked = []
    original = SandboxProvider.refund

    async def recording_refund(self, request):
        asked.append((request.refund_no, request.amount_minor, request.total_minor))
        return await original(self, request)

    monkeypatch.setattr(SandboxProvider, "refund", recording_refund)

    cancelled = await cancel_as_staff(api, order)

    refund = await Refund.get(order_id=order.id)
    assert cancelled == {"order": {"id": gid("Order", order.id), "status": "CANCELLED"}, "userErrors": []}
    assert await stock_of(tea.id) == (10, 0)
    assert asked == [("RC" + order.number, 6000, 6000)]
    assert (refund.status, refund.amount_minor, refund.channel) == ("PENDING", 6000, "EXTERNAL")
    assert (await Order.get(id=order.id)).refund_status is RefundStatus.NONE

    confirmed = await post(api, *await refund_callback(refund))
    duplicate = await post(api, *await refund_callback(refund))

    final = await Order.get(id=order.id)
    assert [confirmed.status_code, duplicate.status_code] == [204, 204]
    assert (final.status, final.refund_status) == (OrderStatus.CANCELLED, RefundStatus.FULL)
    assert await Refund.filter(order_id=order.id).values_list("status", "provider_refund_id") == [
        ("REFUNDED", "5030RC" + order.number)]


async def test_cancelling_twice_refunds_once(api):
    _, _, order = await paid_order(api)

    await cancel_as_staff(api, order)
    again = await cancel_as_staff(api, order)

    assert again == {"order": None, "userErrors": [
        {"code": "INVALID_STATE", "message": "This order is already CANCELLED.", "field": None}]}
    assert await Refund.filter(order_id=order.id).count() == 1
    assert (await Payment.get(order_id=order.id)).refunded_minor == 6000


async def test_a_failed_refund_gives_its_claim_back_and_the_order_stays_unrefunded(api):
    _, _, order = await paid_order(api)
    await cancel_as_staff(api, order)
    refund = await Refund.get(order_id=order.id)

    answer = await post(api, *await refund_callback(refund, status=ProviderRefundStatus.FAILED))

    assert answer.status_code == 204
    assert (await Refund.get(id=refund.id)).status == "FAILED"
    assert (await Payment.get(order_id=order.id)).refunded_minor == 0
    assert (await Order.get(id=order.id)).refund_status is RefundStatus.NONE


async def test_a_refund_notice_with_another_amount_or_a_changed_byte_is_refused(api):
    _, _, order = await paid_order(api)
    await cancel_as_staff(api, order)
    refund = await Refund.get(order_id=order.id)
    headers, body = await refund_callback(refund)

    more = await post(api, *await refund_callback(refund, amount_minor=6001))
    tampered = await post(api, headers, body.replace(b'"ciphertext":"', b'"ciphertext":"A', 1))

    assert (more.status_code, more.json()) == (400, {
        "code": "FAIL", "message": f"Refund RC{order.number} reports 60.01 CNY, expected 60.00 CNY."})
    assert (tampered.status_code, tampered.json()["code"]) == (400, "FAIL")
    assert (await Refund.get(id=refund.id)).status == "PENDING"
    assert (await Order.get(id=order.id)).refund_status is RefundStatus.NONE
