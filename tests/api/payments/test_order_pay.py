"""orderPay and sandboxPaymentSimulate through the API: the sandbox purchase, refusals, idempotency keys."""

from __future__ import annotations

import datetime as dt

from mall.core.actors import Permission
from mall.infra.outbox import OutboxEvent
from mall.orders import attempts as attempts_module
from mall.orders.models import Order, OrderEvent, Payment
from mall.orders.states import OrderStatus
from mall.payments.errors import ProviderRejected, ProviderUnavailable
from mall.payments.providers.sandbox import SandboxProvider
from tests import factories
from tests.api.cart.scene import add, variant_ids
from tests.api.payments.scene import ORDER_PAY, gid, pay, simulate, unpaid_order
from tests.timetravel import travel

ORDER_CREATE = """
mutation OrderCreate($input: OrderCreateInput!) {
  orderCreate(input: $input) { order { id status externalDue { amount } } userErrors { field code message } }
}
"""
ORDER_EVENTS = """
query MyOrder($number: String!) { me { order(number: $number) { status events { type fromStatus toStatus actorKind } } } }
"""


async def test_the_full_sandbox_purchase_pays_the_order_once(api):
    buyer = await factories.customer()
    address = await factories.address(buyer)
    product = await factories.product(prices=("25.00",), stock=10)
    await add(api, [((await variant_ids(product))[0], 2)], token=buyer.access_token)
    created = (await api(ORDER_CREATE, {"input": {"addressId": gid("Address", address.id)}},
                         token=buyer.access_token)).data["orderCreate"]
    order = await Order.get(user_id=buyer.user.id)

    paying = await pay(api, buyer, order, returnUrl="https://shop.example/paid")
    simulated = await simulate(api, buyer.access_token, paying["payment"]["id"])

    assert created["order"]["externalDue"] == {"amount": "60.00"}
    payment = await Payment.get(order_id=order.id)
    assert paying["userErrors"] == []
    assert paying["order"] == {"id": gid("Order", order.id), "status": "PENDING_PAYMENT"}
    assert paying["payment"] == {
        "id": gid("Payment", payment.id), "provider": "SANDBOX", "channel": "NATIVE", "status": "PENDING",
        "amount": {"amount": "60.00", "currency": "CNY"}, "expiresAt": paying["payment"]["expiresAt"],
        "clientParams": {
            "provider": "SANDBOX", "channel": "NATIVE", "tradeNo": payment.trade_number,
            "prepayId": "sbx" + payment.trade_number, "expiresAt": order.expires_at.isoformat(),
            "simulateWith": "sandboxPaymentSimulate", "codeUrl": "sandbox://pay/" + payment.trade_number,
            "returnUrl": "https://shop.example/paid",
        },
    }
    assert dt.datetime.fromisoformat(paying["payment"]["expiresAt"]) == order.expires_at
    assert simulated == {"payment": {"id": gid("Payment", payment.id), "status": "SUCCEEDED"}, "userErrors": []}
    history = (await api(ORDER_EVENTS, {"number": order.number}, token=buyer.access_token)).data["me"]["order"]
    assert history == {"status": "PAID", "events": [
        {"type": "CREATED", "fromStatus": None, "toStatus": "PENDING_PAYMENT", "actorKind": "CUSTOMER"},
        {"type": "PAID", "fromStatus": "PENDING_PAYMENT", "toStatus": "PAID", "actorKind": "SYSTEM"},
    ]}
    assert [e.payload["type"] for e in await OutboxEvent.filter(aggregate_id=order.id).order_by("id")] == [
        "CREATED", "PAID"]
    assert len(payment.trade_number) <= 32


async def test_a_second_simulated_success_pays_nothing_more(api):
    buyer, order = await unpaid_order()
    payment_id = (await pay(api, buyer, order))["payment"]["id"]
    await simulate(api, buyer.access_token, payment_id)

    again = await simulate(api, buyer.access_token, payment_id)

    assert again == {"payment": {"id": payment_id, "status": "SUCCEEDED"}, "userErrors": []}
    assert await OrderEvent.filter(order_id=order.id, type="PAID").count() == 1
    assert await OutboxEvent.filter(aggregate_id=order.id).count() == 2


async def test_a_failed_payment_leaves_the_order_payable_and_a_new_attempt_works(api):
    buyer, order = await unpaid_order()
    first = (await pay(api, buyer, order))["payment"]["id"]

    failed = await simulate(api, buyer.access_token, first, "FAILURE")
    second = (await pay(api, buyer, order))["payment"]["id"]
    paid = await simulate(api, buyer.access_token, second)

    assert failed == {"payment": {"id": first, "status": "FAILED"}, "userErrors": []}
    assert paid == {"payment": {"id": second, "status": "SUCCEEDED"}, "userErrors": []}
    assert (await Order.get(id=order.id)).status is OrderStatus.PAID


async def test_success_reported_after_a_failure_pays_the_order_rather_than_keeping_the_money(api):
    buyer, order = await unpaid_order()
    payment_id = (await pay(api, buyer, order))["payment"]["id"]

    failed = await simulate(api, buyer.access_token, payment_id, "FAILURE")
    paid = await simulate(api, buyer.access_token, payment_id)

    assert failed == {"payment": {"id": payment_id, "status": "FAILED"}, "userErrors": []}
    assert paid == {"payment": {"id": payment_id, "status": "SUCCEEDED"}, "userErrors": []}
    assert (await Order.get(id=order.id)).status is OrderStatus.PAID
    assert await OrderEvent.filter(order_id=order.id, type="PAID").count() == 1


async def test_success_reported_after_a_failure_for_an_order_paid_meanwhile_is_refunded(api):
    buyer, order = await unpaid_order()
    first = (await pay(api, buyer, order))["payment"]["id"]
    await simulate(api, buyer.access_token, first, "FAILURE")
    second = (await pay(api, buyer, order))["payment"]["id"]
    await simulate(api, buyer.access_token, second)

    late = await simulate(api, buyer.access_token, first)

    assert late == {"payment": {"id": first, "status": "REFUND_PENDING"}, "userErrors": []}
    assert (await Order.get(id=order.id)).status is OrderStatus.PAID
    assert await OrderEvent.filter(order_id=order.id, type="PAID").count() == 1


async def test_a_new_attempt_closes_the_older_pending_one(api):
    buyer, order = await unpaid_order()
    first = await pay(api, buyer, order)

    second = await pay(api, buyer, order, channel="APP")

    statuses = {p.channel: p.status for p in await Payment.filter(order_id=order.id)}
    assert statuses == {"NATIVE": "CLOSED", "APP": "PENDING"}
    assert first["payment"]["id"] != second["payment"]["id"]


async def test_someone_elses_order_cannot_be_paid(api):
    _, order = await unpaid_order()
    stranger = await factories.customer()

    result = await pay(api, stranger, order)

    assert result == {"payment": None, "order": None, "userErrors": [
        {"field": ["input", "orderId"], "code": "NOT_FOUND", "message": "No such order."}]}
    assert await Payment.all().count() == 0


async def test_a_cancelled_order_cannot_be_paid(api):
    buyer, order = await unpaid_order()
    await api("mutation($id: ID!) { orderCancel(input: {orderId: $id}) { userErrors { code } } }",
              {"id": gid("Order", order.id)}, token=buyer.access_token)

    result = await pay(api, buyer, order)

    assert result["userErrors"] == [{"field": None, "code": "INVALID_STATE",
                                     "message": "Only an order awaiting payment can be paid; this one is CANCELLED."}]
    assert await Payment.all().count() == 0


async def test_an_expired_order_cannot_be_paid(api, configure):
    configure(order_payment_timeout=1)
    buyer, order = await unpaid_order()
    await travel(dt.timedelta(minutes=2))  # past the order's expiry, within the access token's life

    result = await pay(api, buyer, order)

    assert result["userErrors"] == [
        {"field": None, "code": "INVALID_STATE", "message": "The time to pay this order has run out."}]
    assert await Payment.all().count() == 0


async def test_provider_and_channel_are_needed_and_only_the_sandbox_is_configured(api):
    buyer, order = await unpaid_order()

    missing = (await api(ORDER_PAY, {"input": {"orderId": gid("Order", order.id)}}, token=buyer.access_token)).data
    wechat = await pay(api, buyer, order, provider="WECHAT_PAY")
    bad_url = await pay(api, buyer, order, returnUrl="javascript:alert(1)")

    assert missing["orderPay"]["userErrors"] == [
        {"field": ["input", "provider"], "code": "REQUIRED", "message": "Choose a payment provider for what is due."},
        {"field": ["input", "channel"], "code": "REQUIRED", "message": "Choose a payment channel for what is due."},
    ]
    assert wechat["userErrors"] == [{"field": None, "code": "PAYMENT_PROVIDER_UNAVAILABLE",
                                     "message": "WeChat Pay is not configured on this shop."}]
    assert bad_url["userErrors"] == [{"field": ["input", "returnUrl"], "code": "INVALID",
                                      "message": "A return URL is an http(s) URL of at most 512 characters."}]
    assert await Payment.all().count() == 0


async def test_the_same_idempotency_key_returns_the_same_attempt(api):
    buyer, order = await unpaid_order()

    first = await pay(api, buyer, order, idempotencyKey="pay-1")
    replay = await pay(api, buyer, order, idempotencyKey="pay-1")
    other = await pay(api, buyer, order, idempotencyKey="pay-1", channel="APP")

    assert replay == first
    assert other["userErrors"] == [{"field": ["input", "idempotencyKey"], "code": "IDEMPOTENCY_MISMATCH",
                                    "message": "This idempotency key was used with a different request."}]
    assert await Payment.filter(order_id=order.id).count() == 1


async def test_simulating_someone_elses_payment_or_with_the_sandbox_off_is_refused(api, configure):
    buyer, order = await unpaid_order()
    payment_id = (await pay(api, buyer, order))["payment"]["id"]
    stranger = await factories.customer()
    clerk = await factories.staff(Permission.MANAGE_ORDERS)

    foreign = await simulate(api, stranger.access_token, payment_id)
    configure(sandbox=False)
    disabled = await simulate(api, clerk.access_token, payment_id)
    configure(sandbox=True)
    by_staff = await simulate(api, clerk.access_token, payment_id)

    assert foreign == {"payment": None, "userErrors": [
        {"field": ["input", "paymentId"], "code": "NOT_FOUND", "message": "No such sandbox payment."}]}
    assert disabled == {"payment": None, "userErrors": [{"field": None, "code": "SANDBOX_DISABLED",
                        "message": "The sandbox is disabled on this deployment (MALL_SANDBOX=false)."}]}
    assert by_staff == {"payment": {"id": payment_id, "status": "SUCCEEDED"}, "userErrors": []}


async def test_jsapi_needs_a_bound_wechat_account_and_records_nothing_without_one(api):
    buyer, order = await unpaid_order()

    result = await pay(api, buyer, order, channel="JSAPI")

    assert result["userErrors"] == [{"field": ["input", "channel"], "code": "INVALID",
                                     "message": "JSAPI needs a bound WeChat account (wechatBind)."}]
    assert await Payment.all().count() == 0


async def test_an_unreachable_provider_leaves_the_attempt_for_a_retry_with_the_same_key(api, monkeypatch):
    buyer, order = await unpaid_order()
    original = SandboxProvider.create_payment

    async def unreachable(self, request):
        raise ProviderUnavailable("The sandbox timed out.")

    monkeypatch.setattr(SandboxProvider, "create_payment", unreachable)
    down = await pay(api, buyer, order, idempotencyKey="pay-2")
    left = await Payment.get(order_id=order.id)
    monkeypatch.setattr(SandboxProvider, "create_payment", original)
    retried = await pay(api, buyer, order, idempotencyKey="pay-2")

    assert down == {"payment": None, "order": None, "userErrors": [
        {"field": None, "code": "PAYMENT_PROVIDER_UNAVAILABLE", "message": "The sandbox timed out."}]}
    assert (left.status, left.client_params) == ("PENDING", None)
    assert retried["payment"]["id"] == gid("Payment", left.id)
    assert retried["payment"]["clientParams"]["tradeNo"] == left.trade_number
    assert await Payment.filter(order_id=order.id).count() == 1


async def test_a_provider_refusal_fails_the_attempt(api, monkeypatch):
    buyer, order = await unpaid_order()

    async def refused(self, request):
        raise ProviderRejected("The payer's account is frozen.")

    monkeypatch.setattr(SandboxProvider, "create_payment", refused)

    result = await pay(api, buyer, order)

    assert result["userErrors"] == [{"field": None, "code": "PAYMENT_FAILED", "message": "The payer's account is frozen."}]
    assert [p.status for p in await Payment.filter(order_id=order.id)] == ["FAILED"]
    assert (await Order.get(id=order.id)).status is OrderStatus.PENDING_PAYMENT


async def test_an_order_gets_at_most_the_configured_payment_attempts(api, configure):
    configure(order_pay_attempts_max=3)
    buyer, order = await unpaid_order()
    attempts = [await pay(api, buyer, order, idempotencyKey=f"try-{n}") for n in range(3)]

    refused = await pay(api, buyer, order)
    replayed = await pay(api, buyer, order, idempotencyKey="try-2")

    assert [a["userErrors"] for a in attempts] == [[], [], []]
    assert refused == {"payment": None, "order": None, "userErrors": [{
        "field": None, "code": "PAYMENT_ATTEMPTS_EXCEEDED",
        "message": "This order has had 3 payment attempts, the most allowed: cancel it and order again.",
    }]}
    assert replayed == attempts[2]  # a replay is no new attempt
    assert await Payment.filter(order_id=order.id).order_by("id").values_list("status", flat=True) == [
        "CLOSED", "CLOSED", "PENDING"]


async def test_paying_again_after_a_finished_order_pay_opens_a_new_attempt(api):
    buyer, order = await unpaid_order()
    first = await pay(api, buyer, order)

    second = await pay(api, buyer, order)

    assert first["payment"]["clientParams"] is not None and second["payment"]["clientParams"] is not None
    assert first["payment"]["id"] != second["payment"]["id"]
    assert await Payment.filter(order_id=order.id).order_by("id").values_list("status", flat=True) == [
        "CLOSED", "PENDING"]


async def test_an_order_pay_while_the_provider_opens_another_answers_that_attempt_and_asks_nothing(api, monkeypatch):
    buyer, order = await unpaid_order()
    original = SandboxProvider.create_payment
    asked, meanwhile = [], []

    async def slow_provider(self, request):
        asked.append(request.trade_no)
        if len(asked) == 1:  # a double click lands while the provider is answering the first
            meanwhile.append(await pay(api, buyer, order))
            meanwhile.append(await pay(api, buyer, order, idempotencyKey="click-2"))
            meanwhile.append(await pay(api, buyer, order, channel="APP"))
        return await original(self, request)

    monkeypatch.setattr(SandboxProvider, "create_payment", slow_provider)

    first = await pay(api, buyer, order)

    payment = await Payment.get(order_id=order.id)
    assert asked == [payment.trade_number]
    assert first["payment"]["clientParams"]["tradeNo"] == payment.trade_number
    in_flight = {**first["payment"], "clientParams": None}
    assert meanwhile[:2] == [{"payment": in_flight, "order": first["order"], "userErrors": []}] * 2
    assert meanwhile[2] == {"payment": None, "order": None, "userErrors": [{
        "field": None, "code": "INVALID_STATE",
        "message": "A payment of this order through another provider or channel is being opened; try again shortly.",
    }]}
    assert await Payment.filter(order_id=order.id).count() == 1
    replayed = await pay(api, buyer, order, idempotencyKey="click-2")
    assert replayed["payment"] == first["payment"]
    assert asked == [payment.trade_number]


async def test_after_the_provider_did_not_answer_an_order_pay_without_a_key_opens_a_new_attempt(api, monkeypatch):
    buyer, order = await unpaid_order()
    original = SandboxProvider.create_payment

    async def unreachable(self, request):
        raise ProviderUnavailable("The sandbox timed out.")

    monkeypatch.setattr(SandboxProvider, "create_payment", unreachable)
    down = await pay(api, buyer, order)
    monkeypatch.setattr(SandboxProvider, "create_payment", original)
    retried = await pay(api, buyer, order)

    assert [e["code"] for e in down["userErrors"]] == ["PAYMENT_PROVIDER_UNAVAILABLE"]
    assert retried["userErrors"] == [] and retried["payment"]["clientParams"] is not None
    assert await Payment.filter(order_id=order.id).order_by("id").values_list("status", "client_params") == [
        ("CLOSED", None), ("PENDING", retried["payment"]["clientParams"])]


async def test_an_attempt_left_mid_call_by_a_dead_process_is_superseded_after_a_minute(api, monkeypatch):
    buyer, order = await unpaid_order()
    original = SandboxProvider.create_payment

    async def dies(self, request):
        raise ProviderUnavailable("The sandbox timed out.")

    async def crash(payment_id):  # the process dies before it can write anything
        return None

    monkeypatch.setattr(SandboxProvider, "create_payment", dies)
    monkeypatch.setattr(attempts_module, "unanswered", crash)
    await pay(api, buyer, order)
    monkeypatch.setattr(SandboxProvider, "create_payment", original)
    left = await Payment.get(order_id=order.id)

    within = await pay(api, buyer, order)
    await travel(dt.timedelta(seconds=61))
    after = await pay(api, buyer, order)

    assert (within["payment"]["id"], within["payment"]["clientParams"]) == (gid("Payment", left.id), None)
    assert after["payment"]["id"] != gid("Payment", left.id) and after["payment"]["clientParams"] is not None
    assert await Payment.filter(order_id=order.id).order_by("id").values_list("status", flat=True) == [
        "CLOSED", "PENDING"]
