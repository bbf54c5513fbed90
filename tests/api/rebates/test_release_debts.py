"""Releases meeting refunds (DESIGN §3.6): the pause switch stops a run in progress; expired rebate points count
as recovered; a debt a later release absorbs frees its budget; points owed at one point value are deducted from
a release at another without losing a fen."""

from __future__ import annotations

import datetime as dt

from mall.core.clock import clock
from mall.flows import rebate_releases
from mall.rebates.models import Rebate, RebateInstallment, RebateSwitches
from mall.wallet.chart import Asset
from mall.wallet.models import PointsLot
from tests import factories
from tests.api.rebates.refund_scene import (
    balance,
    budget,
    goods,
    ledger_clean,
    paid_with_rule,
    rebate_of,
    refund_units,
    release,
    spend_credit,
    spend_points,
)
from tests.api.rebates.releases import completed, later
from tests.api.rebates.scene import active_rule, manager, ordered, pay

DAY = dt.timedelta(days=1)
TEN = {"name": "Ten", "kind": "FIXED_RATIO", "ratio": "0.10", "payoutForm": "REBATE_CREDIT", "installmentCount": 1,
       "period": "MONTH", "budget": "100"}


async def test_pausing_releases_stops_a_run_already_in_progress(api, monkeypatch):
    """Staff pause releases (the audited safeguard) while a run is going: no further batch may pay out."""
    staff = await manager()
    await active_rule(api, staff, name="Ten", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT")
    tea = await goods("40.00")
    for _ in range(3):
        buyer = await factories.customer()
        order = await ordered(buyer, (tea.id, 1))
        await pay(api, buyer, order)
        await completed(api, buyer, order)
    await later(7 * DAY + dt.timedelta(minutes=1))
    assert await rebate_releases.activate_due(clock.now()) == 3
    real = rebate_releases.release_batch

    async def staff_pause_after_the_first_batch(due, now):  # type: ignore[no-untyped-def]
        done = await real(due, now)
        await RebateSwitches.update_or_create(id=1, defaults={"pause_new_rebates": False, "pause_releases": True,
                                                              "updated_at": clock.now()})
        return done

    monkeypatch.setattr(rebate_releases, "release_batch", staff_pause_after_the_first_batch)

    released = await rebate_releases.release_due(clock.now(), batch=1)

    # The switch was on from the second batch on: that batch and the rest pay nothing.
    assert released == 1
    assert await RebateInstallment.filter(status="RELEASED").count() == 1


async def test_rebate_points_that_expired_are_not_charged_again_as_unrecovered(api):
    """Points a release paid that expired unused (POINTS_EXPIRED took them back) count as recovered when the
    order is refunded: nothing is owed for them, and the customer's next release is paid in full."""
    _, buyer, order, (cups,) = await paid_with_rule(api, [("25.50", 2)], **{**TEN, "payoutForm": "POINTS"})
    first = await rebate_of(order)
    await release(first.id, 1)  # 510 points (1 fen a point)
    customer = buyer.user.id
    assert await balance(customer, Asset.POINTS) == 510
    await PointsLot.filter(customer_id=customer).update(expires_at=clock.now() - dt.timedelta(seconds=1))

    await refund_units(api, buyer, order, cups, 2)  # the whole rebate cut: 510 owed, the lots expired
    owed_after_refund = (await rebate_of(order)).unrecovered_minor
    later_order = await ordered(buyer, ((await goods("50.00")).id, 1))
    await pay(api, buyer, later_order)
    second = await rebate_of(later_order)  # 500 points
    await release(second.id, 1)

    assert owed_after_refund == 0
    assert await balance(customer, Asset.POINTS) == 500
    assert await ledger_clean()


async def test_an_unrecovered_amount_absorbed_by_a_later_release_frees_its_budget(api):
    """4.00 of credit left and did not come back (unrecovered), so it stayed spent from the rule's budget; a
    later release of the same rule then takes the 4.00 back. The budget has paid out 5.00 net (the second
    rebate), and the budget shows 5.00 spent, not 9.00: DESIGN 'freed budget returns to the rule'."""
    rule_id, buyer, order, (cups,) = await paid_with_rule(api, [("25.50", 2)], **TEN)
    first = await rebate_of(order)
    await release(first.id, 1)  # 5.10 of credit
    await spend_credit(buyer.user.id, 400)
    await refund_units(api, buyer, order, cups, 2)  # 1.10 clawed back, 4.00 unrecovered
    assert await budget(rule_id) == (10000 - 400, "ACTIVE")
    later_order = await ordered(buyer, ((await goods("50.00")).id, 1))
    await pay(api, buyer, later_order)
    second = await rebate_of(later_order)  # 5.00 of the same rule's budget

    await release(second.id, 1)  # pays 1.00; the other 4.00 settles the first rebate's debt

    assert (await rebate_of(order)).unrecovered_minor == 0
    assert await balance(buyer.user.id, Asset.REBATE_CREDIT) == 100
    # Net, the customer kept 5.00 of this rule's money (4.00 spent + 1.00 held): the budget spent is 5.00.
    assert await budget(rule_id) == (10000 - 500, "ACTIVE")
    assert await ledger_clean()


async def test_points_owed_at_another_point_value_lose_no_fen_when_deducted(api, configure):
    """Points owed at one point value are deducted from a release paid at another without losing a fen: 4.73
    owed at 1 fen a point, the next rebate pays 5.00 at 10 fen a point (MALL_POINTS_PER_YUAN changed); 4.70
    is deducted, 3 points (0.30) are paid and 0.03 stays owed."""
    configure(points_per_yuan=100)
    _, buyer, order, (cups,) = await paid_with_rule(api, [("25.50", 2)], **{**TEN, "payoutForm": "POINTS"})
    first = await rebate_of(order)
    await release(first.id, 1)  # 510 points at 1 fen
    customer = buyer.user.id
    await spend_points(customer, 473)  # 37 left
    await refund_units(api, buyer, order, cups, 2)  # 510 owed: 37 taken back, 473 unrecovered
    assert (await rebate_of(order)).unrecovered_minor == 473
    configure(points_per_yuan=10)
    later_order = await ordered(buyer, ((await goods("50.00")).id, 1))
    await pay(api, buyer, later_order)
    second = await rebate_of(later_order)
    assert (second.minor_per_point, second.amount_minor) == (10, 500)

    await release(second.id, 1)

    second = await Rebate.get(id=second.id)
    left_owed = (await rebate_of(order)).unrecovered_minor
    # Every fen of the 5.00 is accounted for: released to the customer, or settling what they owed.
    assert second.released_minor + (473 - left_owed) == 500
    assert (second.released_minor, left_owed, await balance(customer, Asset.POINTS)) == (30, 3, 3)
    assert await ledger_clean()
