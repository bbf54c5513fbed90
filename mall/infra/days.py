"""Sums per local day in SQL (DESIGN §3.0: calendar days in ``MALL_TIME_ZONE``), in either dialect.

PostgreSQL groups by ``(at AT TIME ZONE zone)::date``, exact in any zone.
SQLite has no time zones: when the zone keeps one UTC offset over the whole
range (Asia/Shanghai always does) it groups by ``date(at, '+N minutes')``;
otherwise (a daylight-saving change inside the range) it groups by UTC
quarter-hour, since every zone's offset is a whole number of quarter-hours,
and each quarter-hour is put on its local day here. Either way the rows
never leave the database one by one.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from tortoise import connections

UTC = dt.UTC


@dataclass(frozen=True, slots=True)
class DayRange:
    """The local days ``first`` to ``last`` (both included) in ``zone``."""

    first: dt.date
    last: dt.date
    zone: ZoneInfo

    @property
    def days(self) -> list[dt.date]:
        return [self.first + dt.timedelta(days=n) for n in range((self.last - self.first).days + 1)]

    def midnight(self, day: dt.date) -> dt.datetime:
        """The UTC instant ``day`` begins in the zone."""
        return dt.datetime.combine(day, dt.time(), self.zone).astimezone(UTC)

    @property
    def start(self) -> dt.datetime:
        return self.midnight(self.first)

    @property
    def end(self) -> dt.datetime:
        return self.midnight(self.last + dt.timedelta(days=1))

    def fixed_offset_minutes(self) -> int | None:
        """The zone's one UTC offset over the range, in minutes; ``None`` when it changes."""
        offsets = {self.zone.utcoffset(dt.datetime.combine(day, dt.time())) for day in self.days}
        offsets.add(self.zone.utcoffset(dt.datetime.combine(self.last, dt.time(23, 59))))
        if len(offsets) != 1:
            return None
        (offset,) = offsets
        return int(offset.total_seconds()) // 60 if offset is not None else 0


def _sqlite_moment(moment: dt.datetime) -> str:
    # As Tortoise stores an aware datetime in SQLite (UTC, "+00:00"), so text comparison orders them.
    return moment.astimezone(UTC).isoformat(sep=" ")


async def sums_by_day(
    *, table: str, at: str, sums: Mapping[str, str], where: str, days: DayRange,
) -> dict[dt.date, dict[str, int]]:
    """``sums`` (name → SQL aggregate) of ``table``'s rows whose ``at`` falls in ``days``, per local day.

    ``table``, ``at``, ``sums`` and ``where`` are the caller's own SQL text, never client input; days
    without rows are absent.
    """
    connection = connections.get("default")
    dialect = str(connection.capabilities.dialect)
    selected = ", ".join(f"{expression} AS {name}" for name, expression in sums.items())
    condition = f"{at} >= {{p1}} AND {at} < {{p2}}" + (f" AND {where}" if where else "")
    out: dict[dt.date, dict[str, int]] = {}
    if dialect == "postgres":
        sql = (f"SELECT ({at} AT TIME ZONE $3)::date AS day, {selected} FROM {table} "
               f"WHERE {condition.format(p1='$1', p2='$2')} GROUP BY 1")
        for row in await connection.execute_query_dict(sql, [days.start, days.end, days.zone.key]):
            out[row["day"]] = {name: int(row[name] or 0) for name in sums}
        return out
    params: list[Any] = [_sqlite_moment(days.start), _sqlite_moment(days.end)]
    offset = days.fixed_offset_minutes()
    if offset is not None:
        sql = (f"SELECT date({at}, '{offset:+d} minutes') AS day, {selected} FROM {table} "
               f"WHERE {condition.format(p1='?', p2='?')} GROUP BY 1")
        for row in await connection.execute_query_dict(sql, params):
            out[dt.date.fromisoformat(row["day"])] = {name: int(row[name] or 0) for name in sums}
        return out
    sql = (f"SELECT substr({at}, 1, 13) AS hour, CAST(substr({at}, 15, 2) AS INTEGER) / 15 AS quarter, {selected} "
           f"FROM {table} WHERE {condition.format(p1='?', p2='?')} GROUP BY 1, 2")
    added: dict[dt.date, dict[str, int]] = defaultdict(lambda: dict.fromkeys(sums, 0))
    for row in await connection.execute_query_dict(sql, params):
        begins = dt.datetime.strptime(row["hour"], "%Y-%m-%d %H").replace(tzinfo=UTC)
        day = (begins + dt.timedelta(minutes=15 * row["quarter"])).astimezone(days.zone).date()
        for name in sums:
            added[day][name] += int(row[name] or 0)
    return dict(added)
