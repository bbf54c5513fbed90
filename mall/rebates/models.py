"""Rebate rules as stored (DESIGN §3.6): the terms staff set, the budget left to reserve, a status.

Rates (``ratio``, each tier's rate, ``margin_cap_share``) are stored in
ten-thousandths (``terms.scaled_rate``), exactly; money in fen. Only the
rebates domain imports this module; ``rules`` writes it.
"""

from __future__ import annotations

from typing import Any

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


class Rebate(Model):
    """What one rule pays on one paid order (DESIGN §3.6): one per order and rule.

    ``amount_minor`` is the current amount in fen (a POINTS rebate pays
    ``amount_minor // minor_per_point`` points: the engine rounded it to whole
    points' worth); refunds only ever lower it (``original_amount_minor`` is
    what payment froze). ``budget_reserved_minor`` is what it holds of its
    rule's budget (0 under an unbounded budget) and goes back as refunds free
    it. ``released_minor`` is the value released to the customer so far,
    ``clawed_back_minor`` what refunds took back of it, ``unrecovered_minor``
    what a clawback could not take and later releases to the customer have
    not yet absorbed.

    ``snapshot`` freezes the rule as it was at payment (its terms, name,
    description, version: ``snapshots.rule_snapshot``); ``computation`` how
    the amount was reached; ``lines`` its split over the order's lines
    (``[{"lineId", "basis", "amount"}]``). A rule edit never changes them.
    ``eligible_at`` is set when the order completes: the moment its
    after-sale window and ``MALL_REBATE_HOLD_DAYS`` have passed.
    """

    id = fields.BigIntField(primary_key=True)
    # The order it rebates (no foreign key: orders sit above rebates).
    order_id = fields.BigIntField()
    customer: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="rebates", on_delete=fields.RESTRICT
    )
    rule: fields.ForeignKeyRelation[RebateRule] = fields.ForeignKeyField(
        "models.RebateRule", related_name="rebates", on_delete=fields.RESTRICT
    )
    rule_version = fields.IntField()
    status = fields.CharField(max_length=16)
    payout_form = fields.CharField(max_length=16)
    minor_per_point = fields.IntField(default=1)
    original_amount_minor = fields.BigIntField()
    amount_minor = fields.BigIntField()
    budget_reserved_minor = fields.BigIntField(default=0)
    released_minor = fields.BigIntField(default=0)
    clawed_back_minor = fields.BigIntField(default=0)
    unrecovered_minor = fields.BigIntField(default=0)
    snapshot: fields.Field[dict[str, Any]] = fields.JSONField()
    computation: fields.Field[dict[str, Any]] = fields.JSONField()
    lines: fields.Field[list[dict[str, int]]] = fields.JSONField(default=list)
    eligible_at = fields.DatetimeField(null=True)
    activated_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()

    customer_id: int
    rule_id: int

    class Meta:
        table = "rebates"
        unique_together = (("order_id", "rule_id"),)
        # A customer's rebates newest first; a rule's by status (liability); PENDING ones coming due (activation).
        indexes = (("customer_id", "id"), ("rule_id", "status"), ("status", "eligible_at"))
        constraints = [
            CheckConstraint(
                check="amount_minor >= 0 AND amount_minor <= original_amount_minor AND budget_reserved_minor >= 0 "
                "AND released_minor >= 0 AND clawed_back_minor >= 0 AND unrecovered_minor >= 0 "
                "AND minor_per_point >= 1",
                name="rebates_amounts_not_negative"),
        ]

    def __str__(self) -> str:
        return f"rebate {self.id} of order {self.order_id}"


class RebateInstallment(Model):
    """One release of a rebate: ``seq`` 1..n, due ``due_at`` (set when the rebate becomes ACTIVE).

    ``amount_minor`` is its current share of the rebate (refunds lower the
    last unreleased first); ``released_minor`` what its release paid the
    customer after unrecovered clawbacks were deducted; ``entry_id`` the
    ledger entry of that release, ``voucher_id`` the voucher it issued.
    """

    id = fields.BigIntField(primary_key=True)
    rebate: fields.ForeignKeyRelation[Rebate] = fields.ForeignKeyField(
        "models.Rebate", related_name="installments", on_delete=fields.RESTRICT
    )
    customer_id = fields.BigIntField()
    seq = fields.IntField()
    amount_minor = fields.BigIntField()
    status = fields.CharField(max_length=16)
    due_at = fields.DatetimeField(null=True)
    released_minor = fields.BigIntField(default=0)
    released_at = fields.DatetimeField(null=True)
    entry_id = fields.BigIntField(null=True)
    voucher_id = fields.BigIntField(null=True)

    rebate_id: int

    class Meta:
        table = "rebate_installments"
        unique_together = (("rebate_id", "seq"),)
        # The release job reads SCHEDULED installments by due time; a customer's summary their own by status.
        indexes = (("status", "due_at"), ("customer_id", "status"))
        constraints = [
            CheckConstraint(check="amount_minor >= 0 AND released_minor >= 0 AND seq >= 1",
                            name="rebate_installments_amounts_not_negative"),
        ]

    def __str__(self) -> str:
        return f"installment {self.seq} of rebate {self.rebate_id}"


class RebateCustomerTotal(Model):
    """What one customer holds under one rule's per-customer cap (over the rule's life).

    Raised by a conditional UPDATE at payment (``earned + x <= cap``), so two
    orders of one customer paid at once never pass the cap; lowered by what
    refunds take back.
    """

    id = fields.BigIntField(primary_key=True)
    rule_id = fields.BigIntField()
    customer_id = fields.BigIntField()
    earned_minor = fields.BigIntField(default=0)

    class Meta:
        table = "rebate_customer_totals"
        unique_together = (("rule_id", "customer_id"),)
        constraints = [CheckConstraint(check="earned_minor >= 0", name="rebate_customer_totals_not_negative")]

    def __str__(self) -> str:
        return f"customer {self.customer_id} under rule {self.rule_id}"


class RebateSwitches(Model):
    """The kill switches (one row, id 1): no new rebates; separately, no releases. Audited when set."""

    id = fields.IntField(primary_key=True)
    pause_new_rebates = fields.BooleanField(default=False)
    pause_releases = fields.BooleanField(default=False)
    updated_at = fields.DatetimeField()

    class Meta:
        table = "rebate_switches"

    def __str__(self) -> str:
        return f"new paused {self.pause_new_rebates}, releases paused {self.pause_releases}"
