"""Fixtures: the migrated database, a clean slate per test, the app and its client."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator

import asyncpg
import httpx
import pytest
from tortoise import Tortoise, connections

from mall import db, migrate, ratelimit, redis
from mall.app import create_app
from mall.core.clock import clock
from mall.settings import Settings, get_settings, use_settings
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
    redis.configure(settings.redis_url, prefix=settings.redis_prefix)
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
async def clean(database: Settings) -> AsyncIterator[None]:
    """Every test starts from empty tables, zero counters and real time."""
    yield
    connection = connections.get("default")
    tables = _tables()
    if database.is_sqlite:
        await connection.execute_script(
            "".join(f'DELETE FROM "{table}";' for table in tables) + "DELETE FROM sqlite_sequence;"
        )
    else:
        await connection.execute_script(
            "TRUNCATE " + ", ".join(f'"{table}"' for table in tables) + " RESTART IDENTITY CASCADE;"
        )
    ratelimit.reset_memory()
    client = redis.client()
    if client is not None:
        keys = [key async for key in client.scan_iter(match=database.redis_prefix + "*")]
        if keys:
            await client.delete(*keys)
    clock.set_offset(dt.timedelta(0))
    use_settings(None)


@pytest.fixture
def settings(database: Settings) -> Settings:
    return database


@pytest.fixture
async def api(database: Settings) -> AsyncIterator[Api]:
    app = create_app(database, manage_database=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://mall.test") as http:
        yield Api(http)
