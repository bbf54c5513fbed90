"""From payment to the last release (DESIGN §3.6): PENDING until the order is COMPLETED and its after-sale
window (and hold) has passed, then ACTIVE with installments released when due by the jobs, on the sandbox
clock; COMPLETED after the last. Rebate credit, points and vouchers; the pause switch."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from mall.core.actors import Permission
from mall.core.clock import clock
from mall.infra.outbox import OutboxEvent
from mall.rebates.models import Rebate, RebateInstallment, RebateSwitches
from mall.settings import get_settings
from mall.wallet import rebate_payouts
from mall.wallet.errors import BalanceLimitExceeded
from mall.wallet.verification import verify
from tests import factories
from tests.api.rebates.releases import completed, goods, later, run_jobs, shipped, signed_in, wallet
from tests.api.rebates.scene import active_rule, manager, ordered, pay
from tests.api.refunds.test_after_sales import AFTER_SALE_CREATE, AFTER_SALE_REJECT, create_input, line_of

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


async def test_an_open_after_sale_keeps_the_rebate_pending_until_it_closes(api):
    staff = await manager()
    await active_rule(api, staff, name="Ten", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT")
    buyer = await factories.customer()
    order = await ordered(buyer, ((await goods("40.00")).id, 1))
    await pay(api, buyer, order)
    await completed(api, buyer, order)
    await later(7 * DAY - dt.timedelta(minutes=1))  # the last minute of the window: the buyer asks for a return
    asked = await api(AFTER_SALE_CREATE, create_input(order, await line_of(order)), token=await signed_in(api, buyer))
    assert asked.data["afterSaleCreate"]["userErrors"] == []

    await later(dt.timedelta(minutes=2))
    assert (await run_jobs())["rebates.activate"] == 0

    rebate = await Rebate.get(order_id=order.id)
    assert rebate.status == "PENDING"
    # Looked at again an hour later, not on every run
    assert clock.now() + dt.timedelta(minutes=59) < rebate.eligible_at <= clock.now() + dt.timedelta(hours=1)
    clerk = await factories.staff(Permission.MANAGE_ORDERS)
    rejected = await api(AFTER_SALE_REJECT, {"input": {"afterSaleId": asked.data["afterSaleCreate"]["afterSale"]["id"],
                                                       "note": "Used"}}, token=clerk.access_token)
    assert rejected.data["afterSaleReject"]["userErrors"] == []
    assert (await run_jobs())["rebates.activate"] == 0  # not due again yet
    await later(dt.timedelta(hours=1))
    handled = await run_jobs()
    assert (handled["rebates.activate"], handled["rebates.release-due"]) == (1, 1)


async def test_an_order_completed_automatically_counts_the_window_from_delivery(api):
    staff = await manager()
    await active_rule(api, staff, name="Ten", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT")
    buyer = await factories.customer()
    order = await ordered(buyer, ((await goods("40.00")).id, 1))
    await pay(api, buyer, order)
    await shipped(api, order)
    delivered_at = clock.now() + DAY
    await type(order).filter(id=order.id).update(status="DELIVERED", delivered_at=delivered_at)

    await later(10 * DAY + dt.timedelta(minutes=1))  # MALL_ORDER_AUTO_CONFIRM_DAYS after shipping
    handled = await run_jobs()

    assert handled["orders.complete-unconfirmed"] == 1
    rebate = await Rebate.get(order_id=order.id)
    # Delivered a day after shipping: the window closed 8 days after shipping, before completion
    assert (rebate.status, rebate.eligible_at) == ("PENDING", (await type(order).get(id=order.id)).completed_at)
    assert (await run_jobs())["rebates.release-due"] == 1


async def test_unrecovered_clawbacks_are_deducted_from_later_releases_of_the_same_unit(api):
    staff = await manager()
    await active_rule(api, staff, name="Credit", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT")
    await active_rule(api, staff, name="Points", kind="FIXED_RATIO", ratio="0.05", payoutForm="POINTS")
    buyer = await factories.customer()
    tea = await goods("40.00")
    earlier = await ordered(buyer, (tea.id, 1))
    await pay(api, buyer, earlier)
    order = await ordered(buyer, (tea.id, 1))
    await pay(api, buyer, order)
    await completed(api, buyer, order)
    # What a refund of the earlier order could not take back (the refunds flow records it): 1.50 of credit
    old_credit = await Rebate.get(order_id=earlier.id, payout_form="REBATE_CREDIT")
    await Rebate.filter(id=old_credit.id).update(unrecovered_minor=150)

    await later(7 * DAY + dt.timedelta(minutes=1))
    assert (await run_jobs())["rebates.release-due"] == 2

    credit = await Rebate.get(order_id=order.id, payout_form="REBATE_CREDIT")
    points = await Rebate.get(order_id=order.id, payout_form="POINTS")
    assert (credit.released_minor, points.released_minor) == (400 - 150, 200)  # points owe nothing
    assert (await Rebate.get(id=old_credit.id)).unrecovered_minor == 0
    released = await RebateInstallment.get(rebate_id=credit.id)
    assert (released.amount_minor, released.released_minor, released.status) == (400, 250, "RELEASED")
    seen = await wallet(api, buyer)
    assert seen["rebateCredit"]["amount"] == "2.50"
    events = await OutboxEvent.filter(topic="rebate.changed", aggregate_id=old_credit.id).order_by("id")
    assert (events[-1].payload["type"], events[-1].payload["unrecovered"]) == ("ADJUSTED", "0.00")
    assert (await verify()).problems == ()


async def test_an_installment_that_cannot_be_paid_holds_up_only_itself(api, monkeypatch, caplog):
    staff = await manager()
    await active_rule(api, staff, name="Ten", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT")
    tea = await goods("40.00")
    buyers = [await factories.customer() for _ in range(3)]
    for buyer in buyers:
        order = await ordered(buyer, (tea.id, 1))
        await pay(api, buyer, order)
        await completed(api, buyer, order)
    stuck = await RebateInstallment.get(customer_id=buyers[1].user.id)
    real_pay_many = rebate_payouts.pay_many

    async def refusing(actor, payouts):  # type: ignore[no-untyped-def]
        if any(p.installment_id == stuck.id for p in payouts):
            raise BalanceLimitExceeded("The REBATE_CREDIT account would hold more than it may.")
        return await real_pay_many(actor, payouts)

    monkeypatch.setattr(rebate_payouts, "pay_many", refusing)
    await later(7 * DAY + dt.timedelta(minutes=1))

    assert (await run_jobs())["rebates.release-due"] == 2
    assert (await RebateInstallment.get(id=stuck.id)).status == "SCHEDULED"
    assert f"rebate installment {stuck.id} could not be released" in caplog.text
    monkeypatch.setattr(rebate_payouts, "pay_many", real_pay_many)
    assert (await run_jobs())["rebates.release-due"] == 1
    assert (await verify()).problems == ()


async def test_one_activation_run_goes_on_batch_after_batch(api, monkeypatch):
    from mall.rebates import lifecycle

    monkeypatch.setattr(lifecycle, "BATCH", 2)
    await active_rule(api, await manager(), name="Ten", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT")
    tea = await goods("40.00", stock=10)
    for _ in range(5):
        buyer = await factories.customer()
        order = await ordered(buyer, (tea.id, 1))
        await pay(api, buyer, order)
        await completed(api, buyer, order)
    await later(7 * DAY + dt.timedelta(minutes=1))

    handled = await run_jobs()

    assert handled["rebates.activate"] == 5  # three batches of at most two orders, in one run
    assert await Rebate.filter(activated_at__isnull=False).count() == 5
