"""Withdrawals (提现) in the ledger: the hold, the staff decisions, the payout's settlement (DESIGN §3.5).

Every step is one short transaction with the withdrawal's row locked and a
conditional status change; the provider's payout is asked for by
``flows/payouts.py`` between ``claim_payout`` and ``settle_payout``, outside
any transaction. The ledger entries (keys per withdrawal, so a step replayed
posts nothing new):

- create:   BALANCE (and REBATE_CREDIT, when withdrawable) → HELD       WITHDRAWAL_HOLD
- paid out: HELD → WITHDRAWALS_PAYABLE (payout) + WITHDRAWAL_FEES (fee), WITHDRAWAL_PAYOUT,
            then WITHDRAWALS_PAYABLE → PAYMENT_CLEARING: the money left through the provider
- rejected or failed: HELD → each account it came from                  WITHDRAWAL_RELEASE
- in progress at the provider (accepted, not final): nothing; the amount stays HELD and the
  withdrawal PAYING until the final answer posts one of the two above
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from mall.accounts import acting, customers
from mall.audit import services as audit
from mall.core.actors import Actor, Permission
from mall.core.clock import clock
from mall.core.errors import DomainError, ErrorCode, NotFound
from mall.core.paging import Ordering
from mall.infra.idempotency import IdempotencyMismatch
from mall.infra.pages import QuerySetSource
from mall.infra.transactions import transaction
from mall.settings import get_settings
from mall.wallet import ledger, statements, withdrawal_rules
from mall.wallet.chart import AccountRef, Asset, SystemCode, Unit, format_amount
from mall.wallet.errors import WithdrawalStateInvalid
from mall.wallet.journal import Cause, Leg, transfer
from mall.wallet.models import Withdrawal

__all__ = ["Withdrawal", "WithdrawalAsk", "approve", "claim_payout", "create", "every", "get", "own", "paying_since",
           "reject", "require", "settle_payout", "settle_payout_once",
           "unclaim_payout"]
from mall.wallet.withdrawal_rules import OPEN, WithdrawalStatus

_NEWEST_FIRST = Ordering.of(("-id", int))


@dataclass(frozen=True, slots=True)
class WithdrawalAsk:
    """A checked withdrawal request: amounts in fen, the provider's name and who is paid."""

    amount: int
    fee: int
    provider: str
    payee: str
    request_key: str
    fingerprint: str


async def create(actor: Actor, ask: WithdrawalAsk) -> Withdrawal:
    """Record the withdrawal and hold its amount, in one transaction; the row already made under the key if any."""
    customer_id = actor.require_user()
    settings = get_settings()
    async with transaction():
        # One request of this customer at a time counts their open withdrawals and splits their balances.
        await customers.lock_customer(customer_id)
        earlier = await Withdrawal.get_or_none(customer_id=customer_id, request_key=ask.request_key)
        if earlier is not None:  # a retry after the request's idempotency record expired
            if earlier.request_fingerprint != ask.fingerprint:
                raise IdempotencyMismatch("This idempotency key was used with a different request.",
                                          field="idempotencyKey")
            return earlier
        if await Withdrawal.filter(customer_id=customer_id, status__in=[s.value for s in OPEN]).count() >= \
                settings.withdrawal_open_max:
            raise DomainError(
                f"You have {settings.withdrawal_open_max} withdrawals waiting already; wait for one to finish.",
                code=ErrorCode.LIMIT_EXCEEDED)
        held = (await statements.balances([customer_id]))[customer_id]
        parts = withdrawal_rules.split(ask.amount, balance=held.balance, rebate_credit=held.rebate_credit,
                                       credit_withdrawable=settings.rebate_credit_withdrawable)
        withdrawal = await Withdrawal.create(
            customer_id=customer_id, status=WithdrawalStatus.REQUESTED.value, amount_minor=ask.amount,
            fee_minor=ask.fee, payout_minor=ask.amount - ask.fee, from_balance_minor=parts.balance,
            from_rebate_credit_minor=parts.rebate_credit, provider=ask.provider, payee=ask.payee,
            request_key=ask.request_key, request_fingerprint=ask.fingerprint,
            payout_no="WD" + secrets.token_hex(12), created_at=clock.now(),
        )
        legs = [Leg(AccountRef.customer(customer_id, Asset.HELD), ask.amount)]
        legs += [Leg(ref, -amount) for ref, amount in _sources(withdrawal) if amount]
        await ledger.post(key=f"withdrawal:{withdrawal.id}:hold", cause=Cause.WITHDRAWAL_HOLD,
                          cause_id=withdrawal.id, legs=legs, actor=actor, memo="Withdrawal requested")
        return withdrawal


def _sources(withdrawal: Withdrawal) -> tuple[tuple[AccountRef, int], ...]:
    customer_id = withdrawal.customer_id
    return ((AccountRef.customer(customer_id, Asset.BALANCE), withdrawal.from_balance_minor),
            (AccountRef.customer(customer_id, Asset.REBATE_CREDIT), withdrawal.from_rebate_credit_minor))


async def _locked(withdrawal_id: int) -> Withdrawal:
    row = await Withdrawal.filter(id=withdrawal_id).select_for_update().first()
    if row is None:
        raise NotFound("No such withdrawal.", field="withdrawalId")
    return row


_APPROVED_BEFORE = frozenset({WithdrawalStatus.APPROVED, WithdrawalStatus.PAYING, WithdrawalStatus.PAID_OUT,
                              WithdrawalStatus.FAILED})


async def approve(actor: Actor, *, withdrawal_id: int, note: str) -> Withdrawal:
    """REQUESTED → APPROVED (audited); one approved before (APPROVED, PAYING, PAID_OUT, or FAILED with
    its hold given back) is answered as it stands: approving twice never pays or fails twice."""
    actor.require(Permission.MANAGE_FINANCE)
    async with transaction():
        staff = await acting.require(actor, Permission.MANAGE_FINANCE)
        row = await _locked(withdrawal_id)
        if row.status in _APPROVED_BEFORE:
            return row
        if row.status != WithdrawalStatus.REQUESTED:
            raise WithdrawalStateInvalid(f"This withdrawal is {row.status}; only a REQUESTED one can be approved.")
        await _decide(staff, row, WithdrawalStatus.APPROVED, note)
        return row


async def reject(actor: Actor, *, withdrawal_id: int, note: str) -> Withdrawal:
    """REQUESTED → REJECTED with the hold released (audited); a REJECTED one is answered as it stands."""
    actor.require(Permission.MANAGE_FINANCE)
    async with transaction():
        staff = await acting.require(actor, Permission.MANAGE_FINANCE)
        row = await _locked(withdrawal_id)
        if row.status == WithdrawalStatus.REJECTED:
            return row
        if row.status != WithdrawalStatus.REQUESTED:
            raise WithdrawalStateInvalid(f"This withdrawal is {row.status}; only a REQUESTED one can be rejected.")
        await _decide(staff, row, WithdrawalStatus.REJECTED, note)
        await _release(staff, row, memo="Withdrawal rejected")
        return row


async def _decide(actor: Actor, row: Withdrawal, status: WithdrawalStatus, note: str) -> None:
    now = clock.now()
    await Withdrawal.filter(id=row.id).update(status=status.value, note=note, decided_by_id=actor.user_id,
                                              decided_at=now)
    await audit.record(actor, action=f"withdrawal.{status.value.lower()}", target=f"Withdrawal:{row.id}",
                       old={"status": row.status}, new={"status": status.value}, reason=note)
    row.status, row.note, row.decided_by_id, row.decided_at = status.value, note, actor.user_id, now


async def claim_payout(withdrawal_id: int) -> Withdrawal | None:
    """APPROVED → PAYING: the row if this caller may now ask the provider; ``None`` if another caller has."""
    async with transaction():
        claimed = await Withdrawal.filter(id=withdrawal_id, status=WithdrawalStatus.APPROVED.value).update(
            status=WithdrawalStatus.PAYING.value)
        return await Withdrawal.get(id=withdrawal_id) if claimed else None


async def unclaim_payout(withdrawal_id: int) -> Withdrawal:
    """PAYING → APPROVED: the provider could not be asked (unreachable); approving again retries the same payout_no."""
    async with transaction():
        await Withdrawal.filter(id=withdrawal_id, status=WithdrawalStatus.PAYING.value).update(
            status=WithdrawalStatus.APPROVED.value)
        return await Withdrawal.get(id=withdrawal_id)


async def settle_payout(actor: Actor, *, withdrawal_id: int, paid: bool | None, payout_id: str | None = None,
                        failure: str = "") -> Withdrawal:
    """What the provider answered: paid (PAID_OUT, posted), failed (FAILED, hold released) or in progress
    (``None``: still PAYING, nothing posted; the final answer settles it, see ``flows/payouts.settle_paying``)."""
    row, _ = await settle_payout_once(actor, withdrawal_id=withdrawal_id, paid=paid, payout_id=payout_id,
                                      failure=failure)
    return row


async def settle_payout_once(actor: Actor, *, withdrawal_id: int, paid: bool | None, payout_id: str | None = None,
                             failure: str = "") -> tuple[Withdrawal, bool]:
    """``settle_payout``, and whether this call settled it (False: settled before, or still in progress)."""
    async with transaction():
        row = await _locked(withdrawal_id)
        if row.status != WithdrawalStatus.PAYING:
            return row, False  # settled already
        if paid is None:  # accepted, not final: nothing posted, the amount stays HELD until the final answer
            await Withdrawal.filter(id=row.id).update(payout_id=payout_id or row.payout_id)
        elif paid:
            await Withdrawal.filter(id=row.id).update(status=WithdrawalStatus.PAID_OUT.value,
                                                      payout_id=payout_id or row.payout_id, settled_at=clock.now())
            await _post_payout(actor, row)
            payable = AccountRef.system(SystemCode.WITHDRAWALS_PAYABLE)
            await ledger.post(key=f"withdrawal:{row.id}:paid", cause=Cause.WITHDRAWAL_PAYOUT, cause_id=row.id,
                              legs=transfer(payable, AccountRef.system(SystemCode.PAYMENT_CLEARING), row.payout_minor),
                              actor=actor, memo="Paid out through the provider")
        else:
            await Withdrawal.filter(id=row.id).update(status=WithdrawalStatus.FAILED.value, failure=failure[:200],
                                                      settled_at=clock.now())
            await _release(actor, row, memo="Withdrawal failed; the amount is back in your wallet")
        return await Withdrawal.get(id=row.id), paid is not None


async def paying_since(before: dt.datetime, *, limit: int) -> list[Withdrawal]:
    """PAYING withdrawals approved at or before ``before``, oldest first: those whose payout awaits a final answer,
    or whose process died between the claim and the settlement."""
    return await Withdrawal.filter(status=WithdrawalStatus.PAYING.value, decided_at__lte=before).order_by(
        "id").limit(limit)


async def _post_payout(actor: Actor, row: Withdrawal) -> None:
    legs = [Leg(AccountRef.customer(row.customer_id, Asset.HELD), -row.amount_minor),
            Leg(AccountRef.system(SystemCode.WITHDRAWALS_PAYABLE), row.payout_minor)]
    if row.fee_minor:
        legs.append(Leg(AccountRef.system(SystemCode.WITHDRAWAL_FEES), row.fee_minor))
    await ledger.post(key=f"withdrawal:{row.id}:payout", cause=Cause.WITHDRAWAL_PAYOUT, cause_id=row.id, legs=legs,
                      actor=actor, memo=f"Withdrawal paid out (fee {format_amount(row.fee_minor, Unit.MONEY)})")


async def _release(actor: Actor, row: Withdrawal, *, memo: str) -> None:
    legs = [Leg(AccountRef.customer(row.customer_id, Asset.HELD), -row.amount_minor)]
    legs += [Leg(ref, amount) for ref, amount in _sources(row) if amount]
    await ledger.post(key=f"withdrawal:{row.id}:release", cause=Cause.WITHDRAWAL_RELEASE, cause_id=row.id,
                      legs=legs, actor=actor, memo=memo)


async def visible(actor: Actor, withdrawal_id: int) -> Withdrawal | None:
    """The withdrawal if ``actor`` may see it: its customer, or staff with MANAGE_FINANCE."""
    if actor.has(Permission.MANAGE_FINANCE):
        return await get(withdrawal_id)
    if actor.user_id is None:
        return None
    return await get(withdrawal_id, customer_id=actor.user_id)


async def get(withdrawal_id: int, *, customer_id: int | None = None) -> Withdrawal | None:
    """A withdrawal by id; only ``customer_id``'s when given."""
    query = Withdrawal.filter(id=withdrawal_id)
    if customer_id is not None:
        query = query.filter(customer_id=customer_id)
    return await query.first()


async def require(withdrawal_id: int) -> Withdrawal:
    return await Withdrawal.get(id=withdrawal_id)


def own(customer_id: int) -> QuerySetSource[Withdrawal]:
    """A customer's withdrawals, newest first."""
    return QuerySetSource(Withdrawal.filter(customer_id=customer_id), _NEWEST_FIRST)


def every(status: WithdrawalStatus | None = None) -> QuerySetSource[Withdrawal]:
    """Every withdrawal (of one status), newest first: the finance queue."""
    query = Withdrawal.all() if status is None else Withdrawal.filter(status=status.value)
    return QuerySetSource(query, _NEWEST_FIRST)
