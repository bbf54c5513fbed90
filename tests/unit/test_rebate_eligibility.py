"""When a completed order's rebate may become ACTIVE (DESIGN §3.6): after-sale window closed, then the hold."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from mall.rebates.lifecycle import eligible_at

COMPLETED = dt.datetime(2030, 1, 10, 12, tzinfo=dt.UTC)
DAY = dt.timedelta(days=1)


def test_the_window_counts_from_delivery():
    delivered = COMPLETED - 3 * DAY

    assert eligible_at(completed_at=COMPLETED, delivered_at=delivered, window_days=7, hold_days=0) == delivered + 7 * DAY


def test_without_delivery_the_window_counts_from_completion():
    assert eligible_at(completed_at=COMPLETED, delivered_at=None, window_days=7, hold_days=2) == COMPLETED + 9 * DAY


def test_a_window_closed_before_completion_leaves_completion_plus_the_hold():
    delivered = COMPLETED - 10 * DAY

    assert eligible_at(completed_at=COMPLETED, delivered_at=delivered, window_days=7, hold_days=0) == COMPLETED
    assert eligible_at(completed_at=COMPLETED, delivered_at=delivered, window_days=7, hold_days=3) == COMPLETED + 3 * DAY


@settings(max_examples=200, deadline=None)
@given(st.integers(-30, 30), st.booleans(), st.integers(0, 365), st.integers(0, 365))
def test_never_before_completion_the_window_or_the_hold(delivered_days: int, delivered: bool, window: int, hold: int):
    delivered_at = COMPLETED + delivered_days * DAY if delivered else None

    when = eligible_at(completed_at=COMPLETED, delivered_at=delivered_at, window_days=window, hold_days=hold)

    assert when >= COMPLETED + hold * DAY
    assert when >= (delivered_at or COMPLETED) + (window + hold) * DAY
    assert when in (COMPLETED + hold * DAY, (delivered_at or COMPLETED) + (window + hold) * DAY)
