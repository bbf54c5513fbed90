"""Demo logins: a customer, and a staff member holding every permission."""

from __future__ import annotations

from mall.accounts import registration
from mall.accounts.models import User

DEMO_CUSTOMER = ("demo@example.com", "shop-2026-pass")
DEMO_STAFF = ("admin@example.com", "staff-2026-pass")


async def _ensure(email: str, password: str, **kwargs: object) -> bool:
    if await User.exists(email=email):
        return False
    await registration.create_user(email=email, mobile=None, password=password, **kwargs)  # type: ignore[arg-type]
    return True


async def seed_accounts() -> list[str]:
    created_customer = await _ensure(*DEMO_CUSTOMER, name="Demo Customer 演示顾客")
    created_staff = await _ensure(*DEMO_STAFF, name="Demo Admin", is_staff=True, is_superuser=True)

    def state(created: bool) -> str:
        return "created" if created else "exists"

    return [
        f"Demo customer ({state(created_customer)}): {DEMO_CUSTOMER[0]} / {DEMO_CUSTOMER[1]}",
        f"Demo staff, every permission ({state(created_staff)}): {DEMO_STAFF[0]} / {DEMO_STAFF[1]}",
    ]
