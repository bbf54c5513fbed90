"""What the order-funds tests share: a funded wallet with a payment password, checkout and orderPay by the API."""

from __future__ import annotations

from typing import Any

from mall.graphql.relay import encode_id
from mall.wallet.statements import WalletBalances, balances
from tests import factories
from tests.api.wallet.scene import adjust, finance
from tests.operations import contract

CART_LINES_ADD = contract("CartLinesAdd")
ORDER_CREATE = contract("OrderCreate")
ORDER_PAY = contract("OrderPay")
ORDER_CANCEL = contract("OrderCancel")
PAYMENT_PASSWORD_SET = contract("PaymentPasswordSet")
PAYMENT_PASSWORD = "290417"


async def funded_buyer(api, *, balance: str = "0", rebate_credit: str = "0") -> factories.Account:  # type: ignore[no-untyped-def]
    """A customer with a payment password, holding ``balance`` and ``rebate_credit`` (walletAdjust)."""
    buyer = await factories.customer()
    teller = await finance()
    for asset, amount in (("BALANCE", balance), ("REBATE_CREDIT", rebate_credit)):
        if amount != "0":
            assert (await adjust(api, teller, buyer, amount, asset=asset))["userErrors"] == []
    answer = await api(PAYMENT_PASSWORD_SET, {"input": {"password": factories.PASSWORD,
                                                        "paymentPassword": PAYMENT_PASSWORD}}, token=buyer.access_token)
    assert answer.data["paymentPasswordSet"]["userErrors"] == []
    return buyer


async def checkout(api, buyer, *, price: str = "25.00", quantity: int = 2, use_wallet: bool = True,  # type: ignore[no-untyped-def]
                   stock: int = 10) -> dict[str, Any]:
    """orderCreate from a cart of ``quantity`` × ``price`` (shipping 10.00 under 99.00): its payload."""
    variant = await factories.variant_of(await factories.product(prices=(price,), stock=stock))
    address = await factories.address(buyer)
    added = await api(CART_LINES_ADD, {"input": {"lines": [
        {"variantId": encode_id("ProductVariant", variant.id), "quantity": quantity}]}}, token=buyer.access_token)
    assert added.data["cartLinesAdd"]["userErrors"] == []
    answer = await api(ORDER_CREATE, {"input": {"addressId": encode_id("Address", address.id),
                                                "useWalletFunds": use_wallet}}, token=buyer.access_token)
    return answer.data["orderCreate"]


async def pay(api, buyer, order_id: str, **changes: Any) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    variables = {"input": {"orderId": order_id, "paymentPassword": PAYMENT_PASSWORD, **changes}}
    return (await api(ORDER_PAY, variables, token=buyer.access_token)).data["orderPay"]


async def wallet_of(buyer) -> WalletBalances:  # type: ignore[no-untyped-def]
    return (await balances([buyer.user.id]))[buyer.user.id]


def yuan(amount: int) -> str:
    return f"{amount / 100:.2f}"
