"""Password hashing (argon2id) and the rules for acceptable passwords."""

from __future__ import annotations

import asyncio
import re
from functools import lru_cache

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

from mall.accounts.errors import WeakPassword
from mall.settings import get_settings

MIN_LENGTH = 8
MAX_LENGTH = 128
_COMMON = frozenset(
    """password password1 password123 passw0rd 12345678 123456789 1234567890 11111111
    88888888 00000000 qwerty123 qwertyuiop 1q2w3e4r 1qaz2wsx abc12345 abcd1234 a1234567
    iloveyou woaini520 woaini1314 admin123 letmein1 welcome1 zxcvbnm1 asdf1234""".split()
)
_PAYMENT_PASSWORD = re.compile(r"[0-9]{6}")  # ASCII: what a payment keypad types


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    settings = get_settings()
    return PasswordHasher(
        time_cost=settings.password_hash_time_cost,
        memory_cost=settings.password_hash_memory_kib,
        parallelism=settings.password_hash_parallelism,
        type=Type.ID,
    )


async def hash_password(password: str) -> str:
    """argon2id, off the event loop: hashing takes tens of milliseconds by design."""
    return await asyncio.to_thread(_hasher().hash, password)


async def verify_password(password_hash: str, password: str) -> bool:
    def verify() -> bool:
        try:
            return _hasher().verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    return await asyncio.to_thread(verify)


def needs_rehash(password_hash: str) -> bool:
    try:
        return _hasher().check_needs_rehash(password_hash)
    except InvalidHashError:
        return True


_DUMMY_PASSWORD = "no such account: spend the same time"
_dummy_hash: str | None = None


async def dummy_hash() -> str:
    """A hash to verify against when the login is unknown, so both answers take as long.

    Computed once, off the event loop like every argon2 call (two first
    callers at once may both compute it; either result serves).
    """
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = await asyncio.to_thread(_hasher().hash, _DUMMY_PASSWORD)
    return _dummy_hash


def forget_dummy_hash() -> None:
    """Compute the dummy hash afresh on next use (tests; new hashing settings)."""
    global _dummy_hash
    _dummy_hash = None


def check_password_strength(password: str, *, field: str = "password", login: str | None = None) -> None:
    """Raise ``WeakPassword`` unless the password is long and varied enough.

    NIST-style: length first (8–128), at least two kinds of character, and
    not one of the passwords every attacker tries first.
    """
    if len(password) < MIN_LENGTH:
        raise WeakPassword(f"Use at least {MIN_LENGTH} characters.", field=field)
    if len(password) > MAX_LENGTH:
        raise WeakPassword(f"Use at most {MAX_LENGTH} characters.", field=field)
    kinds = sum(
        (
            any(c.isalpha() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
        )
    )
    if kinds < 2:
        raise WeakPassword("Mix letters with digits or symbols.", field=field)
    lowered = password.lower()
    if lowered in _COMMON:
        raise WeakPassword("This password is too common.", field=field)
    name = login.split("@")[0].lower() if login else ""
    if len(name) >= 4 and name in lowered:
        raise WeakPassword("The password must not contain your login.", field=field)


def check_payment_password(payment_password: str, *, field: str = "paymentPassword") -> None:
    """Six digits, not all the same and not a straight run such as 123456."""
    if not _PAYMENT_PASSWORD.fullmatch(payment_password):
        raise WeakPassword("The payment password is six digits.", field=field)
    digits = [int(c) for c in payment_password]
    steps = {b - a for a, b in zip(digits, digits[1:], strict=False)}
    if steps in ({0}, {1}, {-1}):
        raise WeakPassword(
            "Avoid repeated or consecutive digits such as 111111 or 123456.", field=field
        )
