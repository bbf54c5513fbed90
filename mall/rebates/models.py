"""Rebate rules as stored (DESIGN §3.6): the terms staff set, the budget left to reserve, a status.

Rates (``ratio``, each tier's rate, ``margin_cap_share``) are stored in
ten-thousandths (``terms.scaled_rate``), exactly; money in fen. Only the
rebates domain imports this module; ``rules`` writes it.
"""

from __future__ import annotations

from tortoise import fields
from tortoise.migrations.constraints import CheckConstraint
from tortoise.models import Model


class RebateRule(Model):
    """A rebate campaign.

    ``budget_remaining_minor`` is what is not reserved yet: equal to the budget
    at creation, lowered by each rebate reserved against it (a conditional
    UPDATE), raised by what refunds free; ``NULL`` with ``budget_minor`` when
    the budget is unbounded. ``version`` goes up on every edit, so a rebate can
    say which terms it was made under.
    """

    id = fields.BigIntField(primary_key=True)
    name = fields.CharField(max_length=100)
    description = fields.TextField(default="")
    kind = fields.CharField(max_length=16)
    ratio_scaled = fields.IntField(null=True)  # FIXED_RATIO, FULL_RETURN
    # TIERED: [{"from": fen, "rate": ten-thousandths}, …] by increasing "from".
    tiers: fields.Field[list[dict[str, int]]] = fields.JSONField(default=list)
    tier_mode = fields.CharField(max_length=16, null=True)
    threshold_minor = fields.BigIntField(null=True)  # THRESHOLD
    reward_minor = fields.BigIntField(null=True)
    repeat = fields.BooleanField(default=False)
    payout_form = fields.CharField(max_length=16)
    voucher_valid_days = fields.IntField(null=True)  # VOUCHER payouts
    voucher_min_spend_minor = fields.BigIntField(null=True)
    installment_count = fields.IntField(default=1)
    period = fields.CharField(max_length=8, null=True)
    scope_kind = fields.CharField(max_length=16)
    scope_ids: fields.Field[list[int]] = fields.JSONField(default=list)
    starts_at = fields.DatetimeField(null=True)
    ends_at = fields.DatetimeField(null=True)
    priority = fields.IntField(default=0)
    stackable = fields.BooleanField(default=True)
    per_customer_cap_minor = fields.BigIntField(null=True)
    budget_minor = fields.BigIntField(null=True)
    budget_remaining_minor = fields.BigIntField(null=True)
    margin_cap_share_scaled = fields.IntField(null=True)
    status = fields.CharField(max_length=16)
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()

    class Meta:
        table = "rebate_rules"
        # The staff list (by status, newest first) and the rules live at a time (by status, then start).
        indexes = (("status", "id"), ("status", "starts_at"))
        constraints = [
            CheckConstraint(
                check="(budget_minor IS NULL AND budget_remaining_minor IS NULL) OR "
                "(budget_remaining_minor >= 0 AND budget_remaining_minor <= budget_minor)",
                name="rebate_rules_budget_remaining_within_budget"),
            CheckConstraint(check="installment_count >= 1", name="rebate_rules_installments_at_least_one"),
            CheckConstraint(
                check="(threshold_minor IS NULL OR threshold_minor >= 0) AND (reward_minor IS NULL OR reward_minor >= 0) "
                "AND (voucher_min_spend_minor IS NULL OR voucher_min_spend_minor >= 0) "
                "AND (per_customer_cap_minor IS NULL OR per_customer_cap_minor >= 0) "
                "AND (budget_minor IS NULL OR budget_minor >= 0)",
                name="rebate_rules_money_not_negative"),
        ]

    def __str__(self) -> str:
        return self.name
