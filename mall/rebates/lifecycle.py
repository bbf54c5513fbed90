"""A rebate from PENDING to ACTIVE (DESIGN §3.6): when its order completes, and when the activation job finds it due.

- ``order_completed`` (called by orders in the transaction that completes the
  order) sets each PENDING rebate's ``eligible_at``: the after-sale window
  (counted from delivery, or from completion when the order never showed as
  delivered) closed, but never before completion, plus
  ``MALL_REBATE_HOLD_DAYS``.
- ``activation_due`` lists orders whose PENDING rebates are eligible now
  (index ``status, eligible_at``), a bounded batch. Eligible means strictly
  after ``eligible_at``: an after-sale may still be asked for at the very
  instant the window closes.
- ``activate_order`` (in the caller's transaction, after it locked the order
  row and asked the orders domain whether an after-sale is open) re-reads
  the order's rebates under their row locks: with an after-sale open they
  stay PENDING and their ``eligible_at`` moves ``RECHECK_AFTER`` later, so
  they are not scanned again every run; otherwise each becomes ACTIVE by a
  conditional UPDATE, its installments get their due dates (first at
  activation, then per period at local midnight in ``MALL_TIME_ZONE``), and
  STATUS_CHANGED goes to the outbox. A second worker finds nothing PENDING.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from mall.core.clock import clock
from mall.rebates import events
from mall.rebates.installments import due_dates
from mall.rebates.models import Rebate, RebateInstallment
from mall.rebates.statuses import RebateStatus
from mall.rebates.terms import Period
from mall.settings import get_settings

BATCH = 200  # orders one activation run looks at
# How long a rebate whose order has an after-sale open waits before it is looked at again (DESIGN is silent;
# an hour keeps the scan cheap and the delay after the after-sale closes short).
RECHECK_AFTER = dt.timedelta(hours=1)


def eligible_at(*, completed_at: dt.datetime, delivered_at: dt.datetime | None, window_days: int,
                hold_days: int) -> dt.datetime:
    """When a rebate of an order completed at ``completed_at`` may become ACTIVE (pure)."""
    window_closes = (delivered_at or completed_at) + dt.timedelta(days=window_days)
    return max(completed_at, window_closes) + dt.timedelta(days=hold_days)


async def order_completed(order_id: int, *, completed_at: dt.datetime, delivered_at: dt.datetime | None) -> int:
    """The order completed: its PENDING rebates' ``eligible_at``; how many. Call in the completing transaction."""
    settings = get_settings()
    when = eligible_at(completed_at=completed_at, delivered_at=delivered_at,
                       window_days=settings.after_sale_window_days, hold_days=settings.rebate_hold_days)
    return await Rebate.filter(order_id=order_id, status=RebateStatus.PENDING.value).update(
        eligible_at=when, updated_at=clock.now())


async def activation_due(now: dt.datetime, *, limit: int | None = None) -> list[int]:
    """Orders (ids, earliest eligible first) with a PENDING rebate eligible at ``now``; at most ``limit``
    (``BATCH``) rebates' orders."""
    rows = await Rebate.filter(status=RebateStatus.PENDING.value, eligible_at__lt=now).order_by(
        "eligible_at", "id").limit(limit or BATCH).values_list("order_id", flat=True)
    return list(dict.fromkeys(rows))


async def activate_order(order_id: int, now: dt.datetime, *, after_sale_open: bool) -> int:
    """Activate the order's eligible PENDING rebates (or postpone them while an after-sale is open); how many
    became ACTIVE. Call inside the transaction that holds the order's row lock."""
    rebates = await Rebate.filter(order_id=order_id, status=RebateStatus.PENDING.value, eligible_at__lt=now).order_by(
        "id").select_for_update()
    if not rebates:
        return 0
    if after_sale_open:
        await Rebate.filter(id__in=[r.id for r in rebates], status=RebateStatus.PENDING.value).update(
            eligible_at=now + RECHECK_AFTER, updated_at=now)
        return 0
    zone = ZoneInfo(get_settings().time_zone)
    activated = 0
    for rebate in rebates:
        if not await Rebate.filter(id=rebate.id, status=RebateStatus.PENDING.value).update(
                status=RebateStatus.ACTIVE.value, activated_at=now, updated_at=now):
            continue
        installments = await RebateInstallment.filter(rebate_id=rebate.id).order_by("seq")
        period = Period(rebate.snapshot.get("period") or Period.MONTH.value)
        for installment, due_at in zip(installments, due_dates(now, len(installments), period, zone), strict=True):
            installment.due_at = due_at
        # One statement however many installments (up to 366): a CASE over their ids.
        await RebateInstallment.bulk_update(installments, fields=["due_at"])
        rebate.status, rebate.activated_at, rebate.updated_at = RebateStatus.ACTIVE.value, now, now
        await events.announce(rebate, events.ChangeType.STATUS_CHANGED, from_status=RebateStatus.PENDING.value)
        activated += 1
    return activated
