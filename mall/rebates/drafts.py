"""Staff input for a rule, merged with what the rule was, checked, and turned into columns; pure.

``merged`` applies a ``RuleChanges`` (money in yuan, ``KEEP`` for fields not
sent) to a rule's terms (money in fen, rates as ``Decimal``): money with
fractions of a fen is refused, then ``validation.validate_rule`` judges the
whole rule, so an update is checked exactly like a create. Terms a rule's
kind or payout form does not use are dropped, so a stored rule holds only
what it means.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from mall.core import text
from mall.core.errors import ErrorCode, InvalidInput, Problem
from mall.core.keep import KEEP, Keepable
from mall.core.money import MoneyFormatError, decimal_to_minor, minor_to_decimal
from mall.rebates.terms import PayoutForm, Period, RuleKind, ScopeKind, TierMode, rate_of, scaled_rate
from mall.rebates.validation import RuleDraft, TierDraft, formula_of, validate_rule

MAX_NAME = 100
MAX_DESCRIPTION = 2000
MAX_MONEY_MINOR = 10**12  # ten billion yuan: far above any campaign, well inside a BIGINT
MAX_PRIORITY = 1_000_000
# As for vouchers staff issue (wallet.vouchers.MAX_VALID_DAYS): a voucher paid out must have a date to expire on.
MAX_VOUCHER_VALID_DAYS = 3650


@dataclass(frozen=True, slots=True)
class TierInput:
    from_: Decimal | None  # yuan
    rate: Decimal | None


@dataclass(frozen=True)
class RuleChanges:
    """A rule's fields as staff sent them: money in yuan; ``KEEP`` leaves a field as it is, ``None`` clears it."""

    name: Keepable[str | None] = KEEP
    description: Keepable[str | None] = KEEP
    kind: Keepable[RuleKind | None] = KEEP
    ratio: Keepable[Decimal | None] = KEEP
    tiers: Keepable[Sequence[TierInput] | None] = KEEP
    tier_mode: Keepable[TierMode | None] = KEEP
    threshold: Keepable[Decimal | None] = KEEP
    reward: Keepable[Decimal | None] = KEEP
    repeat: Keepable[bool | None] = KEEP
    payout_form: Keepable[PayoutForm | None] = KEEP
    voucher_valid_days: Keepable[int | None] = KEEP
    voucher_min_spend: Keepable[Decimal | None] = KEEP
    installment_count: Keepable[int | None] = KEEP
    period: Keepable[Period | None] = KEEP
    scope_kind: Keepable[ScopeKind | None] = KEEP
    scope_ids: Keepable[Sequence[int] | None] = KEEP
    starts_at: Keepable[dt.datetime | None] = KEEP
    ends_at: Keepable[dt.datetime | None] = KEEP
    priority: Keepable[int | None] = KEEP
    stackable: Keepable[bool | None] = KEEP
    per_customer_cap: Keepable[Decimal | None] = KEEP
    budget: Keepable[Decimal | None] = KEEP
    margin_cap_share: Keepable[Decimal | None] = KEEP


# A new rule's terms before staff input; name, kind and payout form have no default.
NEW_RULE: Mapping[str, Any] = {
    "description": "", "ratio": None, "tiers": (), "tier_mode": None, "threshold_minor": None, "reward_minor": None,
    "repeat": False, "voucher_valid_days": None, "voucher_min_spend_minor": None, "installment_count": 1,
    "period": None, "scope_kind": ScopeKind.ALL, "scope_ids": (), "starts_at": None, "ends_at": None, "priority": 0,
    "stackable": True, "per_customer_cap_minor": None, "budget_minor": None, "margin_cap_share": None,
}
_REQUIRED_NEW = (("name", "name"), ("kind", "kind"), ("payout_form", "payoutForm"))

# (RuleChanges attribute, terms key, API field path, may be cleared with null)
_PLAIN: tuple[tuple[str, str, tuple[str, ...], bool], ...] = (
    ("kind", "kind", ("kind",), False),
    ("ratio", "ratio", ("ratio",), True),
    ("tier_mode", "tier_mode", ("tierMode",), True),
    ("repeat", "repeat", ("repeat",), False),
    ("payout_form", "payout_form", ("payoutForm",), False),
    ("voucher_valid_days", "voucher_valid_days", ("voucherValidDays",), True),
    ("installment_count", "installment_count", ("installmentCount",), False),
    ("period", "period", ("period",), True),
    ("scope_kind", "scope_kind", ("scope", "kind"), False),
    ("starts_at", "starts_at", ("startsAt",), True),
    ("ends_at", "ends_at", ("endsAt",), True),
    ("priority", "priority", ("priority",), False),
    ("stackable", "stackable", ("stackable",), False),
    ("margin_cap_share", "margin_cap_share", ("marginCapShare",), True),
)
_MONEY: tuple[tuple[str, str, str], ...] = (
    ("threshold", "threshold_minor", "threshold"),
    ("reward", "reward_minor", "reward"),
    ("voucher_min_spend", "voucher_min_spend_minor", "voucherMinSpend"),
    ("per_customer_cap", "per_customer_cap_minor", "perCustomerCap"),
    ("budget", "budget_minor", "budget"),
)
_DRAFT_FIELDS = tuple(field.name for field in dataclasses.fields(RuleDraft))


def merged(base: Mapping[str, Any], changes: RuleChanges, *, creating: bool = False) -> dict[str, Any]:
    """``base`` with ``changes`` applied and judged; ``InvalidInput`` with every problem found."""
    problems: list[Problem] = []
    terms = dict(base)
    if creating:
        problems += [Problem(ErrorCode.REQUIRED, "This field is required.", (field,))
                     for attribute, field in _REQUIRED_NEW if getattr(changes, attribute) in (KEEP, None)]
    for attribute, key, field, nullable in _PLAIN:
        value = getattr(changes, attribute)
        if value is KEEP:
            continue
        if value is None and not nullable:
            problems.append(Problem(ErrorCode.REQUIRED, "This field cannot be empty.", field))
        else:
            terms[key] = value
    problems += _texts(terms, changes)
    problems += _money(terms, changes)
    problems += _lists(terms, changes)
    if changes.priority not in (KEEP, None) and not -MAX_PRIORITY <= changes.priority <= MAX_PRIORITY:
        problems.append(Problem(ErrorCode.INVALID, f"A priority is between -{MAX_PRIORITY} and {MAX_PRIORITY}.",
                                ("priority",)))
    if changes.voucher_valid_days not in (KEEP, None) and changes.voucher_valid_days > MAX_VOUCHER_VALID_DAYS:
        problems.append(Problem(ErrorCode.LIMIT_EXCEEDED, f"A voucher is valid for at most {MAX_VOUCHER_VALID_DAYS} "
                                "days.", ("voucherValidDays",)))
    if problems:
        raise InvalidInput(problems)
    _drop_unused(terms)
    draft = RuleDraft(**{name: terms[name] for name in _DRAFT_FIELDS})
    found = validate_rule(draft)
    if found:
        raise InvalidInput(found)
    formula_of(draft)  # the engine can read every rule stored (a ValueError here is a bug)
    # Rates as stored (four places), so "0.1" and "0.1000" are the same term, not a change.
    terms["ratio"], terms["margin_cap_share"] = _rate(_scaled(terms["ratio"])), _rate(_scaled(terms["margin_cap_share"]))
    terms["tiers"] = tuple(TierDraft(tier.from_minor, _rate(_scaled(tier.rate))) for tier in terms["tiers"])
    return terms


def _texts(terms: dict[str, Any], changes: RuleChanges) -> list[Problem]:
    problems: list[Problem] = []
    for attribute, limit, required in (("name", MAX_NAME, True), ("description", MAX_DESCRIPTION, False)):
        value = getattr(changes, attribute)
        if value is KEEP:
            continue
        try:
            terms[attribute] = text.clean(value, field=attribute, max_length=limit, required=required,
                                          multiline=attribute == "description")
        except InvalidInput as exc:
            problems += exc.problems
    return problems


def _minor(value: Decimal, field: tuple[str, ...], problems: list[Problem]) -> int | None:
    try:
        minor = decimal_to_minor(value)
    except MoneyFormatError as exc:
        problems.append(Problem(ErrorCode.INVALID, str(exc), field))
        return None
    if minor > MAX_MONEY_MINOR:
        problems.append(Problem(ErrorCode.LIMIT_EXCEEDED, f"At most {minor_to_decimal(MAX_MONEY_MINOR)}.", field))
        return None
    return minor


def _money(terms: dict[str, Any], changes: RuleChanges) -> list[Problem]:
    problems: list[Problem] = []
    for attribute, key, field in _MONEY:
        value = getattr(changes, attribute)
        if value is not KEEP:
            terms[key] = None if value is None else _minor(value, (field,), problems)
    return problems


def _lists(terms: dict[str, Any], changes: RuleChanges) -> list[Problem]:
    problems: list[Problem] = []
    if changes.tiers is not KEEP:
        tiers = []
        for index, tier in enumerate(changes.tiers or ()):
            start = None if tier.from_ is None else _minor(tier.from_, ("tiers", str(index), "from"), problems)
            tiers.append(TierDraft(from_minor=start, rate=tier.rate))
        terms["tiers"] = tuple(tiers)
    if changes.scope_ids is not KEEP:
        terms["scope_ids"] = tuple(changes.scope_ids or ())
    return problems


def _drop_unused(terms: dict[str, Any]) -> None:
    kind = terms["kind"]
    if kind not in (RuleKind.FIXED_RATIO, RuleKind.FULL_RETURN):
        terms["ratio"] = None
    if kind is not RuleKind.TIERED:
        terms["tiers"], terms["tier_mode"] = (), None
    if kind is not RuleKind.THRESHOLD:
        terms["threshold_minor"], terms["reward_minor"], terms["repeat"] = None, None, False
    if terms["payout_form"] is not PayoutForm.VOUCHER:
        terms["voucher_valid_days"], terms["voucher_min_spend_minor"] = None, None


# --- terms <-> columns ------------------------------------------------------------------------------------------


def _scaled(rate: Decimal | None) -> int | None:
    return None if rate is None else scaled_rate(rate)


def _rate(scaled: int | None) -> Decimal | None:
    return None if scaled is None else rate_of(scaled)


def columns(terms: Mapping[str, Any]) -> dict[str, Any]:
    """The ``RebateRule`` columns for ``terms`` (budget_remaining and status are the caller's)."""
    return {
        "name": terms["name"], "description": terms["description"], "kind": terms["kind"].value,
        "ratio_scaled": _scaled(terms["ratio"]),
        "tiers": [{"from": tier.from_minor, "rate": scaled_rate(tier.rate)} for tier in terms["tiers"]],
        "tier_mode": terms["tier_mode"].value if terms["tier_mode"] else None,
        "threshold_minor": terms["threshold_minor"], "reward_minor": terms["reward_minor"], "repeat": terms["repeat"],
        "payout_form": terms["payout_form"].value, "voucher_valid_days": terms["voucher_valid_days"],
        "voucher_min_spend_minor": terms["voucher_min_spend_minor"], "installment_count": terms["installment_count"],
        "period": terms["period"].value if terms["period"] else None, "scope_kind": terms["scope_kind"].value,
        "scope_ids": list(terms["scope_ids"]), "starts_at": terms["starts_at"], "ends_at": terms["ends_at"],
        "priority": terms["priority"], "stackable": terms["stackable"],
        "per_customer_cap_minor": terms["per_customer_cap_minor"], "budget_minor": terms["budget_minor"],
        "margin_cap_share_scaled": _scaled(terms["margin_cap_share"]),
    }


def terms_of(row: Any) -> dict[str, Any]:
    """The terms of a stored ``RebateRule`` (the inverse of ``columns``)."""
    return {
        "name": row.name, "description": row.description, "kind": RuleKind(row.kind), "ratio": _rate(row.ratio_scaled),
        "tiers": tuple(TierDraft(tier["from"], _rate(tier["rate"])) for tier in row.tiers),
        "tier_mode": TierMode(row.tier_mode) if row.tier_mode else None, "threshold_minor": row.threshold_minor,
        "reward_minor": row.reward_minor, "repeat": row.repeat, "payout_form": PayoutForm(row.payout_form),
        "voucher_valid_days": row.voucher_valid_days, "voucher_min_spend_minor": row.voucher_min_spend_minor,
        "installment_count": row.installment_count, "period": Period(row.period) if row.period else None,
        "scope_kind": ScopeKind(row.scope_kind), "scope_ids": tuple(row.scope_ids), "starts_at": row.starts_at,
        "ends_at": row.ends_at, "priority": row.priority, "stackable": row.stackable,
        "per_customer_cap_minor": row.per_customer_cap_minor, "budget_minor": row.budget_minor,
        "margin_cap_share": _rate(row.margin_cap_share_scaled),
    }


def auditable(terms: Mapping[str, Any]) -> dict[str, Any]:
    """``terms`` as the audit log keeps them: JSON values, money in yuan strings."""
    out: dict[str, Any] = {}
    for key, value in terms.items():
        if key == "tiers":
            value = [{"from": str(minor_to_decimal(t.from_minor)), "rate": str(t.rate)} for t in value]
        elif key.endswith("_minor") and value is not None:
            key, value = key.removesuffix("_minor"), str(minor_to_decimal(value))
        elif isinstance(value, Decimal):
            value = str(value)
        elif isinstance(value, RuleKind | TierMode | PayoutForm | Period | ScopeKind):
            value = value.value
        elif isinstance(value, dt.datetime):
            value = value.astimezone(dt.UTC).isoformat()  # one offset, so a resent time is no change
        elif isinstance(value, tuple):
            value = list(value)
        out[key.removesuffix("_minor")] = value
    return out
