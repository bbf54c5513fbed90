"""Whose cart: a signed-in customer's (by user id) or a guest's (by an opaque token).

A guest token is 256 random bits; only its SHA-256 is stored, like a
refresh token, so a database leak does not hand out anyone's cart. A
signed-in customer always reaches their own cart: a token they pass is not
used to reach another cart (it only merges at sign-in, ``cart.merging``).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from mall.cart.models import Cart
from mall.core.actors import Actor
from mall.core.clock import clock
from mall.core.errors import ErrorCode, InvalidInput, NotFound, RateLimited
from mall.core.net import throttle_key
from mall.infra import ratelimit
from mall.settings import get_settings

_TOKEN_PREFIX = "mct_"
# Tokens are 47 characters; anything much longer is not one (and is not hashed).
_MAX_TOKEN_LENGTH = 100


@dataclass(frozen=True, slots=True)
class Owner:
    """The cart's owner as the caller names it: a user id, or the guest's token (maybe none yet).

    ``client_ip`` counts a guest's new carts against a per-address limit.
    """

    user_id: int | None = None
    token: str | None = None
    client_ip: str | None = None

    @classmethod
    def of(cls, actor: Actor, token: str | None) -> Owner:
        """A signed-in actor's own cart whatever the token; otherwise the guest's ``token``."""
        if actor.user_id is not None:
            return cls(user_id=actor.user_id)
        return cls(token=token, client_ip=actor.client_ip)


def new_token() -> str:
    return _TOKEN_PREFIX + secrets.token_urlsafe(32)


def token_hash(token: str) -> str | None:
    """The stored form of ``token``; None for what cannot be a token."""
    if not token or len(token) > _MAX_TOKEN_LENGTH:
        return None
    return hashlib.sha256(token.encode()).hexdigest()


async def find_cart(owner: Owner, *, lock: bool = False) -> Cart | None:
    """The owner's cart, if there is one (``lock``: row-locked until the transaction ends)."""
    if owner.user_id is not None:
        query = Cart.filter(user_id=owner.user_id)
    else:
        hashed = token_hash(owner.token) if owner.token else None
        if hashed is None:
            return None
        query = Cart.filter(token_hash=hashed)
    if lock:
        query = query.select_for_update()
    return await query.first()


async def existing_cart(owner: Owner) -> Cart | None:
    """The owner's cart, locked, for a change to its lines; a guest must name one that exists.

    None for a signed-in customer who has no cart yet (nothing to change).
    """
    cart = await find_cart(owner, lock=True)
    if cart is None and owner.user_id is None:
        if owner.token is None:
            raise InvalidInput.one("cartToken", "A guest names the cart with cartToken.", ErrorCode.REQUIRED)
        raise NotFound("No cart has this token.", field="cartToken")
    return cart


async def admit_new_guest_cart(owner: Owner) -> None:
    """``RateLimited`` once an address has made too many guest carts this window (nothing grows unbounded)."""
    settings = get_settings()
    window = ratelimit.Window(settings.guest_carts_max_per_address, settings.guest_carts_window_seconds)
    if not await ratelimit.attempt(f"guest-cart:addr:{throttle_key(owner.client_ip or '')}", window):
        raise RateLimited("Too many new carts from this address; try again later.")


async def customer_cart(user_id: int) -> Cart:
    """The customer's cart, created if missing, locked. Two racing first adds make one cart."""
    now = clock.now()
    await Cart.bulk_create([Cart(user_id=user_id, created_at=now, updated_at=now)], ignore_conflicts=True)
    cart = await Cart.filter(user_id=user_id).select_for_update().first()
    assert cart is not None
    return cart


async def cart_for_adding(owner: Owner) -> tuple[Cart, str | None]:
    """The cart to add to, locked, and the new guest token if one was just made.

    A guest without a token gets a new cart (``admit_new_guest_cart`` first,
    outside the transaction); a guest token that names no
    cart is refused (it may have expired): a new cart would silently drop
    what the guest had.
    """
    if owner.user_id is not None:
        return await customer_cart(owner.user_id), None
    if owner.token is None:
        token = new_token()
        now = clock.now()
        return await Cart.create(token_hash=token_hash(token), created_at=now, updated_at=now), token
    cart = await existing_cart(owner)
    assert cart is not None
    return cart, None
