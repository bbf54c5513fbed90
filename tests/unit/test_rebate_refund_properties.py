"""A refund's recomputation, over random orders, rules and after-sales (DESIGN §3.6): the basis each after-sale
refunds (``orders.rebating.refunded_basis``), the engine on what is left, and the cut off the installments."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mall.core.money import allocate
from mall.orders.rebating import refunded_basis
from mall.rebates.engine import compute_rebates, recompute_after_refund
from mall.rebates.installments import Part, reduce_installments, split_amount
from mall.rebates.terms import PayoutForm, RebateLine
from tests.unit.test_rebate_properties import PRODUCTS, PROPERTY, point_values, rule_sets


@st.composite
def orders(draw: st.DrawFn) -> list[tuple[RebateLine, int, int]]:
    """Lines as (engine line with its basis = own money, quantity, rebate credit it paid)."""
    count = draw(st.integers(1, 4))
    return [
        (RebateLine(line_id=line_id, product_id=draw(st.sampled_from(PRODUCTS)), basis_minor=draw(st.integers(0, 60000))),
         draw(st.integers(1, 5)), draw(st.integers(0, 20000)))
        for line_id in range(1, count + 1)
    ]


@PROPERTY
@given(rules=rule_sets(), lines=orders(), minor_per_point=point_values, counts=st.lists(st.integers(1, 4), min_size=4,
       max_size=4), data=st.data())
def test_refunds_never_increase_a_rebate_and_refunding_everything_before_release_leaves_nothing(
        rules, lines, minor_per_point, counts, data):
    engine_lines = [line for line, _, _ in lines]
    current = [r for r in compute_rebates(rules, engine_lines, minor_per_point=minor_per_point) if r.amount_minor]
    unit = {r.rule_id: minor_per_point if r.payout_form is PayoutForm.POINTS else 1 for r in current}
    schedules = {r.rule_id: split_amount(r.amount_minor, counts[i % len(counts)], unit_minor=unit[r.rule_id])
                 for i, r in enumerate(current)}
    # what is left of each line: units, own money, rebate credit
    left = {line.line_id: [quantity, line.basis_minor, credit] for line, quantity, credit in lines}
    basis = {line.line_id: line.basis_minor for line in engine_lines}
    full = data.draw(st.booleans(), label="every refund for its whole computed amount")
    while any(units for units, _, _ in left.values()):
        # an after-sale of some units of some lines, for all or part of what they paid
        chosen = data.draw(st.lists(st.sampled_from([k for k, v in left.items() if v[0]]), min_size=1, unique=True))
        rows = []
        for line_id in chosen:
            units, own, credit = left[line_id]
            k = data.draw(st.integers(1, units))
            own_share, credit_share = sum(allocate(own, [1] * units)[:k]), sum(allocate(credit, [1] * units)[:k])
            left[line_id] = [units - k, own - own_share, credit - credit_share]
            rows.append((line_id, own_share + credit_share, credit_share, own_share))
        computed = sum(row[1] for row in rows)
        refund = computed if full else data.draw(st.integers(0, computed))
        refunded = refunded_basis(refund, rows)
        assert sum(refunded.values()) <= sum(row[3] for row in rows)
        if refund == computed:
            assert refunded == {row[0]: row[3] for row in rows}
        for line_id, amount in refunded.items():
            basis[line_id] -= amount
            assert basis[line_id] >= 0
        remaining = [RebateLine(line_id=line.line_id, product_id=line.product_id, basis_minor=basis[line.line_id])
                     for line in engine_lines]
        after = recompute_after_refund(rules, remaining, current, minor_per_point=minor_per_point)
        before = {r.rule_id: r.amount_minor for r in current}
        for result in after:
            cut = before[result.rule_id] - result.amount_minor
            assert cut >= 0  # never increased
            parts = [Part(seq, amount, released=False) for seq, amount in enumerate(schedules[result.rule_id], 1)]
            reduction = reduce_installments(parts, cut, unit_minor=unit[result.rule_id])
            assert reduction.clawback_minor == 0  # nothing released: the installments cover every cut
            schedules[result.rule_id] = [reduction.amounts[seq] for seq in range(1, len(parts) + 1)]
            assert sum(schedules[result.rule_id]) == result.amount_minor
            assert all(amount >= 0 and amount % unit[result.rule_id] == 0 for amount in schedules[result.rule_id])
        current = list(after)
    if full:  # every unit refunded whole before any release: nothing is left of any rebate
        assert all(r.amount_minor == 0 for r in current)
        assert all(amount == 0 for schedule in schedules.values() for amount in schedule)


def test_a_lowered_refund_spreads_its_own_money_over_the_lines_in_proportion():
    # two lines: 30.00 own + 10.00 credit, and 10.00 own; staff refund 25.00 of the computed 50.00
    refunded = refunded_basis(2500, [(1, 4000, 1000, 3000), (2, 1000, 0, 1000)])

    # 25.00 over credit/balance/external (10.00/40.00/0.00): 5.00 credit, 20.00 own, split 3:1
    assert refunded == {1: 1500, 2: 500}


def test_a_refund_of_nothing_refunds_no_basis():
    assert refunded_basis(0, [(1, 4000, 1000, 3000)]) == {1: 0}
