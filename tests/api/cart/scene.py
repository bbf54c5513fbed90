"""What the cart tests share: global ids, variants of a product, and the contract's cart operations."""

from __future__ import annotations

import base64
from typing import Any

from mall.catalog.models import Variant
from tests.operations import contract

CART_VIEW = contract("CartView")
CART_LINES_ADD = contract("CartLinesAdd")
CART_LINES_UPDATE = contract("CartLinesUpdate")
CART_LINES_REMOVE = contract("CartLinesRemove")
CART_CLEAR = contract("CartClear")
EMPTY_PREVIEW = {"total": {"amount": "0.00", "currency": "CNY"}, "points": 0, "items": []}


def gid(type_name: str, pk: int) -> str:
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


async def variant_ids(product) -> list[str]:  # type: ignore[no-untyped-def]
    """The global ids of ``product``'s variants, in display order."""
    variants = await Variant.filter(product_id=product.id).order_by("position")
    return [gid("ProductVariant", v.id) for v in variants]


async def variant_pks(product) -> list[int]:  # type: ignore[no-untyped-def]
    return [v.id for v in await Variant.filter(product_id=product.id).order_by("position")]


def money(amount: str) -> dict[str, str]:
    return {"amount": amount, "currency": "CNY"}


async def add(api, lines: list[tuple[str, int]], *, token: str | None = None, cart_token: str | None = None) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """cartLinesAdd's payload."""
    data = {"lines": [{"variantId": v, "quantity": q} for v, q in lines]}
    if cart_token is not None:
        data["cartToken"] = cart_token  # type: ignore[assignment]
    return (await api(CART_LINES_ADD, {"input": data}, token=token)).data["cartLinesAdd"]


async def view(api, *, token: str | None = None, cart_token: str | None = None) -> dict[str, Any] | None:  # type: ignore[no-untyped-def]
    return (await api(CART_VIEW, {"token": cart_token}, token=token)).data["cart"]


def quantities(cart: dict[str, Any] | None) -> list[tuple[str, int]]:
    """(variant id, quantity) of each line, in order."""
    assert cart is not None
    return [(line["variant"]["id"], line["quantity"]) for line in cart["lines"]]
