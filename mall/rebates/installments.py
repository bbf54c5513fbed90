"""A rebate's release schedule: equal parts on calendar dates (DESIGN §3.0, §3.6).

- ``installment_count`` equal parts rounded down, the remainder in the last,
  so they sum exactly. A POINTS rebate is split in whole points (its amount
  is always a whole number of points' worth, see ``engine``). A part may be
  0 when the amount is smaller than the count; it still has its place.
- The first installment is due the moment the rebate becomes active; each
  next one a period later, at local midnight in the shop's time zone, on
  the activation's local date plus n days, weeks or months. Months count
  from that date, not from the previous installment, so activation on the
  31st gives the 28th/29th, 31st, 30th, … (the month's last day when the
  date is past it), never drifting earlier. A midnight that does not exist
  (a daylight-saving gap) is the first instant of that day.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from mall.core.money import MINOR_PER_MAJOR
from mall.rebates.terms import PayoutForm, Period


@dataclass(frozen=True, slots=True)
class Installment:
    """One release: its number (from 1), when it is due, its money value and, for POINTS, its points."""

    seq: int
    due_at: dt.datetime
    amount_minor: int
    points: int | None = None


def minor_per_point(points_per_yuan: int) -> int:
    """What one point is worth in fen; DESIGN §3.0 makes it a whole number of fen."""
    if points_per_yuan < 1 or MINOR_PER_MAJOR % points_per_yuan:
        raise ValueError(f"points per yuan must divide {MINOR_PER_MAJOR}, not be {points_per_yuan}")
    return MINOR_PER_MAJOR // points_per_yuan


def unit_minor(payout_form: PayoutForm | str, minor_per_point: int) -> int:
    """The fen a payout counts in: one point's worth for POINTS (whole points only), one fen otherwise."""
    return minor_per_point if PayoutForm(payout_form) is PayoutForm.POINTS else 1


def points_for(amount_minor: int, *, minor_per_point: int) -> tuple[int, int]:
    """Whole points for a money amount, rounded down, and the fen left over (not paid)."""
    return divmod(amount_minor, minor_per_point)


def split_amount(amount_minor: int, count: int, *, unit_minor: int = 1) -> list[int]:
    """``count`` equal parts of ``amount_minor`` in whole units, rounded down; the remainder in the last."""
    if count < 1:
        raise ValueError(f"count must be at least 1, not {count}")
    if amount_minor < 0 or amount_minor % unit_minor:
        raise ValueError(f"amount must be a non-negative number of {unit_minor}-fen units, not {amount_minor}")
    units = amount_minor // unit_minor
    part = units // count
    parts = [part] * count
    parts[-1] += units - part * count
    return [units_each * unit_minor for units_each in parts]


def due_dates(active_at: dt.datetime, count: int, period: Period, zone: ZoneInfo) -> list[dt.datetime]:
    """When each of ``count`` installments is due, the first at ``active_at`` (aware); UTC datetimes."""
    if active_at.tzinfo is None:
        raise ValueError("active_at must be timezone-aware")
    if count < 1:
        raise ValueError(f"count must be at least 1, not {count}")
    anchor = active_at.astimezone(zone).date()
    later = [
        dt.datetime.combine(_add_periods(anchor, n, period), dt.time(0), tzinfo=zone).astimezone(dt.UTC)
        for n in range(1, count)
    ]
    return [active_at.astimezone(dt.UTC), *later]


def schedule(
    amount_minor: int,
    *,
    count: int,
    period: Period,
    active_at: dt.datetime,
    zone: ZoneInfo,
    payout_form: PayoutForm,
    minor_per_point: int = 1,
) -> tuple[Installment, ...]:
    """A rebate's installments: amounts summing exactly to ``amount_minor``, and their due dates."""
    unit = unit_minor(payout_form, minor_per_point)
    amounts = split_amount(amount_minor, count, unit_minor=unit)
    return tuple(
        Installment(
            seq=seq,
            due_at=due_at,
            amount_minor=amount,
            points=amount // unit if payout_form is PayoutForm.POINTS else None,
        )
        for seq, (due_at, amount) in enumerate(zip(due_dates(active_at, count, period, zone), amounts, strict=True),
                                               start=1)
    )


def _add_periods(start: dt.date, n: int, period: Period) -> dt.date:
    if period is Period.DAY:
        return start + dt.timedelta(days=n)
    if period is Period.WEEK:
        return start + dt.timedelta(weeks=n)
    months = start.year * 12 + start.month - 1 + n
    year, month = divmod(months, 12)
    month += 1
    return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True, slots=True)
class Part:
    """An installment as a reduction sees it: its number, its amount now, and whether it was released."""

    seq: int
    amount_minor: int
    released: bool


@dataclass(frozen=True, slots=True)
class Reduction:
    """How a rebate cut by some amount is taken (DESIGN §3.6).

    ``amounts`` are the installments' new amounts, by ``seq``: the unreleased
    ones cut from the last backwards; released ones keep theirs (their value
    has left). ``clawback_minor`` is what the unreleased ones could not
    cover: to take back from the account the released value went to.
    """

    amounts: dict[int, int]
    clawback_minor: int


def reduce_installments(parts: list[Part] | tuple[Part, ...], by_minor: int, *, unit_minor: int = 1) -> Reduction:
    """Take ``by_minor`` off a rebate's installments: unreleased ones first, from the last backwards; the rest
    from value already released. ``unit_minor`` keeps a POINTS rebate in whole points."""
    if by_minor < 0 or by_minor % unit_minor:
        raise ValueError(f"a reduction is a non-negative number of {unit_minor}-fen units, not {by_minor}")
    if by_minor > sum(part.amount_minor for part in parts):
        raise ValueError(f"a reduction of {by_minor} is more than the rebate's {sum(p.amount_minor for p in parts)}")
    amounts = {part.seq: part.amount_minor for part in parts}
    left = by_minor
    for part in sorted(parts, key=lambda p: p.seq, reverse=True):
        if part.released or not left:
            continue
        cut = min(part.amount_minor, left)
        amounts[part.seq] -= cut
        left -= cut
    return Reduction(amounts=amounts, clawback_minor=left)


def release_after_unrecovered(due_minor: int, unrecovered_minor: int, *, unit_minor: int = 1) -> tuple[int, int]:
    """An installment due while the customer still owes ``unrecovered_minor`` from an earlier clawback:
    what is released now, and what is still owed afterwards (DESIGN §3.6: deducted from future releases).

    ``unit_minor`` is what one unit of the release is worth (a POINTS release: its point, which may differ
    from the point the debt was paid at): only as much is deducted as leaves the release a whole number of
    units (when the due amount is one), the rest stays owed, so no fen is dropped between the two.
    """
    if due_minor < 0 or unrecovered_minor < 0 or unit_minor < 1:
        raise ValueError("amounts are never negative, a unit is at least 1 fen")
    most = min(due_minor, unrecovered_minor)
    kept = max(most - (most - due_minor) % unit_minor, 0)  # due_minor - kept: as many whole units as due_minor
    return due_minor - kept, unrecovered_minor - kept
