"""salesReport (DESIGN §3.8): per local day, the orders paid, their totals, the refunds that succeeded and
the rebates made, from three aggregate statements (orders, refunds, rebates meet only here).

Days are calendar days in ``MALL_TIME_ZONE``. A report spans at most
``MAX_DAYS`` days, so one request cannot ask the database for years of
rows; every day of the range is answered, with zeros when nothing happened.
A refund counts on the day the money went back (``refunded_at``), also when
the provider confirmed it only after reporting a failure (OVER_REFUNDED:
the money left all the same).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mall.core.actors import Actor, Permission
from mall.core.clock import clock
from mall.core.errors import InvalidInput
from mall.flows.refunds import RefundState
from mall.infra.days import DayRange
from mall.orders import reports as order_reports
from mall.rebates import reports as rebate_reports

MAX_DAYS = 366


@dataclass(frozen=True, slots=True)
class SalesDay:
    day: dt.date
    orders: int
    gross_minor: int
    refunded_minor: int
    rebates_earned_minor: int


EARLIEST, LATEST = dt.date(1970, 1, 1), dt.date(9998, 12, 31)


def day_range(first: dt.date, last: dt.date) -> DayRange:
    """The days asked for; ``InvalidInput`` when ``last`` comes before ``first`` or more than MAX_DAYS are asked."""
    for name, day in (("from", first), ("to", last)):
        if not EARLIEST <= day <= LATEST:
            # The calendar's ends would overflow a day's UTC bounds (a 500); nothing was sold there anyway.
            raise InvalidInput.one(name, f"A report covers days from {EARLIEST} to {LATEST}.")
    if last < first:
        raise InvalidInput.one("to", "The range ends before it begins.")
    if (last - first).days + 1 > MAX_DAYS:
        raise InvalidInput.one("to", f"A report covers at most {MAX_DAYS} days.")
    return DayRange(first=first, last=last, zone=clock.zone)


async def sales_report(actor: Actor, *, first: dt.date, last: dt.date) -> list[SalesDay]:
    """Every day from ``first`` to ``last`` (both included), oldest first. MANAGE_FINANCE."""
    actor.require(Permission.MANAGE_FINANCE)
    days = day_range(first, last)
    paid = await order_reports.paid_by_day(days)
    refunded = await order_reports.refunded_by_day(days, (RefundState.REFUNDED.value, RefundState.OVER_REFUNDED.value))
    earned = await rebate_reports.earned_by_day(days)
    return [
        SalesDay(
            day=day, orders=paid.get(day, {}).get("orders", 0), gross_minor=paid.get(day, {}).get("gross", 0),
            refunded_minor=refunded.get(day, {}).get("refunded", 0),
            rebates_earned_minor=earned.get(day, {}).get("earned", 0),
        )
        for day in days.days
    ]
