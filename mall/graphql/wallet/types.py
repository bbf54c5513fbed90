"""Wallet types: the wallet, its statement lines, vouchers and points expiries, and the ledger reports."""

from __future__ import annotations

import enum

import strawberry

from mall.core.clock import clock
from mall.graphql.context import Info
from mall.graphql.money import Money
from mall.graphql.relay import Connection, Node, connection, encode_id
from mall.graphql.scalars import DateTime, Decimal
from mall.graphql.wallet.loaders import (
    PointsExpiringByCustomerIdLoader,
    VouchersByCustomerLoader,
    WalletBalancesByCustomerIdLoader,
)
from mall.settings import get_settings
from mall.wallet import points as lots
from mall.wallet import reports, statements, verification, vouchers
from mall.wallet.chart import Asset, Unit, format_amount
from mall.wallet.journal import Cause
from mall.wallet.statements import WalletBalances
from mall.wallet.vouchers import Voucher as VoucherRow

WalletAsset = strawberry.enum(
    Asset, name="WalletAsset",
    description="A customer's wallet accounts: BALANCE (stored value, withdrawable), HELD (set aside for an order or "
    "a withdrawal), REBATE_CREDIT (spendable, not withdrawable), POINTS.",
)
WalletEntryKind = strawberry.enum(
    Cause, name="WalletEntryKind",
    description="Why value moved. ADJUSTMENT: by staff (walletAdjust); the others arrive with top-ups, wallet "
    "payments, refunds, rebates, withdrawals and points expiry.",
)


@strawberry.enum(description="A voucher's state. REVOKED: a rebate's voucher taken back because its order was refunded.")
class VoucherStatus(enum.Enum):
    AVAILABLE = "AVAILABLE"
    RESERVED = "RESERVED"
    USED = "USED"
    EXPIRED = "EXPIRED"
    REVOKED = "REVOKED"


@strawberry.enum(description="What a voucher applies to: everything, or the listed categories or products.")
class VoucherScopeKind(enum.Enum):
    ALL = "ALL"
    CATEGORIES = "CATEGORIES"
    PRODUCTS = "PRODUCTS"


@strawberry.type(description="What a voucher applies to.")
class VoucherScope:
    kind: VoucherScopeKind
    ids: list[strawberry.ID]


@strawberry.type(description=(
    "A voucher (代金券): single use, with a value off the goods in its scope, a minimum spend (of those goods), a "
    "validity and a scope. Issued by staff (voucherIssue); chosen at checkout (voucherIds), reserved by the order, "
    "used when it is paid, available again when it is cancelled or expires unpaid, or cancelled or refunded whole."
))
class Voucher:
    id: strawberry.ID
    value: Money
    code: str = ""
    min_spend: Money | None = None
    valid_until: DateTime | None = None  # type: ignore[valid-type]
    status: VoucherStatus = VoucherStatus.AVAILABLE
    scope: VoucherScope | None = None

    @classmethod
    def from_row(cls, row: VoucherRow) -> Voucher:
        currency = get_settings().currency
        kind = VoucherScopeKind(row.scope_kind)
        id_type = "Category" if kind is VoucherScopeKind.CATEGORIES else "Product"
        return cls(
            id=strawberry.ID(encode_id("Voucher", row.id)), code=row.code, value=Money.of(row.value_minor, currency),
            min_spend=Money.of(row.min_spend_minor, currency), valid_until=row.valid_until,
            status=VoucherStatus(vouchers.effective_status(row, clock.now()).value),
            scope=VoucherScope(kind=kind, ids=[strawberry.ID(encode_id(id_type, pk)) for pk in row.scope_ids]),
        )


@strawberry.type(description="Points that expire at a moment (their lot's validity, MALL_POINTS_VALID_DAYS).")
class PointsExpiry:
    points: int
    expires_at: DateTime  # type: ignore[valid-type]


@strawberry.type(name="WalletEntry", description=(
    "One line of a wallet statement: a posting on one of the customer's accounts. amount (signed) and balanceAfter "
    "are in the asset's unit: yuan with two places for BALANCE, HELD and REBATE_CREDIT; whole points for POINTS."
))
class WalletEntryType(Node):
    at: DateTime  # type: ignore[valid-type]
    kind: WalletEntryKind  # type: ignore[valid-type]
    asset: WalletAsset  # type: ignore[valid-type]
    amount: Decimal  # type: ignore[valid-type]
    balance_after: Decimal  # type: ignore[valid-type]
    memo: str

    @classmethod
    def from_line(cls, line: statements.StatementLine) -> WalletEntryType:
        unit = line.asset.unit
        return cls(
            id=strawberry.ID(encode_id("WalletEntry", line.id)), at=line.at, kind=line.cause, asset=line.asset,
            amount=format_amount(line.amount, unit), balance_after=format_amount(line.balance_after, unit),
            memo=line.memo,
        )


@strawberry.type(description="A customer's wallet (DESIGN §3.5): what each of their ledger accounts holds, and its statement.")
class Wallet:
    _customer_id: strawberry.Private[int]

    async def _balances(self, info: Info) -> WalletBalances:
        return await info.context.loader(WalletBalancesByCustomerIdLoader).load(self._customer_id)

    @strawberry.field(description="Stored value (余额): withdrawable.")
    async def balance(self, info: Info) -> Money:
        return Money.of((await self._balances(info)).balance, get_settings().currency)

    @strawberry.field(description="Set aside for unpaid orders and pending withdrawals; not spendable meanwhile.")
    async def held_balance(self, info: Info) -> Money:
        return Money.of((await self._balances(info)).held, get_settings().currency)

    @strawberry.field(description="Rebates paid as credit: spendable, not withdrawable.")
    async def rebate_credit(self, info: Info) -> Money:
        return Money.of((await self._balances(info)).rebate_credit, get_settings().currency)

    @strawberry.field(description="Points (积分), whole numbers.")
    async def points(self, info: Info) -> int:
        return (await self._balances(info)).points

    @strawberry.field(description="Your unexpired points by the moment they expire, soonest first: the first "
                      f"{lots.MAX_EXPIRY_DATES} moments. They are spent earliest-expiring first.")
    async def points_expiring(self, info: Info) -> list[PointsExpiry]:
        due_dates = await info.context.loader(PointsExpiringByCustomerIdLoader).load(self._customer_id)
        return [PointsExpiry(points=due.points, expires_at=due.expires_at) for due in due_dates]

    @strawberry.field(description="Your vouchers, optionally of one status (as it reads now: an available one past "
                      "its validity is EXPIRED), newest first; at most 100.")
    async def vouchers(self, info: Info, status: VoucherStatus | None = None) -> list[Voucher]:
        wanted = vouchers.VoucherStatus(status.value) if status is not None else None
        rows = await info.context.loader(VouchersByCustomerLoader).load((self._customer_id, wanted))
        return [Voucher.from_row(row) for row in rows]

    @strawberry.field(description="The statement: every posting on your accounts, newest first.")
    async def entries(
        self, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Connection[WalletEntryType]:
        return await connection(statements.statement(self._customer_id), first=first, after=after, last=last,
                                before=before, to_node=WalletEntryType.from_line)


@strawberry.type(description="The whole ledger checked: every entry balances per unit, every cached balance equals "
                 "the sum of its postings, no customer account is below zero, each customer's points lots hold their points.")
class LedgerCheck:
    ok: bool
    entries_checked: int
    accounts_checked: int
    problems: list[str] = strawberry.field(description="What is wrong, in words; at most 100 per rule.")

    @classmethod
    def from_report(cls, report: verification.LedgerReport) -> LedgerCheck:
        return cls(ok=report.ok, entries_checked=report.entries_checked, accounts_checked=report.accounts_checked,
                   problems=list(report.problems))


@strawberry.type(description=(
    "One line of the trial balance: a system account (system:CODE), or all customers' accounts of one asset "
    "(customers:BALANCE, …). Amounts in the asset's unit; a positive balance is owed to customers (credit). Within "
    "an asset the balances sum to zero."
))
class TrialBalanceLine:
    account: str
    asset: str = strawberry.field(description="The unit: the shop's currency code (e.g. CNY), or POINTS.")
    debit: Decimal  # type: ignore[valid-type]
    credit: Decimal  # type: ignore[valid-type]
    balance: Decimal  # type: ignore[valid-type]

    @classmethod
    def from_line(cls, line: reports.TrialBalanceLine) -> TrialBalanceLine:
        return cls(
            account=line.account, asset=get_settings().currency if line.unit is Unit.MONEY else "POINTS",
            debit=format_amount(line.debit, line.unit), credit=format_amount(line.credit, line.unit),
            balance=format_amount(line.balance, line.unit),
        )

