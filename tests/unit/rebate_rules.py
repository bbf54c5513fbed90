"""Short builders for rebate rules and lines in the engine's unit tests."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from mall.rebates.terms import (
    Ratio,
    RebateLine,
    RuleKind,
    RuleTerms,
    Threshold,
    Tier,
    Tiered,
    TierMode,
)


def ratio_rule(rule_id: int = 1, ratio: str = "0.10", **terms: Any) -> RuleTerms:
    return RuleTerms(id=rule_id, kind=RuleKind.FIXED_RATIO, formula=Ratio(Decimal(ratio)), **terms)


def full_return(rule_id: int = 1, ratio: str = "1.00", **terms: Any) -> RuleTerms:
    return RuleTerms(id=rule_id, kind=RuleKind.FULL_RETURN, formula=Ratio(Decimal(ratio)), **terms)


def tiered(rule_id: int, mode: TierMode, tiers: list[tuple[int, str]], **terms: Any) -> RuleTerms:
    formula = Tiered(tuple(Tier(start, Decimal(rate)) for start, rate in tiers), mode)
    return RuleTerms(id=rule_id, kind=RuleKind.TIERED, formula=formula, **terms)


def threshold(rule_id: int, threshold_minor: int, reward_minor: int, *, repeat: bool = False, **terms: Any) -> RuleTerms:
    formula = Threshold(threshold_minor, reward_minor, repeat)
    return RuleTerms(id=rule_id, kind=RuleKind.THRESHOLD, formula=formula, **terms)


def line(line_id: int, basis_minor: int, *, product_id: int | None = None, margin_minor: int | None = None,
         categories: tuple[int, ...] = ()) -> RebateLine:
    return RebateLine(
        line_id=line_id,
        product_id=product_id if product_id is not None else 100 + line_id,
        basis_minor=basis_minor,
        margin_minor=margin_minor,
        category_ids=frozenset(categories),
    )
