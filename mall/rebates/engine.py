"""The rebate computation: the only place rebate amounts are decided (DESIGN §3.0, §3.6).

The preview, the rebate made at payment and the recomputation on a refund all
call ``compute_rebates`` (or ``recompute_after_refund``), so they agree to the
fen. For each rule, in priority order:

1. **Lines.** The rule's in-scope lines that are still available: a line
   taken by a non-stackable rule is available to no later rule, and a
   non-stackable rule skips every line an earlier rule took. A rule takes
   all the lines of its basis when it pays anything at all (even a line a
   cap left at 0: it counted towards the basis); a rule that pays nothing,
   such as an unreached threshold, takes none.
2. **Basis.** The sum of those lines' bases (money of the customer's own).
3. **Formula.** The kind's amount on the basis, rounded down once, on the
   total (``formulas.apply_formula``), split over the lines by the
   largest-remainder method in proportion to their bases.
4. **Line caps.** Each line's part is cut to what earlier rules left of its
   basis (``LINE_BASIS``: all rules together never exceed a line's basis)
   and to ``margin_cap_share`` × its gross margin, rounded down (``MARGIN``).
   A line without a cost price has no margin cap: its margin is unknown.
   What a cut removes goes to no other line.
5. **Rule caps.** The sum is cut to what is left of this customer's cap
   (``PER_CUSTOMER``), then to the rule's remaining budget (``BUDGET``). They
   come after the line caps so a rule never reserves budget it cannot pay.
   On a refund, the rebate's current amount is the last cap of all
   (``recompute_after_refund``).
6. **Points.** A POINTS rule pays whole points: its total is rounded down to
   a whole number of points' worth (still one rounding down: the floor of a
   floor is the floor). The fen below one point are not paid, nor reserved.
7. **Allocation.** When 5 or 6 cut the total, it is split again by largest
   remainder in proportion to the capped parts, so no line ever gets more
   than its own cap and the parts still sum exactly.

Priority: the higher ``priority`` applies first; ties go to the lower rule id
(the older rule). DESIGN says only "priority order (ties broken by rule id)".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from mall.core.money import allocate
from mall.rebates.formulas import Slice, apply_formula
from mall.rebates.terms import RATE_PLACES, Cap, PayoutForm, RebateLine, RuleTerms, scaled_rate

# The order the caps are applied in, and listed in the computation record.
CAP_ORDER = (Cap.MARGIN, Cap.LINE_BASIS, Cap.PER_CUSTOMER, Cap.BUDGET)


@dataclass(frozen=True, slots=True)
class LineRebate:
    """A rebate's part on one order line, and that line's basis."""

    line_id: int
    basis_minor: int
    amount_minor: int


@dataclass(frozen=True, slots=True)
class Computation:
    """How a rebate was reached, as the API's ``computation`` shows it.

    ``formula_minor`` is what the kind paid on the basis before any cap;
    ``bracket`` (TIERED WHOLE), ``slices`` (TIERED PROGRESSIVE) and
    ``repeats`` (THRESHOLD) explain it; ``caps_applied`` names each cap that
    cut the amount, in ``CAP_ORDER``.
    """

    basis_minor: int
    formula_minor: int
    bracket: int | None = None
    slices: tuple[Slice, ...] = ()
    repeats: int | None = None
    caps_applied: tuple[Cap, ...] = ()


@dataclass(frozen=True, slots=True)
class RuleRebate:
    """What one rule pays on an order: the amount, its split over the lines, and how it was reached.

    An ``amount_minor`` of 0 means no rebate: callers create none.
    """

    rule_id: int
    payout_form: PayoutForm
    amount_minor: int
    lines: tuple[LineRebate, ...]
    computation: Computation


def application_order(rules: Iterable[RuleTerms]) -> list[RuleTerms]:
    """Rules in the order they apply: higher priority first, then lower id."""
    return sorted(rules, key=lambda rule: (-rule.priority, rule.id))


def compute_rebates(
    rules: Sequence[RuleTerms], lines: Sequence[RebateLine], *, minor_per_point: int = 1
) -> tuple[RuleRebate, ...]:
    """Every rule's rebate on ``lines``, in application order (see the module docstring).

    ``minor_per_point`` is what one point is worth in fen (100 //
    ``MALL_POINTS_PER_YUAN``). Raises ``ValueError`` for duplicate rule or
    line ids, which no caller should pass.
    """
    return _compute(rules, lines, minor_per_point, current={})


def recompute_after_refund(
    rules: Sequence[RuleTerms],
    remaining_lines: Sequence[RebateLine],
    current: Sequence[RuleRebate],
    *,
    minor_per_point: int = 1,
) -> tuple[RuleRebate, ...]:
    """The order's rebates after a refund: min(engine on the remaining basis, current amount) each.

    ``rules`` are the snapshots frozen into the order's rebates, ``current``
    those rebates as they stand, ``remaining_lines`` the lines with what is
    left of their basis (and margin). Only rules with a current rebate take
    part: the others paid nothing, so took no line. Each rule's current
    amount is one more cap, applied last and in turn, so a later rule sees
    the room earlier rules really keep on each line. The minimum keeps any
    earlier truncation (the caps that made it stay in the record) and means
    a refund never increases a rebate; a lost threshold drops its reward.
    Results come in application order, one per current rebate.
    """
    now = {rebate.rule_id: rebate for rebate in current}
    _require_unique("rebate", [rebate.rule_id for rebate in current])
    snapshots = [rule for rule in rules if rule.id in now]
    missing = set(now) - {rule.id for rule in snapshots}
    if missing:
        raise ValueError(f"no rule snapshot for the rebates of rules {sorted(missing)}")
    return _compute(snapshots, remaining_lines, minor_per_point, current=now)


def _compute(
    rules: Sequence[RuleTerms], lines: Sequence[RebateLine], minor_per_point: int, current: dict[int, RuleRebate]
) -> tuple[RuleRebate, ...]:
    _require_unique("rule", [rule.id for rule in rules])
    _require_unique("line", [line.line_id for line in lines])
    if minor_per_point < 1:
        raise ValueError(f"minor_per_point must be at least 1, not {minor_per_point}")
    given = {line.line_id: 0 for line in lines}
    taken: set[int] = set()
    exclusive: set[int] = set()
    results = []
    for rule in application_order(rules):
        eligible = [
            line for line in lines
            if rule.scope.covers(line) and line.line_id not in exclusive
            and (rule.stackable or line.line_id not in taken)
        ]
        rooms = [line.basis_minor - given[line.line_id] for line in eligible]
        result = _rule_rebate(rule, eligible, rooms, minor_per_point, current.get(rule.id))
        if result.amount_minor:
            taken.update(line.line_id for line in eligible)
            if not rule.stackable:
                exclusive.update(line.line_id for line in eligible)
            for part in result.lines:
                given[part.line_id] += part.amount_minor
        results.append(result)
    return tuple(results)


def _rule_rebate(
    rule: RuleTerms, lines: list[RebateLine], rooms: list[int], minor_per_point: int, current: RuleRebate | None
) -> RuleRebate:
    """One rule on its available lines; ``rooms`` is what earlier rules left of each line's basis,
    ``current`` the rule's rebate before a refund (``None`` at payment)."""
    basis = sum(line.basis_minor for line in lines)
    formula = apply_formula(rule.formula, basis)
    shares = allocate(formula.amount_minor, [line.basis_minor for line in lines]) if lines else []
    caps: list[Cap] = []
    capped = []
    for line, room, share in zip(lines, rooms, shares, strict=True):
        ceilings = {Cap.LINE_BASIS: room}
        if rule.margin_cap_share is not None and line.margin_minor is not None:
            ceilings[Cap.MARGIN] = max(0, line.margin_minor * scaled_rate(rule.margin_cap_share) // 10**RATE_PLACES)
        caps.extend(cap for cap, ceiling in ceilings.items() if share > ceiling)
        capped.append(min(share, *ceilings.values()))
    amount = sum(capped)
    for cap, limit in ((Cap.PER_CUSTOMER, rule.per_customer_remaining_minor), (Cap.BUDGET, rule.budget_remaining_minor)):
        if limit is not None and amount > limit:
            caps.append(cap)
            amount = limit
    if current is not None and amount > current.amount_minor:
        # The rebate keeps its current amount, and the caps that once set it.
        caps.extend(current.computation.caps_applied)
        amount = current.amount_minor
    if rule.payout_form is PayoutForm.POINTS:
        amount -= amount % minor_per_point
    parts = capped if amount == sum(capped) else allocate(amount, capped)
    return RuleRebate(
        rule_id=rule.id,
        payout_form=rule.payout_form,
        amount_minor=amount,
        lines=tuple(
            LineRebate(line_id=line.line_id, basis_minor=line.basis_minor, amount_minor=part)
            for line, part in zip(lines, parts, strict=True)
        ),
        computation=Computation(
            basis_minor=basis,
            formula_minor=formula.amount_minor,
            bracket=formula.bracket,
            slices=formula.slices,
            repeats=formula.repeats,
            caps_applied=_in_cap_order(caps),
        ),
    )


def _in_cap_order(caps: Iterable[Cap]) -> tuple[Cap, ...]:
    seen = set(caps)
    return tuple(cap for cap in CAP_ORDER if cap in seen)


def _require_unique(what: str, ids: list[int]) -> None:
    if len(set(ids)) != len(ids):
        raise ValueError(f"{what} ids must be unique, not {ids}")
