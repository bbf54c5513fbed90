"""Staff input for a rebate rule (DESIGN §3.6, §4): every problem, its field path and its stable code."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mall.core.errors import ErrorCode, Problem
from mall.rebates.terms import (
    PayoutForm,
    Period,
    Ratio,
    RuleKind,
    RuleTerms,
    ScopeKind,
    Threshold,
    Tier,
    Tiered,
    TierMode,
)
from mall.rebates.validation import RuleDraft, TierDraft, formula_of, validate_rule

RATIO = RuleDraft(kind=RuleKind.FIXED_RATIO, payout_form=PayoutForm.REBATE_CREDIT, ratio=Decimal("0.10"))
TIERS = RuleDraft(
    kind=RuleKind.TIERED, payout_form=PayoutForm.POINTS, tier_mode=TierMode.PROGRESSIVE,
    tiers=(TierDraft(0, Decimal("0.01")), TierDraft(10000, Decimal("0.05"))),
)
THRESHOLD = RuleDraft(kind=RuleKind.THRESHOLD, payout_form=PayoutForm.REBATE_CREDIT, threshold_minor=30000,
                      reward_minor=5000, repeat=True)


def codes(problems: list[Problem]) -> list[tuple[tuple[str, ...] | None, ErrorCode]]:
    return [(problem.field, problem.code) for problem in problems]


def test_sound_rules_of_every_kind_pass_and_give_their_formula():
    full_return = replace(RATIO, kind=RuleKind.FULL_RETURN, ratio=Decimal("1.00"), installment_count=12,
                          period=Period.MONTH, budget_minor=0, per_customer_cap_minor=10000,
                          margin_cap_share=Decimal("0.5"), scope_kind=ScopeKind.PRODUCTS, scope_ids=(3, 4))
    voucher = replace(THRESHOLD, payout_form=PayoutForm.VOUCHER, voucher_valid_days=30, voucher_min_spend_minor=0)

    for draft in (RATIO, TIERS, THRESHOLD, full_return, voucher):
        assert validate_rule(draft) == []
    assert formula_of(RATIO) == Ratio(Decimal("0.10"))
    assert formula_of(TIERS) == Tiered((Tier(0, Decimal("0.01")), Tier(10000, Decimal("0.05"))), TierMode.PROGRESSIVE)
    assert formula_of(THRESHOLD) == Threshold(30000, 5000, True)


def test_a_ratio_outside_one_percent_to_one_hundred_percent_or_too_precise():
    for ratio in ("0.0099", "1.0001", "0", "-0.10", "0.12345", "NaN", "Infinity", "0.1" + "0" * 30 + "1"):
        assert codes(validate_rule(replace(RATIO, ratio=Decimal(ratio)))) == [(("ratio",), ErrorCode.INVALID)]
    assert codes(validate_rule(replace(RATIO, ratio=None))) == [(("ratio",), ErrorCode.REQUIRED)]
    for ratio in ("0.0100", "0.01000000", "1", "1E0", "0.5"):
        assert validate_rule(replace(RATIO, ratio=Decimal(ratio))) == []


def test_tiers_must_start_at_increasing_amounts_with_rates_up_to_one():
    draft = replace(TIERS, tier_mode=None, tiers=(
        TierDraft(10000, Decimal("0.01")),
        TierDraft(10000, Decimal("0.02")),  # not increasing
        TierDraft(-1, Decimal("1.5")),  # negative start, rate above 100%
        TierDraft(None, None),
    ))

    assert codes(validate_rule(draft)) == [
        (("tierMode",), ErrorCode.REQUIRED),
        (("tiers", "1", "from"), ErrorCode.INVALID),
        (("tiers", "2", "from"), ErrorCode.INVALID),
        (("tiers", "2", "rate"), ErrorCode.INVALID),
        (("tiers", "3", "from"), ErrorCode.REQUIRED),
        (("tiers", "3", "rate"), ErrorCode.REQUIRED),
    ]


def test_a_tiered_rule_needs_tiers_and_at_most_twenty():
    assert codes(validate_rule(replace(TIERS, tiers=()))) == [(("tiers",), ErrorCode.REQUIRED)]
    many = tuple(TierDraft(index * 100, Decimal("0.01")) for index in range(21))
    assert codes(validate_rule(replace(TIERS, tiers=many))) == [(("tiers",), ErrorCode.LIMIT_EXCEEDED)]


def test_threshold_and_reward_must_be_positive_and_the_reward_no_more_than_the_threshold():
    assert codes(validate_rule(replace(THRESHOLD, threshold_minor=0, reward_minor=-5))) == [
        (("threshold",), ErrorCode.INVALID),
        (("reward",), ErrorCode.INVALID),
    ]
    assert codes(validate_rule(replace(THRESHOLD, reward_minor=30001))) == [(("reward",), ErrorCode.INVALID)]
    assert validate_rule(replace(THRESHOLD, reward_minor=30000)) == []
    assert codes(validate_rule(replace(THRESHOLD, threshold_minor=None, reward_minor=None))) == [
        (("threshold",), ErrorCode.REQUIRED),
        (("reward",), ErrorCode.REQUIRED),
    ]


def test_installments_window_caps_budget_and_margin_share():
    draft = replace(
        RATIO,
        installment_count=0,
        starts_at=dt.datetime(2026, 6, 1, tzinfo=dt.UTC),
        ends_at=dt.datetime(2026, 5, 1, tzinfo=dt.UTC),
        per_customer_cap_minor=-1,
        budget_minor=-100,
        margin_cap_share=Decimal("1.5"),
    )

    assert codes(validate_rule(draft)) == [
        (("installmentCount",), ErrorCode.INVALID),
        (("endsAt",), ErrorCode.INVALID),
        (("perCustomerCap",), ErrorCode.INVALID),
        (("budget",), ErrorCode.INVALID),
        (("marginCapShare",), ErrorCode.INVALID),
    ]


def test_an_end_equal_to_the_start_is_an_empty_window():
    moment = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)

    assert codes(validate_rule(replace(RATIO, starts_at=moment, ends_at=moment))) == [(("endsAt",), ErrorCode.INVALID)]


def test_several_installments_need_a_period_and_at_most_a_year_of_days():
    assert codes(validate_rule(replace(RATIO, installment_count=3))) == [(("period",), ErrorCode.REQUIRED)]
    too_many = replace(RATIO, installment_count=367, period=Period.DAY)
    assert codes(validate_rule(too_many)) == [(("installmentCount",), ErrorCode.LIMIT_EXCEEDED)]


def test_a_voucher_payout_needs_a_validity():
    voucher = replace(RATIO, payout_form=PayoutForm.VOUCHER)

    assert codes(validate_rule(voucher)) == [(("voucherValidDays",), ErrorCode.REQUIRED)]
    assert codes(validate_rule(replace(voucher, voucher_valid_days=0, voucher_min_spend_minor=-1))) == [
        (("voucherValidDays",), ErrorCode.INVALID),
        (("voucherMinSpend",), ErrorCode.INVALID),
    ]


def test_a_scope_lists_ids_exactly_when_it_is_not_all():
    assert codes(validate_rule(replace(RATIO, scope_ids=(1,)))) == [(("scope", "ids"), ErrorCode.INVALID)]
    categories = replace(RATIO, scope_kind=ScopeKind.CATEGORIES)
    assert codes(validate_rule(categories)) == [(("scope", "ids"), ErrorCode.REQUIRED)]
    assert codes(validate_rule(replace(categories, scope_ids=(4, 4)))) == [(("scope", "ids"), ErrorCode.DUPLICATE)]
    assert validate_rule(replace(categories, scope_ids=(4, 5))) == []


amounts = st.none() | st.integers(-10, 60000)
decimals = st.none() | st.integers(-100, 20000).map(lambda n: Decimal(n).scaleb(-4)) | st.sampled_from(
    [Decimal("0.12345"), Decimal("1.5")])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    kind=st.sampled_from(list(RuleKind)),
    ratio=decimals,
    tiers=st.lists(st.builds(TierDraft, amounts, decimals), max_size=4),
    tier_mode=st.none() | st.sampled_from(list(TierMode)),
    threshold_minor=amounts,
    reward_minor=amounts,
    installment_count=st.integers(-1, 400),
    margin_cap_share=decimals,
)
def test_whatever_validation_accepts_the_engine_can_run(kind, ratio, tiers, tier_mode, threshold_minor, reward_minor,
                                                        installment_count, margin_cap_share):
    draft = RuleDraft(kind=kind, payout_form=PayoutForm.POINTS, ratio=ratio, tiers=tuple(tiers), tier_mode=tier_mode,
                      threshold_minor=threshold_minor, reward_minor=reward_minor, installment_count=installment_count,
                      period=Period.DAY, margin_cap_share=margin_cap_share)

    problems = validate_rule(draft)

    # then an accepted draft builds terms the engine takes; a refused one has a path and a known code on each problem
    if not problems:
        RuleTerms(id=1, kind=kind, formula=formula_of(draft), installment_count=installment_count,
                  margin_cap_share=margin_cap_share)
    assert all(problem.field and problem.code in ErrorCode for problem in problems)
