"""From payment to the last release (DESIGN §3.6): PENDING until the order is COMPLETED and its after-sale
window (and hold) has passed, then ACTIVE with installments released when due by the jobs, on the sandbox
clock; COMPLETED after the last. Rebate credit, points and vouchers; the pause switch."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from mall.core.clock import clock
from mall.infra.outbox import OutboxEvent
from mall.rebates.models import Rebate, RebateInstallment, RebateSwitches
from mall.settings import get_settings
from mall.wallet.verification import verify
from tests import factories
from tests.api.rebates.releases import completed, goods, later, run_jobs, wallet
from tests.api.rebates.scene import active_rule, manager, ordered, pay

DAY = dt.timedelta(days=1)
SHANGHAI = ZoneInfo("Asia/Shanghai")


async def test_a_rebate_credit_rebate_from_payment_to_its_last_monthly_release(api):
    staff = await manager()
    await active_rule(api, staff, name="Ten", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT",
                      installmentCount=3, period="MONTH")
    buyer = await factories.customer()
    order = await ordered(buyer, ((await goods("40.00")).id, 1))
    await pay(api, buyer, order)

    await completed(api, buyer, order)
    rebate = await Rebate.get(order_id=order.id)
    assert rebate.status == "PENDING"
    completed_at = (await type(order).get(id=order.id)).completed_at
    assert rebate.eligible_at == completed_at + 7 * DAY  # never delivered: the window counts from completion
    # Within the after-sale window nothing happens
    await later(6 * DAY)
    assert (await run_jobs())["rebates.activate"] == 0

    await later(DAY + dt.timedelta(minutes=1))
    handled = await run_jobs()

    assert (handled["rebates.activate"], handled["rebates.release-due"]) == (1, 1)
    rebate = await Rebate.get(id=rebate.id)
    assert (rebate.status, rebate.released_minor) == ("ACTIVE", 133)
    installments = await RebateInstallment.filter(rebate_id=rebate.id).order_by("seq")
    assert [(i.amount_minor, i.status, i.released_minor) for i in installments] == [
        (133, "RELEASED", 133), (133, "SCHEDULED", 0), (134, "SCHEDULED", 0)]
    local = rebate.activated_at.astimezone(SHANGHAI).date()
    assert installments[0].due_at == rebate.activated_at
    # Monthly at local midnight in MALL_TIME_ZONE, counted from the activation date
    assert [i.due_at.astimezone(SHANGHAI) for i in installments[1:]] == [
        dt.datetime.combine(_months(local, n), dt.time(0), tzinfo=SHANGHAI) for n in (1, 2)]
    seen = await wallet(api, buyer)
    assert seen["rebateCredit"]["amount"] == "1.33"
    assert [(e["kind"], e["asset"], e["amount"]) for e in _edges(seen)] == [("REBATE_RELEASE", "REBATE_CREDIT", "1.33")]
    # Run again at once: nothing is released twice
    assert (await run_jobs())["rebates.release-due"] == 0

    await later(32 * DAY)
    assert (await run_jobs())["rebates.release-due"] == 1
    await later(31 * DAY)
    assert (await run_jobs())["rebates.release-due"] == 1

    rebate = await Rebate.get(id=rebate.id)
    assert (rebate.status, rebate.released_minor) == ("COMPLETED", 400)
    seen = await wallet(api, buyer)
    assert seen["rebateCredit"]["amount"] == "4.00"
    assert sorted(e["amount"] for e in _edges(seen)) == ["1.33", "1.33", "1.34"]
    types = [(e.payload["type"], e.payload["toStatus"]) for e in
             await OutboxEvent.filter(topic="rebate.changed", aggregate_id=rebate.id).order_by("id")]
    assert types == [("STATUS_CHANGED", "PENDING"), ("STATUS_CHANGED", "ACTIVE"), ("INSTALLMENT_RELEASED", "ACTIVE"),
                     ("INSTALLMENT_RELEASED", "ACTIVE"), ("INSTALLMENT_RELEASED", "COMPLETED"),
                     ("STATUS_CHANGED", "COMPLETED")]
    assert (await verify()).problems == ()


async def test_points_and_vouchers_are_paid_in_their_form(api):
    staff = await manager()
    await active_rule(api, staff, name="Points", kind="FIXED_RATIO", ratio="0.10", payoutForm="POINTS")
    await active_rule(api, staff, name="Voucher", kind="FIXED_RATIO", ratio="0.05", payoutForm="VOUCHER",
                      voucherValidDays=30, voucherMinSpend="20")
    buyer = await factories.customer()
    order = await ordered(buyer, ((await goods("40.00")).id, 1))
    await pay(api, buyer, order)
    await completed(api, buyer, order)

    await later(7 * DAY + dt.timedelta(minutes=1))
    assert (await run_jobs())["rebates.release-due"] == 2

    seen = await wallet(api, buyer)
    points_per_point = 100 // get_settings().points_per_yuan
    assert seen["points"] == 400 // points_per_point
    assert [(e["kind"], e["asset"]) for e in _edges(seen)] == [("REBATE_RELEASE", "POINTS")]
    assert [(v["value"]["amount"], v["minSpend"]["amount"], v["scope"]["kind"], v["status"])
            for v in seen["vouchers"]] == [("2.00", "20.00", "ALL", "AVAILABLE")]
    valid_until = dt.datetime.fromisoformat(seen["vouchers"][0]["validUntil"])
    assert abs(valid_until - (clock.now() + 30 * DAY)) < dt.timedelta(minutes=1)
    assert set(await Rebate.filter(customer_id=buyer.user.id).values_list("status", flat=True)) == {"COMPLETED"}
    assert (await verify()).problems == ()


async def test_hold_days_delay_activation(api, configure):
    configure(rebate_hold_days=3)
    staff = await manager()
    await active_rule(api, staff, name="Ten", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT")
    buyer = await factories.customer()
    order = await ordered(buyer, ((await goods("40.00")).id, 1))
    await pay(api, buyer, order)
    await completed(api, buyer, order)

    await later(7 * DAY + dt.timedelta(minutes=1))
    assert (await run_jobs())["rebates.activate"] == 0
    await later(3 * DAY)
    assert (await run_jobs())["rebates.activate"] == 1
    assert (await Rebate.get(order_id=order.id)).status == "COMPLETED"


async def test_paused_releases_release_nothing_until_resumed(api):
    staff = await manager()
    await active_rule(api, staff, name="Ten", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT")
    buyer = await factories.customer()
    order = await ordered(buyer, ((await goods("40.00")).id, 1))
    await pay(api, buyer, order)
    await completed(api, buyer, order)
    await RebateSwitches.create(id=1, pause_new_rebates=False, pause_releases=True, updated_at=clock.now())

    await later(8 * DAY)
    handled = await run_jobs()

    # Activation goes on; releases wait
    assert (handled["rebates.activate"], handled["rebates.release-due"]) == (1, 0)
    assert (await wallet(api, buyer))["rebateCredit"]["amount"] == "0.00"
    await RebateSwitches.filter(id=1).update(pause_releases=False)
    assert (await run_jobs())["rebates.release-due"] == 1
    assert (await wallet(api, buyer))["rebateCredit"]["amount"] == "4.00"


def _edges(seen: dict) -> list[dict]:  # type: ignore[type-arg]
    return [edge["node"] for edge in seen["entries"]["edges"]]


def _months(start: dt.date, n: int) -> dt.date:
    import calendar

    months = start.year * 12 + start.month - 1 + n
    year, month = divmod(months, 12)
    return dt.date(year, month + 1, min(start.day, calendar.monthrange(year, month + 1)[1]))
