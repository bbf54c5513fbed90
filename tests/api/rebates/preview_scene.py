"""What the preview and hint tests share: a buyer's cart through the API, orderPreview and orderCreate inputs."""

from __future__ import annotations

from typing import Any

from mall.graphql.relay import decode_id, encode_id
from tests import factories
from tests.operations import contract

CART_LINES_ADD = contract("CartLinesAdd")
CART_VIEW = contract("CartView")
ORDER_PREVIEW = contract("OrderPreview")
ORDER_CREATE = contract("OrderCreate")
PRODUCT_DETAIL = contract("ProductDetail")

# The contract's previews select totals only (orderPreview) or no rule ids: tests read every field.
CART_PREVIEW = """
query CartPreview($token: String) {
  cart(token: $token) {
    subtotal { amount }
    rebatePreview { total { amount currency } points
      items { rule { id name kind } payoutForm amount { amount } points installmentCount } }
  }
}
"""
ORDER_REBATE_PREVIEW = """
query OrderRebatePreview($input: OrderCreateInput!) {
  orderPreview(input: $input) {
    total { amount } voucherDiscount { amount } pointsDiscount { amount }
    rebatePreview { total { amount currency } points
      items { rule { id name kind } payoutForm amount { amount } points installmentCount } }
    userErrors { field code message }
  }
}
"""


async def goods(price: str, *, category=None, stock: int = 50):  # type: ignore[no-untyped-def]
    """A product of one variant at ``price`` (cost half of it): (product, variant)."""
    product = await factories.product(prices=(price,), stock=stock, category=category)
    return product, await factories.variant_of(product)


async def add_to_cart(api, lines: list[tuple[Any, int]], *, token: str | None = None,  # type: ignore[no-untyped-def]
                      cart_token: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {"lines": [{"variantId": encode_id("ProductVariant", variant.id), "quantity": quantity}
                                      for variant, quantity in lines]}
    if cart_token is not None:
        data["cartToken"] = cart_token
    answer = await api(CART_LINES_ADD, {"input": data}, token=token)
    payload = answer.data["cartLinesAdd"]
    assert payload["userErrors"] == []
    return payload["cart"]


async def cart_preview(api, *, token: str | None = None, cart_token: str | None = None) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    answer = await api(CART_PREVIEW, {"token": cart_token}, token=token)
    assert "errors" not in answer.body, answer.errors
    return answer.data["cart"]["rebatePreview"]


async def order_input(buyer: factories.Account, **more: Any) -> dict[str, Any]:
    address = await factories.address(buyer)
    return {"input": {"addressId": encode_id("Address", address.id), "useWalletFunds": False, **more}}


async def order_preview(api, buyer: factories.Account, variables: dict[str, Any]) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    answer = await api(ORDER_REBATE_PREVIEW, variables, token=buyer.access_token)
    assert "errors" not in answer.body, answer.errors
    preview = answer.data["orderPreview"]
    assert preview["userErrors"] == []
    return preview


async def order_create(api, buyer: factories.Account, variables: dict[str, Any]) -> int:  # type: ignore[no-untyped-def]
    """orderCreate: the order's database id."""
    created = (await api(ORDER_CREATE, variables, token=buyer.access_token)).data["orderCreate"]
    assert created["userErrors"] == []
    return decode_id(created["order"]["id"], "Order", field="id")


def items(preview: dict[str, Any]) -> list[tuple[int, str, str, int]]:
    """The preview's items as (rule id, payout form, amount, points)."""
    return [(decode_id(item["rule"]["id"], "RebateRule", field="id"), item["payoutForm"], item["amount"]["amount"],
             item["points"]) for item in preview["items"]]
