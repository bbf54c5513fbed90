"""A guest's cart merges into the customer's cart when the guest signs in.

Quantities of the same variant add up, capped by what is available (never
below what the customer's cart already held) and by the line bound; guest
lines for variants not for sale, or with nothing available, are dropped;
new lines stop at the cart's line bound. The guest cart is gone afterwards.
"""

from __future__ import annotations

from mall.cart.models import Cart, CartLine
from mall.cart.owners import customer_cart, token_hash
from mall.catalog.reads import CartVariant
from mall.catalog.reads import variants_for_cart as read_variants
from mall.core.clock import clock
from mall.infra.transactions import transaction
from mall.settings import get_settings


def merged_quantity(held: int, added: int, variant: CartVariant | None, *, max_quantity: int) -> int:
    """What a line holds after merging ``added`` into ``held`` (0: no line)."""
    if variant is None or not variant.for_sale:
        return held
    return min(max(held, min(held + added, variant.available)), max_quantity)


async def merge_guest_cart(*, user_id: int, token: str | None) -> None:
    """Merge the guest cart named by ``token`` into ``user_id``'s cart; an unknown token is ignored."""
    hashed = token_hash(token) if token else None
    if hashed is None:
        return
    settings = get_settings()
    async with transaction():
        guest = await Cart.filter(token_hash=hashed).select_for_update().first()
        if guest is None:
            return
        guest_lines = await CartLine.filter(cart_id=guest.id).order_by("created_at", "id")
        cart = await customer_cart(user_id)
        held = {line.variant_id: line for line in await CartLine.filter(cart_id=cart.id)}
        variants = await read_variants({line.variant_id for line in guest_lines})
        now = clock.now()
        new_lines: list[CartLine] = []
        for guest_line in guest_lines:
            variant = variants.get(guest_line.variant_id)
            own = held.get(guest_line.variant_id)
            quantity = merged_quantity(
                own.quantity if own else 0, guest_line.quantity, variant, max_quantity=settings.cart_max_quantity
            )
            if own is not None:
                if quantity != own.quantity:
                    await CartLine.filter(id=own.id).update(quantity=quantity)
            elif quantity > 0 and len(held) + len(new_lines) < settings.cart_max_lines:
                new_lines.append(CartLine(
                    cart_id=cart.id, variant_id=guest_line.variant_id, quantity=quantity,
                    selected=guest_line.selected, created_at=now,
                ))
        await CartLine.bulk_create(new_lines)
        await guest.delete()
        await Cart.filter(id=cart.id).update(updated_at=now)
