"""Fixtures: the migrated database, a clean slate per test, the app and its client."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Callable
from typing import Any

import asyncpg
import httpx
import pytest
from tortoise import Tortoise, connections

from mall import migrate
from mall.app import create_app
from mall.core.clock import clock
from mall.infra import cache, db, locks, ratelimit, redis, sqlcount, wiring
from mall.rebates import windows
from mall.settings import Settings, get_settings, use_settings
from mall.wallet import verification
from tests.client import Api


async def _create_postgres_database(settings: Settings) -> None:
    base, _, name = settings.database_url.rpartition("/")
    admin = await asyncpg.connect(base.replace("postgres://", "postgresql://", 1) + "/postgres")
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()


async def _drop_postgres_database(settings: Settings) -> None:
    base, _, name = settings.database_url.rpartition("/")
    admin = await asyncpg.connect(base.replace("postgres://", "postgresql://", 1) + "/postgres")
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


def pytest_report_header() -> str:
    settings = get_settings()
    shape = "PostgreSQL + Redis" if not settings.is_sqlite else "SQLite (embedded shape)"
    return f"mall database: {shape} ({settings.database_url})"


@pytest.fixture(scope="session")
async def database() -> AsyncIterator[Settings]:
    settings = get_settings()
    if not settings.is_sqlite:
        await _create_postgres_database(settings)
    await migrate.upgrade(settings)
    await db.connect(settings)
    wiring.configure(settings)
    yield settings
    await db.disconnect()
    client = redis.client()
    if client is not None:
        keys = [key async for key in client.scan_iter(match=settings.redis_prefix + "*")]
        if keys:
            await client.delete(*keys)
    await redis.close()
    if not settings.is_sqlite:
        await _drop_postgres_database(settings)


def _tables() -> list[str]:
    return [model._meta.db_table for model in Tortoise.apps.get_models_iterable()]


@pytest.fixture(autouse=True)
async def clean(database: Settings, request: pytest.FixtureRequest) -> AsyncIterator[None]:
    """Every test starts from empty tables, zero counters and real time.

    A test that moved value must leave a ledger that verifies (DESIGN §3.5);
    only tests marked ``tampers_ledger`` break it on purpose.
    """
    yield
    connection = connections.get("default")
    if not request.node.get_closest_marker("tampers_ledger") and await connection.execute_query_dict(
        "SELECT 1 FROM ledger_entries LIMIT 1"
    ):
        report = await verification.verify()
        assert report.problems == (), "the ledger does not verify after this test"
    tables = _tables()
    if database.is_sqlite:
        # Foreign keys off while emptying: tables are not deleted in dependency order.
        await connection.execute_script(
            "PRAGMA foreign_keys = OFF;"
            + "".join(f'DELETE FROM "{table}";' for table in tables)
            + "DELETE FROM sqlite_sequence; PRAGMA foreign_keys = ON;"
        )
    else:
        await connection.execute_script(
            "TRUNCATE " + ", ".join(f'"{table}"' for table in tables) + " RESTART IDENTITY CASCADE;"
        )
    ratelimit.reset_memory()
    cache.reset_memory()
    windows.forget()  # remembered per cache version, which starts again at 0
    locks.configure(redis.client())  # a fresh in-process lock table (Redis keys go below)
    client = redis.client()
    if client is not None:
        keys = [key async for key in client.scan_iter(match=database.redis_prefix + "*")]
        if keys:
            await client.delete(*keys)
    clock.set_offset(dt.timedelta(0))
    use_settings(None)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not get_settings().is_sqlite:
        return
    skip = pytest.mark.skip(reason="PostgreSQL only (concurrency, PostgreSQL features); runs in the PostgreSQL + Redis pass")
    for item in items:
        if "postgres_only" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def sql_counting() -> None:
    """Responses carry X-Mall-SQL-Statements (see tests/api/catalog/test_sql_count.py)."""
    sqlcount.enable()


@pytest.fixture
def settings(database: Settings) -> Settings:
    return database


@pytest.fixture
def configure(database: Settings) -> Callable[..., Settings]:
    """``configure(**changes)`` replaces settings for this test (restored afterwards)."""

    def apply(**changes: Any) -> Settings:
        changed = get_settings().model_copy(update=changes)
        use_settings(changed)
        return changed

    return apply


@pytest.fixture
async def make_api(database: Settings) -> AsyncIterator[Callable[[], Api]]:
    """Build an API client for the current settings (after ``configure``)."""
    clients: list[httpx.AsyncClient] = []

    def build() -> Api:
        app = create_app(get_settings(), manage_database=False, configure_logging=False)
        http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://mall.test")
        clients.append(http)
        return Api(http)

    yield build
    for http in clients:
        await http.aclose()


@pytest.fixture
async def api(make_api: Callable[[], Api]) -> Api:
    return make_api()
