"""A rule frozen into each rebate, and the computation record, as JSON (DESIGN §3.6), pure.

A rebate keeps the terms it was made under (``snapshot``): the rule's
stored columns (rates in ten-thousandths, money in fen) with its id, version,
name and description, so a later edit changes nothing already made, the
refund recomputation reads the same terms the payment did, and customers see
the rule as it was. ``rule_terms`` turns stored columns (a snapshot, or a
live rule's row read as a mapping) into the engine's ``RuleTerms``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from mall.rebates.engine import Computation
from mall.rebates.formulas import Slice
from mall.rebates.terms import (
    Cap,
    Formula,
    PayoutForm,
    Period,
    Ratio,
    RuleKind,
    RuleTerms,
    Scope,
    ScopeKind,
    Threshold,
    Tier,
    Tiered,
    TierMode,
    rate_of,
)

# The columns of ``rebate_rules`` a snapshot keeps (everything a rebate or its reader needs of the rule).
SNAPSHOT_COLUMNS = (
    "id", "version", "name", "description", "kind", "ratio_scaled", "tiers", "tier_mode", "threshold_minor",
    "reward_minor", "repeat", "payout_form", "voucher_valid_days", "voucher_min_spend_minor", "installment_count",
    "period", "scope_kind", "scope_ids", "starts_at", "ends_at", "priority", "stackable", "per_customer_cap_minor",
    "margin_cap_share_scaled",
)


def rule_snapshot(columns: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON snapshot of a rule's stored ``columns`` (timestamps as ISO-8601 strings)."""
    out: dict[str, Any] = {}
    for name in SNAPSHOT_COLUMNS:
        value = columns[name]
        if isinstance(value, dt.datetime):
            value = value.isoformat()
        elif name in ("tiers", "scope_ids"):
            value = [dict(item) if isinstance(item, Mapping) else item for item in value]
        out[name] = value
    return out


def _rate(scaled: int | None) -> Decimal | None:
    return None if scaled is None else rate_of(scaled)


def formula_of(columns: Mapping[str, Any]) -> Formula:
    kind = RuleKind(columns["kind"])
    if kind in (RuleKind.FIXED_RATIO, RuleKind.FULL_RETURN):
        return Ratio(rate_of(columns["ratio_scaled"]))
    if kind is RuleKind.TIERED:
        tiers = tuple(Tier(tier["from"], rate_of(tier["rate"])) for tier in columns["tiers"])
        return Tiered(tiers, TierMode(columns["tier_mode"]))
    return Threshold(columns["threshold_minor"], columns["reward_minor"], bool(columns["repeat"]))


def rule_terms(
    columns: Mapping[str, Any], *, per_customer_remaining_minor: int | None = None,
    budget_remaining_minor: int | None = None,
) -> RuleTerms:
    """The engine's view of a rule's stored ``columns``, with what is left of its budget and this customer's cap."""
    return RuleTerms(
        id=columns["id"], kind=RuleKind(columns["kind"]), formula=formula_of(columns),
        payout_form=PayoutForm(columns["payout_form"]), installment_count=columns["installment_count"],
        period=Period(columns["period"] or Period.MONTH.value), priority=columns["priority"],
        scope=Scope(ScopeKind(columns["scope_kind"]), frozenset(columns["scope_ids"])),
        stackable=bool(columns["stackable"]), per_customer_remaining_minor=per_customer_remaining_minor,
        budget_remaining_minor=budget_remaining_minor, margin_cap_share=_rate(columns["margin_cap_share_scaled"]),
    )


def computation_record(computation: Computation) -> dict[str, Any]:
    """A computation as the rebate stores it (money in fen, rates as strings)."""
    return {
        "basis": computation.basis_minor, "formula": computation.formula_minor, "bracket": computation.bracket,
        "slices": [{"from": s.from_minor, "to": s.to_minor, "rate": str(s.rate), "amount": s.amount_minor}
                   for s in computation.slices],
        "repeats": computation.repeats, "caps": [cap.value for cap in computation.caps_applied],
    }


def computation_of(record: Mapping[str, Any]) -> Computation:
    """The inverse of ``computation_record``."""
    return Computation(
        basis_minor=record["basis"], formula_minor=record["formula"], bracket=record["bracket"],
        slices=tuple(Slice(from_minor=s["from"], to_minor=s["to"], rate=Decimal(s["rate"]), amount_minor=s["amount"])
                     for s in record["slices"]),
        repeats=record["repeats"], caps_applied=tuple(Cap(cap) for cap in record["caps"]),
    )
