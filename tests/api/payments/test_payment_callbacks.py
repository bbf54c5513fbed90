"""POST /payments/callback/{provider}: signed callbacks settle, anything else is refused and changes nothing."""

from __future__ import annotations

import json

import pytest

from mall.core.clock import clock
from mall.infra.outbox import OutboxEvent
from mall.orders.models import Order, OrderEvent, Payment
from mall.orders.states import OrderStatus
from mall.payments.providers import provider
from mall.payments.providers.base import PaymentNotice, PaymentStatus, ProviderKind
from mall.payments.providers.sandbox import SandboxProvider
from tests.api.payments.scene import CALLBACK_URL, gid, pay, unpaid_order


async def pending_payment(api):
    buyer, order = await unpaid_order()
    await pay(api, buyer, order)
    return buyer, order, await Payment.get(order_id=order.id)


async def signed(payment: Payment, **changes) -> tuple[dict[str, str], bytes]:
    """The callback the sandbox provider signs for ``payment`` paid in full (or with ``changes``)."""
    fields = {
        "trade_no": payment.trade_number, "transaction_id": "4200000001" + payment.trade_number[-10:],
        "amount_minor": payment.amount_minor, "currency": payment.currency,
        "merchant_id": SandboxProvider.merchant_id, "status": PaymentStatus.SUCCESS, "paid_at": clock.now(), **changes,
    }
    return await provider(ProviderKind.SANDBOX).build_callback(PaymentNotice(**fields))


async def post(api, headers: dict[str, str], body: bytes, url: str = CALLBACK_URL):
    return await api.http.post(url, content=body, headers=headers)


async def test_a_signed_callback_over_http_pays_the_order(api):
    _, order, payment = await pending_payment(api)
    headers, body = await signed(payment)

    response = await post(api, headers, body)

    assert (response.status_code, response.content) == (204, b"")
    assert (await Order.get(id=order.id)).status is OrderStatus.PAID
    assert (await Payment.get(id=payment.id)).status == "SUCCEEDED"


async def test_a_callback_with_one_changed_byte_is_refused_and_the_order_stays_unpaid(api):
    _, order, payment = await pending_payment(api)
    headers, body = await signed(payment)
    tampered = body.replace(b'"ciphertext":"', b'"ciphertext":"A', 1)

    response = await post(api, headers, tampered)

    assert response.status_code == 400
    assert response.json()["code"] == "FAIL"
    assert (await Order.get(id=order.id)).status is OrderStatus.PENDING_PAYMENT
    assert (await Payment.get(id=payment.id)).status == "PENDING"


async def test_a_signed_callback_for_another_amount_is_acknowledged_recorded_and_refunded_not_paid(
    api, monkeypatch, caplog
):
    _, order, payment = await pending_payment(api)
    asked = []
    original = SandboxProvider.refund

    async def recording_refund(self, request):
        asked.append((request.refund_no, request.trade_no, request.amount_minor, request.total_minor, request.currency))
        return await original(self, request)

    monkeypatch.setattr(SandboxProvider, "refund", recording_refund)
    more = await signed(payment, amount_minor=payment.amount_minor + 1)

    first = await post(api, *more)
    duplicate = await post(api, *await signed(payment, amount_minor=payment.amount_minor + 1))

    assert [(first.status_code, first.content), (duplicate.status_code, duplicate.content)] == [(204, b"")] * 2
    recorded = await Payment.get(id=payment.id)
    assert (recorded.status, recorded.amount_minor, recorded.currency) == ("REFUND_PENDING", 6001, "CNY")
    assert recorded.provider_transaction_id == "4200000001" + payment.trade_number[-10:]
    assert (await Order.get(id=order.id)).status is OrderStatus.PENDING_PAYMENT
    assert await OrderEvent.filter(order_id=order.id, type="PAID").count() == 0
    assert asked == [("R" + payment.trade_number[1:], payment.trade_number, 6001, 6001, "CNY")]
    started = await OutboxEvent.get(topic="payment.refund_started")
    assert started.payload == {
        "orderId": order.id, "number": order.number, "tradeNumber": payment.trade_number, "amount": "60.01",
        "currency": "CNY", "orderStatus": "PENDING_PAYMENT",
        "reason": "Paid 60.01 CNY where 60.00 CNY was due: refunded in full.",
    }
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR" and r.name == "mall.flows.settlement"]
    assert errors == [f"payment {payment.trade_number}: the provider took 60.01 CNY where 60.00 CNY was due; "
                      "refunding it in full, the order stays PENDING_PAYMENT"]


async def test_money_in_another_currency_is_refunded_in_it_and_the_order_can_still_be_paid(api):
    buyer, order, payment = await pending_payment(api)

    answer = await post(api, *await signed(payment, currency="USD"))
    again = await pay(api, buyer, order)
    paid = await post(api, *await signed(await Payment.get(order_id=order.id, status="PENDING")))

    assert answer.status_code == 204
    recorded = await Payment.get(id=payment.id)
    assert (recorded.status, recorded.amount_minor, recorded.currency) == ("REFUND_PENDING", 6000, "USD")
    assert again["userErrors"] == []
    assert paid.status_code == 204
    assert (await Order.get(id=order.id)).status is OrderStatus.PAID


async def test_a_notice_for_another_amount_with_one_changed_byte_is_still_refused(api):
    _, order, payment = await pending_payment(api)
    headers, body = await signed(payment, amount_minor=payment.amount_minor + 1)

    response = await post(api, headers, body.replace(b'"ciphertext":"', b'"ciphertext":"A', 1))

    assert (response.status_code, response.json()["code"]) == (400, "FAIL")
    unchanged = await Payment.get(id=payment.id)
    assert (unchanged.status, unchanged.amount_minor) == ("PENDING", 6000)
    assert (await Order.get(id=order.id)).status is OrderStatus.PENDING_PAYMENT
    assert not await OutboxEvent.filter(topic="payment.refund_started").exists()


async def test_an_unknown_trade_number_is_refused(api):
    _, _, payment = await pending_payment(api)
    headers, body = await signed(payment, trade_no="P20260101000000abcdefabcdef")

    response = await post(api, headers, body)

    assert (response.status_code, response.json()) == (
        400, {"code": "FAIL", "message": "No payment with trade number P20260101000000abcdefabcdef."})


async def test_money_for_a_cancelled_order_is_refunded_and_the_order_stays_cancelled(api, monkeypatch):
    buyer, order, payment = await pending_payment(api)
    await api("mutation($id: ID!) { orderCancel(input: {orderId: $id}) { userErrors { code } } }",
              {"id": gid("Order", order.id)}, token=buyer.access_token)
    refunds = []
    original = SandboxProvider.refund

    async def recording_refund(self, request):
        refunds.append((request.refund_no, request.trade_no, request.amount_minor))
        return await original(self, request)

    monkeypatch.setattr(SandboxProvider, "refund", recording_refund)
    headers, body = await signed(payment)

    first = await post(api, headers, body)
    duplicate = await post(api, *await signed(payment))

    assert [first.status_code, duplicate.status_code] == [204, 204]
    assert (await Order.get(id=order.id)).status is OrderStatus.CANCELLED
    assert (await Payment.get(id=payment.id)).status == "REFUND_PENDING"
    assert refunds == [("R" + payment.trade_number[1:], payment.trade_number, 6000)]
    assert await OrderEvent.filter(order_id=order.id, type="PAID").count() == 0
    started = await OutboxEvent.get(topic="payment.refund_started")
    assert started.payload == {
        "orderId": order.id, "number": order.number, "tradeNumber": payment.trade_number, "amount": "60.00",
        "currency": "CNY", "orderStatus": "CANCELLED",
        "reason": "Paid after the order stopped awaiting payment: refunded in full.",
    }


@pytest.mark.parametrize("name", ["wechat_pay", "alipay", "paypal"])
async def test_providers_not_set_up_here_answer_not_found(api, name):
    response = await post(api, {"content-type": "application/json"}, b"{}", url=f"/payments/callback/{name}")

    assert (response.status_code, response.json()) == (404, {"code": "NOT_FOUND", "message": "No such payment provider here."})


async def test_a_callback_without_signature_headers_is_refused(api):
    response = await post(api, {"content-type": "application/json"}, json.dumps({"id": "x"}).encode())

    assert response.status_code == 400
    assert response.json()["code"] == "FAIL"


async def test_a_callback_body_over_the_request_limit_is_refused_unread(make_api, configure):
    configure(max_request_bytes=1024)
    api = make_api()

    response = await post(api, {"content-type": "application/json"}, b"x" * 2048)

    assert response.status_code == 413
