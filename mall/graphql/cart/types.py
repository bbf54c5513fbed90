"""Cart types: Cart, CartLine and the line problems."""

from __future__ import annotations

import strawberry

from mall.cart import views
from mall.cart.rebates import cart_rebates
from mall.graphql.catalog.loaders import VariantByIdLoader
from mall.graphql.catalog.types import VariantType
from mall.graphql.context import Info
from mall.graphql.money import Money
from mall.graphql.rebates.types import RebatePreview
from mall.graphql.relay import encode_id
from mall.settings import get_settings

CartLineProblem = strawberry.enum(views.LineProblem, description="Why a line cannot be bought as it stands.")


@strawberry.type(name="CartLine")
class CartLineType:
    id: strawberry.ID
    quantity: int
    selected: bool = strawberry.field(description="Selected lines are what checkout buys.")
    unit_price: Money | None = strawberry.field(description="Today's catalog price; null if the variant is gone.")
    total: Money | None
    problems: list[CartLineProblem] = strawberry.field(  # type: ignore[valid-type]
        description="OUT_OF_STOCK (none available), INSUFFICIENT_STOCK (fewer available than the quantity), "
        "UNAVAILABLE (the product is no longer for sale). Empty when the line can be bought."
    )
    _variant_id: strawberry.Private[int]

    @strawberry.field(description="The variant, shown even after its product is withdrawn; null if it is gone.")
    async def variant(self, info: Info) -> VariantType | None:
        row = await info.context.loader(VariantByIdLoader).load(self._variant_id)
        return VariantType.from_row(row, staff=False) if row else None

    @classmethod
    def from_view(cls, line: views.LineView, currency: str) -> CartLineType:
        price, total = line.unit_price_minor, line.total_minor
        return cls(
            id=strawberry.ID(encode_id("CartLine", line.id)),
            quantity=line.quantity,
            selected=line.selected,
            unit_price=None if price is None else Money.of(price, currency),
            total=None if total is None else Money.of(total, currency),
            problems=list(line.problems),
            _variant_id=line.variant_id,
        )


@strawberry.type(
    name="Cart",
    description="A customer's cart, or a guest's (named by its token). Prices are the catalog's, read now.",
)
class CartType:
    id: strawberry.ID
    token: str | None = strawberry.field(
        description="A guest cart's token: pass it as cartToken to reach this cart, and to tokenCreate or "
        "accountRegister to merge it into the customer's cart. Null for a signed-in customer's cart."
    )
    lines: list[CartLineType] = strawberry.field(description="In the order they were added.")
    subtotal: Money = strawberry.field(description="The selected lines at today's prices.")
    _view: strawberry.Private[views.CartView]

    @strawberry.field(description="The rebates the selected lines would earn if paid now entirely with money (the "
                      "basis of each line is its total; orderPreview shows it after vouchers, points and rebate "
                      "credit), with what is left of the rules' budgets and of your per-customer caps. Nothing is "
                      "reserved. Empty while no rule applies or new rebates are paused.")
    async def rebate_preview(self, info: Info) -> RebatePreview:
        actor = await info.context.actor()
        preview = await cart_rebates(self._view, customer_id=actor.user_id)
        return RebatePreview.of(preview, get_settings().currency)

    @classmethod
    def from_view(cls, cart: views.CartView) -> CartType:
        currency = get_settings().currency
        return cls(
            id=strawberry.ID(encode_id("Cart", cart.id)),
            token=cart.token,
            lines=[CartLineType.from_view(line, currency) for line in cart.lines],
            subtotal=Money.of(cart.subtotal_minor, currency),
            _view=cart,
        )
