"""A rule's edits, pure: staff input merged into terms and back through columns, and the status an edit leaves."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mall.core.errors import ErrorCode, InvalidInput
from mall.rebates import drafts
from mall.rebates.drafts import RuleChanges, TierInput
from mall.rebates.errors import RuleStateInvalid
from mall.rebates.statuses import RuleStatus, after_edit
from mall.rebates.terms import PayoutForm, Period, RuleKind, ScopeKind, TierMode

S = RuleStatus
STAFF_STATUSES = [None, S.DRAFT, S.ACTIVE, S.PAUSED, S.ENDED]


def new(**changes: object) -> dict[str, object]:
    base = {"name": "R", "kind": RuleKind.FIXED_RATIO, "ratio": Decimal("0.1"), "payout_form": PayoutForm.POINTS}
    return drafts.merged(drafts.NEW_RULE, RuleChanges(**{**base, **changes}), creating=True)  # type: ignore[arg-type]


@pytest.mark.parametrize(("current", "requested", "remaining", "expected"), [
    (S.DRAFT, None, None, S.DRAFT),
    (S.DRAFT, S.ACTIVE, 100, S.ACTIVE),
    (S.ACTIVE, S.PAUSED, None, S.PAUSED),
    (S.PAUSED, S.ACTIVE, 5, S.ACTIVE),
    (S.ACTIVE, S.ENDED, 0, S.ENDED),
    (S.EXHAUSTED, None, 1, S.ACTIVE),  # budget raised or freed: running again
    (S.EXHAUSTED, None, None, S.ACTIVE),  # unbounded now
    (S.EXHAUSTED, None, 0, S.EXHAUSTED),  # renamed, still nothing left
    (S.EXHAUSTED, S.PAUSED, 0, S.PAUSED),
    (S.ACTIVE, None, 0, S.EXHAUSTED),  # budget lowered to what is reserved
    (S.PAUSED, None, 0, S.PAUSED),
])
def test_the_status_an_edit_leaves(current, requested, remaining, expected):
    assert after_edit(current, requested, budget_remaining_minor=remaining) is expected


@pytest.mark.parametrize(("current", "requested", "remaining", "error", "field"), [
    (S.ENDED, None, None, RuleStateInvalid, ("ruleId",)),
    (S.ENDED, S.ACTIVE, None, RuleStateInvalid, ("ruleId",)),
    (S.ACTIVE, S.EXHAUSTED, 0, InvalidInput, ("status",)),
    (S.ACTIVE, S.DRAFT, None, RuleStateInvalid, ("status",)),
    (S.EXHAUSTED, S.ACTIVE, 0, RuleStateInvalid, ("status",)),
    (S.DRAFT, S.ACTIVE, 0, RuleStateInvalid, ("status",)),
])
def test_the_edits_a_status_forbids(current, requested, remaining, error, field):
    with pytest.raises(error) as raised:
        after_edit(current, requested, budget_remaining_minor=remaining)

    assert raised.value.field == field


@given(current=st.sampled_from(list(S)), requested=st.sampled_from(STAFF_STATUSES),
       remaining=st.none() | st.integers(0, 10**6))
def test_no_edit_reopens_an_ended_rule_or_makes_an_active_rule_with_nothing_left(current, requested, remaining):
    try:
        status = after_edit(current, requested, budget_remaining_minor=remaining)
    except (RuleStateInvalid, InvalidInput):
        return
    assert current is not S.ENDED
    assert not (status is S.ACTIVE and remaining == 0)
    assert status is not S.EXHAUSTED or current in (S.ACTIVE, S.EXHAUSTED)


def test_money_in_yuan_becomes_fen_and_rates_four_places():
    terms = new(kind=RuleKind.TIERED, ratio=None, tier_mode=TierMode.WHOLE, budget=Decimal("12.3"),
                tiers=[TierInput(Decimal("0"), Decimal("0.1")), TierInput(Decimal("99.99"), Decimal("0.25"))])

    assert terms["budget_minor"] == 1230
    assert [(t.from_minor, str(t.rate)) for t in terms["tiers"]] == [(0, "0.1000"), (9999, "0.2500")]
    assert terms["ratio"] is None


def test_fractions_of_a_fen_and_amounts_past_the_limit_are_refused_before_judging_the_rule():
    with pytest.raises(InvalidInput) as raised:
        new(budget=Decimal("0.001"), per_customer_cap=Decimal("10000000000.01"), ratio=Decimal("7"))

    assert [(p.field, p.code) for p in raised.value.problems] == [
        (("perCustomerCap",), ErrorCode.LIMIT_EXCEEDED), (("budget",), ErrorCode.INVALID)]


def test_a_create_needs_name_kind_and_payout_form():
    with pytest.raises(InvalidInput) as raised:
        drafts.merged(drafts.NEW_RULE, RuleChanges(ratio=Decimal("0.1")), creating=True)

    assert [(p.field, p.code) for p in raised.value.problems] == [
        (("name",), ErrorCode.REQUIRED), (("kind",), ErrorCode.REQUIRED), (("payoutForm",), ErrorCode.REQUIRED)]


@given(
    budget=st.none() | st.integers(0, 10**12), cap=st.none() | st.integers(0, 10**12),
    ratio=st.integers(100, 10000), count=st.integers(1, 366), days=st.integers(1, 3650),
    ids=st.lists(st.integers(1, 10**9), min_size=1, max_size=5, unique=True),
)
def test_columns_and_terms_of_are_inverse(budget, cap, ratio, count, days, ids):
    yuan = (lambda minor: None if minor is None else Decimal(minor).scaleb(-2))
    terms = new(kind=RuleKind.FULL_RETURN, ratio=Decimal(ratio).scaleb(-4), budget=yuan(budget),
                per_customer_cap=yuan(cap), installment_count=count, period=Period.WEEK,
                payout_form=PayoutForm.VOUCHER, voucher_valid_days=days, scope_kind=ScopeKind.PRODUCTS,
                scope_ids=ids, starts_at=dt.datetime(2027, 1, 1, tzinfo=dt.UTC))

    row = SimpleNamespace(**drafts.columns(terms))

    assert drafts.terms_of(row) == terms


def test_the_audit_shows_money_in_yuan_and_plain_values():
    terms = new(budget=Decimal("5"), scope_kind=ScopeKind.CATEGORIES, scope_ids=[3, 1])

    shown = drafts.auditable(terms)

    assert (shown["budget"], shown["ratio"], shown["kind"], shown["scope_kind"], shown["scope_ids"]) == (
        "5.00", "0.1000", "FIXED_RATIO", "CATEGORIES", [3, 1])
    assert "budget_minor" not in shown
