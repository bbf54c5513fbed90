"""Orders and refunds per local day, for the staff sales report (DESIGN §3.8), in aggregate SQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from mall.infra.days import DayRange, sums_by_day


async def paid_by_day(days: DayRange) -> dict[dt.date, dict[str, int]]:
    """Per day: ``orders`` paid that day and ``gross``, their totals (shipping included), whatever became of them."""
    return await sums_by_day(table="orders", at="paid_at", sums={"orders": "COUNT(*)", "gross": "SUM(total_minor)"},
                             where="paid_at IS NOT NULL", days=days)


async def refunded_by_day(days: DayRange, statuses: Iterable[str]) -> dict[dt.date, dict[str, int]]:
    """Per day: ``refunded``, the refunds of ``statuses`` (those that succeeded) by the day they succeeded."""
    allowed = ", ".join(f"'{status}'" for status in statuses if status.isidentifier())
    return await sums_by_day(table="refunds", at="refunded_at", sums={"refunded": "SUM(amount_minor)"},
                             where=f"refunded_at IS NOT NULL AND status IN ({allowed})", days=days)
