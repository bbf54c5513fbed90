"""What the rebate engine reads: a rule's terms and the order lines to rebate (DESIGN §3.6).

Plain frozen values, integers in fen and ``Decimal`` rates, so a rule's terms
can be frozen into each rebate's snapshot and fed back to the engine on a
refund. ``__post_init__`` refuses only what no caller should pass (staff input
is checked by ``validation.validate_rule`` first, with userErrors).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from decimal import Decimal

# Rates and shares carry at most four places (DESIGN §3.0).
RATE_PLACES = 4


class RuleKind(enum.Enum):
    FIXED_RATIO = "FIXED_RATIO"
    TIERED = "TIERED"
    THRESHOLD = "THRESHOLD"
    FULL_RETURN = "FULL_RETURN"


class TierMode(enum.Enum):
    WHOLE = "WHOLE"  # the bracket reached sets the rate for the whole basis
    PROGRESSIVE = "PROGRESSIVE"  # each slice at its own rate, like income tax


class PayoutForm(enum.Enum):
    POINTS = "POINTS"
    VOUCHER = "VOUCHER"
    REBATE_CREDIT = "REBATE_CREDIT"


class Period(enum.Enum):
    DAY = "DAY"
    WEEK = "WEEK"
    MONTH = "MONTH"


class ScopeKind(enum.Enum):
    ALL = "ALL"
    CATEGORIES = "CATEGORIES"
    PRODUCTS = "PRODUCTS"


class Cap(enum.Enum):
    """A limit that cut a rebate, as the computation record names it."""

    PER_CUSTOMER = "PER_CUSTOMER"
    BUDGET = "BUDGET"
    MARGIN = "MARGIN"
    LINE_BASIS = "LINE_BASIS"


def rate_is_valid(rate: Decimal) -> bool:
    """A finite rate with at most four places, judged on its exact digits (``normalize`` would round)."""
    _, digits, exponent = rate.as_tuple()
    if not isinstance(exponent, int):
        return False
    significant = "".join(map(str, digits)).rstrip("0")
    return not significant or exponent + len(digits) - len(significant) >= -RATE_PLACES


def scaled_rate(rate: Decimal) -> int:
    """A rate in ten-thousandths, exactly (rates carry at most four places)."""
    return int(rate.scaleb(RATE_PLACES))


def rate_of(scaled: int) -> Decimal:
    """The rate of a number of ten-thousandths (the inverse of ``scaled_rate``)."""
    return Decimal(scaled).scaleb(-RATE_PLACES)


def _require_rate(name: str, rate: Decimal, *, low: Decimal = Decimal(0), high: Decimal = Decimal(1)) -> None:
    if not isinstance(rate, Decimal) or not rate_is_valid(rate) or not low <= rate <= high:
        raise ValueError(f"{name} must be a Decimal in [{low}, {high}] with at most {RATE_PLACES} places, not {rate!r}")


@dataclass(frozen=True, slots=True)
class Ratio:
    """FIXED_RATIO and FULL_RETURN: ``ratio`` × basis."""

    ratio: Decimal

    def __post_init__(self) -> None:
        _require_rate("ratio", self.ratio)


@dataclass(frozen=True, slots=True)
class Tier:
    """A bracket: from ``from_minor`` of basis upwards, ``rate``."""

    from_minor: int
    rate: Decimal

    def __post_init__(self) -> None:
        if self.from_minor < 0:
            raise ValueError(f"a tier starts at 0 or more, not {self.from_minor}")
        _require_rate("rate", self.rate)


@dataclass(frozen=True, slots=True)
class Tiered:
    """TIERED: brackets by increasing ``from``, applied WHOLE or PROGRESSIVE."""

    tiers: tuple[Tier, ...]
    mode: TierMode

    def __post_init__(self) -> None:
        starts = [tier.from_minor for tier in self.tiers]
        if not starts or any(a >= b for a, b in zip(starts, starts[1:])):
            raise ValueError(f"tiers must be non-empty and start at increasing amounts, not {starts}")


@dataclass(frozen=True, slots=True)
class Threshold:
    """THRESHOLD (满额返): a basis of at least ``threshold_minor`` returns ``reward_minor``,
    once, or for every full ``threshold_minor`` when ``repeat`` (每满 300 返 50)."""

    threshold_minor: int
    reward_minor: int
    repeat: bool = False

    def __post_init__(self) -> None:
        if not 0 < self.reward_minor <= self.threshold_minor:
            # A reward above the threshold would pay more than the basis.
            raise ValueError(f"need 0 < reward ≤ threshold, not {self.reward_minor} and {self.threshold_minor}")


Formula = Ratio | Tiered | Threshold


@dataclass(frozen=True, slots=True)
class Scope:
    """Which lines a rule covers. A CATEGORIES scope covers each listed category and all under it."""

    kind: ScopeKind = ScopeKind.ALL
    ids: frozenset[int] = frozenset()

    def covers(self, line: RebateLine) -> bool:
        if self.kind is ScopeKind.ALL:
            return True
        if self.kind is ScopeKind.PRODUCTS:
            return line.product_id in self.ids
        return not self.ids.isdisjoint(line.category_ids)


@dataclass(frozen=True, slots=True)
class RuleTerms:
    """A rule as the engine sees it: its terms, and what is left of its budget and this customer's cap.

    ``per_customer_remaining_minor`` is the per-customer cap minus what this
    customer already earned under the rule; ``budget_remaining_minor`` the
    rule's unreserved budget; ``None`` means no such limit.
    """

    id: int
    kind: RuleKind
    formula: Formula
    payout_form: PayoutForm = PayoutForm.REBATE_CREDIT
    installment_count: int = 1
    period: Period = Period.MONTH
    priority: int = 0
    scope: Scope = Scope()
    stackable: bool = True
    per_customer_remaining_minor: int | None = None
    budget_remaining_minor: int | None = None
    margin_cap_share: Decimal | None = None

    def __post_init__(self) -> None:
        expected = {
            RuleKind.FIXED_RATIO: Ratio, RuleKind.FULL_RETURN: Ratio,
            RuleKind.TIERED: Tiered, RuleKind.THRESHOLD: Threshold,
        }[self.kind]
        if not isinstance(self.formula, expected):
            raise ValueError(f"a {self.kind.value} rule needs a {expected.__name__} formula")
        if self.installment_count < 1:
            raise ValueError(f"installment_count must be at least 1, not {self.installment_count}")
        for name in ("per_customer_remaining_minor", "budget_remaining_minor"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ValueError(f"{name} must not be negative, not {value}")
        if self.margin_cap_share is not None:
            _require_rate("margin_cap_share", self.margin_cap_share)


@dataclass(frozen=True, slots=True)
class RebateLine:
    """An order line to rebate.

    ``basis_minor`` is what the customer paid for it with money of their own
    (``LinePrice.rebate_basis_minor``); ``margin_minor`` its gross margin,
    (unit price − cost) × quantity, or ``None`` when the variant has no cost
    price. ``category_ids`` holds the product's category and every category
    above it, so a scope on a parent category covers it.
    """

    line_id: int
    product_id: int
    basis_minor: int
    margin_minor: int | None = None
    category_ids: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        if self.basis_minor < 0:
            raise ValueError(f"basis_minor must not be negative, not {self.basis_minor}")
