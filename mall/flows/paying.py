"""orderPay: the customer pays their PENDING_PAYMENT order (DESIGN §2, §3.4, §3.7).

Three steps, never a transaction across the provider call:

1. one transaction: lock the order, check it may be paid, capture the
   wallet part held at orderCreate (``wallet.order_funds``; the payment
   password is checked before, outside it, when the part is not captured
   yet — a later orderPay of the same order captures nothing twice), and record a PENDING
   attempt with our own trade number (at most ``MALL_ORDER_PAY_ATTEMPTS_MAX``
   per order); older PENDING attempts of the order are CLOSED (one live
   attempt at a time) and closed at the provider after the commit. With
   nothing external due the order is PAID here instead. If the provider is
   still being asked to open an attempt of this order (another orderPay is
   between steps 1 and 3: a double click), that attempt is the answer, as it
   stands, and this call asks the provider nothing: however many orderPay
   race, one payment is opened at the provider.
2. outside any transaction: the provider's ``create_payment``, expiring
   with the order.
3. one transaction: store the client parameters; a provider refusal marks
   the attempt FAILED (PAYMENT_FAILED), an unreachable provider leaves it
   PENDING without parameters (PAYMENT_PROVIDER_UNAVAILABLE): a retry with
   the same idempotency key asks the provider again for the same trade
   number, a retry without one opens a new attempt, and reconciliation
   closes it if nobody does.

An orderPay after an earlier one has finished opens a new attempt and
supersedes the earlier (the payer may switch channel, or lost the page).

The idempotency key covers step 1 (Stripe's semantics, as orderCreate): a
replay answers the same attempt and completes step 2 if it ended without
an answer (never while another call is still asking).
The payment password is left out of the fingerprint: six digits hashed
with known fields would be easy to recover from it.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from typing import Any

from mall.accounts import customers, security
from mall.core.actors import Actor
from mall.core.clock import clock
from mall.core.errors import ErrorCode, InvalidInput, Problem
from mall.core.idempotency import request_fingerprint
from mall.infra import idempotency
from mall.infra.transactions import on_commit, transaction
from mall.orders import attempts, lifecycle
from mall.orders.attempts import AttemptStatus
from mall.orders.errors import InvalidState
from mall.orders.models import Order, Payment
from mall.payments.errors import ProviderRejected, ProviderUnavailable
from mall.payments.providers import provider
from mall.payments.providers.base import Channel, PaymentProvider, PaymentRequest, ProviderKind
from mall.settings import get_settings
from mall.wallet import order_funds

OPERATION = "orderPay"
MAX_RETURN_URL = 512
# The channels of the contract; Alipay's WAP is the provider interface's H5 (a mobile browser).
CHANNELS = {"JSAPI": Channel.JSAPI, "APP": Channel.APP, "H5": Channel.H5, "NATIVE": Channel.NATIVE,
            "WAP": Channel.H5, "PAGE": Channel.PAGE}

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PayRequest:
    order_id: int
    provider: ProviderKind | None = None
    channel: str | None = None
    return_url: str | None = None
    payment_password: str | None = dataclasses.field(default=None, repr=False)

    def payload(self) -> dict[str, Any]:
        """What the idempotency fingerprint covers: everything but the payment password."""
        return {"orderId": self.order_id, "provider": self.provider, "channel": self.channel,
                "returnUrl": self.return_url}


@dataclass(frozen=True, slots=True)
class Paying:
    """The order after orderPay, and its payment attempt (``None`` when nothing external was due)."""

    order: Order
    payment: Payment | None


@dataclass(frozen=True, slots=True)
class _Recorded:
    """Step 1's outcome; ``opens``: this call made the attempt, so this call asks the provider to open it."""

    order: Order
    payment: Payment | None
    opens: bool = False


async def order_pay(actor: Actor, *, request: PayRequest, idempotency_key: str | None) -> Paying:
    """Pay the caller's order: the wallet part now, the rest through a provider's payment attempt."""
    user_id = actor.require_user()
    _check(request)
    await _check_payment_password(user_id, request)
    gateway = provider(request.provider) if request.provider is not None else None
    openid = await _payer_openid(user_id, request.channel)

    async def work() -> _Recorded:
        return await _record(actor, request, gateway)

    if idempotency_key is None:
        first = await work()
    else:
        first = await idempotency.once(
            user_id=user_id, operation=OPERATION, key=idempotency_key,
            fingerprint=request_fingerprint(OPERATION, request.payload()),
            work=work, remember=_remember, recall=_recall,
        )
    payment = first.payment
    if payment is None or gateway is None:
        return Paying(order=first.order, payment=payment)
    if first.opens or _ask_again(payment):
        payment = await _open_at_provider(gateway, first.order, payment, request, openid)
    else:
        payment = await attempts.get(payment.id) or payment  # as it stands now
    return Paying(order=await Order.get(id=first.order.id), payment=payment)


def _ask_again(payment: Payment) -> bool:
    """A replayed attempt whose provider call ended without an answer (and nobody is asking now)."""
    unanswered = payment.status == AttemptStatus.PENDING and payment.client_params is None
    return unanswered and not attempts.opening(payment, clock.now())


async def _payer_openid(user_id: int, channel: str | None) -> str | None:
    """The payer's WeChat openid, which a JSAPI payment needs (checked before anything is recorded)."""
    if channel is None or CHANNELS.get(channel) is not Channel.JSAPI:
        return None
    openid = await customers.wechat_openid(user_id)
    if openid is None:
        raise InvalidInput.one("channel", "JSAPI needs a bound WeChat account (wechatBind).")
    return openid


def _check(request: PayRequest) -> None:
    problems = []
    if request.channel is not None and request.channel not in CHANNELS:
        problems.append(Problem(ErrorCode.INVALID, f"A channel is one of {', '.join(CHANNELS)}.", ("channel",)))
    url = request.return_url
    if url is not None and (len(url) > MAX_RETURN_URL or not url.startswith(("https://", "http://"))):
        problems.append(Problem(
            ErrorCode.INVALID, f"A return URL is an http(s) URL of at most {MAX_RETURN_URL} characters.", ("returnUrl",)
        ))
    if problems:
        raise InvalidInput(problems)


async def _record(actor: Actor, request: PayRequest, gateway: PaymentProvider | None) -> _Recorded:
    """Step 1, in one transaction."""
    async with transaction():
        order = await lifecycle.lock_payable(actor, order_id=request.order_id)
        if order.external_due_minor == 0:
            await lifecycle.mark_paid(order, note="Paid from the wallet.")
            recorded = _Recorded(order=order, payment=None)
        else:
            recorded = await _open_attempt(order, request, gateway)
        # Last: the capture locks the shop-wide ORDER_PAYMENTS account until this commits, and every
        # wallet payment and refund in the shop waits on it; nothing else is done while it is held.
        await order_funds.capture(actor, customer_id=order.user_id, order_id=order.id,
                                  parts=lifecycle.wallet_parts(order))
        return recorded


async def _open_attempt(order: Order, request: PayRequest, gateway: PaymentProvider | None) -> _Recorded:
    """The payment attempt for what is due externally: a new one, or the one another call is opening now."""
    missing = [
        Problem(ErrorCode.REQUIRED, f"Choose a payment {name} for what is due.", (name,))
        for name, value in (("provider", gateway), ("channel", request.channel))
        if value is None
    ]
    if missing:
        raise InvalidInput(missing)
    assert gateway is not None and request.channel is not None
    in_flight = await attempts.being_opened(order, clock.now())
    if in_flight is not None:
        if (in_flight.provider, in_flight.channel) != (gateway.kind.value, request.channel):
            raise InvalidState(
                "A payment of this order through another provider or channel is being opened; try again shortly."
            )
        return _Recorded(order=order, payment=in_flight)
    payment, superseded = await attempts.open_attempt(
        order, provider=gateway.kind.value, channel=request.channel, most=get_settings().order_pay_attempts_max
    )
    if superseded:
        on_commit(lambda: _close_at_provider(gateway, superseded))
    return _Recorded(order=order, payment=payment, opens=True)


async def _check_payment_password(user_id: int, request: PayRequest) -> None:
    """The payment password, when the order still has wallet funds to capture; before any transaction
    (hashing is slow, and a wrong one must change nothing but the throttle's count)."""
    order = await Order.get_or_none(id=request.order_id, user_id=user_id)
    if order is None or order.rebate_credit_used_minor + order.balance_used_minor == 0:
        return  # an order not theirs is refused by step 1 as any other
    if await order_funds.captured(order.id):
        return  # an earlier orderPay captured them; this one only opens the external payment again
    if not request.payment_password:
        raise InvalidInput.one("paymentPassword", "Enter your payment password to pay from the wallet.",
                               code=ErrorCode.REQUIRED)
    await security.payment_password_verify(user_id, request.payment_password)


async def _open_at_provider(
    gateway: PaymentProvider, order: Order, payment: Payment, request: PayRequest, openid: str | None
) -> Payment:
    """Steps 2 and 3: the provider's payment for a PENDING attempt that has no client parameters yet."""
    if payment.status != AttemptStatus.PENDING or payment.client_params is not None:
        return payment
    channel = CHANNELS[payment.channel]
    try:
        created = await gateway.create_payment(PaymentRequest(
            trade_no=payment.trade_number, amount_minor=payment.amount_minor, currency=payment.currency,
            description=f"Order {order.number}", expires_at=payment.expires_at, channel=channel,
            payer_openid=openid if channel is Channel.JSAPI else None, return_url=request.return_url,
        ))
    except ProviderRejected:
        async with transaction():
            await attempts.move(payment.id, (AttemptStatus.PENDING,), AttemptStatus.FAILED)
        raise
    except Exception:
        # No answer (unreachable, or a bug): still PENDING, no longer being opened. The same key asks
        # again; an orderPay without it opens a new attempt; reconciliation closes it otherwise.
        async with transaction():
            await attempts.unanswered(payment.id)
        raise
    async with transaction():
        await attempts.store_client_params(payment.id, created.client_params)
    fresh = await attempts.get(payment.id)
    assert fresh is not None
    return fresh


async def _close_at_provider(gateway: PaymentProvider, trade_numbers: list[str]) -> None:
    """After the commit: superseded attempts can no longer be paid (if the provider is reachable now)."""
    for trade_number in trade_numbers:
        try:
            await gateway.close_payment(trade_number)
        except (ProviderUnavailable, ProviderRejected) as exc:
            _log.warning("closing superseded payment %s failed: %s", trade_number, exc.message)


def _remember(recorded: _Recorded) -> dict[str, Any]:
    return {"orderId": recorded.order.id, "paymentId": recorded.payment.id if recorded.payment else None}


async def _recall(result: dict[str, Any]) -> _Recorded:
    payment_id = result["paymentId"]
    return _Recorded(
        order=await Order.get(id=result["orderId"]),
        payment=await attempts.get(payment_id) if payment_id is not None else None,
    )
