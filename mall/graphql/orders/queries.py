"""Order queries: the customer's own (``me.orders``, ``me.order``), staff ``orders``, and ``orderPreview``."""

from __future__ import annotations

import strawberry

from mall.core.actors import Permission
from mall.core.errors import DomainError
from mall.flows import checkout
from mall.graphql.context import Info
from mall.graphql.errors import user_errors
from mall.graphql.lookahead import selects
from mall.graphql.orders.inputs import OrderCreateInput, OrderFilter
from mall.graphql.orders.requests import order_request
from mall.graphql.orders.types import OrderPreview, OrderStatus, OrderType
from mall.graphql.permissions import require_permission
from mall.graphql.relay import Connection, connection, decode_query_id
from mall.orders import reads


async def own_orders(
    info: Info, user_id: int, *, first: int | None, after: str | None, last: int | None, before: str | None,
    statuses: list[OrderStatus] | None,  # type: ignore[valid-type]
) -> Connection[OrderType]:
    """A customer's orders, newest first (``User.orders``)."""
    source = reads.own_orders(user_id, statuses=statuses or ())
    return await connection(source, first=first, after=after, last=last, before=before, to_node=OrderType.from_model,
                            edge_cursors=selects(info, "edges", "cursor"))


async def own_order(user_id: int, number: str) -> OrderType | None:
    order = await reads.own_order_by_number(user_id, number)
    return OrderType.from_model(order) if order else None


async def visible_order(info: Info, pk: int) -> OrderType | None:
    """``node(id:)`` for an Order: its customer, or staff with MANAGE_ORDERS."""
    order = await reads.visible_order(await info.context.actor(), pk)
    return OrderType.from_model(order) if order else None


def _filter(given: OrderFilter | None) -> reads.OrderFilter:
    if given is None:
        return reads.OrderFilter()
    customer_id = None
    if given.customer_id is not None:
        customer_id = decode_query_id(given.customer_id, "User") or -1  # another type's id matches no one
    return reads.OrderFilter(
        statuses=tuple(given.statuses or ()), customer_id=customer_id, number=given.number,
        created_from=given.created_from, created_to=given.created_to,
    )


@strawberry.type
class OrderQueries:
    @strawberry.field(description="Every order, newest first. MANAGE_ORDERS.")
    async def orders(
        self, info: Info, first: int | None = None, after: str | None = None, last: int | None = None,
        before: str | None = None, filter: OrderFilter | None = None,
    ) -> Connection[OrderType] | None:
        actor = await require_permission(info, Permission.MANAGE_ORDERS)
        return await connection(reads.all_orders(actor, _filter(filter)), first=first, after=after, last=last,
                                before=before, to_node=OrderType.from_model, edge_cursors=selects(info, "edges", "cursor"))

    @strawberry.field(description="Exactly what orderCreate would make from the same input now, without making it.")
    async def order_preview(self, info: Info, input: OrderCreateInput) -> OrderPreview:
        actor = await info.context.actor()
        try:
            plan = await checkout.order_preview(actor, request=order_request(input))
        except DomainError as exc:
            return OrderPreview(user_errors=user_errors(exc))
        return OrderPreview.from_plan(plan)
