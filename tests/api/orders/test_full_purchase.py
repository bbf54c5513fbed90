"""The whole sandbox purchase through the public API (issue 7's "Must show"):
cart → orderCreate → orderPay → sandboxPaymentSimulate → PAID → orderShip →
sandboxTrackingPush DELIVERED → orderReceiptConfirm → COMPLETED."""

from __future__ import annotations

from mall.catalog.models import Variant
from mall.core.actors import Permission
from mall.graphql.relay import encode_id
from mall.infra.outbox import OutboxEvent
from tests import factories
from tests.operations import contract

CART_LINES_ADD = contract("CartLinesAdd")
ORDER_CREATE = contract("OrderCreate")
ORDER_PAY = contract("OrderPay")
SANDBOX_PAYMENT_SIMULATE = contract("SandboxPaymentSimulate")
ORDER_SHIP = contract("OrderShip")
SANDBOX_TRACKING_PUSH = contract("SandboxTrackingPush")
ORDER_RECEIPT_CONFIRM = contract("OrderReceiptConfirm")
MY_ORDER = contract("MyOrder")


async def test_a_customer_buys_pays_receives_and_confirms_through_the_api(api):
    # Given a customer with an address, a product with 5 in stock, and a clerk
    buyer = await factories.customer()
    address = await factories.address(buyer)
    tea = await factories.variant_of(await factories.product(prices=("60.00",), stock=5))
    clerk = await factories.staff(Permission.MANAGE_ORDERS)
    as_buyer = {"token": buyer.access_token}

    # The cart and the order
    added = await api(CART_LINES_ADD, {"input": {"lines": [
        {"variantId": encode_id("ProductVariant", tea.id), "quantity": 2}]}}, **as_buyer)
    assert added.data["cartLinesAdd"]["userErrors"] == []
    created = (await api(ORDER_CREATE, {"input": {
        "addressId": encode_id("Address", address.id), "useWalletFunds": False, "idempotencyKey": "buy-1",
        "invoice": {"kind": "PERSONAL", "title": "张三"}, "note": ""}}, **as_buyer)).data["orderCreate"]
    assert created["userErrors"] == []
    order = created["order"]
    assert (order["status"], order["total"]["amount"], order["externalDue"]["amount"]) == (
        "PENDING_PAYMENT", "120.00", "120.00")  # over 99.00: free shipping

    # Paying: an attempt with client parameters, then the provider's signed callback
    paying = (await api(ORDER_PAY, {"input": {"orderId": order["id"], "provider": "SANDBOX", "channel": "NATIVE",
                                              "idempotencyKey": "pay-1"}}, **as_buyer)).data["orderPay"]
    assert paying["userErrors"] == []
    assert (paying["payment"]["status"], paying["payment"]["amount"]["amount"]) == ("PENDING", "120.00")
    simulated = (await api(SANDBOX_PAYMENT_SIMULATE, {"input": {"paymentId": paying["payment"]["id"],
                                                                "outcome": "SUCCESS"}}, **as_buyer))
    assert simulated.data["sandboxPaymentSimulate"]["userErrors"] == []

    # Shipping and delivery
    shipped = (await api(ORDER_SHIP, {"input": {"orderId": order["id"], "carrier": "SF", "trackingNumber": "SF900001"}},
                         token=clerk.access_token)).data["orderShip"]
    assert shipped["userErrors"] == []
    pushed = (await api(SANDBOX_TRACKING_PUSH, {"input": {"carrier": "SF", "trackingNumber": "SF900001",
                                                          "status": "DELIVERED", "description": "已签收"}},
                        token=clerk.access_token)).data["sandboxTrackingPush"]
    assert pushed["userErrors"] == []

    # The customer confirms receipt
    confirmed = (await api(ORDER_RECEIPT_CONFIRM, {"input": {"orderId": order["id"]}}, **as_buyer)).data
    assert confirmed["orderReceiptConfirm"] == {"order": {"id": order["id"], "status": "COMPLETED"}, "userErrors": []}

    # What the customer sees: every transition, in order, with its actor
    seen = (await api(MY_ORDER, {"number": order["number"]}, **as_buyer)).data["me"]["order"]
    assert [(e["fromStatus"], e["toStatus"], e["actorKind"]) for e in seen["events"] if e["toStatus"]] == [
        (None, "PENDING_PAYMENT", "CUSTOMER"),
        ("PENDING_PAYMENT", "PAID", "SYSTEM"),
        ("PAID", "SHIPPED", "STAFF"),
        ("SHIPPED", "DELIVERED", "SYSTEM"),
        ("DELIVERED", "COMPLETED", "CUSTOMER"),
    ]
    assert [(s["carrier"], s["trackingNumber"], s["status"]) for s in seen["shipments"]] == [("SF", "SF900001", "DELIVERED")]
    # The goods left the shelf once, and every change went to the outbox
    variant = await Variant.get(id=tea.id)
    assert (variant.on_hand, variant.reserved) == (3, 0)
    assert await OutboxEvent.all().order_by("id").values_list("topic", flat=True) == (
        ["order.created"] + ["order.status_changed"] * 4)
