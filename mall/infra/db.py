"""Database wiring: the Tortoise configuration and its lifecycle.

One app label, ``models``, holds every domain's models so foreign keys can
name ``models.User`` without importing another domain's module.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from tortoise import Tortoise, connections
from tortoise.backends.base.client import TransactionalDBClient
from tortoise.backends.base.config_generator import expand_db_url

from mall.settings import Settings

MODEL_MODULES = [
    "mall.accounts.models",
    "mall.audit.models",
    "mall.sandbox.models",
    "mall.catalog.models",
    "mall.cart.models",
    "mall.orders.models",
    "mall.wallet.models",
    "mall.rebates.models",
    "mall.infra.outbox",
    "mall.infra.idempotency",
]

MIGRATIONS_ROOT = Path(__file__).resolve().parents[2] / "migrations"


def tortoise_config(settings: Settings, *, with_aerich: bool = False) -> dict[str, Any]:
    """The Tortoise config for ``settings``; ``with_aerich`` adds aerich's bookkeeping model."""
    connection = expand_db_url(settings.database_url)
    credentials = connection["credentials"]
    if settings.is_sqlite:
        # WAL lets readers run beside the single writer; NORMAL is safe with WAL.
        credentials.setdefault("synchronous", "NORMAL")
        credentials.setdefault("busy_timeout", 5000)
    else:
        credentials.setdefault("min_size", 1)
        credentials.setdefault("max_size", settings.database_pool_max)
        if not settings.database_statement_cache:
            # PgBouncer in transaction mode cannot keep prepared statements.
            credentials["statement_cache_size"] = 0
    models = list(MODEL_MODULES) + (["aerich.models"] if with_aerich else [])
    return {
        "connections": {"default": connection},
        "apps": {"models": {"models": models, "default_connection": "default"}},
        "use_tz": True,
        "timezone": "UTC",
    }


def migrations_location(settings: Settings) -> Path:
    """Each dialect keeps its own aerich history (DESIGN §5)."""
    return MIGRATIONS_ROOT / settings.dialect


async def connect(settings: Settings, *, with_aerich: bool = False) -> None:
    await Tortoise.init(
        config=tortoise_config(settings, with_aerich=with_aerich),
        _enable_global_fallback=True,
    )


_sqlite_readers: dict[str, sqlite3.Connection] = {}


def sqlite_reader() -> sqlite3.Connection | None:
    """A synchronous read-only connection to the embedded database, for the catalog's reads.

    On SQLite every query otherwise goes through aiosqlite's one worker thread,
    which costs more than a catalog read itself (about 10% of throughput on a
    product list). The read runs in the event loop and blocks it for its
    duration: fine for the embedded shape's catalog (a few thousand products,
    indexed reads, LIKE search over that size), which is one process anyway.
    WAL lets it read beside the writer, and outside a transaction it sees
    exactly what is committed. None when not on a SQLite file, or inside a
    transaction (whose writes only its own connection sees).
    """
    connection = connections.get("default")
    if connection.capabilities.dialect != "sqlite" or isinstance(connection, TransactionalDBClient):
        return None
    if connection.filename in ("", ":memory:"):
        return None
    path = str(Path(connection.filename).resolve())
    reader = _sqlite_readers.get(path)
    if reader is None:
        reader = _sqlite_readers[path] = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        reader.row_factory = sqlite3.Row
    return reader


async def disconnect() -> None:
    for reader in _sqlite_readers.values():
        reader.close()
    _sqlite_readers.clear()
    await Tortoise.close_connections()
