"""Checkout: the customer's selected cart lines become an order (DESIGN §3.4).

The selected lines are read with the cart's row locked and leave the cart in
the order's own transaction: if the order is refused (stock, address), the
cart is as it was.

The idempotency key covers the request as the customer sent it, not the
cart lines read for it: a retry after success finds the cart emptied of
those lines and must still get the first order back, not CART_EMPTY.
"""

from __future__ import annotations

import dataclasses

from mall.cart import checkout as cart_checkout
from mall.core.actors import Actor
from mall.core.idempotency import request_fingerprint
from mall.infra import idempotency
from mall.infra.transactions import transaction
from mall.orders import creation
from mall.orders.checkout_input import OrderRequest
from mall.orders.creation import OrderPlan
from mall.orders.models import Order


async def selected_lines(actor: Actor, *, lock: bool = False) -> tuple[tuple[int, int], ...]:
    """The (variant id, quantity) of the caller's selected cart lines."""
    return await cart_checkout.selected_lines(actor.require_user(), lock=lock)


async def order_preview(actor: Actor, *, request: OrderRequest) -> OrderPlan:
    """What ``order_create`` would make from the selected cart lines now."""
    lines = await selected_lines(actor)
    return await creation.preview_order(actor, request=dataclasses.replace(request, lines=lines))


async def order_create(actor: Actor, *, request: OrderRequest, idempotency_key: str | None) -> Order:
    """The selected cart lines as a new order, at most once per idempotency key and request."""
    user_id = actor.require_user()

    async def work() -> Order:
        async with transaction():
            lines = await selected_lines(actor, lock=True)
            order = await creation.create_order(actor, request=dataclasses.replace(request, lines=lines))
            await cart_checkout.remove_lines(user_id, [variant_id for variant_id, _ in lines])
            return order

    if idempotency_key is None:
        return await work()
    return await idempotency.once(
        user_id=user_id, operation=creation.OPERATION, key=idempotency_key,
        fingerprint=request_fingerprint(creation.OPERATION, request.payload()),
        work=work, remember=creation.remember, recall=creation.recall,
    )

