"""What staff read of rebates (DESIGN §3.6 safeguards, §3.8): the liability per rule, rebates by customer and
order, an order's rebates; each refused to customers and to staff without MANAGE_REBATES."""

from __future__ import annotations

from mall.core.actors import Permission
from mall.graphql.relay import encode_id
from mall.rebates.models import Rebate, RebateInstallment
from tests import factories
from tests.api.rebates.reading import LIABILITY, STAFF_REBATES, SWITCHES, goods, money, order_id, paid_order
from tests.api.rebates.scene import active_rule, manager

ORDER_REBATES = """
query OrderRebates($id: ID!) {
  node(id: $id) { ... on Order { number rebates { status amount { amount } rule { name } } } }
}
"""


async def test_liability_per_rule_after_a_few_paid_orders(api):
    staff = await manager()
    ten = await active_rule(api, staff, name="Ten", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT",
                            installmentCount=2, period="MONTH", budget="100")
    five = await active_rule(api, staff, name="Five", kind="FIXED_RATIO", ratio="0.05", payoutForm="POINTS")
    await active_rule(api, staff, name="Unused", kind="FIXED_RATIO", ratio="0.01", payoutForm="POINTS",
                      scope={"kind": "PRODUCTS", "ids": [encode_id("Product", 10**9)]})
    tea = await goods("40.00")
    buyers = [await factories.customer() for _ in range(3)]
    orders = [await paid_order(api, buyer, (tea.id, n)) for n, buyer in enumerate(buyers, start=1)]
    # The second order's rebate under Ten became ACTIVE and released its first installment (4.00 of 8.00);
    # the third was refunded down to 6.00 after 4.00 had been released, 1.00 of it unrecovered
    second = await Rebate.get(order_id=orders[1].id, rule_id=ten)
    await Rebate.filter(id=second.id).update(status="ACTIVE", released_minor=400)
    await RebateInstallment.filter(rebate_id=second.id, seq=1).update(status="RELEASED", released_minor=400)
    third = await Rebate.get(order_id=orders[2].id, rule_id=ten)
    await Rebate.filter(id=third.id).update(status="ACTIVE", amount_minor=600, released_minor=600,
                                            clawed_back_minor=100, unrecovered_minor=100)
    await RebateInstallment.filter(rebate_id=third.id, seq=1).update(status="RELEASED", released_minor=600)
    await RebateInstallment.filter(rebate_id=third.id, seq=2).update(status="CANCELLED", amount_minor=0)

    rows = (await api(LIABILITY, {}, token=staff.access_token)).data["rebateLiability"]

    assert [row["rule"]["name"] for row in rows] == ["Unused", "Five", "Ten"]
    by_name = {row["rule"]["name"]: row for row in rows}
    zero = money("0.00")
    assert by_name["Ten"] == {
        "rule": {"id": encode_id("RebateRule", ten), "name": "Ten", "budget": money("100.00")},
        "pending": money("4.00"), "outstanding": money("4.00"), "released": money("10.00"),
        "clawedBack": money("1.00"), "unrecovered": money("1.00"),
        "remainingBudget": money("76.00"),  # 100 less the 24.00 reserved at payment
    }
    assert by_name["Five"] == {
        "rule": {"id": encode_id("RebateRule", five), "name": "Five", "budget": None},
        "pending": money("12.00"), "outstanding": zero, "released": zero, "clawedBack": zero, "unrecovered": zero,
        "remainingBudget": None,
    }
    assert by_name["Unused"]["pending"] == zero


async def test_rebates_by_customer_order_and_status_for_staff(api):
    staff = await manager()
    await active_rule(api, staff, name="Ten", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT")
    tea = await goods("10.00")
    first, second = await factories.customer(), await factories.customer()
    a = await paid_order(api, first, (tea.id, 1))
    b = await paid_order(api, first, (tea.id, 2))
    c = await paid_order(api, second, (tea.id, 3))
    await Rebate.filter(order_id=b.id).update(status="CANCELLED")

    reader = await factories.staff(Permission.MANAGE_REBATES, Permission.MANAGE_ORDERS)

    async def numbers(**variables):  # type: ignore[no-untyped-def]
        found = (await api(STAFF_REBATES, variables, token=reader.access_token)).data["rebates"]
        return found["totalCount"], [edge["node"]["order"]["number"] for edge in found["edges"]]

    assert await numbers() == (3, [c.number, b.number, a.number])
    assert await numbers(customerId=encode_id("User", first.user.id)) == (2, [b.number, a.number])
    assert await numbers(orderId=order_id(c)) == (1, [c.number])
    assert await numbers(customerId=encode_id("User", first.user.id), status="PENDING") == (1, [a.number])
    assert await numbers(customerId=encode_id("Order", first.user.id)) == (0, [])  # another type's id: nothing
    assert await numbers(first=1) == (3, [c.number])
    # Without MANAGE_ORDERS, rebate staff see the rebates but not the orders (addresses, payments) behind them
    only_rebates = (await api(STAFF_REBATES, {}, token=staff.access_token)).data["rebates"]
    assert [(edge["node"]["amount"], edge["node"]["order"]) for edge in only_rebates["edges"]] == [
        ({"amount": "3.00"}, None), ({"amount": "2.00"}, None), ({"amount": "1.00"}, None)]


async def test_an_orders_rebates_show_to_its_customer_and_rebate_staff_only(api):
    staff = await manager()
    await active_rule(api, staff, name="Ten", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT")
    buyer = await factories.customer()
    order = await paid_order(api, buyer, ((await goods("10.00")).id, 1))
    both = await factories.staff(Permission.MANAGE_ORDERS, Permission.MANAGE_REBATES)
    orders_only = await factories.staff(Permission.MANAGE_ORDERS)
    expected = [{"status": "PENDING", "amount": {"amount": "1.00"}, "rule": {"name": "Ten"}}]

    for reader in (buyer, both):
        node = (await api(ORDER_REBATES, {"id": order_id(order)}, token=reader.access_token)).data["node"]
        assert node == {"number": order.number, "rebates": expected}
    node = (await api(ORDER_REBATES, {"id": order_id(order)}, token=orders_only.access_token)).data["node"]
    assert node == {"number": order.number, "rebates": None}


async def test_staff_reads_are_refused_without_manage_rebates(api):
    customer = await factories.customer()
    finance = await factories.staff(Permission.MANAGE_FINANCE)
    for field, query in (("rebateLiability", LIABILITY), ("rebates", STAFF_REBATES), ("rebateSwitches", SWITCHES)):
        anonymous = await api(query, {})
        assert anonymous.error_codes == ["UNAUTHENTICATED"]
        for reader in (customer, finance):
            answer = await api(query, {}, token=reader.access_token)
            assert answer.error_codes == ["FORBIDDEN"]
            assert answer.body["data"] == {field: None}
    # Another customer's rebates through their User node: null, not an error
    someone = await factories.customer()
    them = await api("query($id: ID!) { node(id: $id) { ... on User { rebates { totalCount } "
                     "rebateSummary { earned { amount } } } } }", {"id": encode_id("User", someone.user.id)},
                     token=customer.access_token)
    assert them.data["node"] is None

