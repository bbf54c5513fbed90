"""What the points tests share: lots given by walletAdjust at chosen times, checkout with points, the lots as stored."""

from __future__ import annotations

import dataclasses
import datetime as dt
import secrets
from typing import Any

from mall.accounts import sessions
from mall.core.actors import Actor
from mall.core.clock import clock
from mall.graphql.relay import encode_id
from mall.wallet import points
from mall.wallet.chart import SystemCode
from mall.wallet.journal import Cause
from mall.wallet.models import PointsLot
from tests import factories
from tests.api.wallet.funds_scene import CART_LINES_ADD, ORDER_CREATE
from tests.operations import contract

ORDER_PREVIEW = contract("OrderPreview")
DAY = dt.timedelta(days=1)


async def give_points(api, buyer: factories.Account, *amounts: int, days_apart: int = 1) -> None:  # type: ignore[no-untyped-def]
    """One lot per amount, the last given now and each one before it ``days_apart`` days earlier (so expiring
    earlier): through ``wallet.points`` at a past clock, where no session would be valid yet."""
    for index, amount in enumerate(amounts):
        clock.set_offset(-(len(amounts) - 1 - index) * days_apart * DAY)
        try:
            await points.credit(Actor.system(), customer_id=buyer.user.id, points=amount, key=f"test:{secrets.token_hex(8)}",
                                cause=Cause.ADJUSTMENT, cause_id=None, source=SystemCode.POINTS_ADJUSTMENTS)
        finally:
            clock.set_offset(dt.timedelta(0))


async def signed_in_again(account: factories.Account) -> factories.Account:
    """A new session for ``account`` (after the sandbox clock moved past its tokens)."""
    pair = await sessions.start_session(account.user, client_ip="127.0.0.1", user_agent="pytest")
    return dataclasses.replace(account, access_token=pair.access_token, refresh_token=pair.refresh_token)


async def lots(buyer: factories.Account) -> list[tuple[int, int]]:
    """The buyer's lots as (granted, remaining), by expiry."""
    return [(lot.granted, lot.remaining) for lot in await PointsLot.filter(customer_id=buyer.user.id).order_by(
        "expires_at", "id")]


async def cart(api, buyer: factories.Account, *, price: str = "25.00", quantity: int = 2) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """A cart of ``quantity`` × ``price`` and an address: the order input without points."""
    variant = await factories.variant_of(await factories.product(prices=(price,), stock=10))
    address = await factories.address(buyer)
    added = await api(CART_LINES_ADD, {"input": {"lines": [
        {"variantId": encode_id("ProductVariant", variant.id), "quantity": quantity}]}}, token=buyer.access_token)
    assert added.data["cartLinesAdd"]["userErrors"] == []
    return {"addressId": encode_id("Address", address.id)}


async def preview(api, buyer: factories.Account, order_input: dict[str, Any], points: int) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    answer = await api(ORDER_PREVIEW, {"input": {**order_input, "pointsToUse": points}}, token=buyer.access_token)
    return answer.data["orderPreview"]


async def create(api, buyer: factories.Account, order_input: dict[str, Any], points: int, **more: Any) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    answer = await api(ORDER_CREATE, {"input": {**order_input, "pointsToUse": points, **more}}, token=buyer.access_token)
    return answer.data["orderCreate"]
