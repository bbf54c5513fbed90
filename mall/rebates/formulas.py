"""What each kind of rule pays on a basis, before any cap (DESIGN §3.6).

Exact integer arithmetic: a rate has at most four places, so basis × rate is
an integer of ten-thousandths of a fen, rounded down once, on the total.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from mall.core.money import allocate
from mall.rebates.terms import RATE_PLACES, Formula, Ratio, Threshold, Tiered, TierMode, scaled_rate

_SCALE = 10**RATE_PLACES


@dataclass(frozen=True, slots=True)
class Slice:
    """A PROGRESSIVE slice of the basis, ``from_minor`` to ``to_minor``, and what it earned at ``rate``."""

    from_minor: int
    to_minor: int
    rate: Decimal
    amount_minor: int


@dataclass(frozen=True, slots=True)
class FormulaResult:
    """A kind's amount on a basis and how it was reached: the bracket (TIERED WHOLE, ``None`` when the
    basis is below every tier), the slices (TIERED PROGRESSIVE) or the repeats (THRESHOLD)."""

    amount_minor: int
    bracket: int | None = None
    slices: tuple[Slice, ...] = ()
    repeats: int | None = None


def apply_formula(formula: Formula, basis_minor: int) -> FormulaResult:
    """The amount ``formula`` pays on ``basis_minor``, rounded down once."""
    if isinstance(formula, Ratio):
        return FormulaResult(basis_minor * scaled_rate(formula.ratio) // _SCALE)
    if isinstance(formula, Threshold):
        return _threshold(formula, basis_minor)
    if formula.mode is TierMode.WHOLE:
        return _whole(formula, basis_minor)
    return _progressive(formula, basis_minor)


def _threshold(formula: Threshold, basis_minor: int) -> FormulaResult:
    reached = basis_minor // formula.threshold_minor
    repeats = reached if formula.repeat else min(reached, 1)
    return FormulaResult(repeats * formula.reward_minor, repeats=repeats)


def _whole(formula: Tiered, basis_minor: int) -> FormulaResult:
    """The highest tier whose ``from`` the basis reaches sets the rate for the whole basis."""
    reached = [index for index, tier in enumerate(formula.tiers) if tier.from_minor <= basis_minor]
    if not reached:
        return FormulaResult(0, bracket=None)
    bracket = reached[-1]
    return FormulaResult(basis_minor * scaled_rate(formula.tiers[bracket].rate) // _SCALE, bracket=bracket)


def _progressive(formula: Tiered, basis_minor: int) -> FormulaResult:
    """Each slice of the basis at its own tier's rate; what lies below the first tier earns nothing.

    The exact slice amounts are summed and rounded down once; the total is
    then split over the slices by largest remainder, so the slices shown
    always add up to the amount paid.
    """
    bounds = []
    for index, tier in enumerate(formula.tiers):
        upper = formula.tiers[index + 1].from_minor if index + 1 < len(formula.tiers) else basis_minor
        upper = min(upper, basis_minor)
        if upper > tier.from_minor:
            bounds.append((tier.from_minor, upper, tier.rate))
    exact = [(upper - lower) * scaled_rate(rate) for lower, upper, rate in bounds]
    total = sum(exact) // _SCALE
    amounts = allocate(total, exact) if bounds else []
    slices = tuple(
        Slice(from_minor=lower, to_minor=upper, rate=rate, amount_minor=amount)
        for (lower, upper, rate), amount in zip(bounds, amounts, strict=True)
    )
    return FormulaResult(total, slices=slices)
