"""sandboxPaymentSimulate: the sandbox provider signs a callback and it goes through the real door.

The callback is built exactly as WeChat Pay would send it (``build_callback``)
and its raw bytes and headers go to ``settlement.receive_payment_callback``,
the function the HTTP endpoint calls — in process, not over loopback HTTP.
"""

from __future__ import annotations

from mall.core.actors import Actor, ActorKind, Permission
from mall.core.clock import clock
from mall.core.errors import NotFound, SandboxDisabled
from mall.flows import settlement
from mall.orders import attempts
from mall.orders.models import Payment
from mall.payments.providers import provider
from mall.payments.providers.base import PaymentNotice, PaymentStatus, ProviderKind
from mall.payments.providers.sandbox import SandboxProvider
from mall.settings import get_settings
from mall.wallet import top_ups
from mall.wallet.top_ups import TopUp

_OUTCOMES = {"SUCCESS": PaymentStatus.SUCCESS, "FAILURE": PaymentStatus.FAILED}


async def simulate_payment(actor: Actor, *, payment_id: int, outcome: str) -> Payment:
    """The payer pays (SUCCESS) or fails to (FAILURE) a SANDBOX attempt; its owner or staff (MANAGE_ORDERS)."""
    actor.require_user()
    if not get_settings().sandbox_enabled:
        raise SandboxDisabled()
    payment = await attempts.get(payment_id)
    if payment is None or not await _may_see(actor, payment) or payment.provider != ProviderKind.SANDBOX.value:
        raise NotFound("No such sandbox payment.", field="paymentId")
    await _notify(payment.trade_number, payment.amount_minor, payment.currency, outcome)
    fresh = await attempts.get(payment.id)
    assert fresh is not None
    return fresh


async def simulate_top_up(actor: Actor, *, top_up_id: int, outcome: str) -> TopUp:
    """The payer pays (SUCCESS) or fails to (FAILURE) their own SANDBOX top-up, through the same door."""
    customer_id = actor.require_user()
    if not get_settings().sandbox_enabled:
        raise SandboxDisabled()
    top_up = await top_ups.get(top_up_id, customer_id=customer_id)
    if top_up is None or top_up.provider != ProviderKind.SANDBOX.value:
        raise NotFound("No such sandbox payment.", field="paymentId")
    await _notify(top_up.trade_number, top_up.amount_minor, top_up.currency, outcome)
    fresh = await top_ups.get(top_up.id)
    assert fresh is not None
    return fresh


async def _may_see(actor: Actor, payment: Payment) -> bool:
    if actor.kind is ActorKind.STAFF and actor.has(Permission.MANAGE_ORDERS):
        return True
    order = await attempts.order_of(payment)
    return order.user_id == actor.user_id


async def _notify(trade_number: str, amount_minor: int, currency: str, outcome: str) -> None:
    """The sandbox's signed notice of ``outcome`` for one trade, through the callback door every provider uses."""
    gateway = provider(ProviderKind.SANDBOX)
    assert isinstance(gateway, SandboxProvider)
    status = _OUTCOMES[outcome]
    notice = PaymentNotice(
        trade_no=trade_number, transaction_id="sbxt" + trade_number, amount_minor=amount_minor, currency=currency,
        merchant_id=gateway.merchant_id, status=status,
        paid_at=clock.now() if status is PaymentStatus.SUCCESS else None,
    )
    headers, body = await gateway.build_callback(notice)
    receipt = await settlement.receive_payment_callback(ProviderKind.SANDBOX, headers, body)
    if receipt.refusal is not None:
        raise receipt.refusal
