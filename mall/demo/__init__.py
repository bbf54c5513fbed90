"""Demo data for the embedded mall (sandbox only): logins, a bilingual catalog and a rebate campaign."""

from __future__ import annotations

from mall.demo.accounts import seed_accounts
from mall.demo.catalog import seed_catalog
from mall.demo.rebates import seed_rebates


async def seed_demo() -> list[str]:
    """Create what is missing; returns the lines to print."""
    return [*await seed_accounts(), *await seed_catalog(), *await seed_rebates()]
