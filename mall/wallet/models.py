"""Ledger tables: accounts with their cached totals, journal entries, and their postings; and vouchers.

Ledger rows are written by ``mall.wallet.ledger`` alone; entries and postings
are never updated or deleted. The CHECK constraints are hand-written into
both migration histories (aerich emits none): the database itself refuses a
customer account below zero, whatever code runs against it.
"""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.migrations.constraints import CheckConstraint
from tortoise.models import Model


class LedgerAccount(Model):
    """A ledger account: a customer's asset or a system account, with totals cached from its postings."""

    id = fields.BigIntField(primary_key=True)
    # chart.AccountRef.key: "customer:12:BALANCE" or "system:ADJUSTMENTS".
    account_key = fields.CharField(max_length=64, unique=True)
    customer: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="ledger_accounts", on_delete=fields.RESTRICT, null=True
    )
    code = fields.CharField(max_length=32)
    unit = fields.CharField(max_length=8)
    # balance = credits - debits = the sum of the account's postings.
    balance_minor = fields.BigIntField(default=0)
    debit_minor = fields.BigIntField(default=0)
    credit_minor = fields.BigIntField(default=0)
    created_at = fields.DatetimeField()

    customer_id: int | None

    class Meta:
        table = "ledger_accounts"
        unique_together = (("customer_id", "code"),)
        # Hand-written into both migration histories (aerich emits no CHECKs).
        constraints = [
            CheckConstraint(check="customer_id IS NULL OR balance_minor >= 0",
                            name="ledger_accounts_customer_not_negative"),
            CheckConstraint(check="debit_minor >= 0 AND credit_minor >= 0 AND balance_minor = credit_minor - debit_minor",
                            name="ledger_accounts_totals_add_up"),
        ]

    def __str__(self) -> str:
        return self.account_key


class JournalEntry(Model):
    """One movement of value: its postings sum to zero per unit; written once, never changed."""

    id = fields.BigIntField(primary_key=True)
    idempotency_key = fields.CharField(max_length=128, unique=True)
    # journal.fingerprint: a retry with this key must carry the same cause and postings.
    fingerprint = fields.CharField(max_length=64)
    cause = fields.CharField(max_length=32)
    cause_id = fields.BigIntField(null=True)
    memo = fields.CharField(max_length=200, default="")
    actor_kind = fields.CharField(max_length=16)
    actor_id = fields.BigIntField(null=True)
    created_at = fields.DatetimeField()

    class Meta:
        table = "ledger_entries"
        indexes = (("cause", "cause_id"),)

    def __str__(self) -> str:
        return f"{self.cause} {self.idempotency_key}"


class Posting(Model):
    """An amount posted to one account by one entry, and the account's balance just after it."""

    id = fields.BigIntField(primary_key=True)
    entry: fields.ForeignKeyRelation[JournalEntry] = fields.ForeignKeyField(
        "models.JournalEntry", related_name="postings", on_delete=fields.RESTRICT
    )
    account: fields.ForeignKeyRelation[LedgerAccount] = fields.ForeignKeyField(
        "models.LedgerAccount", related_name="postings", on_delete=fields.RESTRICT
    )
    # The account's customer, copied so a customer's statement is one index range.
    customer_id = fields.BigIntField(null=True)
    amount_minor = fields.BigIntField()
    balance_after_minor = fields.BigIntField()

    entry_id: int
    account_id: int

    class Meta:
        table = "ledger_postings"
        indexes = (("entry_id",), ("account_id", "id"), ("customer_id", "id"))
        constraints = [CheckConstraint(check="amount_minor <> 0", name="ledger_postings_amount_not_zero")]

    def __str__(self) -> str:
        return f"{self.amount_minor} on account {self.account_id}"


class Voucher(Model):
    """A voucher (代金券) a customer holds: single use, a value off goods in its scope, from a minimum spend.

    ``status`` moves only by conditional UPDATEs (``wallet.vouchers``): AVAILABLE → RESERVED (by one order,
    ``order_id``) → USED when it is paid; back to AVAILABLE when that order is cancelled, expires, or is
    cancelled or refunded whole. An AVAILABLE voucher past ``valid_until`` reads as EXPIRED.
    """

    id = fields.BigIntField(primary_key=True)
    code = fields.CharField(max_length=20, unique=True)
    customer: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="vouchers", on_delete=fields.RESTRICT
    )
    value_minor = fields.BigIntField()
    min_spend_minor = fields.BigIntField(default=0)
    valid_from = fields.DatetimeField()
    valid_until = fields.DatetimeField()
    # ALL, PRODUCTS or CATEGORIES; ids: the product or category ids (empty for ALL).
    scope_kind = fields.CharField(max_length=16)
    scope_ids: fields.Field[list[int]] = fields.JSONField(default=list)
    status = fields.CharField(max_length=16)
    # The order holding or having used it (no foreign key: orders sit above the wallet).
    order_id = fields.BigIntField(null=True)
    # The audit record of its issue (who, why).
    issued_by_record_id = fields.BigIntField(null=True)
    # The rebate installment whose release issued it (one voucher per installment, however often it is retried).
    rebate_installment_id = fields.BigIntField(null=True, unique=True)
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()

    customer_id: int

    class Meta:
        table = "vouchers"
        indexes = (("customer_id", "status"), ("order_id",))
        constraints = [
            CheckConstraint(check="value_minor > 0 AND min_spend_minor >= 0", name="vouchers_amounts_valid"),
        ]

    def __str__(self) -> str:
        return self.code


class Withdrawal(Model):
    """A customer's request to take money out (提现): the amount held until staff decide and the payout settles.

    The request key is unique per customer, so a retry long after the
    request's idempotency record expired still answers this row.
    """

    id = fields.BigIntField(primary_key=True)
    customer: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="withdrawals", on_delete=fields.RESTRICT
    )
    status = fields.CharField(max_length=16)
    amount_minor = fields.BigIntField()  # fee included
    fee_minor = fields.BigIntField()
    payout_minor = fields.BigIntField()
    # Where the held amount came from, so a release gives each part back to its account.
    from_balance_minor = fields.BigIntField()
    from_rebate_credit_minor = fields.BigIntField(default=0)
    provider = fields.CharField(max_length=16)
    payee = fields.CharField(max_length=128)
    request_key = fields.CharField(max_length=64)
    request_fingerprint = fields.CharField(max_length=64)
    payout_no = fields.CharField(max_length=32, unique=True)
    payout_id = fields.CharField(max_length=64, null=True)
    note = fields.CharField(max_length=200, default="")
    failure = fields.CharField(max_length=200, default="")
    decided_by_id = fields.BigIntField(null=True)
    created_at = fields.DatetimeField()
    decided_at = fields.DatetimeField(null=True)
    settled_at = fields.DatetimeField(null=True)

    customer_id: int

    class Meta:
        table = "withdrawals"
        unique_together = (("customer_id", "request_key"),)
        indexes = (("customer_id", "id"), ("status", "id"))
        # Hand-written into migration 9 of both histories (aerich emits no CHECKs).
        constraints = [
            CheckConstraint(check="amount_minor > 0 AND fee_minor >= 0 AND payout_minor > 0 AND "
                            "amount_minor = fee_minor + payout_minor", name="withdrawals_fee_adds_up"),
            CheckConstraint(check="from_balance_minor >= 0 AND from_rebate_credit_minor >= 0 AND "
                            "amount_minor = from_balance_minor + from_rebate_credit_minor",
                            name="withdrawals_sources_add_up"),
        ]

    def __str__(self) -> str:
        return f"withdrawal {self.id} {self.status}"


class TopUp(Model):
    """Money paid into a customer's BALANCE through a provider (充值): one payment attempt with its own trade number.

    A sibling of the orders' ``payments`` rather than a row of it: those
    belong to an order (a non-null foreign key the order rules lean on), and
    a top-up has none. The trade numbers cannot meet: theirs start with P,
    these with T.
    """

    id = fields.BigIntField(primary_key=True)
    customer: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="top_ups", on_delete=fields.RESTRICT
    )
    provider = fields.CharField(max_length=16)
    channel = fields.CharField(max_length=16)
    trade_number = fields.CharField(max_length=32, unique=True)
    amount_minor = fields.BigIntField()
    currency = fields.CharField(max_length=3)
    # PENDING → SUCCEEDED | FAILED | CLOSED; money of another amount: REFUND_PENDING (the same values as payments).
    status = fields.CharField(max_length=16)
    provider_transaction_id = fields.CharField(max_length=64, null=True)
    client_params: fields.Field[dict[str, Any] | None] = fields.JSONField(null=True)
    request_key = fields.CharField(max_length=64)
    request_fingerprint = fields.CharField(max_length=64)
    expires_at = fields.DatetimeField()
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()

    customer_id: int

    class Meta:
        table = "top_ups"
        unique_together = (("customer_id", "request_key"),)
        # The second serves reconciliation: top-ups PENDING past their expiry, whoever they belong to.
        indexes = (("customer_id", "status", "expires_at"), ("status", "expires_at"))
        # Hand-written into migration 9 of both histories (aerich emits no CHECKs).
        constraints = [CheckConstraint(check="amount_minor > 0", name="top_ups_amount_positive")]

    def __str__(self) -> str:
        return self.trade_number


class PointsLot(Model):
    """Points a customer was given at one time, spendable until ``expires_at`` (DESIGN §3.5).

    Written by ``mall.wallet.points`` alone, in the transaction of the ledger
    entry that moves the points: per customer, the lots' ``remaining`` add up
    to their POINTS account's balance (``verification`` checks it).
    ``expiries`` counts how often the lot expired: points given back to an
    expired lot expire again, each time under its own entry key.
    """

    id = fields.BigIntField(primary_key=True)
    customer: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="points_lots", on_delete=fields.RESTRICT
    )
    granted = fields.BigIntField()
    remaining = fields.BigIntField()
    expires_at = fields.DatetimeField()
    # What gave the points: the entry (one lot per entry) and its cause.
    entry: fields.ForeignKeyRelation[JournalEntry] = fields.OneToOneField(
        "models.JournalEntry", related_name="points_lot", on_delete=fields.RESTRICT
    )
    cause = fields.CharField(max_length=32)
    cause_id = fields.BigIntField(null=True)
    expiries = fields.IntField(default=0)
    created_at = fields.DatetimeField()

    customer_id: int
    entry_id: int

    class Meta:
        table = "points_lots"
        # A customer's lots by expiry (spending, pointsExpiring); due lots by expiry (the expiry job).
        indexes = (("customer_id", "expires_at", "id"), ("expires_at", "remaining"))
        # Hand-written into migration 10 of both histories (aerich emits no CHECKs).
        constraints = [
            CheckConstraint(check="granted > 0 AND remaining >= 0 AND remaining <= granted",
                            name="points_lots_remaining_within_granted"),
        ]

    def __str__(self) -> str:
        return f"lot {self.id}: {self.remaining}/{self.granted}"


class PointsLotMove(Model):
    """What one ledger entry took from or gave back to one lot: a refund finds here the lots an order spent."""

    id = fields.BigIntField(primary_key=True)
    lot: fields.ForeignKeyRelation[PointsLot] = fields.ForeignKeyField(
        "models.PointsLot", related_name="moves", on_delete=fields.RESTRICT
    )
    entry: fields.ForeignKeyRelation[JournalEntry] = fields.ForeignKeyField(
        "models.JournalEntry", related_name="points_lot_moves", on_delete=fields.RESTRICT
    )
    # SPEND (negative), RETURN (positive: to the lot a SPEND took from), EXPIRE (negative).
    kind = fields.CharField(max_length=16)
    points = fields.BigIntField()
    # For a RETURN: the SPEND entry whose points come back.
    spend_entry_id = fields.BigIntField(null=True)
    created_at = fields.DatetimeField()

    lot_id: int
    entry_id: int

    class Meta:
        table = "points_lot_moves"
        unique_together = (("entry_id", "lot_id"),)
        indexes = (("spend_entry_id",), ("lot_id", "id"))
        constraints = [CheckConstraint(check="points <> 0", name="points_lot_moves_points_not_zero")]

    def __str__(self) -> str:
        return f"{self.kind} {self.points} on lot {self.lot_id}"
