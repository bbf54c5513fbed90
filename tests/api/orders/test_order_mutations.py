"""Order mutations through the API: cancel, ship, confirm receipt, and create/preview with nothing selected."""

from __future__ import annotations

import pytest

from mall.catalog.models import Variant
from mall.core.actors import Permission
from mall.graphql.relay import encode_id
from mall.orders.models import Order, OrderEvent, Shipment
from mall.orders.states import OrderStatus
from tests import factories
from tests.operations import contract

ORDER_CANCEL = contract("OrderCancel")
ORDER_RECEIPT_CONFIRM = contract("OrderReceiptConfirm")
ORDER_SHIP = contract("OrderShip")
ORDER_CREATE = """
mutation OrderCreate($input: OrderCreateInput!) {
  orderCreate(input: $input) { order { id number } userErrors { field code message } }
}
"""
ORDER_PREVIEW = """
query OrderPreview($input: OrderCreateInput!) {
  orderPreview(input: $input) { lines { sku } total { amount } userErrors { field code message } }
}
"""


def gid(order) -> str:
    return encode_id("Order", order.id)


@pytest.fixture
async def bought():
    buyer = await factories.customer()
    tea = await factories.variant_of(await factories.product(stock=10))
    order = await factories.order(buyer, (tea.id, 2))
    return buyer, tea, order


async def reserved(variant) -> int:
    return (await Variant.get(id=variant.id)).reserved


async def test_the_customer_cancels_an_unpaid_order(api, bought):
    buyer, tea, order = bought

    result = await api(ORDER_CANCEL, {"input": {"orderId": gid(order), "reason": "too slow"}}, token=buyer.access_token)

    assert result.data["orderCancel"] == {"order": {"id": gid(order), "status": "CANCELLED"}, "userErrors": []}
    assert await reserved(tea) == 0


async def test_cancelling_twice_answers_invalid_state(api, bought):
    buyer, tea, order = bought
    await api(ORDER_CANCEL, {"input": {"orderId": gid(order)}}, token=buyer.access_token)

    result = await api(ORDER_CANCEL, {"input": {"orderId": gid(order)}}, token=buyer.access_token)

    assert result.data["orderCancel"] == {"order": None, "userErrors": [
        {"field": None, "code": "INVALID_STATE", "message": "This order is already CANCELLED."}]}
    assert await OrderEvent.filter(order_id=order.id).count() == 2


async def test_another_customers_order_cannot_be_cancelled_or_confirmed(api, bought):
    _, tea, order = bought
    stranger = await factories.customer()

    cancel = await api(ORDER_CANCEL, {"input": {"orderId": gid(order)}}, token=stranger.access_token)
    confirm = await api(ORDER_RECEIPT_CONFIRM, {"input": {"orderId": gid(order)}}, token=stranger.access_token)

    not_found = [{"field": ["input", "orderId"], "code": "NOT_FOUND", "message": "No such order."}]
    assert cancel.data["orderCancel"] == {"order": None, "userErrors": not_found}
    assert confirm.data["orderReceiptConfirm"] == {"order": None, "userErrors": not_found}
    assert (await Order.get(id=order.id)).status is OrderStatus.PENDING_PAYMENT
    assert await reserved(tea) == 2


async def test_signed_out_and_malformed_ids_are_user_errors(api, bought):
    buyer, _, order = bought

    anonymous = await api(ORDER_CANCEL, {"input": {"orderId": gid(order)}})
    wrong_type = await api(ORDER_CANCEL, {"input": {"orderId": encode_id("Product", order.id)}}, token=buyer.access_token)

    assert anonymous.data["orderCancel"]["userErrors"] == [
        {"field": None, "code": "UNAUTHENTICATED", "message": "You need to sign in."}]
    assert wrong_type.data["orderCancel"]["userErrors"] == [
        {"field": ["input", "orderId"], "code": "INVALID", "message": "Expected an ID of type Order."}]


async def test_staff_ship_a_paid_order_and_the_customer_confirms_receipt(api, bought):
    buyer, tea, order = bought
    await factories.paid(order)
    clerk = await factories.staff(Permission.MANAGE_ORDERS)

    shipped = await api(ORDER_SHIP, {"input": {"orderId": gid(order), "carrier": "SF", "trackingNumber": "SF1234567890"}},
                        token=clerk.access_token)
    confirmed = await api(ORDER_RECEIPT_CONFIRM, {"input": {"orderId": gid(order)}}, token=buyer.access_token)

    shipment = await Shipment.get(order_id=order.id)
    assert shipped.data["orderShip"] == {"order": {"id": gid(order), "status": "SHIPPED", "shipments": [
        {"id": encode_id("Shipment", shipment.id), "carrier": "SF", "trackingNumber": "SF1234567890"}]}, "userErrors": []}
    assert confirmed.data["orderReceiptConfirm"] == {"order": {"id": gid(order), "status": "COMPLETED"}, "userErrors": []}
    after = await Variant.get(id=tea.id)
    assert (after.on_hand, after.reserved) == (8, 0)


async def test_shipping_an_unpaid_order_or_without_the_permission_is_refused(api, bought):
    buyer, _, order = bought
    clerk = await factories.staff(Permission.MANAGE_ORDERS)
    variables = {"input": {"orderId": gid(order), "carrier": "SF", "trackingNumber": "SF1234567890"}}

    unpaid = await api(ORDER_SHIP, variables, token=clerk.access_token)
    customer = await api(ORDER_SHIP, variables, token=buyer.access_token)

    assert unpaid.data["orderShip"]["userErrors"] == [
        {"field": None, "code": "INVALID_STATE", "message": "A PENDING_PAYMENT order cannot be shipped."}]
    assert customer.data["orderShip"]["userErrors"] == [
        {"field": None, "code": "PERMISSION_DENIED", "message": "This needs the MANAGE_ORDERS permission."}]
    assert await Shipment.all().count() == 0


async def test_create_and_preview_answer_cart_empty_until_the_cart_is_merged(api):
    buyer = await factories.customer()
    home = await factories.address(buyer)
    variables = {"input": {"addressId": encode_id("Address", home.id), "idempotencyKey": "k-1"}}

    created = await api(ORDER_CREATE, variables, token=buyer.access_token)
    previewed = await api(ORDER_PREVIEW, variables, token=buyer.access_token)

    cart_empty = [{"field": None, "code": "CART_EMPTY", "message": "There is nothing to order: select some cart lines first."}]
    assert created.data["orderCreate"] == {"order": None, "userErrors": cart_empty}
    assert previewed.data["orderPreview"] == {"lines": [], "total": None, "userErrors": cart_empty}
    assert await Order.all().count() == 0


async def test_create_refuses_bad_input_before_anything(api):
    buyer = await factories.customer()
    variables = {"input": {"addressId": encode_id("Product", 1), "pointsToUse": 0, "note": ""}}

    created = await api(ORDER_CREATE, variables, token=buyer.access_token)
    anonymous = await api(ORDER_CREATE, variables)

    assert created.data["orderCreate"]["userErrors"] == [
        {"field": ["input", "addressId"], "code": "INVALID", "message": "Expected an ID of type Address."}]
    assert anonymous.data["orderCreate"]["userErrors"] == [
        {"field": None, "code": "UNAUTHENTICATED", "message": "You need to sign in."}]
