"""What checkout takes from a customer's cart: the selected lines, then their removal.

Called by ``mall.flows.checkout`` inside the order's transaction, so the lines
leave the cart exactly when the order that holds them commits.
"""

from __future__ import annotations

from mall.cart.models import Cart, CartLine
from mall.core.clock import clock

Line = tuple[int, int]  # (variant id, quantity)


async def selected_lines(user_id: int, *, lock: bool = False) -> tuple[Line, ...]:
    """The customer's selected lines in the order they were added; ``lock`` holds the cart's row
    until the transaction ends (two checkouts of one cart take turns)."""
    query = Cart.filter(user_id=user_id)
    if lock:
        query = query.select_for_update()
    cart = await query.only("id").first()
    if cart is None:
        return ()
    rows = await CartLine.filter(cart_id=cart.id, selected=True).order_by("created_at", "id").values_list(
        "variant_id", "quantity"
    )
    return tuple((int(variant_id), int(quantity)) for variant_id, quantity in rows)


async def remove_lines(user_id: int, variant_ids: list[int]) -> None:
    """Take these variants' lines out of the customer's cart (they became an order)."""
    cart = await Cart.filter(user_id=user_id).only("id").first()
    if cart is None or not variant_ids:
        return
    await CartLine.filter(cart_id=cart.id, variant_id__in=variant_ids).delete()
    await Cart.filter(id=cart.id).update(updated_at=clock.now())

