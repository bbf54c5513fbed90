"""Rebate rule vocabulary shared by the catalog's hints, the cart's rebate preview and, later, the rules themselves."""

from __future__ import annotations

import enum

import strawberry

from mall.graphql.money import Money


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


@strawberry.type(description="A rebate rule, as a customer sees it.")
class RebateRule:
    id: strawberry.ID
    name: str
    kind: RebateRuleKind
    description: str = strawberry.field(default="", description="What staff wrote about the rule; on a rebate, as "
                                        "it was when the rebate was made.")


@strawberry.type(description="What one rule would give for the lines previewed.")
class RebatePreviewItem:
    rule: RebateRule
    payout_form: RebatePayoutForm
    amount: Money
    points: int = strawberry.field(description="Whole points, when the payout form is POINTS.")
    installment_count: int


@strawberry.type(description="The rebates the selected lines would earn if paid entirely with money.")
class RebatePreview:
    total: Money
    points: int
    items: list[RebatePreviewItem]

    @classmethod
    def empty(cls, currency: str) -> RebatePreview:
        return cls(total=Money.of(0, currency), points=0, items=[])
