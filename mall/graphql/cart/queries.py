"""The cart query."""

from __future__ import annotations

import strawberry

from mall.cart.owners import Owner
from mall.cart.views import cart_view
from mall.graphql.cart.types import CartType
from mall.graphql.context import Info


@strawberry.type
class CartQueries:
    @strawberry.field(
        description="The caller's cart. A signed-in customer always gets their own cart and `token` is not used "
        "(a guest token only merges, at tokenCreate or accountRegister). A guest gets the cart its token names. "
        "Null when there is no such cart yet (the first cartLinesAdd makes it)."
    )
    async def cart(self, info: Info, token: str | None = None) -> CartType | None:
        view = await cart_view(Owner.of(await info.context.actor(), token))
        return CartType.from_view(view) if view else None
