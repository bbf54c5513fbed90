"""What the payment tests share: an order to pay, orderPay and sandboxPaymentSimulate as the contract sends them."""

from __future__ import annotations

from typing import Any

from mall.graphql.relay import encode_id
from tests import factories
from tests.operations import contract

ORDER_PAY = contract("OrderPay")
SANDBOX_PAYMENT_SIMULATE = contract("SandboxPaymentSimulate")
CALLBACK_URL = "/payments/callback/sandbox"


def gid(type_name: str, pk: int) -> str:
    return encode_id(type_name, pk)


async def unpaid_order(*, price: str = "25.00", quantity: int = 2):
    """A customer and their PENDING_PAYMENT order (price × quantity, shipping added by the shop's rule)."""
    buyer = await factories.customer()
    tea = await factories.variant_of(await factories.product(prices=(price,), stock=10))
    return buyer, await factories.order(buyer, (tea.id, quantity))


def pay_input(order, **changes: Any) -> dict[str, Any]:
    return {"input": {"orderId": gid("Order", order.id), "provider": "SANDBOX", "channel": "NATIVE", **changes}}


async def pay(api, buyer, order, **changes: Any) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return (await api(ORDER_PAY, pay_input(order, **changes), token=buyer.access_token)).data["orderPay"]


async def simulate(api, token: str, payment_id: str, outcome: str = "SUCCESS") -> dict[str, Any]:  # type: ignore[no-untyped-def]
    variables = {"input": {"paymentId": payment_id, "outcome": outcome}}
    return (await api(SANDBOX_PAYMENT_SIMULATE, variables, token=token)).data["sandboxPaymentSimulate"]
