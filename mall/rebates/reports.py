"""Rebates per local day, for the staff sales report (DESIGN §3.8), in aggregate SQL."""

from __future__ import annotations

import datetime as dt

from mall.infra.days import DayRange, sums_by_day


async def earned_by_day(days: DayRange) -> dict[dt.date, dict[str, int]]:
    """Per day: ``earned``, the original amounts of the rebates made that day (at payment), whatever became of them."""
    return await sums_by_day(table="rebates", at="created_at", sums={"earned": "SUM(original_amount_minor)"},
                             where="", days=days)
