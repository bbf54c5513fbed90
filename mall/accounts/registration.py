"""Creating accounts: customers sign up; staff are created by staff or the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tortoise.exceptions import IntegrityError

from mall.accounts import passwords
from mall.accounts.models import User
from mall.accounts.validation import clean_text, normalize_email, normalize_mobile
from mall.core.clock import clock
from mall.core.errors import Duplicate, ErrorCode, InvalidInput, Problem, RateLimited
from mall.core.net import throttle_key
from mall.infra import ratelimit
from mall.settings import get_settings


def _identity(email: str | None, mobile: str | None) -> dict[str, str | None]:
    if not email and not mobile:
        raise InvalidInput(
            [Problem(ErrorCode.REQUIRED, "Give an email address or a mobile number.", ("email",))]
        )
    return {
        "email": normalize_email(email) if email else None,
        "mobile": normalize_mobile(mobile) if mobile else None,
    }


async def _ensure_unique(email: str | None, mobile: str | None) -> None:
    if email and await User.exists(email=email):
        raise Duplicate("An account with this email already exists.", field="email")
    if mobile and await User.exists(mobile=mobile):
        raise Duplicate("An account with this mobile number already exists.", field="mobile")


@dataclass(frozen=True)
class NewUser:
    """A validated user with a hashed password, ready to insert."""

    values: dict[str, Any]


async def prepare_user(
    *,
    email: str | None,
    mobile: str | None,
    password: str,
    name: str = "",
    is_staff: bool = False,
    is_superuser: bool = False,
    permissions: list[str] | None = None,
) -> NewUser:
    """Validate, check the login is free and hash the password (slow by design):
    done before any transaction opens, so none waits on argon2."""
    identity = _identity(email, mobile)
    clean_name = clean_text(name, field="name", max_length=100, required=False)
    passwords.check_password_strength(password, login=identity["email"] or identity["mobile"])
    await _ensure_unique(identity["email"], identity["mobile"])
    return NewUser({
        **identity,
        "name": clean_name,
        "password_hash": await passwords.hash_password(password),
        "is_staff": is_staff,
        "is_superuser": is_superuser,
        "permissions": sorted(permissions or []),
    })


async def insert_user(new: NewUser) -> User:
    """Store a prepared user (inside the caller's transaction, if any)."""
    now = clock.now()
    try:
        return await User.create(**new.values, created_at=now, updated_at=now)
    except IntegrityError as exc:
        # Two sign-ups raced past the check; the unique index decided.
        field = "email" if new.values["email"] else "mobile"
        raise Duplicate("An account with this login already exists.", field=field) from exc


async def create_user(**fields: Any) -> User:
    """Validate and store a new user; ``Duplicate`` if the email or mobile is taken."""
    return await insert_user(await prepare_user(**fields))


async def register(
    *, email: str | None, mobile: str | None, password: str, name: str, client_ip: str
) -> User:
    """A customer signs up. Rate-limited per client address."""
    settings = get_settings()
    window = ratelimit.Window(settings.registration_max_per_address, settings.registration_window_seconds)
    if not await ratelimit.attempt(f"register:addr:{throttle_key(client_ip)}", window):
        raise RateLimited("Too many sign-ups from this address; try again later.")
    return await create_user(email=email, mobile=mobile, password=password, name=name)
