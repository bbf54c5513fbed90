"""Payment attempts of an order: the rows of the ``payments`` table and every change they go through.

    PENDING ──provider callback: paid, order was awaiting payment──▶ SUCCEEDED
       │  │ ──paid, but the order is cancelled or paid already──▶ REFUND_PENDING ──refund confirmed──▶ REFUNDED
       │  └─ the payer's payment failed ──▶ FAILED
       └─ superseded by a newer orderPay, or expired unpaid (reconciliation) ──▶ CLOSED

A CLOSED attempt can still be paid at the provider (the payer was already
on the cashier page): its money then settles like a PENDING one's, paying
the order if it still awaits payment and refunded otherwise. Every change is
a conditional UPDATE ``… WHERE status IN (…)``, so of two racing callbacks
one alone changes the row; the loser sees 0 rows and does nothing.

An order has at most ``MALL_ORDER_PAY_ATTEMPTS_MAX`` attempts. While the
provider is being asked to open an attempt (``opening``: PENDING, no client
parameters yet, untouched since it was created, created within
``OPENING_FOR``) orderPay answers that attempt instead of opening another,
so a double click never makes two payments at the provider. The call ends
with client parameters stored, the attempt FAILED, or — no answer — the row
touched (``unanswered``), after which a new orderPay may supersede it. A
process that died mid-call holds the slot for ``OPENING_FOR`` at most.
"""

from __future__ import annotations

import datetime as dt
import enum
import secrets
from typing import Any

from mall.core.clock import clock
from mall.orders.errors import TooManyPaymentAttempts
from mall.orders.models import Order, Payment

TRADE_PREFIX = "P"
REFUND_PREFIX = "R"
# Longer than any provider's create call can take (their HTTP timeouts are seconds): an attempt
# this old without an answer was abandoned by a process that died, and may be superseded.
OPENING_FOR = dt.timedelta(minutes=1)


class AttemptStatus(enum.StrEnum):
    PENDING = "PENDING"
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"
    CLOSED = "CLOSED"
    REFUND_PENDING = "REFUND_PENDING"
    REFUNDED = "REFUNDED"


# What money arriving for an attempt may settle: a closed attempt can still be paid at the provider,
# and a provider may report success after it reported a failure. Money that arrives is never
# dropped: it pays the order if the order still awaits payment, or goes back (REFUND_PENDING).
PAYABLE = (AttemptStatus.PENDING, AttemptStatus.CLOSED, AttemptStatus.FAILED)


def new_trade_number(now: dt.datetime) -> str:
    """Ours at the provider: P, the UTC time to the second and 12 random hex digits (27 characters)."""
    return f"{TRADE_PREFIX}{now.astimezone(dt.UTC):%Y%m%d%H%M%S}{secrets.token_hex(6)}"


def refund_number(trade_number: str) -> str:
    """The refund of a whole attempt: one per attempt, so asking again is the same refund at the provider."""
    return REFUND_PREFIX + trade_number[len(TRADE_PREFIX):]


def opening(payment: Payment, now: dt.datetime) -> bool:
    """Whether the provider is being asked to open ``payment`` right now (see the module docstring).

    "Untouched since it was created" is what tells a call in flight from one
    that ended without an answer: every end of the call writes the row.
    """
    return (
        payment.status == AttemptStatus.PENDING and payment.client_params is None
        and payment.updated_at == payment.created_at and payment.created_at > now - OPENING_FOR
    )


async def being_opened(order: Order, now: dt.datetime) -> Payment | None:
    """The order's attempt the provider is being asked to open right now, if any."""
    candidates = await Payment.filter(order_id=order.id, status=AttemptStatus.PENDING, created_at__gt=now - OPENING_FOR)
    return next((payment for payment in candidates if opening(payment, now)), None)


async def unanswered(payment_id: int) -> None:
    """The provider call for a PENDING attempt ended without an answer: it is no longer being opened.

    The attempt stays PENDING: a retry with the same idempotency key asks the
    provider again for the same trade number.
    """
    await Payment.filter(id=payment_id, status=AttemptStatus.PENDING, client_params=None).update(
        updated_at=clock.now()
    )


async def open_attempt(order: Order, *, provider: str, channel: str, most: int) -> tuple[Payment, list[str]]:
    """A new PENDING attempt for what the order owes externally, and the trade numbers it supersedes.

    Older PENDING attempts of the order become CLOSED: one attempt is live
    at a time. An order that already had ``most`` attempts gets no more
    (PAYMENT_ATTEMPTS_EXCEEDED). Call inside the transaction that locked the
    order; the caller closes the superseded ones at the provider after the commit.
    """
    made = await Payment.filter(order_id=order.id).count()
    if made >= most:
        raise TooManyPaymentAttempts(
            f"This order has had {made} payment attempts, the most allowed: cancel it and order again."
        )
    now = clock.now()
    older = await Payment.filter(order_id=order.id, status=AttemptStatus.PENDING).values_list("id", "trade_number")
    for payment_id, _ in older:
        await move(payment_id, (AttemptStatus.PENDING,), AttemptStatus.CLOSED)
    payment = await Payment.create(
        order_id=order.id, provider=provider, channel=channel, trade_number=new_trade_number(now),
        amount_minor=order.external_due_minor, currency=order.currency, status=AttemptStatus.PENDING,
        expires_at=order.expires_at, created_at=now, updated_at=now,
    )
    return payment, [trade_number for _, trade_number in older]


async def store_client_params(payment_id: int, params: dict[str, Any]) -> None:
    """What the provider gave the frontend; only on a PENDING attempt that has none yet."""
    await Payment.filter(id=payment_id, status=AttemptStatus.PENDING, client_params=None).update(
        client_params=params, updated_at=clock.now()
    )


async def move(payment_id: int, source: tuple[AttemptStatus, ...], target: AttemptStatus, **changes: Any) -> bool:
    """Move an attempt from one of ``source`` to ``target``; whether this caller made the move."""
    changed = await Payment.filter(id=payment_id, status__in=list(source)).update(
        status=target, updated_at=clock.now(), **changes
    )
    return changed == 1


async def by_trade_number(trade_number: str) -> Payment | None:
    return await Payment.get_or_none(trade_number=trade_number)


async def get(payment_id: int) -> Payment | None:
    return await Payment.get_or_none(id=payment_id)


async def stuck(now: dt.datetime, *, limit: int) -> list[Payment]:
    """PENDING attempts past their expiry, oldest first."""
    return await Payment.filter(status=AttemptStatus.PENDING, expires_at__lte=now).order_by("id").limit(limit)


async def refunds_pending(*, limit: int) -> list[Payment]:
    """Attempts whose refund is asked for but not yet confirmed, oldest first."""
    return await Payment.filter(status=AttemptStatus.REFUND_PENDING).order_by("id").limit(limit)


async def order_of(payment: Payment) -> Order:
    return await Order.get(id=payment.order_id)
