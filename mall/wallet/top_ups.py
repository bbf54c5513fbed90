"""Top-ups (充值) in the wallet: the attempt recorded, and money paid in credited to BALANCE once (DESIGN §3.5).

``flows/topping_up.py`` opens the payment at the provider between ``open``
and ``store_client_params``; ``flows/settlement.py`` hands a verified notice
whose trade number is a top-up's to ``settle_paid`` or
``settle_other_money``. The status moves only by conditional updates, so of
twenty identical callbacks one alone credits: PAYMENT_CLEARING → BALANCE,
cause TOP_UP, key ``topUp:<id>``.

    PENDING ──paid──▶ SUCCEEDED
       │ └─ another amount or currency paid ──▶ REFUND_PENDING ──refund confirmed──▶ REFUNDED
       ├─ the payer's payment failed ──▶ FAILED
       └─ unpaid past its expiry (reconciliation, closed at the provider first) ──▶ CLOSED

Money that still arrives for a FAILED or CLOSED top-up is credited (``PAYABLE``).
While the provider is being asked to open a top-up (``opening``: PENDING,
no client parameters, untouched since it was created, created within
``OPENING_FOR``) a replay of walletTopUp answers it as it stands instead of
asking again, as orderPay does for payment attempts: one payment at the
provider however many replays race. The call ends with client parameters
stored, the top-up FAILED, or — no answer — the row touched (``unanswered``).
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from mall.accounts import customers
from mall.core.actors import Actor
from mall.core.clock import clock
from mall.core.errors import DomainError, ErrorCode
from mall.infra.idempotency import IdempotencyMismatch
from mall.infra.transactions import transaction
from mall.settings import get_settings
from mall.wallet import ledger
from mall.wallet.chart import AccountRef, Asset, SystemCode
from mall.wallet.journal import Cause, transfer
from mall.wallet.models import TopUp

__all__ = ["TRADE_PREFIX", "TopUp", "by_trade_number", "get", "move", "open_top_up", "opening", "refund_number",
           "refunds_pending", "settle_other_money", "settle_paid", "store_client_params", "stuck", "unanswered"]

TRADE_PREFIX = "T"
REFUND_PREFIX = "V"
PENDING, SUCCEEDED, FAILED, CLOSED, REFUND_PENDING = "PENDING", "SUCCEEDED", "FAILED", "CLOSED", "REFUND_PENDING"
REFUNDED = "REFUNDED"
# Longer than any provider's create call takes: a top-up this old without an answer was left by a process
# that died mid-call, and a replay may ask again.
OPENING_FOR = dt.timedelta(minutes=1)
# A notice of money can still arrive for an attempt the payer abandoned or that failed once: it is credited.
PAYABLE = (PENDING, FAILED, CLOSED)


def is_top_up(trade_number: str) -> bool:
    return trade_number.startswith(TRADE_PREFIX)


def refund_number(trade_number: str) -> str:
    """The refund of a whole top-up: one per top-up, so asking again is the same refund at the provider."""
    return REFUND_PREFIX + trade_number[len(TRADE_PREFIX):]


def opening(row: TopUp, now: dt.datetime) -> bool:
    """Whether the provider is being asked to open ``row`` right now (see the module docstring)."""
    return (row.status == PENDING and row.client_params is None and row.updated_at == row.created_at
            and row.created_at > now - OPENING_FOR)


async def unanswered(top_up_id: int) -> None:
    """The provider call for a PENDING top-up ended without an answer: no longer being opened."""
    await TopUp.filter(id=top_up_id, status=PENDING, client_params=None).update(updated_at=clock.now())


def _trade_number(now: dt.datetime) -> str:
    return f"{TRADE_PREFIX}{now.astimezone(dt.UTC):%Y%m%d%H%M%S}{secrets.token_hex(6)}"


async def open_top_up(actor: Actor, *, amount: int, provider: str, channel: str, request_key: str,
                      fingerprint: str, lifetime: dt.timedelta) -> tuple[TopUp, bool]:
    """A PENDING top-up (and True), or the one already made under the request key (and False)."""
    customer_id = actor.require_user()
    settings = get_settings()
    now = clock.now()
    async with transaction():
        await customers.lock_customer(customer_id)
        earlier = await TopUp.get_or_none(customer_id=customer_id, request_key=request_key)
        if earlier is not None:
            if earlier.request_fingerprint != fingerprint:
                raise IdempotencyMismatch("This idempotency key was used with a different request.",
                                          field="idempotencyKey")
            return earlier, False
        waiting = await TopUp.filter(customer_id=customer_id, status=PENDING, expires_at__gt=now).count()
        if waiting >= settings.top_up_pending_max:
            raise DomainError(f"You have {waiting} top-ups waiting to be paid; pay or let one expire first.",
                              code=ErrorCode.LIMIT_EXCEEDED)
        row = await TopUp.create(
            customer_id=customer_id, provider=provider, channel=channel, trade_number=_trade_number(now),
            amount_minor=amount, currency=settings.currency, status=PENDING, request_key=request_key,
            request_fingerprint=fingerprint, expires_at=now + lifetime, created_at=now, updated_at=now,
        )
        return row, True


async def store_client_params(top_up_id: int, params: dict[str, Any]) -> None:
    """What the provider gave the frontend; only on a PENDING top-up that has none yet."""
    await TopUp.filter(id=top_up_id, status=PENDING, client_params=None).update(client_params=params,
                                                                               updated_at=clock.now())


async def move(top_up_id: int, source: tuple[str, ...], target: str, **changes: Any) -> bool:
    """``source`` → ``target`` by one conditional update; whether this call moved it."""
    moved = await TopUp.filter(id=top_up_id, status__in=list(source)).update(
        status=target, updated_at=clock.now(), **changes)
    return bool(moved)


async def settle_paid(top_up: TopUp, *, transaction_id: str) -> bool:
    """Credit the top-up's amount to the customer's BALANCE, once; whether this call did."""
    async with transaction():
        if not await move(top_up.id, PAYABLE, SUCCEEDED, provider_transaction_id=transaction_id):
            return False  # a duplicate callback
        await ledger.post(
            key=f"topUp:{top_up.id}", cause=Cause.TOP_UP, cause_id=top_up.id, actor=Actor.system(),
            legs=transfer(AccountRef.system(SystemCode.PAYMENT_CLEARING),
                          AccountRef.customer(top_up.customer_id, Asset.BALANCE), top_up.amount_minor),
            memo=f"Top-up through {top_up.provider}",
        )
        return True


async def settle_other_money(top_up: TopUp, *, transaction_id: str, amount: int, currency: str) -> bool:
    """Money of another amount or currency: recorded and to be sent back whole, nothing credited."""
    return await move(top_up.id, PAYABLE, REFUND_PENDING, provider_transaction_id=transaction_id,
                      amount_minor=amount, currency=currency)


async def stuck(now: dt.datetime, *, limit: int) -> list[TopUp]:
    """PENDING top-ups past their expiry, oldest first."""
    return await TopUp.filter(status=PENDING, expires_at__lte=now).order_by("id").limit(limit)


async def refunds_pending(*, limit: int) -> list[TopUp]:
    """Top-ups whose refund is asked for but not yet confirmed, oldest first."""
    return await TopUp.filter(status=REFUND_PENDING).order_by("id").limit(limit)


async def by_trade_number(trade_number: str) -> TopUp | None:
    return await TopUp.get_or_none(trade_number=trade_number)


async def get(top_up_id: int, *, customer_id: int | None = None) -> TopUp | None:
    query = TopUp.filter(id=top_up_id)
    if customer_id is not None:
        query = query.filter(customer_id=customer_id)
    return await query.first()
