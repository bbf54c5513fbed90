"""Rebate rule vocabulary shared by the catalog's hints and, later, the rules themselves."""

from __future__ import annotations

import enum

import strawberry


@strawberry.enum(description="How a rebate rule computes its amount.")
class RebateRuleKind(enum.Enum):
    FIXED_RATIO = "FIXED_RATIO"
    TIERED = "TIERED"
    THRESHOLD = "THRESHOLD"
    FULL_RETURN = "FULL_RETURN"


@strawberry.enum(description="What a rebate is paid in.")
class RebatePayoutForm(enum.Enum):
    POINTS = "POINTS"
    VOUCHER = "VOUCHER"
    REBATE_CREDIT = "REBATE_CREDIT"


@strawberry.type(description="An active rebate rule that would apply to a product, in plain words.")
class RebateHint:
    rule_id: strawberry.ID
    kind: RebateRuleKind
    payout_form: RebatePayoutForm
    description: str
