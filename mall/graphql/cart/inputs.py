"""Input types of the cart mutations."""

from __future__ import annotations

import strawberry

CART_TOKEN = "A guest's cart token (from the first cartLinesAdd). Not used for a signed-in customer."


@strawberry.input
class CartLineAddInput:
    variant_id: strawberry.ID
    quantity: int = strawberry.field(description="1 to MALL_CART_MAX_QUANTITY (999); adds to what the cart holds.")


@strawberry.input
class CartLinesAddInput:
    lines: list[CartLineAddInput]
    cart_token: str | None = strawberry.field(
        default=None, description=CART_TOKEN + " A guest without one gets a new cart and its token."
    )


@strawberry.input
class CartLineUpdateInput:
    line_id: strawberry.ID
    quantity: int | None = strawberry.field(default=None, description="The new quantity; 0 removes the line.")
    selected: bool | None = None


@strawberry.input
class CartLinesUpdateInput:
    lines: list[CartLineUpdateInput]
    cart_token: str | None = strawberry.field(default=None, description=CART_TOKEN)


@strawberry.input
class CartLinesRemoveInput:
    line_ids: list[strawberry.ID]
    cart_token: str | None = strawberry.field(default=None, description=CART_TOKEN)


@strawberry.input
class CartClearInput:
    cart_token: str | None = strawberry.field(default=None, description=CART_TOKEN)
