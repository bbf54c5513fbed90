"""A rule's terms in plain words, as customers read them (``rebateHints``; DESIGN §3.6 safeguards), pure.

The safeguards ask rule text shown to customers to state the ratio, tiers,
threshold, caps, payout form and release schedule plainly, so the wording
is made from the rule's stored columns (a live rule's row read as a
mapping, or a rebate's snapshot: ``snapshots.SNAPSHOT_COLUMNS``), never
from the free-text description staff typed, which may promise anything.

Decisions where DESIGN is silent:

- One sentence of terms — what comes back and in what form, the schedule,
  then each cap after a semicolon — and then, as sentences of their own,
  when the window closes (in the shop's time zone; ``endsAt`` is exclusive,
  so "placed before") and, for a budgeted rule, that it lasts while its
  budget does (the amount is not shown: it moves with every order).
- English, money in the API's decimal form without a currency sign
  ("50.00"), rates as percentages with up to two places ("12.5%"). Points
  say what one is worth and that only whole points are paid, since a
  POINTS rebate is rounded down to whole points.
- The basis is "what you pay with your own money": DESIGN §3.6 leaves
  vouchers, points and rebate credit out of it, and customers need to know.
- The margin cap is stated as a share of "the shop's margin on each item":
  customers cannot check it, but a cap that silently cuts a rebate would
  not be plain.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from mall.core.money import format_minor
from mall.rebates.terms import PayoutForm, Period, RuleKind, TierMode

BASIS = "what you pay with your own money"

_PERIODS = {Period.DAY: "daily", Period.WEEK: "weekly", Period.MONTH: "monthly"}


def percent(scaled: int) -> str:
    """A rate in ten-thousandths as a percentage: ``1000`` → ``"10%"``, ``1250`` → ``"12.5%"``."""
    value = Decimal(scaled).scaleb(-2)
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text}%"


def payout_words(columns: Mapping[str, Any], minor_per_point: int = 1) -> str:
    """What the rebate is paid in: rebate credit, points (and what one is worth), or vouchers with their terms."""
    form = PayoutForm(columns["payout_form"])
    if form is PayoutForm.REBATE_CREDIT:
        return "rebate credit"
    if form is PayoutForm.POINTS:
        return f"points (one point is worth {format_minor(minor_per_point)}; whole points only)"
    several = (columns["installment_count"] or 1) > 1
    terms = []
    days = columns.get("voucher_valid_days")
    if days:
        terms.append(f"valid {days} day{'s' if days != 1 else ''}")
    min_spend = columns.get("voucher_min_spend_minor") or 0
    if min_spend:
        terms.append(f"for orders of at least {format_minor(min_spend)}")
    noun = "vouchers" if several else "a voucher"
    if not terms:
        return noun
    return f"{noun} ({'each ' if several else ''}{', '.join(terms)})"


def amount_words(columns: Mapping[str, Any], minor_per_point: int = 1) -> str:
    """What comes back, for what, and in which form."""
    kind = RuleKind(columns["kind"])
    form = payout_words(columns, minor_per_point)
    if kind is RuleKind.FIXED_RATIO:
        return f"{percent(columns['ratio_scaled'])} of {BASIS} back as {form}"
    if kind is RuleKind.FULL_RETURN:
        return f"Full return: {percent(columns['ratio_scaled'])} of {BASIS} back as {form}"
    if kind is RuleKind.THRESHOLD:
        threshold, reward = format_minor(columns["threshold_minor"]), format_minor(columns["reward_minor"])
        if columns["repeat"]:
            return f"{reward} back as {form} for every full {threshold} of {BASIS}"
        return f"{reward} back as {form} when {BASIS} comes to {threshold} or more"
    brackets = ", ".join(f"{percent(tier['rate'])} from {format_minor(tier['from'])}" for tier in columns["tiers"])
    if TierMode(columns["tier_mode"]) is TierMode.WHOLE:
        return f"Back as {form}, on {BASIS}: {brackets}; the highest bracket reached sets the rate for the whole amount"
    return f"Back as {form}, on {BASIS}: {brackets}; each part of the amount at its own bracket's rate"


def schedule_words(columns: Mapping[str, Any]) -> str:
    count = columns["installment_count"] or 1
    if count == 1:
        return "in one release"
    return f"in {count} {_PERIODS[Period(columns['period'] or Period.MONTH.value)]} installments"


def cap_words(columns: Mapping[str, Any]) -> list[str]:
    caps = []
    margin = columns.get("margin_cap_share_scaled")
    if margin is not None:
        caps.append(f"at most {percent(margin)} of the shop's margin on each item")
    cap = columns.get("per_customer_cap_minor")
    if cap is not None:
        caps.append(f"at most {format_minor(cap)} per customer")
    return caps


def _moment(value: dt.datetime | str | None) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(value)  # a snapshot keeps timestamps as ISO-8601 strings


def describe(columns: Mapping[str, Any], *, zone: dt.tzinfo, budgeted: bool = False, minor_per_point: int = 1) -> str:
    """The rule of ``columns`` in plain words; ``zone`` is the shop's time zone, ``budgeted`` whether the rule
    has a budget (not a snapshot column: a budget bounds the rule, not one rebate), ``minor_per_point`` what
    one point is worth in fen (a setting, so the caller's)."""
    sentence = f"{amount_words(columns, minor_per_point)}, {schedule_words(columns)}"
    sentence += "".join(f"; {cap}" for cap in cap_words(columns)) + "."
    parts = [sentence[0].upper() + sentence[1:]]
    ends = _moment(columns.get("ends_at"))
    if ends is not None:
        parts.append(f"For orders placed before {ends.astimezone(zone):%Y-%m-%d %H:%M}.")
    if budgeted:
        parts.append("While the campaign's budget lasts.")
    return " ".join(parts)
