"""Throttling sign-in guesses without handing strangers a lockout (DESIGN §3.1).

Failures are counted per account and client address together (a low
ceiling), per address across accounts, and per account across all addresses
(a much higher ceiling that stops a distributed attack). Past the account-wide
ceiling only addresses that have failed for the account are refused: an
address with no failures still gets its password checked, once, so the owner
signing in from their own device is not locked out by guesses from elsewhere.

Attempts are counted before the password is checked, and given back when it
turns out right or when the attempt is refused before any check, so the counts
are of checked wrong passwords and parallel guesses cannot slip past a ceiling.
An unknown login is counted under its name, exactly like an account; the keys
it can mint are bounded by its address's own ceiling.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from mall.core.errors import RateLimited
from mall.core.net import throttle_key
from mall.infra import ratelimit
from mall.settings import get_settings


@dataclass(frozen=True, slots=True)
class SignInAttempt:
    """The counters one admitted attempt was counted on."""

    pair: str
    address: str
    account: str


def account_of_user(user_id: int) -> str:
    """The counter name of an account: one whichever of its logins is typed."""
    return f"user:{user_id}"


def account_of_unknown_login(login: str) -> str:
    return "name:" + hashlib.sha256(login.encode()).hexdigest()[:32]


async def admit(*, account: str, client_ip: str) -> SignInAttempt:
    """Count one attempt to sign in to ``account`` from ``client_ip``; ``RateLimited`` past a ceiling."""
    settings = get_settings()
    seconds = settings.login_throttle_window_seconds
    address_window = ratelimit.Window(settings.login_max_failures_per_address, seconds)
    pair_window = ratelimit.Window(settings.login_max_failures_per_account, seconds)
    account_window = ratelimit.Window(settings.login_max_failures_per_account_any_address, seconds)
    source = throttle_key(client_ip)
    attempt = SignInAttempt(
        pair=f"login:pair:{account}:{source}", address=f"login:addr:{source}", account=f"login:acct:{account}"
    )
    # The address first: an address past its ceiling mints no counters for the logins it tries.
    if await ratelimit.hit(attempt.address, address_window) > address_window.limit:
        await ratelimit.give_back(attempt.address)
        raise _refused()
    pair = await ratelimit.hit(attempt.pair, pair_window)
    everywhere = await ratelimit.hit(attempt.account, account_window)
    # pair > 1: this address has failed for this account (or is guessing in parallel).
    if pair > pair_window.limit or (everywhere > account_window.limit and pair > 1):
        for key in (attempt.address, attempt.pair, attempt.account):
            await ratelimit.give_back(key)
        raise _refused()
    return attempt


def _refused() -> RateLimited:
    return RateLimited("Too many sign-in attempts; try again later.")


async def succeeded(attempt: SignInAttempt) -> None:
    """The password was right: this address's failures for the account are forgiven, the attempt uncounted."""
    await ratelimit.reset(attempt.pair)
    await ratelimit.give_back(attempt.address)
    await ratelimit.give_back(attempt.account)
