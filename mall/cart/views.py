"""Reading a cart: its lines with today's prices from the catalog, each line's problems, the subtotal.

A fixed number of queries whatever the size of the cart: the cart, its
lines, and their variants (``catalog.reads.variants_for_cart``).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from mall.cart.models import CartLine
from mall.cart.owners import Owner, find_cart
from mall.catalog.reads import CartVariant, variants_for_cart


class LineProblem(enum.Enum):
    """Why a line cannot be bought as it stands."""

    OUT_OF_STOCK = "OUT_OF_STOCK"
    INSUFFICIENT_STOCK = "INSUFFICIENT_STOCK"
    UNAVAILABLE = "UNAVAILABLE"


@dataclass(frozen=True, slots=True)
class LineView:
    id: int
    variant_id: int
    quantity: int
    selected: bool
    unit_price_minor: int | None  # None: the variant is gone
    problems: tuple[LineProblem, ...]

    @property
    def total_minor(self) -> int | None:
        return None if self.unit_price_minor is None else self.unit_price_minor * self.quantity


@dataclass(frozen=True, slots=True)
class CartView:
    id: int
    token: str | None  # the guest's token; None for a customer's cart
    lines: tuple[LineView, ...]

    @property
    def subtotal_minor(self) -> int:
        """The selected lines at today's prices."""
        return sum(line.total_minor or 0 for line in self.lines if line.selected)


def line_problems(quantity: int, variant: CartVariant | None) -> tuple[LineProblem, ...]:
    if variant is None or not variant.for_sale:
        return (LineProblem.UNAVAILABLE,)
    if variant.available <= 0:
        return (LineProblem.OUT_OF_STOCK,)
    if quantity > variant.available:
        return (LineProblem.INSUFFICIENT_STOCK,)
    return ()


async def cart_view(owner: Owner) -> CartView | None:
    """The owner's cart as it is now, or None if they have none (or the token names none)."""
    cart = await find_cart(owner)
    if cart is None:
        return None
    lines = await CartLine.filter(cart_id=cart.id).order_by("created_at", "id")
    variants = await variants_for_cart({line.variant_id for line in lines})
    views = []
    for line in lines:
        variant = variants.get(line.variant_id)
        views.append(LineView(
            id=line.id, variant_id=line.variant_id, quantity=line.quantity, selected=line.selected,
            unit_price_minor=variant.price_minor if variant else None,
            problems=line_problems(line.quantity, variant),
        ))
    return CartView(id=cart.id, token=owner.token if owner.user_id is None else None, lines=tuple(views))
