"""Scheduled purges: expired idempotency keys and abandoned guest carts do not pile up."""

from __future__ import annotations

import datetime as dt

from mall.cart import expiry
from mall.cart.models import Cart, CartLine
from mall.cart.owners import customer_cart, new_token, token_hash
from mall.core.clock import clock
from mall.infra import idempotency
from mall.infra.idempotency import IdempotencyKey, KeyState
from mall.infra.transactions import transaction
from tests import factories


async def test_expired_idempotency_keys_are_purged_and_live_ones_kept():
    now = clock.now()
    for index, expires in enumerate((now - dt.timedelta(seconds=1), now + dt.timedelta(hours=1))):
        await IdempotencyKey.create(user_id=1, operation="orderCreate", key=f"k{index}", fingerprint="f",
                                    state=KeyState.DONE, created_at=now, expires_at=expires)

    purged = await idempotency.purge_expired(now)
    again = await idempotency.purge_expired(now)

    assert (purged, again) == (1, 0)
    assert await IdempotencyKey.all().values_list("key", flat=True) == ["k1"]


async def test_guest_carts_untouched_for_a_month_are_purged_with_their_lines_and_customers_carts_never():
    now = clock.now()
    variant = await factories.variant_of(await factories.product(stock=5))
    buyer = await factories.customer()
    async with transaction():
        own = await customer_cart(buyer.user.id)
    old, fresh = [await Cart.create(token_hash=token_hash(new_token()), created_at=at, updated_at=at)
                  for at in (now - dt.timedelta(days=31), now - dt.timedelta(days=29))]
    for cart in (own, old, fresh):
        await CartLine.create(cart_id=cart.id, variant_id=variant.id, quantity=1, created_at=now)
    await Cart.filter(id=own.id).update(updated_at=now - dt.timedelta(days=400))

    purged = await expiry.purge_abandoned_guest_carts(now)

    assert purged == 1
    assert sorted(await Cart.all().values_list("id", flat=True)) == sorted([own.id, fresh.id])
    assert await CartLine.filter(cart_id=old.id).count() == 0
