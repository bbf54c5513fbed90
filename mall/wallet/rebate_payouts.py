"""Rebate installments paid to customers (DESIGN §3.6): the wallet side of a release.

One payout per released installment, idempotent under the installment's id
(``rebate-installment:<id>``), so a release retried after a crash pays once:

- ``REBATE_CREDIT``: one ledger entry REBATE_EXPENSE → the customer's
  REBATE_CREDIT (money, in fen);
- ``POINTS``: one ledger entry POINTS_ISSUED → the customer's POINTS, and a
  new points lot (``points.credit``), ``points`` whole points;
- ``VOUCHER``: a voucher issued by the system, worth the amount, with the
  rule's minimum spend and validity, for everything (scope ALL: DESIGN gives
  rebate vouchers no scope of their own); ``vouchers.rebate_installment_id``
  is UNIQUE, so a retry finds the voucher instead of making another. Like
  every voucher it is not posted to the ledger (``vouchers``).

``pay_many`` pays a batch in the caller's transaction with a bounded number
of statements (``ledger.post_many``, lots and vouchers in bulk), taking the
locks in the global order: customers' POINTS accounts (by id), then the
ledger accounts (customers, then system). The rebates domain decides what is
due and how much; this module only moves the value.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass

from mall.core.actors import Actor
from mall.core.clock import clock
from mall.infra.transactions import transaction
from mall.wallet import ledger, points
from mall.wallet.chart import AccountRef, Asset, SystemCode
from mall.wallet.journal import Cause, transfer
from mall.wallet.models import Voucher
from mall.wallet.vouchers import ScopeKind, VoucherStatus, new_code

DEFAULT_VOUCHER_VALID_DAYS = 30  # a VOUCHER rule always names its validity; this only guards an old snapshot


class Form(enum.StrEnum):
    """How a rebate pays (the rebates domain's ``PayoutForm``, by value)."""

    POINTS = "POINTS"
    VOUCHER = "VOUCHER"
    REBATE_CREDIT = "REBATE_CREDIT"


@dataclass(frozen=True, slots=True)
class Payout:
    """One installment to pay: ``amount_minor`` of value (fen), for POINTS also ``points`` (whole points)."""

    installment_id: int
    customer_id: int
    form: Form
    amount_minor: int
    points: int = 0
    voucher_min_spend_minor: int = 0
    voucher_valid_days: int | None = None
    memo: str = "Rebate released"


@dataclass(frozen=True, slots=True)
class Paid:
    """What paid an installment: the ledger entry (credit, points) or the voucher."""

    installment_id: int
    entry_id: int | None = None
    voucher_id: int | None = None


def key(installment_id: int) -> str:
    """The idempotency key of an installment's ledger entry."""
    return f"rebate-installment:{installment_id}"


_POINTS_ISSUED = AccountRef.system(SystemCode.POINTS_ISSUED)
_REBATE_EXPENSE = AccountRef.system(SystemCode.REBATE_EXPENSE)


def _entry(payout: Payout) -> ledger.Entry:
    if payout.form is Form.POINTS:
        legs = transfer(_POINTS_ISSUED, AccountRef.customer(payout.customer_id, Asset.POINTS), payout.points)
    else:
        legs = transfer(_REBATE_EXPENSE, AccountRef.customer(payout.customer_id, Asset.REBATE_CREDIT),
                        payout.amount_minor)
    return ledger.Entry(key=key(payout.installment_id), cause=Cause.REBATE_RELEASE, cause_id=payout.installment_id,
                        legs=legs, memo=payout.memo)


def _check(payout: Payout) -> None:
    if payout.amount_minor <= 0 or (payout.form is Form.POINTS and payout.points <= 0):
        raise ValueError(f"installment {payout.installment_id}: a payout moves something")


async def pay_many(actor: Actor, payouts: Sequence[Payout]) -> dict[int, Paid]:
    """Pay each installment once, by installment id; a retry answers what the first call paid."""
    for payout in payouts:
        _check(payout)
    if len({p.installment_id for p in payouts}) != len(payouts):
        raise ValueError("an installment is paid once per batch")
    paid: dict[int, Paid] = {}
    async with transaction():
        posting = [p for p in payouts if p.form is not Form.VOUCHER]
        if posting:
            takers = sorted({p.customer_id for p in posting if p.form is Form.POINTS})
            await points.lock_many(takers)
            answers = await ledger.post_many([_entry(p) for p in posting], actor=actor)
            now = clock.now()
            await points.add_lots([
                points.NewLot(customer_id=p.customer_id, points=p.points, entry_id=answer.entry_id,
                              cause=Cause.REBATE_RELEASE, cause_id=p.installment_id)
                for p, answer in zip(posting, answers, strict=True) if p.form is Form.POINTS and answer.created
            ], now=now)
            paid.update({p.installment_id: Paid(p.installment_id, entry_id=answer.entry_id)
                         for p, answer in zip(posting, answers, strict=True)})
        issuing = [p for p in payouts if p.form is Form.VOUCHER]
        if issuing:
            paid.update(await _issue_vouchers(issuing))
    return paid


async def _issue_vouchers(payouts: Sequence[Payout]) -> dict[int, Paid]:
    ids = [p.installment_id for p in payouts]
    found = dict(await Voucher.filter(rebate_installment_id__in=ids).values_list("rebate_installment_id", "id"))
    now = clock.now()
    fresh = [
        Voucher(code=new_code(), customer_id=p.customer_id, value_minor=p.amount_minor,
                min_spend_minor=p.voucher_min_spend_minor, valid_from=now,
                valid_until=now + dt.timedelta(days=p.voucher_valid_days or DEFAULT_VOUCHER_VALID_DAYS),
                scope_kind=ScopeKind.ALL.value, scope_ids=[], status=VoucherStatus.AVAILABLE.value,
                rebate_installment_id=p.installment_id, created_at=now, updated_at=now)
        for p in payouts if p.installment_id not in found
    ]
    if fresh:
        # The rebate's row lock (the caller's) keeps two releases of an installment apart; the UNIQUE column stands
        # behind it.
        await Voucher.bulk_create(fresh)
        found.update(await Voucher.filter(rebate_installment_id__in=[v.rebate_installment_id for v in fresh])
                     .values_list("rebate_installment_id", "id"))
    return {installment_id: Paid(installment_id, voucher_id=found[installment_id]) for installment_id in ids}
