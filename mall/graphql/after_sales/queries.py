"""After-sale queries: the customer's own (``me.afterSales``) and staff ``afterSales(filter)``."""

from __future__ import annotations

import strawberry

from mall.core.actors import Permission
from mall.graphql.after_sales.inputs import AfterSaleFilter
from mall.graphql.context import Info
from mall.graphql.lookahead import selects
from mall.graphql.orders.types import AfterSaleType
from mall.graphql.permissions import require_permission
from mall.graphql.relay import Connection, connection, decode_query_id
from mall.orders import reads


async def own_after_sales(
    info: Info, user_id: int, *, first: int | None, after: str | None, last: int | None, before: str | None,
) -> Connection[AfterSaleType]:
    """A customer's after-sales, newest first (``User.afterSales``)."""
    return await connection(reads.own_after_sales(user_id), first=first, after=after, last=last, before=before,
                            to_node=AfterSaleType.from_model, edge_cursors=selects(info, "edges", "cursor"))


def _filter(given: AfterSaleFilter | None) -> reads.AfterSaleFilter:
    if given is None:
        return reads.AfterSaleFilter()
    order_id = None
    if given.order_id is not None:
        order_id = decode_query_id(given.order_id, "Order") or -1  # another type's id matches nothing
    return reads.AfterSaleFilter(statuses=tuple(given.statuses or ()), kind=given.kind, order_id=order_id)


@strawberry.type
class AfterSaleQueries:
    @strawberry.field(description="Every after-sale, newest first. MANAGE_ORDERS.")
    async def after_sales(
        self, info: Info, first: int | None = None, after: str | None = None, last: int | None = None,
        before: str | None = None, filter: AfterSaleFilter | None = None,
    ) -> Connection[AfterSaleType] | None:
        actor = await require_permission(info, Permission.MANAGE_ORDERS)
        return await connection(reads.all_after_sales(actor, _filter(filter)), first=first, after=after, last=last,
                                before=before, to_node=AfterSaleType.from_model,
                                edge_cursors=selects(info, "edges", "cursor"))
