"""Changing a cart: add lines, change or remove them, clear it.

Each change runs in one transaction with the cart's row locked, checks the
whole input first and changes nothing if any of it is refused (every
problem is reported at once). Stock is only checked here, never reserved:
that happens at orderCreate.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mall.cart.models import Cart, CartLine
from mall.cart.owners import Owner, admit_new_guest_cart, cart_for_adding, existing_cart
from mall.cart.views import CartView, cart_view
from mall.catalog.reads import variants_for_cart
from mall.core.clock import clock
from mall.core.errors import ErrorCode, InvalidInput, Problem
from mall.infra.transactions import transaction
from mall.settings import get_settings


@dataclass(frozen=True, slots=True)
class LineAdd:
    variant_id: int
    quantity: int


@dataclass(frozen=True, slots=True)
class LineChange:
    """``quantity`` 0 removes the line; None leaves what it is."""

    line_id: int
    quantity: int | None = None
    selected: bool | None = None


def _bounded(count: int, *, field: str) -> None:
    limit = get_settings().cart_max_lines
    if count == 0:
        raise InvalidInput.one(field, "Give at least one line.", ErrorCode.REQUIRED)
    if count > limit:
        raise InvalidInput.one(field, f"At most {limit} lines at a time.", ErrorCode.LIMIT_EXCEEDED)


def _quantity_problem(quantity: int, path: tuple[str, ...], *, minimum: int) -> Problem | None:
    limit = get_settings().cart_max_quantity
    if minimum <= quantity <= limit:
        return None
    return Problem(ErrorCode.INVALID, f"Quantity must be {minimum} to {limit}.", (*path, "quantity"))


def _refuse(problems: list[Problem]) -> None:
    if problems:
        raise InvalidInput(problems)


async def _touch(cart: Cart) -> None:
    await Cart.filter(id=cart.id).update(updated_at=clock.now())


async def lines_add(owner: Owner, lines: Sequence[LineAdd]) -> CartView:
    """Add quantities of variants; the same variant adds up with what the cart holds.

    A guest without a token gets a new cart, whose token the result shows.
    Refused: an unknown variant (NOT_FOUND), one not for sale (UNAVAILABLE),
    more than is available (INSUFFICIENT_STOCK), more than the bounds, too
    many new guest carts from one address (RATE_LIMITED).
    """
    _bounded(len(lines), field="lines")
    settings = get_settings()
    problems = [p for i, line in enumerate(lines) if (p := _quantity_problem(line.quantity, ("lines", str(i)), minimum=1))]
    _refuse(problems)
    wanted: dict[int, int] = {}
    first_index: dict[int, int] = {}
    for index, line in enumerate(lines):
        wanted[line.variant_id] = wanted.get(line.variant_id, 0) + line.quantity
        first_index.setdefault(line.variant_id, index)
    if owner.user_id is None and owner.token is None:
        await admit_new_guest_cart(owner)
    async with transaction():
        cart, token = await cart_for_adding(owner)
        held = {line.variant_id: line for line in await CartLine.filter(cart_id=cart.id)}
        variants = await variants_for_cart(wanted)
        for variant_id, added in wanted.items():
            path = ("lines", str(first_index[variant_id]))
            variant = variants.get(variant_id)
            total = added + (held[variant_id].quantity if variant_id in held else 0)
            if variant is None or variant.hidden:
                problems.append(Problem(ErrorCode.NOT_FOUND, "No such variant.", (*path, "variantId")))
            elif not variant.for_sale:
                problems.append(Problem(ErrorCode.UNAVAILABLE, "This product is no longer for sale.", (*path, "variantId")))
            elif total > settings.cart_max_quantity:
                problems.append(Problem(
                    ErrorCode.LIMIT_EXCEEDED,
                    f"The cart would hold {total}; at most {settings.cart_max_quantity} of one variant.", (*path, "quantity"),
                ))
            elif total > variant.available:
                problems.append(Problem(
                    ErrorCode.INSUFFICIENT_STOCK, f"Only {variant.available} available; the cart would hold {total}.",
                    (*path, "quantity"),
                ))
        new_variants = [variant_id for variant_id in wanted if variant_id not in held]
        if not problems and len(held) + len(new_variants) > settings.cart_max_lines:
            problems.append(Problem(
                ErrorCode.LIMIT_EXCEEDED, f"A cart holds at most {settings.cart_max_lines} lines.", ("lines",)
            ))
        _refuse(problems)
        for variant_id, line in held.items():
            if variant_id in wanted:
                await CartLine.filter(id=line.id).update(quantity=line.quantity + wanted[variant_id])
        now = clock.now()
        await CartLine.bulk_create([
            CartLine(cart_id=cart.id, variant_id=variant_id, quantity=wanted[variant_id], created_at=now)
            for variant_id in new_variants
        ])
        await _touch(cart)
    view = await cart_view(Owner(user_id=owner.user_id, token=token or owner.token))
    assert view is not None
    return view


async def lines_update(owner: Owner, changes: Sequence[LineChange]) -> CartView | None:
    """Change lines' quantities and selection; quantity 0 removes a line.

    A quantity may always go down; going up, it must be available
    (INSUFFICIENT_STOCK) and the product for sale (UNAVAILABLE).
    """
    _bounded(len(changes), field="lines")
    problems: list[Problem] = []
    seen: set[int] = set()
    for index, change in enumerate(changes):
        path = ("lines", str(index))
        if change.quantity is not None and (problem := _quantity_problem(change.quantity, path, minimum=0)):
            problems.append(problem)
        if change.line_id in seen:
            problems.append(Problem(ErrorCode.INVALID, "This line is changed twice.", (*path, "lineId")))
        seen.add(change.line_id)
    _refuse(problems)
    async with transaction():
        cart = await existing_cart(owner)
        found = {line.id: line for line in await CartLine.filter(cart_id=cart.id, id__in=list(seen))} if cart else {}
        variants = await variants_for_cart({line.variant_id for line in found.values()})
        for index, change in enumerate(changes):
            path = ("lines", str(index))
            line = found.get(change.line_id)
            if line is None:
                problems.append(Problem(ErrorCode.NOT_FOUND, "No such line in this cart.", (*path, "lineId")))
                continue
            if change.quantity is None or change.quantity <= line.quantity:
                continue
            variant = variants.get(line.variant_id)
            if variant is None or not variant.for_sale:
                problems.append(Problem(ErrorCode.UNAVAILABLE, "This product is no longer for sale.", (*path, "quantity")))
            elif change.quantity > variant.available:
                problems.append(Problem(
                    ErrorCode.INSUFFICIENT_STOCK, f"Only {variant.available} available.", (*path, "quantity")
                ))
        _refuse(problems)
        assert cart is not None
        removed = [change.line_id for change in changes if change.quantity == 0]
        if removed:
            await CartLine.filter(id__in=removed).delete()
        for change in changes:
            values: dict[str, object] = {}
            if change.quantity:
                values["quantity"] = change.quantity
            if change.selected is not None:
                values["selected"] = change.selected
            if values and change.quantity != 0:
                await CartLine.filter(id=change.line_id).update(**values)
        await _touch(cart)
    return await cart_view(owner)


async def lines_remove(owner: Owner, line_ids: Sequence[int]) -> CartView | None:
    """Remove lines; an id that is not a line of this cart is refused (NOT_FOUND) and nothing is removed."""
    _bounded(len(line_ids), field="lineIds")
    async with transaction():
        cart = await existing_cart(owner)
        found = set(await CartLine.filter(cart_id=cart.id, id__in=list(line_ids)).values_list("id", flat=True)) if cart else set()
        _refuse([
            Problem(ErrorCode.NOT_FOUND, "No such line in this cart.", ("lineIds", str(index)))
            for index, line_id in enumerate(line_ids) if line_id not in found
        ])
        assert cart is not None
        await CartLine.filter(id__in=list(found)).delete()
        await _touch(cart)
    return await cart_view(owner)


async def clear(owner: Owner) -> CartView | None:
    """Remove every line. A guest's cart stays (empty) under the same token."""
    async with transaction():
        cart = await existing_cart(owner)
        if cart is not None:
            await CartLine.filter(cart_id=cart.id).delete()
            await _touch(cart)
    return await cart_view(owner)
