"""walletTopUp and its settlement: money into BALANCE through a provider (DESIGN §3.5, §3.7).

The same three steps as orderPay, never a transaction across the provider:
the top-up recorded PENDING (idempotent by key, at most
``MALL_TOP_UP_PENDING_MAX`` unpaid and unexpired per customer); the
provider's ``create_payment`` outside any transaction; its client
parameters stored. The payer pays, the provider's signed callback comes
through the one callback door (``settlement.receive_payment_callback``,
which hands trade numbers of top-ups here), and the amount is credited once.
Money of another amount or currency is acknowledged, recorded, not
credited, and sent back whole (REFUND_PENDING), as orders do: asked of the
provider at once and again by reconciliation until the provider confirms;
its refund callback (``apply_refund_notice``, through the refund door of
``flows/refunds``) or a SUCCESS answer makes it REFUNDED.

Only the call that recorded the top-up asks the provider to open it; a
replay under the same key while that call is still asking answers the
top-up as it stands (``top_ups.opening``), so ten racing replays open one
payment. A replay after a call ended without an answer asks again, for the
same trade number.

Unpaid top-ups past their expiry are reconciled with the payment attempts
(``flows/reconciliation``): paid at the provider after all, credited once;
otherwise closed at the provider, then CLOSED here. Money that still
arrives for a CLOSED top-up is credited: a top-up, unlike an order, has
nothing that lapses with time (no stock held, no price), so it is treated as
orders treat a CLOSED attempt whose order still awaits payment.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from mall.core.actors import Actor
from mall.core.clock import clock
from mall.core.errors import ErrorCode, InvalidInput, Problem
from mall.core.idempotency import request_fingerprint
from mall.core.money import MoneyFormatError, decimal_to_minor, minor_to_decimal
from mall.infra import idempotency
from mall.payments.errors import ProviderRejected, ProviderUnavailable
from mall.payments.providers import provider
from mall.payments.providers.base import (
    Channel,
    PaymentNotice,
    PaymentProvider,
    PaymentRequest,
    PaymentStatus,
    ProviderKind,
    RefundNotice,
    RefundRequest,
    RefundStatus,
)
from mall.settings import get_settings
from mall.wallet import top_ups
from mall.wallet.top_ups import TopUp

OPERATION = "walletTopUp"
CHANNELS = {"JSAPI": Channel.JSAPI, "APP": Channel.APP, "H5": Channel.H5, "NATIVE": Channel.NATIVE,
            "WAP": Channel.H5, "PAGE": Channel.PAGE}
MAX_RETURN_URL = 512

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class TopUpRequest:
    amount: Decimal
    provider: ProviderKind
    channel: str
    return_url: str | None = None

    def payload(self) -> dict[str, Any]:
        return {"amount": self.amount, "provider": self.provider, "channel": self.channel, "returnUrl": self.return_url}


async def wallet_top_up(actor: Actor, *, request: TopUpRequest, idempotency_key: str) -> TopUp:
    """Open a payment of ``request.amount`` into the caller's BALANCE; the top-up with the provider's parameters."""
    user_id = actor.require_user()
    amount = _check(request, idempotency_key)
    gateway = provider(request.provider)
    if CHANNELS[request.channel] is Channel.JSAPI:
        raise InvalidInput.one("channel", "Top up through APP, H5, WAP, NATIVE or PAGE.")
    fingerprint = request_fingerprint(OPERATION, request.payload())

    async def work() -> tuple[TopUp, bool]:
        return await top_ups.open_top_up(
            actor, amount=amount, provider=gateway.kind.value, channel=request.channel, request_key=idempotency_key,
            fingerprint=fingerprint, lifetime=get_settings().order_payment_timeout_delta)

    async def recall(stored: dict[str, Any]) -> tuple[TopUp, bool]:
        row = await top_ups.get(int(stored["topUpId"]))
        assert row is not None
        return row, False

    row, made = await idempotency.once(user_id=user_id, operation=OPERATION, key=idempotency_key,
                                       fingerprint=fingerprint, work=work,
                                       remember=lambda made: {"topUpId": made[0].id}, recall=recall)
    if row.status != top_ups.PENDING or row.client_params is not None:
        return row
    if not made and top_ups.opening(row, clock.now()):
        return row  # another call with this key is asking the provider right now: never a second payment
    try:
        created = await gateway.create_payment(PaymentRequest(
            trade_no=row.trade_number, amount_minor=row.amount_minor, currency=row.currency,
            description="Wallet top-up", expires_at=row.expires_at, channel=CHANNELS[row.channel],
            return_url=request.return_url,
        ))
    except ProviderRejected:
        await top_ups.move(row.id, (top_ups.PENDING,), top_ups.FAILED)
        raise
    except Exception:
        # No answer (unreachable, or a bug): still PENDING, no longer being opened; a replay asks again.
        await top_ups.unanswered(row.id)
        raise
    await top_ups.store_client_params(row.id, created.client_params)
    fresh = await top_ups.get(row.id)
    assert fresh is not None
    return fresh


def _check(request: TopUpRequest, key: str) -> int:
    settings = get_settings()
    problems: list[Problem] = []
    amount = 0
    try:
        amount = decimal_to_minor(request.amount)
    except MoneyFormatError as exc:
        problems.append(Problem(ErrorCode.INVALID, f"Not an amount: {exc}.", ("amount",)))
    else:
        if not decimal_to_minor(settings.top_up_min) <= amount <= decimal_to_minor(settings.top_up_max):
            problems.append(Problem(ErrorCode.INVALID, f"Top up between {settings.top_up_min} and "
                                    f"{settings.top_up_max}.", ("amount",)))
    if request.channel not in CHANNELS:
        problems.append(Problem(ErrorCode.INVALID, f"A channel is one of {', '.join(CHANNELS)}.", ("channel",)))
    url = request.return_url
    if url is not None and (len(url) > MAX_RETURN_URL or not url.startswith(("https://", "http://"))):
        problems.append(Problem(ErrorCode.INVALID, f"A return URL is an http(s) URL of at most {MAX_RETURN_URL} "
                                "characters.", ("returnUrl",)))
    try:
        idempotency.check_key(key)
    except InvalidInput as exc:
        problems.extend(exc.problems)
    if problems:
        raise InvalidInput(problems)
    return amount


async def settle(gateway: PaymentProvider, notice: PaymentNotice, top_up: TopUp) -> int:
    """A verified notice for a top-up: credited once, or money of another amount sent back; the top-up's id."""
    if notice.status is PaymentStatus.SUCCESS:
        if (notice.amount_minor, notice.currency) != (top_up.amount_minor, top_up.currency):
            if await top_ups.settle_other_money(top_up, transaction_id=notice.transaction_id,
                                                amount=notice.amount_minor, currency=notice.currency):
                _log.error("top-up %s: the provider took %s %s where %s %s was due; refunding it in full, nothing "
                           "credited", top_up.trade_number, minor_to_decimal(notice.amount_minor), notice.currency,
                           minor_to_decimal(top_up.amount_minor), top_up.currency)
                refunding = await top_ups.get(top_up.id)
                assert refunding is not None
                await ask_refund(gateway, refunding)
        else:
            await top_ups.settle_paid(top_up, transaction_id=notice.transaction_id)
    elif notice.status is PaymentStatus.FAILED:
        await top_ups.move(top_up.id, (top_ups.PENDING,), top_ups.FAILED)
    elif notice.status is PaymentStatus.CLOSED:
        await top_ups.move(top_up.id, (top_ups.PENDING,), top_ups.CLOSED)
    return top_up.id


async def ask_refund(gateway: PaymentProvider, row: TopUp) -> None:
    """Ask for the whole of a REFUND_PENDING top-up back (idempotent by its refund number), outside any transaction.

    ``row`` carries what was received (``settle_other_money`` recorded it). A
    refusal or silence leaves it REFUND_PENDING for reconciliation to ask again.
    """
    request = RefundRequest(refund_no=top_ups.refund_number(row.trade_number), trade_no=row.trade_number,
                            amount_minor=row.amount_minor, total_minor=row.amount_minor, currency=row.currency,
                            reason="Top-up of another amount")
    try:
        result = await gateway.refund(request)
    except (ProviderUnavailable, ProviderRejected) as exc:
        _log.warning("refund of top-up %s not accepted yet: %s", row.trade_number, exc.message)
        return
    if result.status is RefundStatus.SUCCESS:
        await top_ups.move(row.id, (top_ups.REFUND_PENDING,), top_ups.REFUNDED)


async def apply_refund_notice(kind: ProviderKind, notice: RefundNotice) -> bool:
    """A verified refund notice whose trade number is a top-up's; whether it is one of ours (else the caller refuses).

    Confirmed: REFUND_PENDING → REFUNDED, once. A refund the provider reports
    failed or closed stays REFUND_PENDING (asked again under the same number)
    and is logged for people: the money is the customer's and has not gone back.
    """
    row = await top_ups.by_trade_number(notice.trade_no)
    if row is None or row.provider != kind.value or top_ups.refund_number(row.trade_number) != notice.refund_no:
        return False
    if (notice.amount_minor, notice.currency) != (row.amount_minor, row.currency):
        return False
    if notice.status is RefundStatus.SUCCESS:
        await top_ups.move(row.id, (top_ups.REFUND_PENDING,), top_ups.REFUNDED)
    elif notice.status in (RefundStatus.FAILED, RefundStatus.CLOSED):
        _log.error("refund %s of top-up %s: the provider reports it %s; still owed, asked again",
                   notice.refund_no, row.trade_number, notice.status.value)
    return True
