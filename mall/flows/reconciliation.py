"""Reconciling payment attempts the callbacks left unsettled (a job; DESIGN §2, §3.7).

``reconcile_pending_payments(now)`` asks the provider about every attempt
still PENDING past its expiry — outside any transaction — and then settles
it through ``settlement.settle`` (paid: the same path a callback takes) or
closes it at the provider and here (not paid). Wallet top-ups go the same
way: one still PENDING past its expiry is asked about, credited once when
paid (the callback that never came), otherwise closed at the provider and
then CLOSED. It also asks again for the refunds still REFUND_PENDING (of
attempts and of top-ups) and the
refunds of flows/refunds still PENDING. Idempotent and safe with two workers: every
change is a conditional UPDATE that one caller alone wins, and the
provider's close and refund are idempotent by our numbers.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from mall.core.clock import clock
from mall.core.errors import SandboxDisabled
from mall.flows import refunds, settlement, topping_up
from mall.infra.transactions import transaction
from mall.orders import attempts
from mall.orders.attempts import AttemptStatus
from mall.orders.models import Payment
from mall.payments.errors import CallbackRejected, ProviderNotConfigured, ProviderRejected, ProviderUnavailable
from mall.payments.providers import provider
from mall.payments.providers.base import PaymentNotice, PaymentProvider, PaymentStatus, ProviderKind
from mall.wallet import top_ups
from mall.wallet.top_ups import TopUp

BATCH = 100  # attempts (and top-ups) per run and kind: a run stays short, the next one takes the rest

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Reconciled:
    """What one run did: attempts found paid, attempts closed, refunds asked for again."""

    settled: int = 0
    closed: int = 0
    refunds_asked: int = 0


async def reconcile_pending_payments(now: dt.datetime) -> Reconciled:
    """Settle or close the attempts and top-ups stuck PENDING past their expiry; ask again for pending refunds."""
    settled = closed = asked = 0
    stuck: list[Payment | TopUp] = [*await attempts.stuck(now, limit=BATCH), *await top_ups.stuck(now, limit=BATCH)]
    for row in stuck:
        gateway = _gateway(row)
        if gateway is None:
            continue
        outcome = await _reconcile(gateway, row)
        settled += outcome == "settled"
        closed += outcome == "closed"
    for payment in await attempts.refunds_pending(limit=BATCH):
        gateway = _gateway(payment)
        if gateway is not None:
            await settlement.ask_refund(gateway, payment)
            asked += 1
    for top_up in await top_ups.refunds_pending(limit=BATCH):
        gateway = _gateway(top_up)
        if gateway is not None:
            await topping_up.ask_refund(gateway, top_up)
            asked += 1
    asked += await refunds.retry_pending(limit=BATCH)
    return Reconciled(settled=settled, closed=closed, refunds_asked=asked)


def _gateway(payment: Payment | TopUp) -> PaymentProvider | None:
    try:
        return provider(ProviderKind(payment.provider))
    except (ProviderNotConfigured, SandboxDisabled):
        _log.warning("payment %s: provider %s is not set up here", payment.trade_number, payment.provider)
        return None


async def _reconcile(gateway: PaymentProvider, payment: Payment | TopUp) -> str:
    try:
        state = await gateway.query_payment(payment.trade_number)
        if state.status is PaymentStatus.SUCCESS:
            if state.transaction_id is None or state.amount_minor is None or state.currency is None:
                return "unknown"
            notice = PaymentNotice(
                trade_no=payment.trade_number, transaction_id=state.transaction_id, amount_minor=state.amount_minor,
                currency=state.currency, merchant_id=gateway.merchant_id, status=PaymentStatus.SUCCESS,
                paid_at=state.paid_at or clock.now(),
            )
            await settlement.settle(gateway, notice)
            return "settled"
        # Not paid: close it at the provider first, so it cannot be paid after we stop waiting.
        await gateway.close_payment(payment.trade_number)
    except (ProviderUnavailable, ProviderRejected, CallbackRejected) as exc:
        _log.warning("payment %s not reconciled yet: %s", payment.trade_number, exc.message)
        return "unknown"
    async with transaction():
        if isinstance(payment, TopUp):
            moved = await top_ups.move(payment.id, (top_ups.PENDING,), top_ups.CLOSED)
        else:
            moved = await attempts.move(payment.id, (AttemptStatus.PENDING,), AttemptStatus.CLOSED)
    return "closed" if moved else "unknown"
