"""Demo data for the embedded mall (sandbox only): logins and a bilingual catalog."""

from __future__ import annotations

from mall.demo.accounts import seed_accounts
from mall.demo.catalog import seed_catalog


async def seed_demo() -> list[str]:
    """Create what is missing; returns the lines to print."""
    return [*await seed_accounts(), *await seed_catalog()]
