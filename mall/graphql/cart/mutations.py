"""Cart mutations: add, update, remove lines, clear. Each returns the cart as it is afterwards."""

from __future__ import annotations

from collections.abc import Sequence

import strawberry

from mall.cart import lines
from mall.cart.owners import Owner
from mall.cart.views import CartView
from mall.core.actors import Actor
from mall.core.errors import ErrorCode, InvalidInput, Problem
from mall.graphql.cart.inputs import CartClearInput, CartLinesAddInput, CartLinesRemoveInput, CartLinesUpdateInput
from mall.graphql.cart.types import CartType
from mall.graphql.context import Info
from mall.graphql.errors import UserError
from mall.graphql.relay import decode_id
from mall.graphql.runner import mutate
from mall.settings import get_settings


@strawberry.type
class CartLinesAddPayload:
    cart: CartType | None = None
    user_errors: list[UserError]


@strawberry.type
class CartLinesUpdatePayload:
    cart: CartType | None = None
    user_errors: list[UserError]


@strawberry.type
class CartLinesRemovePayload:
    cart: CartType | None = None
    user_errors: list[UserError]


@strawberry.type
class CartClearPayload:
    cart: CartType | None = None
    user_errors: list[UserError]


def _within_bound(items: Sequence[object], field: str) -> None:
    """Refuse an oversized list before decoding any of it."""
    limit = get_settings().cart_max_lines
    if len(items) > limit:
        raise InvalidInput.one(field, f"At most {limit} lines at a time.", ErrorCode.LIMIT_EXCEEDED)


def _pk(global_id: str, type_name: str, path: tuple[str, ...]) -> int:
    try:
        return decode_id(global_id, type_name, field=path[-1])
    except InvalidInput as exc:
        raise InvalidInput([Problem(ErrorCode.INVALID, exc.message, path)]) from exc


def _cart(view: CartView | None) -> dict[str, object]:
    return {"cart": CartType.from_view(view) if view else None}


@strawberry.type
class CartMutations:
    @strawberry.mutation(description="Add variants to the cart; quantities of the same variant add up.")
    async def cart_lines_add(self, info: Info, input: CartLinesAddInput) -> CartLinesAddPayload:
        async def action(actor: Actor) -> dict[str, object]:
            _within_bound(input.lines, "lines")
            wanted = [
                lines.LineAdd(_pk(line.variant_id, "ProductVariant", ("lines", str(i), "variantId")), line.quantity)
                for i, line in enumerate(input.lines)
            ]
            return _cart(await lines.lines_add(Owner.of(actor, input.cart_token), wanted))

        return await mutate(info, CartLinesAddPayload, action)

    @strawberry.mutation(description="Change lines' quantities (0 removes) and whether they are selected for checkout.")
    async def cart_lines_update(self, info: Info, input: CartLinesUpdateInput) -> CartLinesUpdatePayload:
        async def action(actor: Actor) -> dict[str, object]:
            _within_bound(input.lines, "lines")
            changes = [
                lines.LineChange(_pk(line.line_id, "CartLine", ("lines", str(i), "lineId")), line.quantity, line.selected)
                for i, line in enumerate(input.lines)
            ]
            return _cart(await lines.lines_update(Owner.of(actor, input.cart_token), changes))

        return await mutate(info, CartLinesUpdatePayload, action)

    @strawberry.mutation(description="Remove lines from the cart.")
    async def cart_lines_remove(self, info: Info, input: CartLinesRemoveInput) -> CartLinesRemovePayload:
        async def action(actor: Actor) -> dict[str, object]:
            _within_bound(input.line_ids, "lineIds")
            ids = [_pk(line_id, "CartLine", ("lineIds", str(i))) for i, line_id in enumerate(input.line_ids)]
            return _cart(await lines.lines_remove(Owner.of(actor, input.cart_token), ids))

        return await mutate(info, CartLinesRemovePayload, action)

    @strawberry.mutation(description="Remove every line (a guest's cart stays, empty, under its token).")
    async def cart_clear(self, info: Info, input: CartClearInput) -> CartClearPayload:
        async def action(actor: Actor) -> dict[str, object]:
            return _cart(await lines.clear(Owner.of(actor, input.cart_token)))

        return await mutate(info, CartClearPayload, action)
