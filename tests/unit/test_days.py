"""Local days as UTC instants (DESIGN §3.0): where each day begins, and whether one offset covers a range."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from mall.infra.days import DayRange

SHANGHAI, NEW_YORK = ZoneInfo("Asia/Shanghai"), ZoneInfo("America/New_York")


def test_a_shanghai_day_begins_at_16_utc_the_day_before():
    days = DayRange(first=dt.date(2026, 3, 10), last=dt.date(2026, 3, 11), zone=SHANGHAI)

    assert days.days == [dt.date(2026, 3, 10), dt.date(2026, 3, 11)]
    assert (days.start, days.end) == (dt.datetime(2026, 3, 9, 16, tzinfo=dt.UTC),
                                      dt.datetime(2026, 3, 11, 16, tzinfo=dt.UTC))
    assert days.fixed_offset_minutes() == 480


def test_a_daylight_saving_change_leaves_no_fixed_offset():
    across = DayRange(first=dt.date(2026, 3, 7), last=dt.date(2026, 3, 9), zone=NEW_YORK)
    before = DayRange(first=dt.date(2026, 3, 1), last=dt.date(2026, 3, 7), zone=NEW_YORK)
    # The change happens at 02:00 on the 8th: a range ending that day already spans it
    ending_on_the_day = DayRange(first=dt.date(2026, 3, 1), last=dt.date(2026, 3, 8), zone=NEW_YORK)

    assert across.fixed_offset_minutes() is None
    assert before.fixed_offset_minutes() == -300
    assert ending_on_the_day.fixed_offset_minutes() is None
    assert across.midnight(dt.date(2026, 3, 9)) - across.midnight(dt.date(2026, 3, 8)) == dt.timedelta(hours=23)


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1)), st.integers(0, 400),
       st.sampled_from([SHANGHAI, NEW_YORK, ZoneInfo("Asia/Kathmandu"), ZoneInfo("UTC")]))
def test_days_tile_the_range_without_gaps(first, length, zone):
    days = DayRange(first=first, last=first + dt.timedelta(days=length), zone=zone)

    midnights = [days.midnight(day) for day in days.days] + [days.end]
    assert midnights[0] == days.start and len(days.days) == length + 1
    assert all(a < b for a, b in zip(midnights, midnights[1:], strict=False))
    assert all(m.astimezone(zone).time() == dt.time() for m in midnights[:-1])
