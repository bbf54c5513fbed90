"""A rule's terms in plain words (DESIGN §3.6 safeguards): every kind, both tier modes, repeating thresholds,
voucher terms, the margin and per-customer caps, the window's end and the budget, as exact sentences."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from mall.rebates.snapshots import rule_snapshot
from mall.rebates.wording import describe, percent

SHANGHAI = ZoneInfo("Asia/Shanghai")


def columns(**terms: Any) -> dict[str, Any]:
    """A rule's stored columns: FIXED_RATIO 10% as rebate credit in one release unless ``terms`` say otherwise."""
    base: dict[str, Any] = {
        "id": 1, "version": 1, "name": "Spring", "description": "Anything staff typed", "kind": "FIXED_RATIO",
        "ratio_scaled": 1000, "tiers": [], "tier_mode": None, "threshold_minor": None, "reward_minor": None,
        "repeat": False, "payout_form": "REBATE_CREDIT", "voucher_valid_days": None, "voucher_min_spend_minor": None,
        "installment_count": 1, "period": None, "scope_kind": "ALL", "scope_ids": [], "starts_at": None,
        "ends_at": None, "priority": 0, "stackable": True, "per_customer_cap_minor": None,
        "margin_cap_share_scaled": None,
    }
    return {**base, **terms}


def words(**terms: Any) -> str:
    return describe(columns(**terms), zone=SHANGHAI)


def test_the_example_of_the_brief_word_for_word():
    assert words(installment_count=3, period="MONTH", per_customer_cap_minor=5000) == (
        "10% of what you pay with your own money back as rebate credit, in 3 monthly installments; "
        "at most 50.00 per customer.")


def test_fixed_ratio_in_one_release_as_points():
    text = describe(columns(ratio_scaled=1250, payout_form="POINTS"), zone=SHANGHAI, minor_per_point=10)
    assert text == ("12.5% of what you pay with your own money back as points (one point is worth 0.10; whole points "
                    "only), in one release.")


def test_full_return_daily_and_weekly():
    assert words(kind="FULL_RETURN", ratio_scaled=10000, installment_count=10, period="DAY") == (
        "Full return: 100% of what you pay with your own money back as rebate credit, in 10 daily installments.")
    assert words(kind="FULL_RETURN", ratio_scaled=5000, installment_count=2, period="WEEK") == (
        "Full return: 50% of what you pay with your own money back as rebate credit, in 2 weekly installments.")


def test_tiered_whole_and_progressive_name_each_bracket():
    tiers = [{"from": 0, "rate": 500}, {"from": 10000, "rate": 800}, {"from": 30000, "rate": 1000}]
    assert words(kind="TIERED", ratio_scaled=None, tiers=tiers, tier_mode="WHOLE") == (
        "Back as rebate credit, on what you pay with your own money: 5% from 0.00, 8% from 100.00, 10% from 300.00; "
        "the highest bracket reached sets the rate for the whole amount, in one release.")
    assert words(kind="TIERED", ratio_scaled=None, tiers=tiers, tier_mode="PROGRESSIVE") == (
        "Back as rebate credit, on what you pay with your own money: 5% from 0.00, 8% from 100.00, 10% from 300.00; "
        "each part of the amount at its own bracket's rate, in one release.")


def test_thresholds_once_and_repeating():
    assert words(kind="THRESHOLD", ratio_scaled=None, threshold_minor=30000, reward_minor=5000) == (
        "50.00 back as rebate credit when what you pay with your own money comes to 300.00 or more, in one release.")
    assert words(kind="THRESHOLD", ratio_scaled=None, threshold_minor=30000, reward_minor=5000, repeat=True) == (
        "50.00 back as rebate credit for every full 300.00 of what you pay with your own money, in one release.")


def test_voucher_terms_one_voucher_or_several():
    assert words(payout_form="VOUCHER", voucher_valid_days=30, voucher_min_spend_minor=10000) == (
        "10% of what you pay with your own money back as a voucher (valid 30 days, for orders of at least 100.00), "
        "in one release.")
    assert words(payout_form="VOUCHER", voucher_valid_days=1, voucher_min_spend_minor=0, installment_count=2,
                 period="MONTH") == (
        "10% of what you pay with your own money back as vouchers (each valid 1 day), in 2 monthly installments.")


def test_both_caps_the_window_end_in_the_shop_zone_and_the_budget():
    ends = dt.datetime(2026, 12, 31, 16, 0, tzinfo=dt.UTC)  # 2027-01-01 00:00 in Shanghai
    text = describe(columns(margin_cap_share_scaled=3000, per_customer_cap_minor=5000, ends_at=ends),
                    zone=SHANGHAI, budgeted=True)
    assert text == (
        "10% of what you pay with your own money back as rebate credit, in one release; at most 30% of the shop's "
        "margin on each item; at most 50.00 per customer. For orders placed before 2027-01-01 00:00. "
        "While the campaign's budget lasts.")


def test_a_snapshot_reads_the_same_as_the_live_row():
    ends = dt.datetime(2026, 12, 31, 16, 0, tzinfo=dt.UTC)
    live = columns(ends_at=ends, per_customer_cap_minor=5000)
    assert describe(rule_snapshot(live), zone=SHANGHAI) == describe(live, zone=SHANGHAI)


def test_the_description_staff_typed_never_shows():
    assert "Anything staff typed" not in words()


@pytest.mark.parametrize(("scaled", "text"), [(1000, "10%"), (1250, "12.5%"), (5, "0.05%"), (10000, "100%"),
                                               (1, "0.01%"), (3333, "33.33%")])
def test_percentages(scaled, text):
    assert percent(scaled) == text
