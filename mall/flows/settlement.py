"""Settlement: a payment callback, verified, pays its order once (DESIGN §3.7).

``receive_payment_callback`` is the one door every payment callback goes
through — the HTTP endpoint and ``sandboxPaymentSimulate`` alike: the
provider verifies the raw bytes before anything is parsed, then ``settle``
matches the notice on our trade number, the merchant, the amount and the
currency, and in ONE transaction moves the attempt PENDING/CLOSED →
SUCCEEDED by a conditional UPDATE (the gate: of twenty identical callbacks
one alone passes it) and the order PENDING_PAYMENT → PAID by the system,
with its order event and outbox row.

Money for an order that no longer awaits payment (cancelled, expired, or
paid by another attempt) is never kept and never revives the order: the
attempt becomes REFUND_PENDING with an outbox row ``payment.refund_started``
in that same transaction, and the provider is asked for the refund after
the commit (outside any transaction); reconciliation asks again until the
provider confirms.

A verified notice of money taken in another amount or currency than the
attempt's is the provider's truth, not a forgery: it is acknowledged (a
refusal would only have the provider retry it for a day), the attempt is
recorded with what was received, the order is NOT paid by it, and the money
goes back the same way (REFUND_PENDING, ``payment.refund_started``), with
an ERROR log line for people to look at.

A notice whose trade number is a wallet top-up's (``T…``; orders' are
``P…``) goes to ``flows/topping_up.py``: credited to BALANCE once, or, for
another amount, acknowledged and sent back the same way.

Refused callbacks (bad signature, unknown trade number or merchant) are
recorded as a WARNING log line carrying the request id — not a table:
anyone can send unsigned bytes, and a row per forgery would be an
unbounded write for them.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

from mall.core.money import minor_to_decimal
from mall.flows import topping_up
from mall.infra import outbox
from mall.infra.transactions import transaction
from mall.orders import attempts, lifecycle
from mall.orders.attempts import AttemptStatus
from mall.orders.models import Payment
from mall.payments.errors import CallbackRejected, ProviderRejected, ProviderUnavailable
from mall.payments.providers import provider
from mall.payments.providers.base import (
    CallbackAnswer,
    PaymentNotice,
    PaymentProvider,
    PaymentStatus,
    ProviderKind,
    RefundRequest,
    RefundStatus,
)
from mall.wallet import top_ups

_log = logging.getLogger(__name__)


class NoticeUnmatched(CallbackRejected):
    """A verified notice that matches none of our attempts: unknown trade number, other amount or currency."""


@dataclass(frozen=True, slots=True)
class Receipt:
    """How a callback was answered, and the attempt it settled (``None`` when refused)."""

    answer: CallbackAnswer
    payment_id: int | None
    refusal: CallbackRejected | None = None


async def receive_payment_callback(kind: ProviderKind, headers: Mapping[str, str], body: bytes) -> Receipt:
    """Verify, then settle, a payment callback; the answer is in the provider's format.

    Raises ``ProviderNotConfigured``/``SandboxDisabled`` when ``kind`` is not
    set up here (there is then nobody whose format to answer in).
    """
    gateway = provider(kind)
    try:
        notice = await gateway.verify_payment_callback(headers, body)
        payment_id = await settle(gateway, notice)
    except CallbackRejected as refusal:
        _log.warning("%s payment callback refused: %s", kind.value, refusal.message)
        return Receipt(gateway.refuse(refusal.message), None, refusal)
    return Receipt(gateway.acknowledge(), payment_id)


async def settle(gateway: PaymentProvider, notice: PaymentNotice) -> int:
    """Apply a verified notice to its attempt, idempotently; the attempt's id, or ``NoticeUnmatched``."""
    if top_ups.is_top_up(notice.trade_no):
        top_up = await top_ups.by_trade_number(notice.trade_no)
        if top_up is None or top_up.provider != gateway.kind.value or notice.merchant_id != gateway.merchant_id:
            raise NoticeUnmatched(f"No top-up with trade number {notice.trade_no} for this merchant.")
        return await topping_up.settle(gateway, notice, top_up)
    payment = await _matching(gateway, notice)
    if notice.status is PaymentStatus.SUCCESS and _other_money(payment, notice):
        if await _settle_other_money(payment, notice):
            await ask_refund(gateway, await Payment.get(id=payment.id))
    elif notice.status is PaymentStatus.SUCCESS:
        if await _settle_paid(gateway, payment, notice):
            await ask_refund(gateway, payment)
    elif notice.status is PaymentStatus.FAILED:
        await attempts.move(payment.id, (AttemptStatus.PENDING,), AttemptStatus.FAILED)
    elif notice.status is PaymentStatus.CLOSED:
        await attempts.move(payment.id, (AttemptStatus.PENDING,), AttemptStatus.CLOSED)
    return payment.id


async def _matching(gateway: PaymentProvider, notice: PaymentNotice) -> Payment:
    payment = await attempts.by_trade_number(notice.trade_no)
    if payment is None or payment.provider != gateway.kind.value:
        raise NoticeUnmatched(f"No payment with trade number {notice.trade_no}.")
    if notice.merchant_id != gateway.merchant_id:
        raise NoticeUnmatched(f"Payment {notice.trade_no} is not for this merchant.")
    return payment


def _other_money(payment: Payment, notice: PaymentNotice) -> bool:
    """Whether the provider took another amount or currency than the attempt asked for."""
    return (notice.amount_minor, notice.currency) != (payment.amount_minor, payment.currency)


async def _settle_other_money(payment: Payment, notice: PaymentNotice) -> bool:
    """Record money taken in another amount or currency, and send it back whole; whether this call did.

    The order is not paid by it. Only an attempt that has not settled yet
    takes it: a duplicate notice finds it REFUND_PENDING and does nothing.
    """
    received = f"{minor_to_decimal(notice.amount_minor)} {notice.currency}"
    expected = f"{minor_to_decimal(payment.amount_minor)} {payment.currency}"
    async with transaction():
        order = await lifecycle.locked(payment.order_id)  # the order row first, as everywhere
        recorded = await attempts.move(
            payment.id, attempts.PAYABLE, AttemptStatus.REFUND_PENDING, provider_transaction_id=notice.transaction_id,
            amount_minor=notice.amount_minor, currency=notice.currency,
        )
        if recorded:
            await outbox.append(
                topic="payment.refund_started", aggregate_type="Order", aggregate_id=order.id,
                customer_id=order.user_id,
                payload={
                    "orderId": order.id, "number": order.number, "tradeNumber": payment.trade_number,
                    "amount": str(minor_to_decimal(notice.amount_minor)), "currency": notice.currency,
                    "orderStatus": order.status.value,
                    "reason": f"Paid {received} where {expected} was due: refunded in full.",
                },
            )
    if recorded:
        _log.error("payment %s: the provider took %s where %s was due; refunding it in full, the order stays %s",
                   payment.trade_number, received, expected, order.status.value)
    elif _other_money(await Payment.get(id=payment.id), notice):  # not a duplicate recorded meanwhile
        _log.error("payment %s: a notice of %s where %s was due arrived after the attempt had settled; "
                   "nothing changed", payment.trade_number, received, expected)
    return recorded


async def _settle_paid(gateway: PaymentProvider, payment: Payment, notice: PaymentNotice) -> bool:
    """Pay the order with this attempt, once; whether the money must go back instead."""
    async with transaction():
        # The order row first, as orderPay locks it: the two never wait on each other in opposite order.
        order = await lifecycle.locked(payment.order_id)
        paid = await attempts.move(
            payment.id, attempts.PAYABLE, AttemptStatus.SUCCEEDED, provider_transaction_id=notice.transaction_id
        )
        if not paid:
            return False  # settled before: a duplicate callback
        if await lifecycle.mark_paid(order, note=f"Paid through {gateway.kind.value}, trade {payment.trade_number}."):
            return False
        await attempts.move(payment.id, (AttemptStatus.SUCCEEDED,), AttemptStatus.REFUND_PENDING)
        await outbox.append(
            topic="payment.refund_started", aggregate_type="Order", aggregate_id=order.id, customer_id=order.user_id,
            payload={
                "orderId": order.id, "number": order.number, "tradeNumber": payment.trade_number,
                "amount": str(minor_to_decimal(payment.amount_minor)), "currency": payment.currency,
                "orderStatus": order.status.value,
                "reason": "Paid after the order stopped awaiting payment: refunded in full.",
            },
        )
        return True


async def ask_refund(gateway: PaymentProvider, payment: Payment) -> None:
    """Ask the provider to refund a REFUND_PENDING attempt in full (idempotent by its refund number).

    Outside any transaction. A provider that is unreachable or refuses leaves
    the attempt REFUND_PENDING for reconciliation to ask again.
    """
    request = RefundRequest(
        refund_no=attempts.refund_number(payment.trade_number), trade_no=payment.trade_number,
        amount_minor=payment.amount_minor, total_minor=payment.amount_minor, currency=payment.currency,
        reason="Order no longer awaiting payment",
    )
    try:
        result = await gateway.refund(request)
    except (ProviderUnavailable, ProviderRejected) as exc:
        _log.warning("refund of %s not accepted yet: %s", payment.trade_number, exc.message)
        return
    if result.status is RefundStatus.SUCCESS:
        async with transaction():
            await attempts.move(payment.id, (AttemptStatus.REFUND_PENDING,), AttemptStatus.REFUNDED)
