"""Paying orders: the Payment type, orderPay, and the sandbox's sandboxPaymentSimulate."""

from __future__ import annotations

import enum

import strawberry

from mall.core.actors import Actor
from mall.core.errors import InvalidInput
from mall.flows import paying, sandbox_payments
from mall.graphql.context import Info
from mall.graphql.errors import UserError
from mall.graphql.money import Money
from mall.graphql.orders.types import OrderType
from mall.graphql.relay import Node, decode_id, encode_id
from mall.graphql.runner import mutate
from mall.graphql.scalars import JSON, DateTime
from mall.orders import attempts, models
from mall.payments.providers import base
from mall.wallet.top_ups import TopUp

PaymentProvider = strawberry.enum(base.ProviderKind, name="PaymentProvider", description="Who collects an external payment.")
PaymentStatus = strawberry.enum(
    attempts.AttemptStatus, name="PaymentStatus",
    description="PENDING until the provider's callback: SUCCEEDED, FAILED, CLOSED (superseded or expired), "
    "or REFUND_PENDING → REFUNDED when the money arrived for an order no longer awaiting it.",
)


@strawberry.enum(description="WeChat Pay: JSAPI, APP, H5, NATIVE. Alipay: APP, WAP, PAGE.")
class PaymentChannel(enum.Enum):
    JSAPI = "JSAPI"
    APP = "APP"
    H5 = "H5"
    NATIVE = "NATIVE"
    WAP = "WAP"
    PAGE = "PAGE"


@strawberry.enum(description="What the simulated payer does.")
class SandboxPaymentOutcome(enum.Enum):
    SUCCESS = "SUCCESS"
    FAILURE = "FAILURE"


@strawberry.type(name="Payment", description="One attempt to collect an order's external part through a provider.")
class PaymentType(Node):
    provider: PaymentProvider  # type: ignore[valid-type]
    channel: PaymentChannel
    status: PaymentStatus  # type: ignore[valid-type]
    amount: Money
    client_params: JSON | None = strawberry.field(  # type: ignore[valid-type]
        description="What the frontend hands the provider's SDK; null until the provider answered.")
    expires_at: DateTime  # type: ignore[valid-type]

    @classmethod
    def from_top_up(cls, top_up: TopUp) -> PaymentType:
        """A wallet top-up's payment: the same shape, its own id (``TopUp``)."""
        return cls(
            id=strawberry.ID(encode_id("TopUp", top_up.id)), provider=base.ProviderKind(top_up.provider),
            channel=PaymentChannel(top_up.channel), status=attempts.AttemptStatus(top_up.status),
            amount=Money.of(top_up.amount_minor, top_up.currency), client_params=top_up.client_params,
            expires_at=top_up.expires_at,
        )

    @classmethod
    def from_model(cls, payment: models.Payment) -> PaymentType:
        return cls(
            id=strawberry.ID(encode_id("Payment", payment.id)), provider=base.ProviderKind(payment.provider),
            channel=PaymentChannel(payment.channel), status=attempts.AttemptStatus(payment.status),
            amount=Money.of(payment.amount_minor, payment.currency), client_params=payment.client_params,
            expires_at=payment.expires_at,
        )


@strawberry.input(description="Pay an order: the wallet part at once, the rest through a provider.")
class OrderPayInput:
    order_id: strawberry.ID
    payment_password: str | None = strawberry.field(
        default=None, description="Needed when walletDue > 0 and the wallet part is not captured yet.")
    provider: PaymentProvider | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="Needed when externalDue > 0. SANDBOX only for now.")
    channel: PaymentChannel | None = strawberry.field(default=None, description="Needed when externalDue > 0.")
    return_url: str | None = strawberry.field(default=None, description="Where H5/WAP/PAGE payers come back to.")
    idempotency_key: str | None = strawberry.field(
        default=None, description="Up to 64 characters: the same key and input return the same payment attempt.")


@strawberry.type
class OrderPayPayload:
    payment: PaymentType | None = None
    order: OrderType | None = None
    user_errors: list[UserError]


@strawberry.input
class SandboxPaymentSimulateInput:
    payment_id: strawberry.ID
    outcome: SandboxPaymentOutcome


@strawberry.type
class SandboxPaymentSimulatePayload:
    payment: PaymentType | None = None
    user_errors: list[UserError]


def _top_up_id(global_id: str) -> int | None:
    try:
        return decode_id(global_id, "TopUp", field="paymentId")
    except InvalidInput:
        return None


@strawberry.type
class PaymentMutations:
    @strawberry.mutation(description="Pay your PENDING_PAYMENT order. With nothing external due the order is PAID "
                         "now and payment is null; otherwise it becomes PAID when the provider's signed callback arrives.")
    async def order_pay(self, info: Info, input: OrderPayInput) -> OrderPayPayload:
        async def action(actor: Actor) -> dict[str, object]:
            request = paying.PayRequest(
                order_id=decode_id(input.order_id, "Order", field="orderId"),
                provider=base.ProviderKind(input.provider.value) if input.provider is not None else None,
                channel=input.channel.value if input.channel is not None else None,
                return_url=input.return_url, payment_password=input.payment_password,
            )
            result = await paying.order_pay(actor, request=request, idempotency_key=input.idempotency_key)
            return {"order": OrderType.from_model(result.order),
                    "payment": PaymentType.from_model(result.payment) if result.payment else None}

        return await mutate(info, OrderPayPayload, action, signed_in=True)

    @strawberry.mutation(description="Sign a SANDBOX payment's callback and hand it to the real verification and "
                         "settlement. The payment's owner or staff (MANAGE_ORDERS). SANDBOX_DISABLED when MALL_SANDBOX is off.")
    async def sandbox_payment_simulate(self, info: Info, input: SandboxPaymentSimulateInput) -> SandboxPaymentSimulatePayload:
        async def action(actor: Actor) -> dict[str, object]:
            top_up_id = _top_up_id(input.payment_id)
            if top_up_id is not None:  # a wallet top-up's payment (walletTopUp)
                top_up = await sandbox_payments.simulate_top_up(actor, top_up_id=top_up_id, outcome=input.outcome.value)
                return {"payment": PaymentType.from_top_up(top_up)}
            payment_id = decode_id(input.payment_id, "Payment", field="paymentId")
            payment = await sandbox_payments.simulate_payment(actor, payment_id=payment_id, outcome=input.outcome.value)
            return {"payment": PaymentType.from_model(payment)}

        return await mutate(info, SandboxPaymentSimulatePayload, action, signed_in=True)
