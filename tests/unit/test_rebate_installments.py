"""A rebate's release schedule (DESIGN §3.0, §3.6): equal parts, remainder last, calendar due dates."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mall.rebates.installments import (
    Installment,
    Part,
    due_dates,
    minor_per_point,
    points_for,
    reduce_installments,
    release_after_unrecovered,
    schedule,
    split_amount,
)
from mall.rebates.terms import PayoutForm, Period

PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
SHANGHAI = ZoneInfo("Asia/Shanghai")


def local(*args: int, zone: ZoneInfo = SHANGHAI) -> dt.datetime:
    return dt.datetime(*args, tzinfo=zone)  # type: ignore[misc]


def test_equal_parts_rounded_down_with_the_remainder_in_the_last():
    assert split_amount(10000, 3) == [3333, 3333, 3334]
    assert split_amount(100, 1) == [100]
    # smaller than the count: the early parts are 0, the last takes it all
    assert split_amount(2, 3) == [0, 0, 2]


def test_points_are_split_in_whole_points():
    # 12.30 in points worth 0.10 each: 123 points over 4 → 30, 30, 30, 33
    assert split_amount(1230, 4, unit_minor=10) == [300, 300, 300, 330]
    with pytest.raises(ValueError):
        split_amount(1235, 4, unit_minor=10)


def test_monthly_from_the_31st_falls_on_each_month_s_last_day_without_drifting():
    # given a rebate active on 31 January at 15:20 Shanghai time, six monthly installments
    dates = due_dates(local(2026, 1, 31, 15, 20), 6, Period.MONTH, SHANGHAI)

    # then the first is due at once, the others at local midnight on the 31st or the month's last day
    assert [moment.astimezone(SHANGHAI) for moment in dates] == [
        local(2026, 1, 31, 15, 20),
        local(2026, 2, 28),
        local(2026, 3, 31),
        local(2026, 4, 30),
        local(2026, 5, 31),
        local(2026, 6, 30),
    ]
    assert all(moment.tzinfo is dt.UTC for moment in dates)


def test_monthly_into_a_leap_february_and_across_the_year_end():
    dates = due_dates(local(2027, 12, 30, 9, 0), 3, Period.MONTH, SHANGHAI)

    assert dates[1:] == [local(2028, 1, 30), local(2028, 2, 29)]


def test_daily_and_weekly_installments_fall_at_local_midnight():
    # given activation at 23:30 Shanghai time (15:30 UTC)
    active = local(2026, 3, 10, 23, 30)

    assert due_dates(active, 3, Period.DAY, SHANGHAI)[1:] == [local(2026, 3, 11), local(2026, 3, 12)]
    assert due_dates(active, 2, Period.WEEK, SHANGHAI)[1:] == [local(2026, 3, 17)]


def test_the_local_date_counts_not_the_utc_date():
    # given 01:00 on 1 March in Shanghai, still 28 February in UTC
    active = dt.datetime(2026, 2, 28, 17, 0, tzinfo=dt.UTC)

    assert due_dates(active, 2, Period.MONTH, SHANGHAI)[1] == local(2026, 4, 1)


def test_a_midnight_lost_to_daylight_saving_is_the_first_instant_of_that_day():
    # Santiago moves its clocks from 00:00 to 01:00 on 8 September 2024
    santiago = ZoneInfo("America/Santiago")

    dates = due_dates(local(2024, 9, 7, 12, 0, zone=santiago), 2, Period.DAY, santiago)

    assert dates[1] == dt.datetime(2024, 9, 8, 4, 0, tzinfo=dt.UTC)
    assert dates[1].astimezone(santiago).hour == 1


def test_a_points_schedule_carries_amounts_and_points():
    installments = schedule(
        1230, count=3, period=Period.WEEK, active_at=local(2026, 5, 1, 8, 0), zone=SHANGHAI,
        payout_form=PayoutForm.POINTS, minor_per_point=10,
    )

    assert installments == (
        Installment(1, local(2026, 5, 1, 8, 0), 410, 41),
        Installment(2, local(2026, 5, 8), 410, 41),
        Installment(3, local(2026, 5, 15), 410, 41),
    )


def test_a_money_schedule_has_no_points():
    [only] = schedule(999, count=1, period=Period.MONTH, active_at=local(2026, 5, 1, 8, 0), zone=SHANGHAI,
                      payout_form=PayoutForm.REBATE_CREDIT)

    assert only == Installment(1, local(2026, 5, 1, 8, 0), 999, None)


def test_points_per_yuan_makes_a_point_a_whole_number_of_fen():
    assert minor_per_point(100) == 1
    assert minor_per_point(10) == 10
    assert points_for(1239, minor_per_point=10) == (123, 9)
    with pytest.raises(ValueError):
        minor_per_point(3)


def test_a_naive_activation_time_is_refused():
    with pytest.raises(ValueError):
        due_dates(dt.datetime(2026, 1, 1), 2, Period.DAY, SHANGHAI)


@PROPERTY
@given(amount=st.integers(0, 10**12), count=st.integers(1, 366), unit=st.sampled_from([1, 2, 5, 10, 100]))
def test_installments_sum_exactly_and_only_the_last_differs(amount: int, count: int, unit: int):
    amount -= amount % unit

    parts = split_amount(amount, count, unit_minor=unit)

    assert sum(parts) == amount
    assert len(parts) == count
    assert len(set(parts[:-1])) <= 1
    assert all(part % unit == 0 and part >= 0 for part in parts)
    assert parts[-1] - parts[0] < count * unit


@PROPERTY
@given(
    active=st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2090, 1, 1), timezones=st.just(dt.UTC)),
    count=st.integers(1, 40),
    period=st.sampled_from(list(Period)),
    zone=st.sampled_from([SHANGHAI, ZoneInfo("America/Santiago"), ZoneInfo("Europe/London")]),
)
def test_due_dates_are_increasing_local_midnights(active: dt.datetime, count: int, period: Period, zone: ZoneInfo):
    dates = due_dates(active, count, period, zone)

    assert len(dates) == count and dates[0] == active
    assert all(earlier < later for earlier, later in zip(dates, dates[1:]))
    anchor = active.astimezone(zone).date()
    for later in dates[1:]:
        moment = later.astimezone(zone)
        # midnight, or the first instant of a day whose midnight was skipped
        assert moment.time() == dt.time(0) or moment.minute == 0 and moment.hour == 1
        if period is Period.MONTH:
            assert moment.day == anchor.day or moment.day < anchor.day and (moment + dt.timedelta(days=1)).day == 1


# --- reductions after a refund ---------------------------------------------------------------------------


def test_a_reduction_comes_off_unreleased_installments_from_the_last_backwards():
    parts = [Part(1, 3000, True), Part(2, 3000, False), Part(3, 3001, False)]

    cut = reduce_installments(parts, 4000)

    assert cut.amounts == {1: 3000, 2: 2001, 3: 0}
    assert cut.clawback_minor == 0


def test_what_the_unreleased_cannot_cover_is_clawed_back_from_released_value():
    parts = [Part(1, 3000, True), Part(2, 3000, True), Part(3, 3001, False)]

    cut = reduce_installments(parts, 5000)

    assert cut.amounts == {1: 3000, 2: 3000, 3: 0}  # released value has left: it is clawed back, not re-written
    assert cut.clawback_minor == 1999


def test_a_points_reduction_stays_in_whole_points_and_nothing_more_than_the_rebate_is_taken():
    with pytest.raises(ValueError):
        reduce_installments([Part(1, 200, False)], 3, unit_minor=2)
    with pytest.raises(ValueError):
        reduce_installments([Part(1, 200, False)], 202, unit_minor=2)


def test_an_unrecovered_amount_is_deducted_from_the_next_releases():
    assert release_after_unrecovered(3000, 1999) == (1001, 0)
    assert release_after_unrecovered(1000, 1999) == (0, 999)
    assert release_after_unrecovered(1000, 0) == (1000, 0)


def test_a_release_in_points_absorbs_only_what_leaves_it_whole_points():
    assert release_after_unrecovered(500, 473, unit_minor=10) == (30, 3)
    assert release_after_unrecovered(500, 7, unit_minor=10) == (500, 7)  # less than a point: still owed
    assert release_after_unrecovered(500, 900, unit_minor=10) == (0, 400)
    with pytest.raises(ValueError):
        release_after_unrecovered(500, 10, unit_minor=0)


@given(st.integers(1, 100), st.integers(0, 10**5), st.integers(0, 10**7))
def test_a_deduction_loses_no_fen_and_leaves_whole_units(unit, units_due, owed):
    due = units_due * unit
    released, still_owed = release_after_unrecovered(due, owed, unit_minor=unit)
    absorbed = owed - still_owed
    assert released + absorbed == due and 0 <= absorbed <= owed
    assert released % unit == 0
    assert absorbed == min(due, owed) // unit * unit  # as much as whole units allow


@given(
    st.lists(st.tuples(st.integers(0, 10**7), st.booleans()), min_size=1, max_size=24),
    st.data(),
)
def test_a_reduction_takes_exactly_its_amount_never_below_zero_unreleased_first(spec, data):
    parts = [Part(seq, amount, released) for seq, (amount, released) in enumerate(spec, start=1)]
    by = data.draw(st.integers(0, sum(amount for amount, _ in spec)))

    cut = reduce_installments(parts, by)

    unreleased_before = sum(p.amount_minor for p in parts if not p.released)
    taken = sum(p.amount_minor - cut.amounts[p.seq] for p in parts)
    assert taken + cut.clawback_minor == by
    assert all(cut.amounts[p.seq] == p.amount_minor for p in parts if p.released)
    assert all(0 <= cut.amounts[p.seq] <= p.amount_minor for p in parts)
    assert cut.clawback_minor == max(0, by - unreleased_before)
    # last first: a cut installment has no untouched unreleased installment after it
    cut_seqs = [p.seq for p in parts if not p.released and cut.amounts[p.seq] < p.amount_minor]
    if cut_seqs:
        assert all(cut.amounts[p.seq] == 0 for p in parts if not p.released and p.seq > min(cut_seqs))
