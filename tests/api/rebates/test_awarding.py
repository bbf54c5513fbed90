"""Rebates made at payment (DESIGN §3.6): PENDING with the rule frozen, the amount split over the lines and
installments, the budget reserved; none for rules out of their window or paused; none while new rebates
are paused."""

from __future__ import annotations

import datetime as dt

from mall.core.clock import clock
from mall.graphql.relay import encode_id
from mall.infra.outbox import OutboxEvent
from mall.rebates.models import Rebate, RebateInstallment, RebateRule, RebateSwitches
from tests import factories
from tests.api.rebates.scene import active_rule, manager, ordered, pay, update


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

    rebate = await Rebate.get(order_id=order.id)
    assert (rebate.status, rebate.payout_form, rebate.amount_minor, rebate.original_amount_minor) == (
        "PENDING", "REBATE_CREDIT", 910, 910)
    assert (rebate.snapshot["name"], rebate.snapshot["ratio_scaled"], rebate.snapshot["version"]) == ("Ten", 1000, 2)
    assert rebate.computation["basis"] == 9100 and rebate.computation["caps"] == []
    assert sorted(line["amount"] for line in rebate.lines) == [400, 510]
    installments = await RebateInstallment.filter(rebate_id=rebate.id).order_by("seq").values_list(
        "seq", "amount_minor", "status", "due_at")
    assert installments == [(1, 303, "SCHEDULED", None), (2, 303, "SCHEDULED", None), (3, 304, "SCHEDULED", None)]
    rule = await RebateRule.get(id=rule_id)
    assert (rule.budget_remaining_minor, rule.status) == (10000 - 910, "ACTIVE")
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

    amounts = await Rebate.filter(rule_id=rule_id).order_by("id").values_list("amount_minor", "computation")
    assert [(amount, computation["caps"]) for amount, computation in amounts] == [(400, []), (200, ["BUDGET"])]
    rule = await RebateRule.get(id=rule_id)
    assert (rule.budget_remaining_minor, rule.status) == (0, "EXHAUSTED")
    # An exhausted rule makes no more rebates
    third = await factories.customer()
    later = await ordered(third, (tea.id, 1))
    await pay(api, third, later)
    assert not await Rebate.filter(order_id=later.id).exists()


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
    assert (await Rebate.get(order_id=order.id)).amount_minor == 400

    # An order created after the window closed gets nothing
    late = await ordered(buyer, (tea.id, 1))
    await pay(api, buyer, late)
    assert not await Rebate.filter(order_id=late.id).exists()


async def test_per_customer_cap_and_the_kill_switch(api):
    staff = await manager()
    await active_rule(api, staff, name="Capped", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT",
                      perCustomerCap="5")
    buyer = await factories.customer()
    tea = await _goods("40.00")
    made = []
    for _ in range(2):
        order = await ordered(buyer, (tea.id, 1))
        await pay(api, buyer, order)
        made.append(await Rebate.get(order_id=order.id))
    assert [(r.amount_minor, r.computation["caps"]) for r in made] == [(400, []), (100, ["PER_CUSTOMER"])]

    other = await factories.customer()
    await RebateSwitches.create(id=1, pause_new_rebates=True, pause_releases=False, updated_at=clock.now())
    paused = await ordered(other, (tea.id, 1))
    await pay(api, other, paused)
    assert not await Rebate.filter(order_id=paused.id).exists()
