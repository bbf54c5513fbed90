"""Checkout through the API: selected cart lines → orderPreview → orderCreate, stock held, the cart emptied."""

from __future__ import annotations

import datetime as dt

from mall.catalog.models import Variant
from mall.graphql.relay import encode_id
from mall.orders.models import Order
from tests import factories
from tests.operations import contract
from tests.timetravel import travel

CART_LINES_ADD = contract("CartLinesAdd")
CART_LINES_UPDATE = contract("CartLinesUpdate")
CART_VIEW = contract("CartView")
ORDER_PREVIEW = contract("OrderPreview")
ORDER_CREATE = contract("OrderCreate")
ORDER_CANCEL = contract("OrderCancel")


async def _scene(api, *, stock=5, price="30.00"):
    buyer = await factories.customer()
    address = await factories.address(buyer)
    tea = await factories.variant_of(await factories.product(prices=(price,), stock=stock))
    cup = await factories.variant_of(await factories.product(prices=("8.00",), stock=stock))
    for variant, quantity in ((tea, 2), (cup, 1)):
        added = await api(CART_LINES_ADD, {"input": {"lines": [{"variantId": encode_id("ProductVariant", variant.id),
                                                                "quantity": quantity}]}}, token=buyer.access_token)
        assert added.data["cartLinesAdd"]["userErrors"] == []
    return buyer, address, tea, cup


def _input(address, **more):
    return {"input": {"addressId": encode_id("Address", address.id), "useWalletFunds": False,
                      "invoice": {"kind": "PERSONAL", "title": "张三"}, "note": "", **more}}


async def test_the_preview_is_what_the_order_becomes_and_the_ordered_lines_leave_the_cart(api):
    buyer, address, tea, cup = await _scene(api)

    preview = (await api(ORDER_PREVIEW, _input(address), token=buyer.access_token)).data["orderPreview"]
    created = (await api(ORDER_CREATE, _input(address), token=buyer.access_token)).data["orderCreate"]

    assert preview["userErrors"] == [] and created["userErrors"] == []
    order = created["order"]
    assert order["status"] == "PENDING_PAYMENT"
    # 2 × 30.00 + 8.00 = 68.00, under the 99.00 free-shipping threshold: 10.00 shipping.
    amounts = {"subtotal": "68.00", "shipping": "10.00", "total": "78.00", "externalDue": "78.00", "walletDue": "0.00"}
    assert {name: order[name]["amount"] for name in amounts} == amounts
    assert {name: preview[name]["amount"] for name in amounts} == amounts
    assert [(line["sku"], line["quantity"], line["total"]["amount"]) for line in order["lines"]] == [
        (tea.sku, 2, "60.00"), (cup.sku, 1, "8.00")]
    assert [(line["variant"]["id"], line["quantity"]) for line in preview["lines"]] == [
        (encode_id("ProductVariant", tea.id), 2), (encode_id("ProductVariant", cup.id), 1)]
    assert preview["applicableVouchers"] == [] and preview["maxPoints"] == 0
    assert preview["rebatePreview"] == {"total": {"amount": "0.00", "currency": "CNY"}, "points": 0}
    # The stock is held, and the cart no longer holds what was ordered.
    assert [(v.reserved) for v in await Variant.filter(id__in=[tea.id, cup.id]).order_by("id")] == [2, 1]
    assert created["cart"]["lines"] == []


async def test_only_selected_lines_are_ordered_and_the_others_stay_in_the_cart(api):
    buyer, address, tea, cup = await _scene(api)
    lines = (await api(CART_VIEW, {}, token=buyer.access_token)).data["cart"]["lines"]
    cup_line = next(line["id"] for line in lines if line["variant"]["id"] == encode_id("ProductVariant", cup.id))
    await api(CART_LINES_UPDATE, {"input": {"lines": [{"lineId": cup_line, "quantity": 1, "selected": False}]}},
              token=buyer.access_token)

    created = (await api(ORDER_CREATE, _input(address), token=buyer.access_token)).data["orderCreate"]

    assert [line["sku"] for line in created["order"]["lines"]] == [tea.sku]
    assert [line["variant"]["sku"] for line in created["cart"]["lines"]] == [cup.sku]


async def test_an_order_the_stock_cannot_cover_changes_neither_stock_nor_cart(api):
    buyer, address, tea, cup = await _scene(api, stock=5)
    # Someone else buys most of the tea after it went into this cart.
    other = await factories.customer()
    await factories.order(other, (tea.id, 4))

    created = (await api(ORDER_CREATE, _input(address), token=buyer.access_token)).data["orderCreate"]

    assert created["order"] is None
    assert [error["code"] for error in created["userErrors"]] == ["INSUFFICIENT_STOCK"]
    assert (await Variant.get(id=tea.id)).reserved == 4 and (await Variant.get(id=cup.id)).reserved == 0
    assert await Order.filter(user_id=buyer.user.id).count() == 0
    preview = (await api(ORDER_PREVIEW, _input(address), token=buyer.access_token)).data["orderPreview"]
    assert [error["code"] for error in preview["userErrors"]] == ["INSUFFICIENT_STOCK"]


async def test_a_retried_order_create_with_its_key_returns_the_first_order(api):
    buyer, address, tea, cup = await _scene(api)
    variables = _input(address, idempotencyKey="checkout-1")

    first = (await api(ORDER_CREATE, variables, token=buyer.access_token)).data["orderCreate"]
    again = (await api(ORDER_CREATE, variables, token=buyer.access_token)).data["orderCreate"]
    changed = (await api(ORDER_CREATE, _input(address, idempotencyKey="checkout-1", note="gift"),
                         token=buyer.access_token)).data["orderCreate"]

    assert first["userErrors"] == [] and again["userErrors"] == []
    assert again["order"]["id"] == first["order"]["id"]
    assert [error["code"] for error in changed["userErrors"]] == ["IDEMPOTENCY_MISMATCH"]
    assert await Order.filter(user_id=buyer.user.id).count() == 1


async def test_a_customer_holding_the_most_unpaid_orders_is_refused_and_nothing_is_reserved(api, configure):
    configure(order_unpaid_max=2)
    buyer, address, tea, cup = await _scene(api)
    held = [await factories.order(buyer, (cup.id, 1), address_id=address.id) for _ in range(2)]

    refused = (await api(ORDER_CREATE, _input(address), token=buyer.access_token)).data["orderCreate"]

    assert refused == {"order": None, "cart": None, "userErrors": [{
        "field": None, "code": "UNPAID_ORDERS_EXCEEDED",
        "message": "You have 2 unpaid orders, the most allowed at once: pay or cancel one before ordering again.",
    }]}
    assert [(v.id, v.reserved) for v in await Variant.filter(id__in=[tea.id, cup.id]).order_by("id")] == [
        (tea.id, 0), (cup.id, 2)]
    assert await Order.filter(user_id=buyer.user.id).count() == 2
    cart = (await api(CART_VIEW, {}, token=buyer.access_token)).data["cart"]
    assert [line["quantity"] for line in cart["lines"]] == [2, 1]

    await api(ORDER_CANCEL, {"input": {"orderId": encode_id("Order", held[0].id)}}, token=buyer.access_token)
    created = (await api(ORDER_CREATE, _input(address), token=buyer.access_token)).data["orderCreate"]

    assert created["userErrors"] == []
    assert created["order"]["status"] == "PENDING_PAYMENT"


async def test_paid_and_expired_orders_do_not_count_as_unpaid(api, configure):
    configure(order_unpaid_max=2)
    buyer, address, tea, cup = await _scene(api)
    await factories.paid(await factories.order(buyer, (cup.id, 1), address_id=address.id))
    await factories.order(buyer, (cup.id, 1), address_id=address.id)
    configure(order_unpaid_max=2, order_payment_timeout=1)
    await factories.order(buyer, (cup.id, 1), address_id=address.id)

    at_the_limit = (await api(ORDER_CREATE, _input(address), token=buyer.access_token)).data["orderCreate"]
    await travel(dt.timedelta(minutes=2))  # the last order is past its time, not yet expired by the job
    created = (await api(ORDER_CREATE, _input(address), token=buyer.access_token)).data["orderCreate"]

    assert [error["code"] for error in at_the_limit["userErrors"]] == ["UNPAID_ORDERS_EXCEEDED"]
    assert created["userErrors"] == []
    assert await Order.filter(user_id=buyer.user.id, status="PENDING_PAYMENT").count() == 3
