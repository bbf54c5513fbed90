"""How long a guest cart lives: one untouched for a month is deleted by a scheduled job."""

from __future__ import annotations

import datetime as dt

from mall.cart.models import Cart, CartLine
from mall.infra.transactions import transaction

GUEST_CART_KEPT = dt.timedelta(days=30)


async def purge_abandoned_guest_carts(now: dt.datetime, *, batch: int = 1000) -> int:
    """Delete guest carts untouched for ``GUEST_CART_KEPT`` (their lines go with them), at most
    ``batch`` a run; how many. A customer's own cart is never purged."""
    stale = now - GUEST_CART_KEPT
    async with transaction():
        # Locked, so a guest adding to a cart at this moment keeps it (its touch waits, then the
        # cart is gone and the guest starts a new one) and no line is deleted from a live cart.
        # Whole rows: Tortoise drops FOR UPDATE from a values_list() query.
        ids = [cart.id for cart in await Cart.filter(user_id=None, updated_at__lt=stale).order_by("id").limit(batch)
               .select_for_update()]
        if not ids:
            return 0
        await CartLine.filter(cart_id__in=ids).delete()
        return int(await Cart.filter(id__in=ids).delete())
