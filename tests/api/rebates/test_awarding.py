"""Rebates made at payment (DESIGN §3.6): PENDING with the rule frozen, the amount split over the lines and
installments, the budget reserved; none for rules out of their window or paused; none while new rebates
are paused."""

from __future__ import annotations

import datetime as dt

from mall.core.clock import clock
from mall.graphql.relay import encode_id
from mall.infra.outbox import OutboxEvent
from mall.rebates.models import Rebate, RebateRule
from tests import factories
from tests.api.rebates.reading import SWITCHES_SET, my_rebates
from tests.api.rebates.scene import active_rule, detail, manager, ordered, pay, update


async def _rebates(api, buyer: factories.Account) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    """The buyer's rebates as the storefront reads them, oldest first."""
    return [edge["node"] for edge in reversed((await my_rebates(api, buyer))["rebates"]["edges"])]


async def _rule(api, staff: factories.Account, rule_id: int) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """What the rule has left to reserve, and its status, as the console reads them."""
    found = await detail(api, staff, encode_id("RebateRule", rule_id))
    assert found is not None
    return found["budgetRemaining"]["amount"], found["status"]


async def _goods(price: str = "40.00", stock: int = 10):  # type: ignore[no-untyped-def]
    return await factories.variant_of(await factories.product(prices=(price,), stock=stock))


async def test_a_paid_order_gets_a_pending_rebate_with_its_rule_frozen(api):
    staff = await manager()
    rule_id = await active_rule(api, staff, name="Ten", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT",
                                installmentCount=3, period="MONTH", budget="100")
    buyer = await factories.customer()
    tea, cup = await _goods("40.00"), await _goods("25.50")
    order = await ordered(buyer, (tea.id, 1), (cup.id, 2))  # 91.00 of goods, shipping on top (excluded)

    await pay(api, buyer, order)
    # A later edit of the rule changes nothing already made
    await update(api, staff, encode_id("RebateRule", rule_id), ratio="0.50", name="Half")

    (rebate,) = await _rebates(api, buyer)
    assert (rebate["status"], rebate["payoutForm"], rebate["amount"]["amount"], rebate["order"]["number"]) == (
        "PENDING", "REBATE_CREDIT", "9.10", order.number)
    assert rebate["rule"] == {"name": "Ten", "kind": "FIXED_RATIO", "description": ""}
    assert (rebate["computation"]["basis"]["amount"], rebate["computation"]["capsApplied"]) == ("91.00", [])
    assert sorted(line["amount"]["amount"] for line in rebate["lines"]) == ["4.00", "5.10"]
    assert [(i["seq"], i["amount"]["amount"], i["status"], i["dueAt"]) for i in rebate["installments"]] == [
        (1, "3.03", "SCHEDULED", None), (2, "3.03", "SCHEDULED", None), (3, "3.04", "SCHEDULED", None)]
    # The API shows no versions: the snapshot was taken after the activation edit (2), not the later one
    assert (await Rebate.get(order_id=order.id)).snapshot["version"] == 2
    assert await _rule(api, staff, rule_id) == ("90.90", "ACTIVE")
    event = await OutboxEvent.get(topic="rebate.changed")
    assert (event.customer_id, event.payload["type"], event.payload["toStatus"], event.payload["amountDelta"]) == (
        buyer.user.id, "STATUS_CHANGED", "PENDING", "9.10")


async def test_the_budget_truncates_the_last_rebate_and_the_rule_is_exhausted(api):
    staff = await manager()
    rule_id = await active_rule(api, staff, name="Small", kind="FIXED_RATIO", ratio="0.10",
                                payoutForm="REBATE_CREDIT", budget="6")
    tea = await _goods("40.00")
    first, second = await factories.customer(), await factories.customer()
    for buyer in (first, second):
        await pay(api, buyer, await ordered(buyer, (tea.id, 1)))

    made = [rebate for buyer in (first, second) for rebate in await _rebates(api, buyer)]
    assert [(r["amount"]["amount"], r["computation"]["capsApplied"]) for r in made] == [
        ("4.00", []), ("2.00", ["BUDGET"])]
    assert await _rule(api, staff, rule_id) == ("0.00", "EXHAUSTED")
    # An exhausted rule makes no more rebates
    third = await factories.customer()
    later = await ordered(third, (tea.id, 1))
    await pay(api, third, later)
    assert await _rebates(api, third) == []


async def test_the_window_is_judged_when_the_order_was_created(api):
    staff = await manager()
    ends = clock.now() + dt.timedelta(hours=1)
    rule_id = await active_rule(api, staff, name="Soon over", kind="FIXED_RATIO", ratio="0.10",
                                payoutForm="REBATE_CREDIT", endsAt=ends.isoformat())
    buyer = await factories.customer()
    tea = await _goods("40.00")
    order = await ordered(buyer, (tea.id, 1))
    # The window closes between orderCreate and payment: still rebated
    order.created_at = clock.now() - dt.timedelta(minutes=1)
    await type(order).filter(id=order.id).update(created_at=order.created_at)
    await RebateRule.filter(id=rule_id).update(ends_at=order.created_at + dt.timedelta(seconds=30))
    await pay(api, buyer, order)
    assert [(r["order"]["number"], r["amount"]["amount"]) for r in await _rebates(api, buyer)] == [
        (order.number, "4.00")]

    # An order created after the window closed gets nothing
    late = await ordered(buyer, (tea.id, 1))
    await pay(api, buyer, late)
    assert [r["order"]["number"] for r in await _rebates(api, buyer)] == [order.number]


async def test_per_customer_cap_and_the_kill_switch(api):
    staff = await manager()
    await active_rule(api, staff, name="Capped", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT",
                      perCustomerCap="5")
    buyer = await factories.customer()
    tea = await _goods("40.00")
    for _ in range(2):
        await pay(api, buyer, await ordered(buyer, (tea.id, 1)))
    assert [(r["amount"]["amount"], r["computation"]["capsApplied"]) for r in await _rebates(api, buyer)] == [
        ("4.00", []), ("1.00", ["PER_CUSTOMER"])]

    other = await factories.customer()
    switched = await api(SWITCHES_SET, {"input": {"pauseNewRebates": True, "reason": "Stop"}}, token=staff.access_token)
    assert switched.data["rebateSwitchesSet"]["userErrors"] == []
    await pay(api, other, await ordered(other, (tea.id, 1)))
    assert await _rebates(api, other) == []


async def test_a_points_rule_left_with_less_than_one_points_worth_is_exhausted(api, configure):
    configure(points_per_yuan=10)  # a point is worth 0.10
    staff = await manager()
    rule_id = await active_rule(api, staff, name="Points", kind="FIXED_RATIO", ratio="0.10", payoutForm="POINTS",
                                budget="4.05")
    buyer = await factories.customer()
    await pay(api, buyer, await ordered(buyer, ((await _goods("40.00")).id, 1)))

    (made,) = await _rebates(api, buyer)
    assert (made["amount"]["amount"], made["points"]) == ("4.00", 40)
    # 0.05 left cannot pay a single point: nothing more can come of this rule
    assert await _rule(api, staff, rule_id) == ("0.05", "EXHAUSTED")
