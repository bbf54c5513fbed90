"""Arithmetic properties of the rebate engine (DESIGN §3.0, §3.6), over random rules and orders."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mall.rebates.engine import RuleRebate, compute_rebates, recompute_after_refund
from mall.rebates.formulas import apply_formula
from mall.rebates.terms import (
    PayoutForm,
    Ratio,
    RebateLine,
    RuleKind,
    RuleTerms,
    Scope,
    ScopeKind,
    Threshold,
    Tier,
    Tiered,
    TierMode,
)

# The autouse ``clean`` fixture is function-scoped; these properties touch no state it resets.
PROPERTY = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
PRODUCTS = [1, 2, 3, 4]

# High rates often, so stacked rules meet the line cap.
rates = (st.integers(0, 10000) | st.sampled_from([5000, 8000, 10000])).map(lambda n: Decimal(n).scaleb(-4))


@st.composite
def tiered_formulas(draw: st.DrawFn) -> Tiered:
    steps = draw(st.lists(st.integers(1, 40000), min_size=0, max_size=5))
    start = draw(st.integers(0, 20000))
    starts = [start]
    for step in steps:
        starts.append(starts[-1] + step)
    return Tiered(tuple(Tier(at, draw(rates)) for at in starts), draw(st.sampled_from(list(TierMode))))


@st.composite
def thresholds(draw: st.DrawFn) -> Threshold:
    threshold = draw(st.integers(1, 50000))
    return Threshold(threshold, draw(st.integers(1, threshold)), draw(st.booleans()))


formulas = st.one_of(rates.map(Ratio), tiered_formulas(), thresholds())


@st.composite
def rule_sets(draw: st.DrawFn) -> list[RuleTerms]:
    rules = []
    for rule_id in draw(st.lists(st.integers(1, 50), min_size=1, max_size=4, unique=True)):
        formula = draw(formulas)
        kind = (RuleKind.TIERED if isinstance(formula, Tiered) else RuleKind.THRESHOLD if isinstance(formula, Threshold)
                else draw(st.sampled_from([RuleKind.FIXED_RATIO, RuleKind.FULL_RETURN])))
        products = draw(st.none() | st.frozensets(st.sampled_from(PRODUCTS), min_size=1))
        rules.append(RuleTerms(
            id=rule_id,
            kind=kind,
            formula=formula,
            payout_form=draw(st.sampled_from(list(PayoutForm))),
            priority=draw(st.integers(0, 3)),
            scope=Scope() if products is None else Scope(ScopeKind.PRODUCTS, products),
            stackable=draw(st.booleans()),
            per_customer_remaining_minor=draw(st.none() | st.integers(0, 30000)),
            budget_remaining_minor=draw(st.none() | st.integers(0, 30000)),
            margin_cap_share=draw(st.none() | rates),
        ))
    return rules


@st.composite
def order_lines(draw: st.DrawFn) -> list[RebateLine]:
    count = draw(st.integers(1, 5))
    return [
        RebateLine(
            line_id=line_id,
            product_id=draw(st.sampled_from(PRODUCTS)),
            basis_minor=draw(st.integers(0, 100000)),
            margin_minor=draw(st.none() | st.integers(-5000, 100000)),
        )
        for line_id in range(1, count + 1)
    ]


point_values = st.sampled_from([1, 2, 10, 100])


def per_line_totals(results: tuple[RuleRebate, ...]) -> dict[int, int]:
    totals: dict[int, int] = defaultdict(int)
    for result in results:
        for part in result.lines:
            totals[part.line_id] += part.amount_minor
    return totals


def assert_sound(rules: list[RuleTerms], lines: list[RebateLine], results: tuple[RuleRebate, ...],
                 minor_per_point: int) -> None:
    """Each rebate within its basis and caps, its parts summing exactly, all rules on a line within its basis."""
    by_id = {rule.id: rule for rule in rules}
    bases = {line.line_id: line.basis_minor for line in lines}
    for result in results:
        rule = by_id[result.rule_id]
        assert sum(part.amount_minor for part in result.lines) == result.amount_minor
        assert 0 <= result.amount_minor <= result.computation.basis_minor
        assert result.computation.basis_minor == sum(part.basis_minor for part in result.lines)
        assert all(0 <= part.amount_minor <= bases[part.line_id] for part in result.lines)
        for limit in (rule.per_customer_remaining_minor, rule.budget_remaining_minor):
            assert limit is None or result.amount_minor <= limit
        if rule.payout_form is PayoutForm.POINTS:
            assert result.amount_minor % minor_per_point == 0
    for line_id, total in per_line_totals(results).items():
        assert total <= bases[line_id]


@PROPERTY
@given(rules=rule_sets(), lines=order_lines(), minor_per_point=point_values)
def test_rebates_stay_within_their_basis_and_caps_and_sum_exactly(rules, lines, minor_per_point):
    results = compute_rebates(rules, lines, minor_per_point=minor_per_point)

    assert [result.rule_id for result in results] == [
        rule.id for rule in sorted(rules, key=lambda rule: (-rule.priority, rule.id))
    ]
    assert_sound(rules, lines, results, minor_per_point)


@PROPERTY
@given(rules=rule_sets(), lines=order_lines(), minor_per_point=point_values)
def test_the_result_is_deterministic_whatever_order_the_rules_come_in(rules, lines, minor_per_point):
    # the preview and the rebate at payment make the same call on the same order
    first = compute_rebates(rules, lines, minor_per_point=minor_per_point)

    assert compute_rebates(list(reversed(rules)), lines, minor_per_point=minor_per_point) == first
    assert compute_rebates(rules, lines, minor_per_point=minor_per_point) == first


@PROPERTY
@given(rules=rule_sets(), lines=order_lines(), minor_per_point=point_values, data=st.data())
def test_a_refund_never_increases_a_rebate(rules, lines, minor_per_point, data):
    before = [result for result in compute_rebates(rules, lines, minor_per_point=minor_per_point)
              if result.amount_minor]
    remaining = []
    for line in lines:
        left = data.draw(st.integers(0, line.basis_minor))
        margin = None if line.margin_minor is None or not line.basis_minor else line.margin_minor * left // line.basis_minor
        remaining.append(RebateLine(line.line_id, line.product_id, left, margin))

    after = recompute_after_refund(rules, remaining, before, minor_per_point=minor_per_point)

    assert [result.rule_id for result in after] == [result.rule_id for result in before]
    for old, new in zip(before, after, strict=True):
        assert new.amount_minor <= old.amount_minor
    assert_sound(rules, remaining, after, minor_per_point)


@PROPERTY
@given(rules=rule_sets(), lines=order_lines(), minor_per_point=point_values)
def test_a_full_refund_leaves_nothing(rules, lines, minor_per_point):
    before = [result for result in compute_rebates(rules, lines, minor_per_point=minor_per_point)
              if result.amount_minor]
    refunded = [RebateLine(line.line_id, line.product_id, 0, None if line.margin_minor is None else 0)
                for line in lines]

    after = recompute_after_refund(rules, refunded, before, minor_per_point=minor_per_point)

    assert all(result.amount_minor == 0 for result in after)
    assert all(part.amount_minor == 0 for result in after for part in result.lines)


@PROPERTY
@given(formula=formulas, basis=st.integers(0, 10**9))
def test_each_kind_matches_exact_rational_arithmetic_rounded_down_once(formula, basis):
    result = apply_formula(formula, basis)

    assert result.amount_minor == int(_exact(formula, basis))  # int() of a non-negative Fraction is its floor
    assert result.amount_minor <= basis
    if result.slices:
        assert sum(part.amount_minor for part in result.slices) == result.amount_minor


def _exact(formula, basis: int) -> Fraction:
    """The oracle: the kind's amount as an exact fraction, from DESIGN's wording."""
    if isinstance(formula, Ratio):
        return basis * Fraction(formula.ratio)
    if isinstance(formula, Threshold):
        times = basis // formula.threshold_minor
        return Fraction((times if formula.repeat else min(times, 1)) * formula.reward_minor)
    reached = [tier for tier in formula.tiers if tier.from_minor <= basis]
    if not reached:
        return Fraction(0)
    if formula.mode is TierMode.WHOLE:
        return basis * Fraction(reached[-1].rate)
    ends = [tier.from_minor for tier in formula.tiers[1:]] + [basis]
    return sum((Fraction(min(end, basis) - tier.from_minor) * Fraction(tier.rate)
                for tier, end in zip(formula.tiers, ends) if tier.from_minor < basis), Fraction(0))
