"""Vouchers (代金券): issued by staff, applied at checkout, single use (DESIGN §3.4, §3.5).

A voucher is a discount, not value the customer holds: it cannot be paid
out, topped up or moved, and refunds never turn it into money — the whole
voucher comes back (AVAILABLE) only when its order is cancelled or refunded
whole. So it is **not posted to the ledger**: the ledger records what the
mall owes customers and the money that moved, and a voucher moves neither;
the order (``voucher_discount_minor``) and its lines (``voucher_minor``)
record what it took off, and rebates never count it (the lines' rebate
basis leaves it out). Booking it as promotion expense is the accounting
system's job, from those order columns.

Its life, each step one conditional UPDATE (so one order alone can win it,
on any database):

    AVAILABLE ──reserve(order)──▶ RESERVED ──consume (paid)──▶ USED
        ▲                            │                          │
        └──── release (cancel, expiry)┘     restore (cancelled or refunded whole)
        │
        └──revoke (a refund claws back the rebate that issued it)──▶ REVOKED

An AVAILABLE voucher past ``valid_until`` reads as EXPIRED; nothing needs to
rewrite it.
"""

from __future__ import annotations

import datetime as dt
import enum
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from mall.accounts import acting, customers
from mall.audit import services as audit
from mall.core import text
from mall.core.actors import Actor, Permission
from mall.core.clock import clock
from mall.core.errors import DomainError, ErrorCode, InvalidInput, Problem
from mall.core.money import MoneyFormatError, decimal_to_minor, minor_to_decimal
from mall.infra.transactions import transaction
from mall.wallet.models import Voucher  # re-exported: only the wallet imports its models

MAX_VALID_DAYS = 3650
MAX_SCOPE_IDS = 100
MAX_LISTED = 100  # vouchers one wallet query shows, newest first
MAX_VALUE_MINOR = 10**10  # 100 million yuan
_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read out over the phone


class VoucherStatus(enum.StrEnum):
    AVAILABLE = "AVAILABLE"
    RESERVED = "RESERVED"
    USED = "USED"
    EXPIRED = "EXPIRED"
    REVOKED = "REVOKED"  # a rebate's voucher taken back by a refund (wallet.rebate_clawbacks)


class ScopeKind(enum.StrEnum):
    ALL = "ALL"
    PRODUCTS = "PRODUCTS"
    CATEGORIES = "CATEGORIES"


class VoucherUnavailable(DomainError):
    """Reserved by another order, used, or not valid yet."""

    code = ErrorCode.VOUCHER_UNAVAILABLE


class VoucherExpired(DomainError):
    code = ErrorCode.VOUCHER_EXPIRED


class VoucherNotApplicable(DomainError):
    """Nothing in the order is in its scope, or what is falls short of its minimum spend."""

    code = ErrorCode.VOUCHER_NOT_APPLICABLE


@dataclass(frozen=True, slots=True)
class GoodsLine:
    """What a voucher looks at of an order line: what it is, where it is filed, and its total (fen)."""

    product_id: int
    category_id: int | None
    total_minor: int


def in_scope(voucher: Voucher, line: GoodsLine) -> bool:
    kind = ScopeKind(voucher.scope_kind)
    if kind is ScopeKind.ALL:
        return True
    if kind is ScopeKind.PRODUCTS:
        return line.product_id in voucher.scope_ids
    return line.category_id is not None and line.category_id in voucher.scope_ids


def effective_status(voucher: Voucher, now: dt.datetime) -> VoucherStatus:
    if voucher.status == VoucherStatus.AVAILABLE and voucher.valid_until <= now:
        return VoucherStatus.EXPIRED
    return VoucherStatus(voucher.status)


def problem_with(voucher: Voucher, lines: Sequence[GoodsLine], now: dt.datetime) -> DomainError | None:
    """Why ``voucher`` cannot pay towards ``lines`` now, or ``None`` if it can."""
    status = effective_status(voucher, now)
    if status is VoucherStatus.EXPIRED:
        return VoucherExpired(f"Voucher {voucher.code} has expired.")
    if status is not VoucherStatus.AVAILABLE or voucher.valid_from > now:
        return VoucherUnavailable(f"Voucher {voucher.code} cannot be used now.")
    covered = sum(line.total_minor for line in lines if in_scope(voucher, line))
    if covered == 0:
        return VoucherNotApplicable(f"Nothing in this order is covered by voucher {voucher.code}.")
    if covered < voucher.min_spend_minor:
        return VoucherNotApplicable(
            f"Voucher {voucher.code} needs {minor_to_decimal(voucher.min_spend_minor)} of goods it covers.")
    return None


async def owned(customer_id: int, voucher_ids: Sequence[int]) -> dict[int, Voucher]:
    """The customer's own vouchers among ``voucher_ids`` (anyone else's are simply not found)."""
    return {v.id: v for v in await Voucher.filter(id__in=list(voucher_ids), customer_id=customer_id)}


async def applicable(customer_id: int, lines: Sequence[GoodsLine]) -> list[Voucher]:
    """The customer's vouchers that could pay towards ``lines`` now, most valuable first (at most ``MAX_LISTED``)."""
    now = clock.now()
    found = await Voucher.filter(customer_id=customer_id, status=VoucherStatus.AVAILABLE, valid_from__lte=now,
                                 valid_until__gt=now).order_by("-value_minor", "id").limit(MAX_LISTED)
    return [voucher for voucher in found if problem_with(voucher, lines, now) is None]


async def listed_for(customer_ids: Iterable[int], status: VoucherStatus | None) -> dict[int, list[Voucher]]:
    """Each customer's vouchers (of ``status`` as it reads now), newest first, at most ``MAX_LISTED``, in two statements however many (a staff list of customers reads them
    together): the ids, newest first per customer, then the first ``MAX_LISTED`` rows of each."""
    ids = list(customer_ids)
    now = clock.now()
    query = Voucher.filter(customer_id__in=ids)
    if status is VoucherStatus.AVAILABLE:
        query = query.filter(status=VoucherStatus.AVAILABLE, valid_until__gt=now)
    elif status is VoucherStatus.EXPIRED:
        query = query.filter(status=VoucherStatus.AVAILABLE, valid_until__lte=now)
    elif status is not None:
        query = query.filter(status=status)
    kept: dict[int, list[int]] = {customer_id: [] for customer_id in ids}
    for customer_id, voucher_id in await query.order_by("customer_id", "-id").values_list("customer_id", "id"):
        if len(kept[customer_id]) < MAX_LISTED:
            kept[customer_id].append(voucher_id)
    wanted = [voucher_id for voucher_ids in kept.values() for voucher_id in voucher_ids]
    rows = {row.id: row for row in await Voucher.filter(id__in=wanted)} if wanted else {}
    return {customer_id: [rows[voucher_id] for voucher_id in voucher_ids] for customer_id, voucher_ids in kept.items()}


async def reserve(voucher: Voucher, *, order_id: int, now: dt.datetime) -> None:
    """Hold the voucher for the order: one conditional UPDATE, so of two orders racing for it one wins."""
    won = await Voucher.filter(id=voucher.id, customer_id=voucher.customer_id, status=VoucherStatus.AVAILABLE,
                               valid_from__lte=now, valid_until__gt=now).update(
        status=VoucherStatus.RESERVED, order_id=order_id, updated_at=now)
    if not won:
        raise VoucherUnavailable(f"Voucher {voucher.code} was just used by another order.", field="voucherIds")


async def consume(order_id: int) -> None:
    """The order was paid: its vouchers are used."""
    await Voucher.filter(order_id=order_id, status=VoucherStatus.RESERVED).update(
        status=VoucherStatus.USED, updated_at=clock.now())


async def release(order_id: int) -> None:
    """The unpaid order was cancelled or expired: its vouchers are available again."""
    await Voucher.filter(order_id=order_id, status=VoucherStatus.RESERVED).update(
        status=VoucherStatus.AVAILABLE, order_id=None, updated_at=clock.now())


async def restore(order_id: int) -> None:
    """The paid order was cancelled or refunded whole: its vouchers are available again (if still valid)."""
    await Voucher.filter(order_id=order_id, status=VoucherStatus.USED).update(
        status=VoucherStatus.AVAILABLE, order_id=None, updated_at=clock.now())


@dataclass(frozen=True, slots=True)
class VoucherTerms:
    customer_id: int
    value: Decimal
    min_spend: Decimal
    valid_days: int
    scope_kind: ScopeKind
    scope_ids: tuple[int, ...]
    reason: str


async def issue(actor: Actor, terms: VoucherTerms) -> Voucher:
    """``voucherIssue`` (MANAGE_FINANCE): a voucher for a customer, valid from now for ``valid_days``; audited."""
    actor.require(Permission.MANAGE_FINANCE)
    value, min_spend, reason = _check(terms)
    async with transaction():
        staff = await acting.require(actor, Permission.MANAGE_FINANCE)
        await customers.require_customer(terms.customer_id)
        now = clock.now()
        scope_ids = sorted(set(terms.scope_ids))
        record = await audit.record(staff, action="voucher.issue", target=f"User:{terms.customer_id}", reason=reason,
                                    new={"value": str(minor_to_decimal(value)),
                                         "minSpend": str(minor_to_decimal(min_spend)),
                                         "validDays": terms.valid_days, "scope": terms.scope_kind.value,
                                         "ids": scope_ids})
        return await Voucher.create(
            code=new_code(), customer_id=terms.customer_id, value_minor=value, min_spend_minor=min_spend,
            valid_from=now, valid_until=now + dt.timedelta(days=terms.valid_days), scope_kind=terms.scope_kind.value,
            scope_ids=scope_ids, status=VoucherStatus.AVAILABLE, issued_by_record_id=record.id,
            created_at=now, updated_at=now,
        )


def _check(terms: VoucherTerms) -> tuple[int, int, str]:
    problems: list[Problem] = []
    value = min_spend = 0
    try:
        value = decimal_to_minor(terms.value)
        if not 0 < value <= MAX_VALUE_MINOR:
            problems.append(Problem(ErrorCode.INVALID, "A voucher is worth more than 0 and at most 100000000.00.",
                                    ("value",)))
    except MoneyFormatError as exc:
        problems.append(Problem(ErrorCode.INVALID, str(exc), ("value",)))
    try:
        min_spend = decimal_to_minor(terms.min_spend)
        if not 0 <= min_spend <= MAX_VALUE_MINOR:
            problems.append(Problem(ErrorCode.INVALID, "A minimum spend is between 0 and 100000000.00.",
                                    ("minSpend",)))
    except MoneyFormatError as exc:
        problems.append(Problem(ErrorCode.INVALID, str(exc), ("minSpend",)))
    if not 1 <= terms.valid_days <= MAX_VALID_DAYS:
        problems.append(Problem(ErrorCode.INVALID, f"A voucher is valid for 1 to {MAX_VALID_DAYS} days.",
                                ("validDays",)))
    if terms.scope_kind is ScopeKind.ALL and terms.scope_ids:
        problems.append(Problem(ErrorCode.INVALID, "A voucher for everything lists no ids.", ("scope", "ids")))
    elif terms.scope_kind is not ScopeKind.ALL and not 1 <= len(terms.scope_ids) <= MAX_SCOPE_IDS:
        problems.append(Problem(ErrorCode.INVALID, f"List 1 to {MAX_SCOPE_IDS} ids.", ("scope", "ids")))
    reason = terms.reason
    try:
        reason = text.clean(terms.reason, field="reason", max_length=200, required=True)
    except InvalidInput as exc:
        problems.extend(exc.problems)
    if problems:
        raise InvalidInput(problems)
    return value, min_spend, reason


def new_code() -> str:
    """A fresh voucher code (16 characters that cannot be misread)."""
    return "".join(secrets.choice(_CODE_ALPHABET) for _ in range(16))
