"""The rebate engine (DESIGN §3.6): hand-worked examples for every kind, mode, cap and overlap."""

from __future__ import annotations

from decimal import Decimal

import pytest

from mall.rebates.engine import Computation, LineRebate, RuleRebate, compute_rebates, recompute_after_refund
from mall.rebates.formulas import Slice
from mall.rebates.terms import Cap, PayoutForm, Scope, ScopeKind, TierMode
from tests.unit.rebate_rules import full_return, line, ratio_rule, threshold, tiered


def amounts(results: tuple[RuleRebate, ...]) -> dict[int, int]:
    return {result.rule_id: result.amount_minor for result in results}


def parts(result: RuleRebate) -> list[int]:
    return [part.amount_minor for part in result.lines]


# --- the kinds ---


def test_fixed_ratio_rounds_down_once_on_the_total_then_allocates():
    # given two lines of 19.99 and a 10% rule
    [result] = compute_rebates([ratio_rule(1, "0.10")], [line(1, 1999), line(2, 1999)])

    # then 10% of 39.98 = 3.998 rounds down once to 3.99 (per line it would be 1.99 + 1.99 = 3.98),
    # split 1.995 / 1.995: the spare fen to the earlier line on a tie
    assert result == RuleRebate(
        rule_id=1,
        payout_form=PayoutForm.REBATE_CREDIT,
        amount_minor=399,
        lines=(LineRebate(1, 1999, 200), LineRebate(2, 1999, 199)),
        computation=Computation(basis_minor=3998, formula_minor=399),
    )


def test_full_return_of_the_whole_basis_returns_each_line_exactly():
    [result] = compute_rebates([full_return(1, "1.00")], [line(1, 12345), line(2, 1)])

    assert result.amount_minor == 12346
    assert parts(result) == [12345, 1]


def test_tiered_whole_takes_the_rate_of_the_bracket_reached_for_the_whole_basis():
    # given brackets from 0 at 2%, from 100.00 at 5%, from 300.00 at 8%
    rule = tiered(1, TierMode.WHOLE, [(0, "0.02"), (10000, "0.05"), (30000, "0.08")])

    # then 299.99 is in bracket 1 (5% of it = 14.9995 → 14.99), 300.00 in bracket 2 (24.00), 99.99 in bracket 0
    below, at, first = (compute_rebates([rule], [line(1, basis)])[0] for basis in (29999, 30000, 9999))
    assert (below.amount_minor, below.computation.bracket) == (1499, 1)
    assert (at.amount_minor, at.computation.bracket) == (2400, 2)
    assert (first.amount_minor, first.computation.bracket) == (199, 0)


def test_tiered_whole_below_the_first_bracket_pays_nothing():
    rule = tiered(1, TierMode.WHOLE, [(5000, "0.05"), (10000, "0.10")])

    [result] = compute_rebates([rule], [line(1, 4999)])

    assert result.amount_minor == 0
    assert result.computation == Computation(basis_minor=4999, formula_minor=0, bracket=None)


def test_tiered_progressive_taxes_each_slice_at_its_own_rate_across_several_brackets():
    # given 1% to 100.00, 3% to 300.00, 5% to 600.00, 10% above
    rule = tiered(1, TierMode.PROGRESSIVE, [(0, "0.01"), (10000, "0.03"), (30000, "0.05"), (60000, "0.10")])

    # when the basis is 750.55 over two lines
    [result] = compute_rebates([rule], [line(1, 50055), line(2, 25000)])

    # then 1.00 + 6.00 + 15.00 + 15.055 = 37.055 → 37.05, the slices (split by largest remainder) add up to it
    assert result.computation.slices == (
        Slice(0, 10000, Decimal("0.01"), 100),
        Slice(10000, 30000, Decimal("0.03"), 600),
        Slice(30000, 60000, Decimal("0.05"), 1500),
        Slice(60000, 75055, Decimal("0.10"), 1505),
    )
    assert result.amount_minor == 3705
    # and the total is allocated by basis: 3705 × 50055 / 75055 = 2470.88…, × 25000 / 75055 = 1234.11…
    assert parts(result) == [2471, 1234]


def test_tiered_progressive_pays_nothing_below_its_first_tier_and_lists_only_slices_reached():
    rule = tiered(1, TierMode.PROGRESSIVE, [(20000, "0.05"), (50000, "0.10"), (90000, "0.20")])

    [result] = compute_rebates([rule], [line(1, 60000)])

    # (600.00 − 200.00) at 5% = 15.00, (600.00 − 500.00) at 10% = 10.00; the 20% bracket is not reached
    assert result.computation.slices == (
        Slice(20000, 50000, Decimal("0.05"), 1500),
        Slice(50000, 60000, Decimal("0.10"), 1000),
    )
    assert result.amount_minor == 2500


def test_a_single_threshold_pays_once_and_only_when_reached():
    rule = threshold(1, 30000, 5000)

    below, above = (compute_rebates([rule], [line(1, basis)])[0] for basis in (29999, 95000))

    assert (below.amount_minor, below.computation.repeats) == (0, 0)
    assert (above.amount_minor, above.computation.repeats) == (5000, 1)


def test_a_repeating_threshold_pays_for_every_full_threshold():
    # 每满 300 返 50: 950.00 holds three full 300.00
    [result] = compute_rebates([threshold(1, 30000, 5000, repeat=True)], [line(1, 60000), line(2, 35000)])

    assert (result.amount_minor, result.computation.repeats) == (15000, 3)
    # 15000 × 60000 / 95000 = 9473.68…, × 35000 / 95000 = 5526.31…
    assert parts(result) == [9474, 5526]


# --- scope ---


def test_scope_by_product_and_by_category_including_the_categories_below():
    lines = [line(1, 10000, product_id=7), line(2, 20000, product_id=8, categories=(3, 30)),
             line(3, 40000, product_id=9, categories=(4,))]
    by_product = ratio_rule(1, "0.10", scope=Scope(ScopeKind.PRODUCTS, frozenset({7})))
    # the line in category 30 under category 3 carries both ids
    by_category = ratio_rule(2, "0.10", scope=Scope(ScopeKind.CATEGORIES, frozenset({3})))

    first, second = compute_rebates([by_product, by_category], lines)

    assert [(part.line_id, part.amount_minor) for part in first.lines] == [(1, 1000)]
    assert [(part.line_id, part.amount_minor) for part in second.lines] == [(2, 2000)]


# --- priority and stacking ---


def test_higher_priority_applies_first_and_ties_go_to_the_lower_id():
    lines = [line(1, 10000)]
    low = ratio_rule(1, "0.05", priority=1, stackable=False)
    tie_later = ratio_rule(9, "0.20", priority=5, stackable=False)
    tie_first = ratio_rule(4, "0.10", priority=5, stackable=False)

    results = compute_rebates([low, tie_later, tie_first], lines)

    # then results come in application order; only rule 4 pays: it takes the line from the others
    assert [result.rule_id for result in results] == [4, 9, 1]
    assert amounts(results) == {4: 1000, 9: 0, 1: 0}


def test_a_non_stackable_rule_takes_its_lines_from_every_later_rule():
    lines = [line(1, 10000), line(2, 5000)]
    exclusive = ratio_rule(1, "0.10", priority=2, stackable=False, scope=Scope(ScopeKind.PRODUCTS, frozenset({101})))
    stacking = ratio_rule(2, "0.05", priority=1)

    first, second = compute_rebates([exclusive, stacking], lines)

    # then the later stackable rule's basis is only line 2
    assert (first.amount_minor, second.amount_minor) == (1000, 250)
    assert second.computation.basis_minor == 5000
    assert [part.line_id for part in second.lines] == [2]


def test_a_non_stackable_rule_skips_lines_an_earlier_rule_paid_on():
    lines = [line(1, 10000), line(2, 5000)]
    stacking = ratio_rule(1, "0.10", priority=2, scope=Scope(ScopeKind.PRODUCTS, frozenset({101})))
    exclusive = ratio_rule(2, "0.05", priority=1, stackable=False)

    first, second = compute_rebates([stacking, exclusive], lines)

    assert (first.amount_minor, second.amount_minor) == (1000, 250)
    assert [part.line_id for part in second.lines] == [2]


def test_stackable_rules_stack_on_the_same_line():
    lines = [line(1, 10000)]

    results = compute_rebates([ratio_rule(1, "0.10", priority=2), ratio_rule(2, "0.05", priority=1)], lines)

    assert amounts(results) == {1: 1000, 2: 500}


def test_a_non_stackable_rule_that_pays_nothing_takes_no_line():
    # given a non-stackable threshold the basis does not reach, ahead of a stackable 10%
    lines = [line(1, 10000)]
    unreached = threshold(1, 50000, 5000, priority=2, stackable=False)

    results = compute_rebates([unreached, ratio_rule(2, "0.10", priority=1)], lines)

    assert amounts(results) == {1: 0, 2: 1000}


def test_a_rule_that_pays_takes_every_line_of_its_basis_even_one_a_cap_left_at_nothing():
    # given a stackable 10% whose margin cap leaves line 2 (no margin) at 0, then a non-stackable 5%
    lines = [line(1, 10000), line(2, 10000, margin_minor=0)]
    capped = ratio_rule(1, "0.10", priority=2, margin_cap_share=Decimal("0.50"))

    first, second = compute_rebates([capped, ratio_rule(2, "0.05", priority=1, stackable=False)], lines)

    # then line 2 counted towards the first rule's basis, so the non-stackable rule skips it too
    assert parts(first) == [1000, 0]
    assert (second.amount_minor, second.lines) == (0, ())


# --- caps ---


def test_the_line_cap_keeps_all_rules_on_a_line_within_its_basis():
    # given 80% then 50% stacking on 100.00 and 50% alone on another 100.00
    lines = [line(1, 10000), line(2, 10000, product_id=5)]
    first = full_return(1, "0.80", priority=2, scope=Scope(ScopeKind.PRODUCTS, frozenset({101})))
    second = ratio_rule(2, "0.50", priority=1)

    one, two = compute_rebates([first, second], lines)

    # then the second rule gets only the 20.00 left on line 1, and its full 50.00 on line 2
    assert one.amount_minor == 8000
    assert parts(two) == [2000, 5000]
    assert two.amount_minor == 7000
    assert two.computation == Computation(basis_minor=20000, formula_minor=10000, caps_applied=(Cap.LINE_BASIS,))


def test_the_margin_cap_limits_each_line_to_a_share_of_its_own_margin():
    # given a 20% rule capped at half of each line's gross margin
    lines = [
        line(1, 10000, margin_minor=1001),  # cap 500.5 → 5.00
        line(2, 10000, margin_minor=None),  # no cost price: no margin cap
        line(3, 10000, margin_minor=-300),  # sold below cost: nothing
        line(4, 10000, margin_minor=9000),  # cap 45.00, above its 20.00 share
    ]
    rule = ratio_rule(1, "0.20", margin_cap_share=Decimal("0.50"))

    [result] = compute_rebates([rule], lines)

    assert parts(result) == [500, 2000, 0, 2000]
    assert result.amount_minor == 4500
    assert result.computation.caps_applied == (Cap.MARGIN,)


def test_per_customer_cap_then_budget_truncate_the_total_and_reallocate():
    # given 10% of 100.00 (10.00) with 7.00 left of this customer's cap and 5.00 left of the budget
    rule = ratio_rule(1, "0.10", per_customer_remaining_minor=700, budget_remaining_minor=500)

    [result] = compute_rebates([rule], [line(1, 6000), line(2, 4000)])

    assert result.amount_minor == 500
    assert parts(result) == [300, 200]
    assert result.computation.formula_minor == 1000
    assert result.computation.caps_applied == (Cap.PER_CUSTOMER, Cap.BUDGET)


def test_only_the_caps_that_cut_are_recorded():
    rule = ratio_rule(1, "0.10", per_customer_remaining_minor=5000, budget_remaining_minor=800)

    [result] = compute_rebates([rule], [line(1, 10000)])

    assert (result.amount_minor, result.computation.caps_applied) == (800, (Cap.BUDGET,))


def test_a_truncated_total_never_gives_a_line_more_than_its_own_cap():
    # given line 1 margin-capped to 1.00 and line 2 uncapped at 30.00, then a budget of 20.00
    lines = [line(1, 30000, margin_minor=200), line(2, 30000)]
    rule = ratio_rule(1, "0.10", margin_cap_share=Decimal("0.50"), budget_remaining_minor=2000)

    [result] = compute_rebates([rule], lines)

    # then the 20.00 is split over the capped parts 1.00 and 30.00: 0.64… and 19.35… → 65 / 1935
    assert parts(result) == [65, 1935]
    assert result.computation.caps_applied == (Cap.MARGIN, Cap.BUDGET)


def test_a_used_up_cap_or_budget_leaves_nothing():
    results = compute_rebates(
        [ratio_rule(1, budget_remaining_minor=0), ratio_rule(2, per_customer_remaining_minor=0)], [line(1, 10000)]
    )

    assert amounts(results) == {1: 0, 2: 0}
    assert all(part.amount_minor == 0 for result in results for part in result.lines)


# --- points ---


def test_a_points_rule_pays_whole_points_and_the_fen_below_a_point_are_not_paid():
    # given 10 points per yuan (a point is worth 0.10) and 10% of 123.45 = 12.345 → 12.34
    rule = ratio_rule(1, "0.10", payout_form=PayoutForm.POINTS)

    [result] = compute_rebates([rule], [line(1, 12345)], minor_per_point=10)

    # then the rebate is 123 points' worth, 12.30
    assert result.amount_minor == 1230
    assert parts(result) == [1230]


# --- refunds ---


def test_returning_goods_that_reached_a_threshold_removes_its_reward():
    # given 满 300 返 30 on 200.00 + 150.00
    rule = threshold(1, 30000, 3000)
    before = compute_rebates([rule], [line(1, 20000), line(2, 15000)])
    assert amounts(before) == {1: 3000}

    # when line 2 is refunded in full
    [after] = recompute_after_refund([rule], [line(1, 20000), line(2, 0)], before)

    # then the threshold is lost
    assert after.amount_minor == 0
    assert parts(after) == [0, 0]
    assert after.computation.repeats == 0


def test_a_partial_refund_reduces_a_repeating_threshold_by_whole_repeats():
    rule = threshold(1, 10000, 1000, repeat=True)
    before = compute_rebates([rule], [line(1, 35000)])

    [after] = recompute_after_refund([rule], [line(1, 25000)], before)

    assert (before[0].amount_minor, after.amount_minor, after.computation.repeats) == (3000, 2000, 2)


def test_a_refund_never_increases_a_rebate():
    # given WHOLE brackets whose rate falls as the basis grows: 10% below 100.00, 5% from 100.00
    rule = tiered(1, TierMode.WHOLE, [(0, "0.10"), (10000, "0.05")])
    before = compute_rebates([rule], [line(1, 12000)])
    assert before[0].amount_minor == 600

    # when 30.00 is refunded, the engine alone would now pay 10% of 90.00
    [after] = recompute_after_refund([rule], [line(1, 9000)], before)

    # then the rebate stays at its current 6.00
    assert (after.amount_minor, after.computation.formula_minor, after.computation.bracket) == (600, 900, 0)
    assert parts(after) == [600]


def test_a_budget_truncation_is_never_undone_by_a_refund():
    rule = ratio_rule(1, "0.10", budget_remaining_minor=550)
    before = compute_rebates([rule], [line(1, 12000)])
    assert (before[0].amount_minor, before[0].computation.caps_applied) == (550, (Cap.BUDGET,))

    [after] = recompute_after_refund([rule], [line(1, 9000)], before)

    assert (after.amount_minor, after.computation.caps_applied) == (550, (Cap.BUDGET,))


def test_when_the_current_amount_binds_the_caps_that_set_it_stay_on_record():
    # given 满 100 返 80 stacked before 50% on one 120.00 line: the 50% gets only the 40.00 left of the line
    rules = [threshold(1, 10000, 8000, priority=2), full_return(2, "0.50", priority=1)]
    before = compute_rebates(rules, [line(1, 12000)])
    assert amounts(before) == {1: 8000, 2: 4000}
    assert before[1].computation.caps_applied == (Cap.LINE_BASIS,)

    # when 30.00 is refunded: the threshold is lost, and the 50% alone would now pay 45.00
    first, second = recompute_after_refund(rules, [line(1, 9000)], before)

    # then the 50% keeps its current 40.00, still explained by the line cap that set it
    assert (first.amount_minor, second.amount_minor) == (0, 4000)
    assert second.computation == Computation(basis_minor=9000, formula_minor=4500, caps_applied=(Cap.LINE_BASIS,))


def test_a_later_rule_sees_the_room_an_earlier_rebate_really_keeps():
    # given WHOLE brackets 80% below 100.00 and 30% from 100.00, then a stacking 50%, on one 100.00 line
    rules = [tiered(1, TierMode.WHOLE, [(0, "0.80"), (10000, "0.30")], priority=2), full_return(2, "0.50")]
    before = compute_rebates(rules, [line(1, 10000)])
    assert amounts(before) == {1: 3000, 2: 5000}

    # when 20.00 is refunded: fresh, the first rule would pay 80% of 80.00 = 64.00 but keeps its 30.00
    first, second = recompute_after_refund(rules, [line(1, 8000)], before)

    # then the second rule gets 50% of 80.00 = 40.00, within the 50.00 the first rule really leaves
    assert (first.amount_minor, second.amount_minor) == (3000, 4000)
    assert first.computation.formula_minor == 6400


def test_a_full_refund_leaves_nothing_of_stacked_rebates():
    rules = [ratio_rule(1, "0.10", priority=2), threshold(2, 10000, 2000, priority=1)]
    before = compute_rebates(rules, [line(1, 15000), line(2, 5000)])

    after = recompute_after_refund(rules, [line(1, 0), line(2, 0)], [r for r in before if r.amount_minor])

    assert amounts(after) == {1: 0, 2: 0}


def test_recomputation_only_reruns_rules_that_made_a_rebate():
    # given rule 2 made no rebate (its budget was spent), so rule 1 alone was recorded
    spent = ratio_rule(2, "0.50", priority=2, stackable=False, budget_remaining_minor=0)
    before = [r for r in compute_rebates([ratio_rule(1, "0.10"), spent], [line(1, 10000)]) if r.amount_minor]

    # when a refund recomputes with rule 2 passed along, its budget since refilled
    refilled = ratio_rule(2, "0.50", priority=2, stackable=False)
    after = recompute_after_refund([ratio_rule(1, "0.10"), refilled], [line(1, 8000)], before)

    # then rule 2 takes no line it never paid on
    assert amounts(after) == {1: 800}


# --- arguments no caller should pass ---


def test_duplicate_ids_and_missing_snapshots_are_refused():
    with pytest.raises(ValueError):
        compute_rebates([ratio_rule(1), ratio_rule(1)], [line(1, 100)])
    with pytest.raises(ValueError):
        compute_rebates([ratio_rule(1)], [line(1, 100), line(1, 200)])
    [made] = compute_rebates([ratio_rule(1)], [line(1, 100)])
    with pytest.raises(ValueError):
        recompute_after_refund([], [line(1, 100)], [made])
