"""Signing in and signing up, with the guest's cart merged into the customer's (DESIGN §3.3).

Sign-in and the merge are two transactions, not one: the password check is
slow (argon2) and must not hold a transaction open. The merge runs after
the session exists; a cart token that names no cart is ignored, so a stale
token never stops anyone signing in.
"""

from __future__ import annotations

from mall.accounts import registration, sessions
from mall.accounts.sessions import TokenPair
from mall.cart.merging import merge_guest_cart


async def token_create(*, login: str, password: str, client_ip: str, user_agent: str, cart_token: str | None) -> TokenPair:
    """``accounts.sessions.token_create``, then the guest cart named by ``cart_token`` merges in."""
    pair = await sessions.token_create(login=login, password=password, client_ip=client_ip, user_agent=user_agent)
    await merge_guest_cart(user_id=pair.user.id, token=cart_token)
    return pair


async def register(
    *, email: str | None, mobile: str | None, password: str, name: str, client_ip: str, cart_token: str | None
) -> registration.User:
    """``accounts.registration.register``, then the guest cart named by ``cart_token`` becomes the new customer's."""
    user = await registration.register(email=email, mobile=mobile, password=password, name=name, client_ip=client_ip)
    await merge_guest_cart(user_id=user.id, token=cart_token)
    return user
