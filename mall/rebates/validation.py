"""Staff input for a rebate rule, checked before anything is saved (DESIGN §3.6, §4).

``validate_rule`` returns every problem at once, each with the input's field
path (camelCase, as the API names it) and a stable code; an empty list
means the draft makes sense. Money is in fen here: the resolver has already
refused fractions of a fen. The checks that keep a rule from paying more
than its basis: a ratio or a tier rate above 1, a reward above its threshold.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from mall.core.errors import ErrorCode, Problem
from mall.rebates.terms import (
    RATE_PLACES,
    Formula,
    PayoutForm,
    Period,
    Ratio,
    RuleKind,
    ScopeKind,
    Threshold,
    Tier,
    Tiered,
    TierMode,
    rate_is_valid,
)

MIN_RATIO = Decimal("0.01")
MAX_RATIO = Decimal("1.00")
MAX_TIERS = 20
# A year of daily releases; bounds the rows one rebate can create.
MAX_INSTALLMENTS = 366
MAX_SCOPE_IDS = 500

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class TierDraft:
    from_minor: int | None = None
    rate: Decimal | None = None


@dataclass(frozen=True, slots=True)
class RuleDraft:
    """A rule as staff entered it (created, or updated and merged with what it was)."""

    kind: RuleKind
    payout_form: PayoutForm
    ratio: Decimal | None = None
    tiers: tuple[TierDraft, ...] = ()
    tier_mode: TierMode | None = None
    threshold_minor: int | None = None
    reward_minor: int | None = None
    repeat: bool = False
    voucher_valid_days: int | None = None
    voucher_min_spend_minor: int | None = None
    installment_count: int = 1
    period: Period | None = None  # required when there is more than one installment
    scope_kind: ScopeKind = ScopeKind.ALL
    scope_ids: tuple[int, ...] = ()
    starts_at: dt.datetime | None = None
    ends_at: dt.datetime | None = None
    per_customer_cap_minor: int | None = None
    budget_minor: int | None = None
    margin_cap_share: Decimal | None = None


def validate_rule(draft: RuleDraft) -> list[Problem]:
    """Every problem with ``draft``; empty when it is a rule Mall can run."""
    problems: list[Problem] = []
    if draft.kind in (RuleKind.FIXED_RATIO, RuleKind.FULL_RETURN):
        problems += _ratio("ratio", draft.ratio, required=True)
    elif draft.kind is RuleKind.TIERED:
        problems += _tiers(draft)
    else:
        problems += _threshold(draft)
    problems += _payout(draft)
    problems += _schedule(draft)
    problems += _scope(draft)
    if draft.starts_at is not None and draft.ends_at is not None and draft.ends_at <= draft.starts_at:
        problems.append(_invalid(("endsAt",), "The end must come after the start."))
    for field, value in (("perCustomerCap", draft.per_customer_cap_minor), ("budget", draft.budget_minor)):
        if value is not None and value < 0:
            problems.append(_invalid((field,), "This amount cannot be negative."))
    if draft.margin_cap_share is not None:
        problems += _ratio("marginCapShare", draft.margin_cap_share, required=False)
    return problems


def formula_of(draft: RuleDraft) -> Formula:
    """The engine's formula for a draft ``validate_rule`` accepted (``ValueError`` for any other)."""
    if draft.kind in (RuleKind.FIXED_RATIO, RuleKind.FULL_RETURN) and draft.ratio is not None:
        return Ratio(draft.ratio)
    if draft.kind is RuleKind.TIERED and draft.tier_mode is not None:
        return Tiered(tuple(Tier(_given(tier.from_minor), _given(tier.rate)) for tier in draft.tiers), draft.tier_mode)
    if draft.kind is RuleKind.THRESHOLD:
        return Threshold(_given(draft.threshold_minor), _given(draft.reward_minor), draft.repeat)
    raise ValueError(f"an incomplete {draft.kind.value} rule")


def _given(value: _T | None) -> _T:
    if value is None:
        raise ValueError("a field the rule needs is missing")
    return value


def _ratio(field: str, value: Decimal | None, *, required: bool) -> list[Problem]:
    if value is None:
        return [_required((field,), "A ratio is required.")] if required else []
    if not rate_is_valid(value) or not MIN_RATIO <= value <= MAX_RATIO:
        return [_invalid((field,), f"A ratio is between {MIN_RATIO} and {MAX_RATIO}, with at most "
                                   f"{RATE_PLACES} places.")]
    return []


def _tiers(draft: RuleDraft) -> list[Problem]:
    problems = []
    if draft.tier_mode is None:
        problems.append(_required(("tierMode",), "Choose WHOLE or PROGRESSIVE."))
    if not draft.tiers:
        return [*problems, _required(("tiers",), "A tiered rule needs at least one tier.")]
    if len(draft.tiers) > MAX_TIERS:
        return [*problems, Problem(ErrorCode.LIMIT_EXCEEDED, f"A rule has at most {MAX_TIERS} tiers.", ("tiers",))]
    previous: int | None = None
    for index, tier in enumerate(draft.tiers):
        where = ("tiers", str(index))
        if tier.from_minor is None:
            problems.append(_required((*where, "from"), "A tier needs the amount it starts from."))
        elif tier.from_minor < 0:
            problems.append(_invalid((*where, "from"), "A tier starts from 0 or more."))
        elif previous is not None and tier.from_minor <= previous:
            problems.append(_invalid((*where, "from"), "Tiers start from strictly increasing amounts."))
        previous = tier.from_minor if tier.from_minor is not None else previous
        if tier.rate is None:
            problems.append(_required((*where, "rate"), "A tier needs a rate."))
        elif not rate_is_valid(tier.rate) or not Decimal(0) <= tier.rate <= Decimal(1):
            # Above 1 a tier would pay more than the basis.
            problems.append(_invalid((*where, "rate"), f"A tier's rate is between 0 and 1, with at most "
                                                       f"{RATE_PLACES} places."))
    return problems


def _threshold(draft: RuleDraft) -> list[Problem]:
    problems = []
    for field, value in (("threshold", draft.threshold_minor), ("reward", draft.reward_minor)):
        if value is None:
            problems.append(_required((field,), f"A threshold rule needs a {field}."))
        elif value <= 0:
            problems.append(_invalid((field,), f"The {field} must be more than 0."))
    threshold, reward = draft.threshold_minor, draft.reward_minor
    if threshold is not None and reward is not None and 0 < threshold < reward:
        problems.append(_invalid(("reward",), "The reward cannot exceed the threshold: a rebate never pays "
                                              "more than was spent."))
    return problems


def _payout(draft: RuleDraft) -> list[Problem]:
    if draft.payout_form is not PayoutForm.VOUCHER:
        return []
    problems = []
    if draft.voucher_valid_days is None:
        problems.append(_required(("voucherValidDays",), "A voucher payout needs a validity."))
    elif draft.voucher_valid_days < 1:
        problems.append(_invalid(("voucherValidDays",), "A voucher is valid for at least one day."))
    if draft.voucher_min_spend_minor is not None and draft.voucher_min_spend_minor < 0:
        problems.append(_invalid(("voucherMinSpend",), "A minimum spend cannot be negative."))
    return problems


def _schedule(draft: RuleDraft) -> list[Problem]:
    if draft.installment_count < 1:
        return [_invalid(("installmentCount",), "At least one installment.")]
    if draft.installment_count > MAX_INSTALLMENTS:
        return [Problem(ErrorCode.LIMIT_EXCEEDED, f"At most {MAX_INSTALLMENTS} installments.", ("installmentCount",))]
    if draft.installment_count > 1 and draft.period is None:
        return [_required(("period",), "Installments need a period: DAY, WEEK or MONTH.")]
    return []


def _scope(draft: RuleDraft) -> list[Problem]:
    if draft.scope_kind is ScopeKind.ALL:
        return [_invalid(("scope", "ids"), "A scope of ALL takes no ids.")] if draft.scope_ids else []
    if not draft.scope_ids:
        return [_required(("scope", "ids"), f"A {draft.scope_kind.value} scope needs at least one id.")]
    if len(draft.scope_ids) > MAX_SCOPE_IDS:
        return [Problem(ErrorCode.LIMIT_EXCEEDED, f"A scope lists at most {MAX_SCOPE_IDS} ids.", ("scope", "ids"))]
    if len(set(draft.scope_ids)) != len(draft.scope_ids):
        return [Problem(ErrorCode.DUPLICATE, "An id is listed once.", ("scope", "ids"))]
    return []


def _invalid(field: tuple[str, ...], message: str) -> Problem:
    return Problem(ErrorCode.INVALID, message, field)


def _required(field: tuple[str, ...], message: str) -> Problem:
    return Problem(ErrorCode.REQUIRED, message, field)
