"""What a bench worker process running Mall's own code needs: Mall connected around its work, and closed after."""

from __future__ import annotations

from typing import Any


async def connected(work: Any) -> Any:
    """Await ``work`` with Mall's database and backends up (as ``mall serve`` wires them), then close them."""
    from mall.infra import db, transactions, wiring
    from mall.settings import get_settings

    settings = get_settings()
    await db.connect(settings)
    wiring.configure(settings)
    try:
        return await work
    finally:
        await transactions.settle()
        await db.disconnect()
        await wiring.close()
