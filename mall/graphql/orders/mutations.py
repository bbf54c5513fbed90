"""Order mutations: orderCreate (the customer), orderCancel (customer or staff), orderShip (staff), orderReceiptConfirm."""

from __future__ import annotations

import strawberry

from mall.cart.owners import Owner
from mall.cart.views import cart_view
from mall.core.actors import Actor, Permission
from mall.flows import checkout, refunds
from mall.graphql.cart.types import CartType
from mall.graphql.context import Info
from mall.graphql.errors import UserError
from mall.graphql.orders.inputs import (
    OrderCancelInput,
    OrderCreateInput,
    OrderReceiptConfirmInput,
    OrderShipInput,
)
from mall.graphql.orders.requests import order_request
from mall.graphql.orders.types import OrderType
from mall.graphql.relay import decode_id
from mall.graphql.runner import mutate
from mall.orders import lifecycle


@strawberry.type
class OrderPayload:
    order: OrderType | None = None
    user_errors: list[UserError]


@strawberry.type
class OrderCreatePayload:
    order: OrderType | None = None
    cart: CartType | None = strawberry.field(default=None, description="The cart after checkout: the ordered lines are gone.")
    user_errors: list[UserError]


@strawberry.type
class OrderMutations:
    @strawberry.mutation(description="The selected cart lines become an order holding their stock until paid, cancelled or expired.")
    async def order_create(self, info: Info, input: OrderCreateInput) -> OrderCreatePayload:
        async def action(actor: Actor) -> dict[str, object]:
            order = await checkout.order_create(actor, request=order_request(input), idempotency_key=input.idempotency_key)
            view = await cart_view(Owner.of(actor, None))
            return {"order": OrderType.from_model(order), "cart": CartType.from_view(view) if view else None}

        return await mutate(info, OrderCreatePayload, action, signed_in=True)

    @strawberry.mutation(description="Customers before payment; staff (MANAGE_ORDERS) before shipping.")
    async def order_cancel(self, info: Info, input: OrderCancelInput) -> OrderPayload:
        async def action(actor: Actor) -> dict[str, object]:
            order_id = decode_id(input.order_id, "Order", field="orderId")
            order = await refunds.cancel_order(actor, order_id=order_id, reason=input.reason)
            return {"order": OrderType.from_model(order)}

        return await mutate(info, OrderPayload, action, signed_in=True)

    @strawberry.mutation(description="Ship a PAID order. MANAGE_ORDERS.")
    async def order_ship(self, info: Info, input: OrderShipInput) -> OrderPayload:
        async def action(actor: Actor) -> dict[str, object]:
            order_id = decode_id(input.order_id, "Order", field="orderId")
            order = await lifecycle.ship_order(
                actor, order_id=order_id, carrier=input.carrier, tracking_number=input.tracking_number)
            return {"order": OrderType.from_model(order)}

        return await mutate(info, OrderPayload, action, permission=Permission.MANAGE_ORDERS)

    @strawberry.mutation(description="The customer confirms receipt of a SHIPPED or DELIVERED order: COMPLETED.")
    async def order_receipt_confirm(self, info: Info, input: OrderReceiptConfirmInput) -> OrderPayload:
        async def action(actor: Actor) -> dict[str, object]:
            order_id = decode_id(input.order_id, "Order", field="orderId")
            return {"order": OrderType.from_model(await lifecycle.confirm_receipt(actor, order_id=order_id))}

        return await mutate(info, OrderPayload, action, signed_in=True)
