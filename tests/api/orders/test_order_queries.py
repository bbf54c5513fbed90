"""Order queries through the API: a customer sees only their own orders; staff with MANAGE_ORDERS see all."""

from __future__ import annotations

import pytest

from mall.accounts import sessions
from mall.core.actors import Permission
from mall.graphql.relay import encode_id
from mall.orders import lifecycle
from mall.orders.states import OrderStatus
from tests import factories
from tests.operations import contract

MY_ORDERS = contract("MyOrders")
MY_ORDER = contract("MyOrder")
NODE_LOOKUP = contract("NodeLookup")
ADMIN_ORDERS = contract("AdminOrders")
ORDER_DETAIL = """
query OrderDetail($number: String!) {
  me { order(number: $number) {
    number status expiresAt createdAt note
    address { recipient city postalCode }
    invoice { kind title taxId }
    lines { title variantTitle sku quantity unitPrice { amount currency } total { amount } }
    subtotal { amount } shipping { amount } total { amount } walletDue { amount } externalDue { amount }
    events { type fromStatus toStatus actorKind note }
    afterSales { id }
    customer { id }
  } }
}
"""


def gid(order) -> str:
    return encode_id("Order", order.id)


async def a_customer_with_orders(count: int):
    buyer = await factories.customer()
    tea = await factories.variant_of(await factories.product(title="龙井", prices=("25.00",), stock=1000))
    home = await factories.address(buyer)
    orders = [await factories.order(buyer, (tea.id, 1), address_id=home.id) for _ in range(count)]
    return buyer, tea, orders


async def test_my_orders_are_newest_first_and_paged(api):
    buyer, _, orders = await a_customer_with_orders(3)
    await factories.customer()

    first = await api(MY_ORDERS, {"first": 2}, token=buyer.access_token)
    page = first.data["me"]["orders"]
    second = await api(MY_ORDERS, {"first": 2, "after": page["pageInfo"]["endCursor"]}, token=buyer.access_token)

    assert page["totalCount"] == 3
    assert [edge["node"]["number"] for edge in page["edges"]] == [orders[2].number, orders[1].number]
    assert page["pageInfo"]["hasNextPage"] is True
    assert [edge["node"]["number"] for edge in second.data["me"]["orders"]["edges"]] == [orders[0].number]
    node = page["edges"][0]["node"]
    assert (node["status"], node["refundStatus"], node["total"], node["afterSales"], node["shipments"]) == (
        "PENDING_PAYMENT", "NONE", {"amount": "35.00", "currency": "CNY"}, [], [])
    assert node["events"] == [{"type": "CREATED", "fromStatus": None, "toStatus": "PENDING_PAYMENT",
                               "at": node["events"][0]["at"], "note": "", "actorKind": "CUSTOMER"}]


async def test_my_orders_filter_by_statuses(api):
    buyer, _, orders = await a_customer_with_orders(3)
    await lifecycle.cancel_order(sessions.actor_for(buyer.user),
                                 order_id=orders[0].id)

    result = await api(MY_ORDERS, {"statuses": ["CANCELLED"]}, token=buyer.access_token)

    assert [edge["node"]["number"] for edge in result.data["me"]["orders"]["edges"]] == [orders[0].number]


async def test_my_order_by_number_shows_its_snapshots_and_never_another_customers(api):
    buyer, tea, orders = await a_customer_with_orders(1)
    stranger = await factories.customer()

    mine = await api(ORDER_DETAIL, {"number": orders[0].number}, token=buyer.access_token)
    theirs = await api(MY_ORDER, {"number": orders[0].number}, token=stranger.access_token)

    order = mine.data["me"]["order"]
    assert order["lines"] == [{"title": "龙井", "variantTitle": "Variant 1", "sku": tea.sku, "quantity": 1,
                               "unitPrice": {"amount": "25.00", "currency": "CNY"}, "total": {"amount": "25.00"}}]
    assert (order["subtotal"], order["shipping"], order["total"], order["walletDue"], order["externalDue"]) == (
        {"amount": "25.00"}, {"amount": "10.00"}, {"amount": "35.00"}, {"amount": "0.00"}, {"amount": "35.00"})
    assert order["address"] == {"recipient": "张三", "city": "杭州市", "postalCode": "310000"}
    assert (order["invoice"], order["customer"], order["afterSales"]) == (None, None, [])
    assert theirs.data["me"]["order"] is None


async def test_node_shows_an_order_to_its_customer_and_order_staff_only(api):
    buyer, _, orders = await a_customer_with_orders(1)
    stranger = await factories.customer()
    clerk = await factories.staff(Permission.MANAGE_ORDERS)
    catalog_staff = await factories.staff(Permission.MANAGE_PRODUCTS)
    variables = {"id": gid(orders[0])}

    seen = {name: (await api(NODE_LOOKUP, variables, token=account.access_token if account else None)).data["node"]
            for name, account in (("buyer", buyer), ("stranger", stranger), ("clerk", clerk),
                                  ("catalog", catalog_staff), ("anonymous", None))}

    shown = {"id": gid(orders[0]), "number": orders[0].number, "status": "PENDING_PAYMENT"}
    assert seen == {"buyer": shown, "stranger": None, "clerk": shown, "catalog": None, "anonymous": None}


async def test_staff_list_and_filter_every_order_with_its_customer(api):
    buyer, _, mine = await a_customer_with_orders(2)
    other, _, theirs = await a_customer_with_orders(1)
    clerk = await factories.staff(Permission.MANAGE_ORDERS)

    everything = await api(ADMIN_ORDERS, {}, token=clerk.access_token)
    by_customer = await api(ADMIN_ORDERS, {"filter": {"customerId": encode_id("User", other.user.id)}},
                            token=clerk.access_token)
    by_number = await api(ADMIN_ORDERS, {"filter": {"number": mine[0].number, "statuses": ["PENDING_PAYMENT"]}},
                          token=clerk.access_token)
    by_status = await api(ADMIN_ORDERS, {"filter": {"statuses": ["PAID"]}}, token=clerk.access_token)

    def numbers(result):
        return [edge["node"]["number"] for edge in result.data["orders"]["edges"]]

    assert numbers(everything) == [theirs[0].number, mine[1].number, mine[0].number]
    assert everything.data["orders"]["edges"][0]["node"]["customer"] == {
        "id": encode_id("User", other.user.id), "email": other.user.email, "mobile": None, "name": "Test Customer"}
    assert numbers(by_customer) == [theirs[0].number]
    assert numbers(by_number) == [mine[0].number]
    assert numbers(by_status) == []


async def test_staff_orders_need_the_permission(api):
    buyer, _, _ = await a_customer_with_orders(1)
    catalog_staff = await factories.staff(Permission.MANAGE_PRODUCTS)

    customer = await api(ADMIN_ORDERS, {}, token=buyer.access_token)
    staff = await api(ADMIN_ORDERS, {}, token=catalog_staff.access_token)
    anonymous = await api(ADMIN_ORDERS, {})

    assert [r.error_codes for r in (customer, staff, anonymous)] == [["FORBIDDEN"], ["FORBIDDEN"], ["UNAUTHENTICATED"]]


@pytest.mark.parametrize("count", [3, 20])
async def test_a_page_of_orders_costs_the_same_statements_whatever_its_size(api, sql_counting, configure, count):
    configure(order_unpaid_max=count)  # a page's worth of orders, all unpaid
    buyer, _, orders = await a_customer_with_orders(count)
    await factories.paid(orders[0])
    await lifecycle.ship_order(sessions.actor_for(
        (await factories.staff(Permission.MANAGE_ORDERS)).user), order_id=orders[0].id, carrier="SF",
        tracking_number="SF0000001")

    result = await api(MY_ORDERS, {"first": 20}, token=buyer.access_token, headers={"X-Request-Id": "count"})

    assert len(result.data["me"]["orders"]["edges"]) == count
    # session, page, count, lines, events, shipments, shipment events, after-sales
    assert int(result.headers["x-mall-sql-statements"]) == 8
    assert OrderStatus.SHIPPED.value in {e["node"]["status"] for e in result.data["me"]["orders"]["edges"]}
