"""The response cache fails open: with its Redis unreachable, catalog reads run
uncached and catalog changes commit and report success; the failure is logged.
Both shapes point the cache at a dead port here.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from mall.catalog.models import Product
from mall.core.actors import Permission
from mall.graphql.relay import encode_id
from mall.infra import cache, redis
from tests import factories
from tests.operations import contract

GRAPHQL_RESPONSE = "application/graphql-response+json"
PRODUCTS = contract("Products")
PRODUCT_UPDATE = contract("ProductUpdate")


@pytest.fixture
async def dead_cache() -> AsyncIterator[None]:
    """The cache's Redis client points at a port nobody listens on."""
    dead = Redis.from_url("redis://127.0.0.1:1/0", socket_connect_timeout=1, socket_timeout=1)
    cache.configure(dead)
    yield
    cache.configure(redis.client())
    await dead.aclose()


async def test_reads_run_uncached_and_the_failure_is_logged_once(api, dead_cache, caplog):
    await factories.product(title="西湖龙井", slug="longjing")
    caplog.set_level(logging.WARNING, logger="mall.infra.cache")

    responses = [
        await api.http.post("/graphql", json={"query": PRODUCTS, "variables": {"first": 5}},
                            headers={"Accept": GRAPHQL_RESPONSE})
        for _ in range(3)
    ]

    assert [r.status_code for r in responses] == [200, 200, 200]
    assert [r.headers.get("x-mall-cache") for r in responses] == [None, None, None]
    assert [e["node"]["title"] for e in responses[2].json()["data"]["products"]["edges"]] == ["西湖龙井"]
    [record] = [r for r in caplog.records if r.name == "mall.infra.cache"]
    assert record.getMessage().startswith("response cache unavailable (lookup failed: ConnectionError: Error 111 connecting")


async def test_a_catalog_change_commits_and_reports_success(api, dead_cache, caplog):
    staff = await factories.staff(Permission.MANAGE_PRODUCTS)
    product = await factories.product(title="西湖龙井", slug="longjing")
    caplog.set_level(logging.ERROR, logger="mall.infra.transactions")
    caplog.clear()  # creating the product failed to invalidate too

    result = await api(PRODUCT_UPDATE, {"input": {"productId": encode_id("Product", product.id), "title": "龙井 43"}},
                       token=staff.access_token)

    assert result.status == 200
    assert result.data["productUpdate"]["userErrors"] == []
    assert result.data["productUpdate"]["product"]["title"] == "龙井 43"
    assert (await Product.get(id=product.id)).title == "龙井 43"
    [record] = [r for r in caplog.records if r.name == "mall.infra.transactions"]
    assert record.getMessage().startswith("after-commit work failed")


@pytest.fixture
async def black_hole_cache() -> AsyncIterator[None]:
    """The cache's Redis accepts connections and never answers (packets dropped)."""
    held: list[asyncio.StreamWriter] = []

    async def swallow(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        held.append(writer)

    server = await asyncio.start_server(swallow, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    silent = redis.connect(f"redis://127.0.0.1:{port}/0", max_connections=2, timeout=0.2)
    cache.configure(silent)
    yield
    cache.configure(redis.client())
    await silent.aclose()
    for writer in held:
        writer.close()
    server.close()
    await server.wait_closed()


async def test_a_redis_that_never_answers_times_out_and_reads_run_uncached(api, black_hole_cache, caplog):
    await factories.product(title="西湖龙井", slug="longjing")
    caplog.set_level(logging.WARNING, logger="mall.infra.cache")

    responses = [
        await api.http.post("/graphql", json={"query": PRODUCTS, "variables": {"first": 5}},
                            headers={"Accept": GRAPHQL_RESPONSE})
        for _ in range(3)
    ]

    assert [r.status_code for r in responses] == [200, 200, 200]
    assert [e["node"]["title"] for e in responses[2].json()["data"]["products"]["edges"]] == ["西湖龙井"]
    [record] = [r for r in caplog.records if r.name == "mall.infra.cache"]
    assert "Timeout" in record.getMessage()
