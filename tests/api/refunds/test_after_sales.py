"""After-sales (退换货) through the API: return with refund, exchange, refund only, and every refusal."""

from __future__ import annotations

import datetime as dt

from mall.catalog.models import Variant
from mall.core.actors import Permission
from mall.core.clock import clock
from mall.orders.models import AfterSale, Order, OrderLine, Refund
from mall.orders.states import OrderStatus, RefundStatus
from tests import factories
from tests.api.payments.scene import gid
from tests.api.refunds.test_cancel_with_refund import paid_order, post, refund_callback
from tests.operations import contract

AFTER_SALE_CREATE = contract("AfterSaleCreate")
AFTER_SALE_SHIP_BACK = contract("AfterSaleShipBack")
AFTER_SALE_CANCEL = contract("AfterSaleCancel")
MY_AFTER_SALES = contract("MyAfterSales")
ADMIN_AFTER_SALES = contract("AdminAfterSales")
AFTER_SALE_APPROVE = contract("AfterSaleApprove")
AFTER_SALE_REJECT = contract("AfterSaleReject")
AFTER_SALE_RECEIVE = contract("AfterSaleReceive")
AFTER_SALE_REFUND = contract("AfterSaleRefund")
AFTER_SALE_EXCHANGE_SHIP = contract("AfterSaleExchangeShip")


async def delivered(order, *, days_ago: int = 0):
    """``order`` DELIVERED ``days_ago`` days ago (the tracking flow has its own tests)."""
    at = clock.now() - dt.timedelta(days=days_ago)
    await Order.filter(id=order.id).update(status=OrderStatus.DELIVERED, shipped_at=at, delivered_at=at)
    return await Order.get(id=order.id)


async def line_of(order) -> OrderLine:
    return await OrderLine.get(order_id=order.id)


def create_input(order, line, *, kind="RETURN_REFUND", quantity=1, exchange_variant=None):
    wanted = {"orderLineId": gid("OrderLine", line.id), "quantity": quantity}
    if exchange_variant is not None:
        wanted["exchangeVariantId"] = gid("Variant", exchange_variant.id)
    return {"input": {"orderId": gid("Order", order.id), "kind": kind, "lines": [wanted],
                      "reason": "不想要了", "images": ["https://img.example.com/1.jpg"]}}


async def ask(api, buyer, order, **options):
    line = await line_of(order)
    answer = await api(AFTER_SALE_CREATE, create_input(order, line, **options), token=buyer.access_token)
    return answer.data["afterSaleCreate"]


async def as_staff(api, operation, after_sale_id, permission=Permission.MANAGE_ORDERS, **fields):
    clerk = await factories.staff(permission)
    answer = await api(operation, {"input": {"afterSaleId": after_sale_id, **fields}}, token=clerk.access_token)
    return next(iter(answer.data.values()))


async def as_customer(api, buyer, operation, after_sale_id, **fields):
    answer = await api(operation, {"input": {"afterSaleId": after_sale_id, **fields}}, token=buyer.access_token)
    return next(iter(answer.data.values()))


def moved(after_sale_id, status):
    return {"afterSale": {"id": after_sale_id, "status": status}, "userErrors": []}


def refused(code, message, field=None):
    return {"afterSale": None, "userErrors": [{"code": code, "message": message, "field": field}]}


async def stock_of(variant_id: int) -> tuple[int, int]:
    variant = await Variant.get(id=variant_id)
    return variant.on_hand, variant.reserved


async def test_a_return_with_refund_goes_back_through_the_provider_and_the_order_is_partly_refunded(api):
    buyer, _, order = await paid_order(api)
    order = await delivered(order)
    line = await line_of(order)

    created = await ask(api, buyer, order)
    after_sale_id = created["afterSale"]["id"]
    steps = [
        await as_staff(api, AFTER_SALE_APPROVE, after_sale_id),
        await as_customer(api, buyer, AFTER_SALE_SHIP_BACK, after_sale_id, carrier="sf", trackingNumber="SF1000000001"),
        await as_staff(api, AFTER_SALE_RECEIVE, after_sale_id),
    ]
    refunding = await as_staff(api, AFTER_SALE_REFUND, after_sale_id, Permission.MANAGE_FINANCE)
    refund = await Refund.get(order_id=order.id)
    confirmed = await post(api, *await refund_callback(refund))

    assert created == {"afterSale": {
        "id": after_sale_id, "kind": "RETURN_REFUND", "status": "REQUESTED",
        "refundAmount": {"amount": "25.00", "currency": "CNY"},
        "lines": [{"orderLine": {"id": gid("OrderLine", line.id)}, "quantity": 1}],
    }, "userErrors": []}
    assert steps == [moved(after_sale_id, s) for s in ("APPROVED", "RETURN_SHIPPED", "RETURN_RECEIVED")]
    assert refunding == {"afterSale": {"id": after_sale_id, "status": "REFUNDING",
                                       "refundAmount": {"amount": "25.00", "currency": "CNY"}}, "userErrors": []}
    assert (refund.amount_minor, refund.refund_number[:2]) == (2500, "RA")
    assert confirmed.status_code == 204
    assert (await AfterSale.get(order_id=order.id)).status.value == "REFUNDED"
    final = await Order.get(id=order.id)
    assert (final.status, final.refund_status) == (OrderStatus.DELIVERED, RefundStatus.PARTIAL)


async def test_an_exchange_holds_the_replacement_on_approval_and_ships_it(api):
    buyer, _, order = await paid_order(api)
    order = await delivered(order)
    other = await factories.variant_of(await factories.product(prices=("25.00",), stock=5))

    created = await ask(api, buyer, order, kind="EXCHANGE", exchange_variant=other)
    after_sale_id = created["afterSale"]["id"]
    approved = await as_staff(api, AFTER_SALE_APPROVE, after_sale_id)
    held = await stock_of(other.id)
    await as_customer(api, buyer, AFTER_SALE_SHIP_BACK, after_sale_id, carrier="SF", trackingNumber="SF1000000002")
    await as_staff(api, AFTER_SALE_RECEIVE, after_sale_id)
    shipped = await as_staff(api, AFTER_SALE_EXCHANGE_SHIP, after_sale_id, carrier="YTO", trackingNumber="YT100000002")

    assert created["afterSale"]["refundAmount"] == {"amount": "0.00", "currency": "CNY"}
    assert approved == moved(after_sale_id, "APPROVED")
    assert held == (5, 1)
    assert shipped == moved(after_sale_id, "EXCHANGE_SHIPPED")
    assert await stock_of(other.id) == (4, 0)
    assert await Refund.filter(order_id=order.id).count() == 0


async def test_refund_only_before_shipping_for_less_than_computed(api):
    buyer, _, order = await paid_order(api)

    created = await ask(api, buyer, order, kind="REFUND_ONLY", quantity=2)
    after_sale_id = created["afterSale"]["id"]
    await as_staff(api, AFTER_SALE_APPROVE, after_sale_id)
    too_much = await as_staff(api, AFTER_SALE_REFUND, after_sale_id, Permission.MANAGE_FINANCE, refundAmount="50.01")
    refunding = await as_staff(api, AFTER_SALE_REFUND, after_sale_id, Permission.MANAGE_FINANCE, refundAmount="40.00")
    await post(api, *await refund_callback(await Refund.get(order_id=order.id)))

    assert created["afterSale"]["refundAmount"] == {"amount": "50.00", "currency": "CNY"}
    assert too_much == refused("INVALID", "A refund is between 0 and the computed 50.00.", ["input", "refundAmount"])
    assert refunding["afterSale"]["refundAmount"] == {"amount": "40.00", "currency": "CNY"}
    assert (await AfterSale.get(order_id=order.id)).status.value == "REFUNDED"
    final = await Order.get(id=order.id)
    assert (final.status, final.refund_status) == (OrderStatus.PAID, RefundStatus.PARTIAL)


async def test_illegal_moves_are_invalid_state_and_change_nothing(api):
    buyer, _, order = await paid_order(api)
    order = await delivered(order)  # goods go back only once they have left
    after_sale_id = (await ask(api, buyer, order))["afterSale"]["id"]

    early_ship_back = await as_customer(
        api, buyer, AFTER_SALE_SHIP_BACK, after_sale_id, carrier="SF", trackingNumber="SF1000000003")
    early_refund = await as_staff(api, AFTER_SALE_REFUND, after_sale_id, Permission.MANAGE_FINANCE)
    early_receive = await as_staff(api, AFTER_SALE_RECEIVE, after_sale_id)
    await as_staff(api, AFTER_SALE_APPROVE, after_sale_id)
    late_cancel = await as_customer(api, buyer, AFTER_SALE_CANCEL, after_sale_id)
    reject_approved = await as_staff(api, AFTER_SALE_REJECT, after_sale_id)

    assert [early_ship_back, early_refund, early_receive, late_cancel, reject_approved] == [
        refused("INVALID_STATE", "An after-sale of kind RETURN_REFUND in state REQUESTED cannot be marked as shipped back."),
        refused("INVALID_STATE", "An after-sale of kind RETURN_REFUND in state REQUESTED cannot be refunded."),
        refused("INVALID_STATE", "An after-sale of kind RETURN_REFUND in state REQUESTED cannot be marked as received back."),
        refused("INVALID_STATE", "An after-sale of kind RETURN_REFUND in state APPROVED cannot be cancelled."),
        refused("INVALID_STATE", "An after-sale of kind RETURN_REFUND in state APPROVED cannot be rejected."),
    ]
    assert (await AfterSale.get(order_id=order.id)).status.value == "APPROVED"


async def test_refunding_needs_manage_finance(api):
    buyer, _, order = await paid_order(api)
    after_sale_id = (await ask(api, buyer, order, kind="REFUND_ONLY"))["afterSale"]["id"]
    await as_staff(api, AFTER_SALE_APPROVE, after_sale_id)

    answer = await as_staff(api, AFTER_SALE_REFUND, after_sale_id, Permission.MANAGE_ORDERS)

    assert answer == refused("PERMISSION_DENIED", "This needs the MANAGE_FINANCE permission.")
    assert (await AfterSale.get(order_id=order.id)).status.value == "APPROVED"


async def test_no_more_units_than_bought_minus_those_already_asked_for(api):
    buyer, _, order = await paid_order(api)
    order = await delivered(order)  # goods go back only once they have left
    first = (await ask(api, buyer, order, quantity=2))["afterSale"]["id"]

    over = await ask(api, buyer, order, quantity=1)
    await as_customer(api, buyer, AFTER_SALE_CANCEL, first)
    after_cancel = await ask(api, buyer, order, quantity=2)

    assert over == refused("INVALID", "At most 0 of this line can still be in an after-sale.", ["input", "lines", "0", "quantity"])
    assert after_cancel["afterSale"]["status"] == "REQUESTED"
    assert await AfterSale.filter(order_id=order.id).count() == 2


async def test_after_the_window_closed_no_after_sale(api):
    buyer, _, order = await paid_order(api)
    order = await delivered(order, days_ago=8)
    closes = (order.delivered_at + dt.timedelta(days=7)).isoformat()

    answer = await ask(api, buyer, order)

    assert answer == refused("INVALID", f"The after-sale window of this order closed at {closes}.", ["input", "orderId"])
    assert await AfterSale.filter(order_id=order.id).count() == 0


async def test_staff_open_an_after_sale_past_the_window_for_the_customer(api):
    buyer, _, order = await paid_order(api)
    order = await delivered(order, days_ago=30)
    clerk = await factories.staff(Permission.MANAGE_ORDERS)
    other = await factories.staff(Permission.MANAGE_FINANCE)

    opened = await ask(api, clerk, order, kind="REFUND_ONLY")
    refused_to_other = await ask(api, other, order, kind="REFUND_ONLY")

    assert opened["userErrors"] == [] and opened["afterSale"]["status"] == "REQUESTED"
    assert refused_to_other == refused("NOT_FOUND", "No such order.", ["input", "orderId"])
    after_sale = await AfterSale.get(order_id=order.id)
    assert after_sale.customer_id == order.user_id  # the customer's after-sale, opened by staff
    mine = (await api(MY_AFTER_SALES, {}, token=buyer.access_token)).data["me"]["afterSales"]
    assert [edge["node"]["id"] for edge in mine["edges"]] == [opened["afterSale"]["id"]]


async def test_an_unpaid_order_has_no_after_sales(api):
    buyer = await factories.customer()
    tea = await factories.variant_of(await factories.product(prices=("25.00",), stock=10))
    order = await factories.order(buyer, (tea.id, 1))

    answer = await ask(api, buyer, order)

    assert answer == refused("INVALID_STATE", "After-sales are for paid orders; this one is PENDING_PAYMENT.")


async def test_another_customers_order_and_after_sale_are_not_found(api):
    buyer, _, order = await paid_order(api)
    order = await delivered(order)  # goods go back only once they have left
    after_sale_id = (await ask(api, buyer, order))["afterSale"]["id"]
    stranger = await factories.customer()

    create = await ask(api, stranger, order)
    cancel = await as_customer(api, stranger, AFTER_SALE_CANCEL, after_sale_id)
    mine = await api(MY_AFTER_SALES, {"first": 10}, token=stranger.access_token)

    assert create == refused("NOT_FOUND", "No such order.", ["input", "orderId"])
    assert cancel == refused("NOT_FOUND", "No such after-sale.", ["input", "afterSaleId"])
    assert mine.data["me"]["afterSales"]["edges"] == []
    assert (await AfterSale.get(order_id=order.id)).status.value == "REQUESTED"


async def test_the_customer_and_staff_list_after_sales(api):
    buyer, _, order = await paid_order(api)
    order = await delivered(order)  # goods go back only once they have left
    after_sale_id = (await ask(api, buyer, order))["afterSale"]["id"]
    clerk = await factories.staff(Permission.MANAGE_ORDERS)

    mine = await api(MY_AFTER_SALES, {"first": 10}, token=buyer.access_token)
    requested = await api(ADMIN_AFTER_SALES, {"first": 10, "filter": {"statuses": ["REQUESTED"], "kind": "RETURN_REFUND"}},
                          token=clerk.access_token)
    approved = await api(ADMIN_AFTER_SALES, {"first": 10, "filter": {"statuses": ["APPROVED"]}}, token=clerk.access_token)

    node = mine.data["me"]["afterSales"]["edges"][0]["node"]
    assert (node["id"], node["reason"], node["order"]) == (after_sale_id, "不想要了", {"id": gid("Order", order.id), "number": order.number})
    listed = requested.data["afterSales"]
    assert (listed["totalCount"], listed["edges"][0]["node"]["images"]) == (1, ["https://img.example.com/1.jpg"])
    assert listed["edges"][0]["node"]["customer"] == {"id": gid("User", buyer.user.id)}
    assert approved.data["afterSales"]["totalCount"] == 0


ORDER_SHIP = contract("OrderShip")


async def test_an_order_with_units_refunded_before_shipping_cannot_be_shipped_whole(api):
    # Given a paid order whose two units were refunded (refund only) before it shipped
    buyer, _, order = await paid_order(api)
    after_sale_id = (await ask(api, buyer, order, kind="REFUND_ONLY", quantity=2))["afterSale"]["id"]
    await as_staff(api, AFTER_SALE_APPROVE, after_sale_id)
    await as_staff(api, AFTER_SALE_REFUND, after_sale_id, Permission.MANAGE_FINANCE)
    await post(api, *await refund_callback(await Refund.get(order_id=order.id)))
    clerk = await factories.staff(Permission.MANAGE_ORDERS)

    # When staff try to ship it
    shipped = await api(ORDER_SHIP, {"input": {"orderId": gid("Order", order.id), "carrier": "SF",
                                               "trackingNumber": "SF77001"}}, token=clerk.access_token)

    # Then the goods stay: shipping refunded units would give them away
    assert shipped.data["orderShip"] == {"order": None, "userErrors": [{
        "field": None, "code": "INVALID_STATE",
        "message": "This order has after-sales from before shipping: ship it only once none is open or refunded, "
                   "or cancel it (its refund covers the rest)."}]}
    assert (await Order.get(id=order.id)).status is OrderStatus.PAID


async def test_goods_not_shipped_yet_cannot_be_returned_or_exchanged(api):
    buyer, _, order = await paid_order(api)
    replacement = await factories.variant_of(await factories.product(stock=3))

    returned = await ask(api, buyer, order, kind="RETURN_REFUND")
    exchanged = await ask(api, buyer, order, kind="EXCHANGE", exchange_variant=replacement)

    message = "Goods not shipped yet cannot be returned or exchanged: ask for a refund, or cancel the order."
    assert returned == exchanged == refused("INVALID_STATE", message)
    assert await AfterSale.filter(order_id=order.id).count() == 0
    assert await stock_of(replacement.id) == (3, 0)
