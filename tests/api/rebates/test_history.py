"""A customer's rebate history (DESIGN §3.6): each rebate with its frozen rule, computation, per-line split and
installments; only their own; filtered by status and paged newest first; the summary; accountDelete waits."""

from __future__ import annotations

from mall.core.actors import Permission
from mall.graphql.relay import decode_id, encode_id
from mall.orders.models import Order, OrderLine
from mall.orders.states import OrderStatus
from mall.rebates.models import Rebate, RebateInstallment
from tests import factories
from tests.api.rebates.reading import MY_REBATES, REBATE_NODE, goods, money, my_rebates, paid_order
from tests.api.rebates.scene import active_rule, manager, update
from tests.operations import contract

ACCOUNT_DELETE = contract("AccountDelete")
INSTALLMENT_NODE = "query($id: ID!) { node(id: $id) { id ... on RebateInstallment { seq amount { amount } } } }"


async def test_a_customer_reads_a_rebate_with_its_frozen_rule_computation_lines_and_installments(api):
    staff = await manager()
    rule_id = await active_rule(api, staff, name="Ten", description="10% back as credit, in 3 months",
                                kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT", installmentCount=3,
                                period="MONTH")
    buyer = await factories.customer()
    tea, cup = await goods("40.00"), await goods("25.50")
    order = await paid_order(api, buyer, (tea.id, 1), (cup.id, 2))
    # The rule is edited after payment: the rebate keeps what it was made under
    await update(api, staff, encode_id("RebateRule", rule_id), name="Half", description="changed", ratio="0.50")

    me = await my_rebates(api, buyer)

    assert me["rebates"]["totalCount"] == 1
    rebate = me["rebates"]["edges"][0]["node"]
    lines = sorted(rebate.pop("lines"), key=lambda line: line["amount"]["amount"])
    rebate.pop("id")
    assert rebate == {
        "status": "PENDING", "payoutForm": "REBATE_CREDIT", "amount": money("9.10"), "points": None,
        "released": money("0.00"), "unrecovered": money("0.00"),
        "order": {"id": encode_id("Order", order.id), "number": order.number},
        "rule": {"name": "Ten", "kind": "FIXED_RATIO", "description": "10% back as credit, in 3 months"},
        "computation": {"basis": money("91.00"), "bracket": None, "slices": [], "repeats": None, "capsApplied": []},
        "installments": [
            {"id": rebate["installments"][n]["id"], "seq": n + 1, "dueAt": None, "amount": money(amount),
             "points": None, "status": "SCHEDULED", "releasedAt": None}
            for n, amount in enumerate(("3.03", "3.03", "3.04"))
        ],
    }
    titles = {line.id: line.title for line in await OrderLine.filter(order_id=order.id)}
    assert [(line["orderLine"]["title"], line["basis"], line["amount"]) for line in lines] == [
        (titles[decode_id(line["orderLine"]["id"], "OrderLine", field="id")], basis, amount)
        for line, basis, amount in zip(lines, (money("40.00"), money("51.00")), (money("4.00"), money("5.10")),
                                       strict=True)
    ]


async def test_progressive_slices_threshold_repeats_and_points(api):
    staff = await manager()
    await active_rule(api, staff, name="Steps", kind="TIERED", tierMode="PROGRESSIVE", payoutForm="POINTS",
                      tiers=[{"from": "0", "rate": "0.05"}, {"from": "50", "rate": "0.10"}])
    await active_rule(api, staff, name="Every 30", kind="THRESHOLD", threshold="30", reward="2", repeat=True,
                      payoutForm="REBATE_CREDIT", installmentCount=2, period="DAY")
    buyer = await factories.customer()
    tea = await goods("45.50")
    await paid_order(api, buyer, (tea.id, 2))  # a basis of 91.00

    edges = (await my_rebates(api, buyer))["rebates"]["edges"]

    by_rule = {edge["node"]["rule"]["name"]: edge["node"] for edge in edges}
    steps, every = by_rule["Steps"], by_rule["Every 30"]
    assert (steps["payoutForm"], steps["amount"], steps["points"]) == ("POINTS", money("6.60"), 660)
    assert steps["computation"]["slices"] == [
        {"from": money("0.00"), "to": money("50.00"), "rate": "0.0500", "amount": money("2.50")},
        {"from": money("50.00"), "to": money("91.00"), "rate": "0.1000", "amount": money("4.10")},
    ]
    assert [i["points"] for i in steps["installments"]] == [660]
    assert (every["amount"], every["points"], every["computation"]["repeats"]) == (money("6.00"), None, 3)
    assert [i["amount"] for i in every["installments"]] == [money("3.00"), money("3.00")]


async def test_a_customer_sees_only_their_own_rebates(api):
    staff = await manager()
    await active_rule(api, staff, name="Ten", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT")
    tea = await goods()
    mine, theirs = await factories.customer(), await factories.customer()
    await paid_order(api, mine, (tea.id, 1))
    await paid_order(api, theirs, (tea.id, 2))
    their_rebate = (await my_rebates(api, theirs))["rebates"]["edges"][0]["node"]["id"]

    assert [e["node"]["amount"] for e in (await my_rebates(api, mine))["rebates"]["edges"]] == [money("4.00")]
    assert (await api(REBATE_NODE, {"id": their_rebate}, token=mine.access_token)).data["node"] is None
    assert (await api(REBATE_NODE, {"id": their_rebate})).data["node"] is None
    orders_only = await factories.staff(Permission.MANAGE_ORDERS)
    assert (await api(REBATE_NODE, {"id": their_rebate}, token=orders_only.access_token)).data["node"] is None
    # The owner and rebate staff read it
    seen = (await api(REBATE_NODE, {"id": their_rebate}, token=theirs.access_token)).data["node"]
    assert (seen["amount"], seen["rule"]["name"]) == ({"amount": "8.00"}, "Ten")
    by_staff = (await api(REBATE_NODE, {"id": their_rebate}, token=staff.access_token)).data["node"]
    assert by_staff == {**seen, "order": None}  # the order is for its customer and MANAGE_ORDERS
    # Installments likewise
    their_installment = (await my_rebates(api, theirs))["rebates"]["edges"][0]["node"]["installments"][0]["id"]
    for reader, expected in ((mine, None), (orders_only, None), (theirs, their_installment), (staff, their_installment)):
        node = (await api(INSTALLMENT_NODE, {"id": their_installment}, token=reader.access_token)).data["node"]
        assert (node and node["id"]) == expected


async def test_status_filter_and_paging_newest_first(api):
    staff = await manager()
    await active_rule(api, staff, name="Ten", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT")
    buyer = await factories.customer()
    tea = await goods("10.00")
    orders = [await paid_order(api, buyer, (tea.id, quantity)) for quantity in (1, 2, 3)]
    await Rebate.filter(order_id=orders[1].id).update(status="CANCELLED")  # as a full refund leaves it

    first = (await my_rebates(api, buyer, first=2))["rebates"]
    assert first["totalCount"] == 3 and first["pageInfo"]["hasNextPage"] is True
    assert [e["node"]["order"]["number"] for e in first["edges"]] == [orders[2].number, orders[1].number]
    rest = (await my_rebates(api, buyer, first=2, after=first["pageInfo"]["endCursor"]))["rebates"]
    assert [e["node"]["order"]["number"] for e in rest["edges"]] == [orders[0].number]
    assert rest["pageInfo"]["hasNextPage"] is False

    pending = (await my_rebates(api, buyer, status="PENDING"))["rebates"]
    assert pending["totalCount"] == 2
    assert [e["node"]["amount"] for e in pending["edges"]] == [money("3.00"), money("1.00")]
    cancelled = (await my_rebates(api, buyer, status="CANCELLED"))["rebates"]
    assert [e["node"]["order"]["number"] for e in cancelled["edges"]] == [orders[1].number]


async def test_the_summary_adds_up_each_word(api):
    staff = await manager()
    await active_rule(api, staff, name="Ten", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT",
                      installmentCount=3, period="MONTH")
    buyer = await factories.customer()
    tea = await goods("10.00")
    # Five rebates of 1.00 .. 5.00, then moved as the lifecycle would move them
    orders = [await paid_order(api, buyer, (tea.id, quantity)) for quantity in (1, 2, 3, 4, 5)]
    rebate = {n: await Rebate.get(order_id=order.id) for n, order in enumerate(orders, start=1)}
    # 1: PENDING 1.00.  2: CANCELLED (its 2.00 earns nothing)
    await Rebate.filter(id=rebate[2].id).update(status="CANCELLED")
    # 3: ACTIVE 3.00, its first installment (1.00) released: 2.00 outstanding
    await Rebate.filter(id=rebate[3].id).update(status="ACTIVE", released_minor=100)
    await RebateInstallment.filter(rebate_id=rebate[3].id, seq=1).update(status="RELEASED", released_minor=100)
    # 4: ACTIVE, refunded down to 2.50 after 1.33 was released; 0.50 could not be clawed back
    await Rebate.filter(id=rebate[4].id).update(status="ACTIVE", amount_minor=250, released_minor=133,
                                                clawed_back_minor=83, unrecovered_minor=50)
    await RebateInstallment.filter(rebate_id=rebate[4].id, seq=1).update(status="RELEASED", released_minor=133)
    await RebateInstallment.filter(rebate_id=rebate[4].id, seq=3).update(status="CANCELLED", amount_minor=0)
    # 5: COMPLETED, all 5.00 released
    await Rebate.filter(id=rebate[5].id).update(status="COMPLETED", released_minor=500)
    await RebateInstallment.filter(rebate_id=rebate[5].id).update(status="RELEASED")

    summary = (await my_rebates(api, buyer))["rebateSummary"]

    assert summary == {
        "earned": money("11.50"),  # 1.00 + 3.00 + 2.50 + 5.00
        "pending": money("1.00"),
        "outstanding": money("3.33"),  # 3's last two (1.00 + 1.00), 4's second (1.33 of 1.33, 1.33, 1.34)
        "released": money("7.33"),  # 1.00 + 1.33 + 5.00
        "clawedBack": money("0.83"),
        "unrecovered": money("0.50"),
    }


async def test_account_delete_waits_for_open_rebates(api):
    staff = await manager()
    await active_rule(api, staff, name="Ten", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT")
    buyer = await factories.customer()
    order = await paid_order(api, buyer, ((await goods()).id, 1))
    await Order.filter(id=order.id).update(status=OrderStatus.COMPLETED)  # the order itself is done

    refused = await api(ACCOUNT_DELETE, {"input": {"password": buyer.password}}, token=buyer.access_token)
    assert refused.data["accountDelete"]["userErrors"] == [{
        "field": None, "code": "INVALID_STATE",
        "message": "A rebate is still pending or being released; the account can close once it is done."}]

    await Rebate.filter(order_id=order.id).update(status="ACTIVE")
    refused = await api(ACCOUNT_DELETE, {"input": {"password": buyer.password}}, token=buyer.access_token)
    assert [e["code"] for e in refused.data["accountDelete"]["userErrors"]] == ["INVALID_STATE"]

    await Rebate.filter(order_id=order.id).update(status="COMPLETED")
    done = await api(ACCOUNT_DELETE, {"input": {"password": buyer.password}}, token=buyer.access_token)
    assert done.data["accountDelete"] == {"ok": True, "userErrors": []}


async def _statements(api, buyer, first: int) -> int:  # type: ignore[no-untyped-def]
    answer = await api(MY_REBATES, {"first": first}, token=buyer.access_token, headers={"X-Request-Id": "count"})
    assert "errors" not in answer.body, answer.errors
    assert len(answer.data["me"]["rebates"]["edges"]) == first
    return int(answer.headers["x-mall-sql-statements"])


async def test_a_page_of_rebates_costs_the_same_statements_for_1_and_4(api, sql_counting):
    staff = await manager()
    await active_rule(api, staff, name="Ten", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT",
                      installmentCount=2, period="DAY")
    buyer = await factories.customer()
    tea, cup = await goods("10.00"), await goods("12.00")
    for quantity in (1, 2, 3, 4):
        await paid_order(api, buyer, (tea.id, quantity), (cup.id, 1))

    one, four = await _statements(api, buyer, 1), await _statements(api, buyer, 4)

    # the session, the summary (2), the page, its count, then one each for orders, order lines, installments
    assert one == four == 8
