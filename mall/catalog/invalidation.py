"""What a catalog change must invalidate: the cached anonymous catalog reads."""

from __future__ import annotations

from mall.infra import cache
from mall.infra.transactions import on_commit

# The response cache's scope for everything the catalog shows (products,
# categories, shop settings); later, rebate rules shown as rebateHints too.
CACHE_SCOPE = "catalog"


async def _bump() -> None:
    await cache.bump(CACHE_SCOPE)


def catalog_changed() -> None:
    """Call inside the transaction that changes the catalog: the cached reads are
    invalidated once that transaction commits (never before, never on rollback)."""
    on_commit(_bump)
