"""Rebate rule vocabulary shared by the catalog's hints, the cart's rebate preview and, later, the rules themselves."""

from __future__ import annotations

import enum

import strawberry

from mall.graphql.money import Money
from mall.graphql.relay import encode_id
from mall.rebates import previews


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
    description: str = strawberry.field(description="The rule's terms in plain words: what comes back, in which "
                                        "form and schedule, its caps and when its window closes.")

    @classmethod
    def of(cls, hint: previews.Hint) -> RebateHint:
        return cls(rule_id=strawberry.ID(encode_id("RebateRule", hint.rule_id)), kind=RebateRuleKind(hint.kind.value),
                   payout_form=RebatePayoutForm(hint.payout_form.value), description=hint.description)


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


@strawberry.type(description="The rebates lines would earn if paid now, reserving nothing: each rule's amount, "
                 "in the order the rules apply.")
class RebatePreview:
    total: Money = strawberry.field(description="Every item's amount summed (points at their worth).")
    points: int = strawberry.field(description="The whole points of the POINTS items, summed.")
    items: list[RebatePreviewItem]

    @classmethod
    def of(cls, preview: previews.Preview, currency: str) -> RebatePreview:
        return cls(
            total=Money.of(preview.total_minor, currency), points=preview.points,
            items=[
                RebatePreviewItem(
                    rule=RebateRule(id=strawberry.ID(encode_id("RebateRule", item.rule_id)), name=item.name,
                                    kind=RebateRuleKind(item.kind.value)),
                    payout_form=RebatePayoutForm(item.payout_form.value), amount=Money.of(item.amount_minor, currency),
                    points=item.points, installment_count=item.installment_count,
                )
                for item in preview.items
            ],
        )
