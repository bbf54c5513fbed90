"""What a client can put into the response cache: one entry per distinct answer,
none oversized, a budget per client address, and a byte bound in process
(mall/infra/cache.py). Runs on both shapes: the PostgreSQL pass caches in Redis.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from mall.app import create_app
from mall.graphql import response_cache
from mall.infra import cache, redis
from mall.settings import get_settings
from tests import factories
from tests.api.catalog.test_response_cache import key_of, post, stored
from tests.operations import contract

PRODUCTS = contract("Products")
PRODUCT_DETAIL = contract("ProductDetail")
SHOP_SETTINGS = contract("ShopSettings")
# The same operation as PRODUCTS, with a comment, other spacing and another operation beside it.
PRODUCTS_RESTATED = "# the storefront's listing\n" + PRODUCTS.replace("\n", "\n\n  ") + "\nquery Other { __typename }"


@pytest.fixture
async def memory_backend() -> AsyncIterator[None]:
    """The in-process backend whatever the shape; the shape's own afterwards."""
    cache.configure(None)
    yield
    cache.configure(redis.client())


async def client_at(address: str) -> httpx.AsyncClient:
    app = create_app(get_settings(), manage_database=False, configure_logging=False)
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://mall.test")


async def read(http: httpx.AsyncClient, query: str, variables: dict[str, Any]) -> str | None:
    response = await http.post("/graphql", json={"query": query, "variables": variables},
                               headers={"Accept": "application/graphql-response+json"})
    assert response.status_code == 200, response.text
    assert "errors" not in response.json()
    return response.headers.get("x-mall-cache")


async def test_comments_spacing_other_operations_and_unused_variables_make_no_new_entry(api):
    await factories.product(title="龙井", slug="longjing")

    first = await post(api, PRODUCTS, {"first": 1})
    restated = await post(api, PRODUCTS_RESTATED, {"first": 1, "utm": "ad-17"}, operation_name="Products")
    as_float = await post(api, PRODUCTS, {"first": 1.0, "nonce": 4})
    explicit_null = await post(api, PRODUCTS, {"first": 1, "after": None})
    other_page = await post(api, PRODUCTS, {"first": 2})

    assert [r.headers["x-mall-cache"] for r in (first, restated, as_float)] == ["miss", "hit", "hit"]
    assert restated.content == as_float.content == first.content
    # An explicit null is a value of its own, not the same request as leaving it out.
    assert [r.headers["x-mall-cache"] for r in (explicit_null, other_page)] == ["miss", "miss"]


async def test_variables_that_do_not_coerce_are_not_cached_and_get_their_error(api):
    responses = [await post(api, PRODUCTS, {"first": "ten"}) for _ in range(2)]

    assert [r.status_code for r in responses] == [400, 400]
    assert [r.headers.get("x-mall-cache") for r in responses] == [None, None]
    assert [e["message"] for e in responses[1].json()["errors"]] == [
        "Variable '$first' has invalid value: Int cannot represent non-integer value: 'ten'",
    ]


async def test_an_answer_over_the_entry_bound_is_served_but_not_stored(api, configure):
    configure(response_cache_max_bytes=64 * 1024)  # entries up to 1 KiB
    await factories.product(title="Long", slug="long", description="茶" * 600)

    big = [await post(api, PRODUCT_DETAIL, {"slug": "long"}) for _ in range(2)]
    small = [await post(api, SHOP_SETTINGS) for _ in range(2)]

    assert len(big[0].content) > 1024 >= len(small[0].content)
    assert [r.headers["x-mall-cache"] for r in big] == ["miss", "miss"]
    assert big[1].json()["data"]["product"]["description"] == "茶" * 600
    assert await stored(PRODUCT_DETAIL, {"slug": "long"}) is None
    assert [r.headers["x-mall-cache"] for r in small] == ["miss", "hit"]


async def test_one_client_cannot_store_more_than_its_budget(configure):
    configure(response_cache_entries_per_client=3)
    flooder, neighbour = await client_at("203.0.113.7"), await client_at("198.51.100.2")
    slugs = [f"slug-{i}" for i in range(5)]

    async with flooder, neighbour:
        first_pass = [await read(flooder, PRODUCT_DETAIL, {"slug": s}) for s in slugs]
        second_pass = [await read(flooder, PRODUCT_DETAIL, {"slug": s}) for s in slugs]
        neighbour_reads = [await read(neighbour, PRODUCT_DETAIL, {"slug": "slug-4"}) for _ in range(2)]

    assert first_pass == ["miss"] * 5
    assert second_pass == ["hit", "hit", "hit", "miss", "miss"]
    assert neighbour_reads == ["miss", "hit"]  # its own budget


async def test_one_client_cannot_spend_more_than_its_share_of_the_bytes_and_switch_the_cache_off(configure):
    # 64 KiB in all: one owner may store 4 KiB per window; the others are unaffected.
    configure(response_cache_max_bytes=64 * 1024, response_cache_entries_per_client=10_000)
    body = b"x" * 1000

    flooder = [await cache.store(response_cache.SCOPE, 0, f"flood-{i}", body, ttl=60, owner="203.0.113.7")
               for i in range(10)]
    neighbour = await cache.store(response_cache.SCOPE, 0, "neighbour", body, ttl=60, owner="198.51.100.2")

    assert flooder == [True] * 4 + [False] * 6
    assert neighbour is True
    assert await cache.lookup(response_cache.SCOPE, "neighbour") == (0, body)


async def test_the_in_process_cache_never_holds_more_bytes_than_its_bound(configure, memory_backend):
    configure(response_cache_max_bytes=64 * 1024, response_cache_entries_per_client=10_000)
    body = b"x" * 1000

    for i in range(200):
        assert await cache.store(response_cache.SCOPE, 0, f"digest-{i}", body, ttl=60, owner=f"203.0.113.{i}")
        assert cache.memory_bytes() <= 64 * 1024

    assert cache.memory_bytes() > 60 * 1024
    assert await cache.lookup(response_cache.SCOPE, "digest-199") == (0, body)
    assert await cache.lookup(response_cache.SCOPE, "digest-0") == (0, None)


async def test_a_stored_key_is_the_one_a_restated_request_looks_up(api):
    await factories.product(title="龙井", slug="longjing")

    response = await post(api, PRODUCTS_RESTATED, {"first": 1}, operation_name="Products")

    assert response.headers["x-mall-cache"] == "miss"
    assert await stored(PRODUCTS, {"first": 1}) == response.content
    assert key_of(PRODUCTS, {"first": 1}) == key_of(PRODUCTS_RESTATED, {"first": 1, "x": 1}, "Products")


@pytest.mark.postgres_only
async def test_redis_takes_at_most_the_byte_bound_per_window_from_all_clients_together(configure):
    configure(response_cache_max_bytes=64 * 1024, response_cache_entries_per_client=10_000)
    body = b"x" * 1000

    stored_flags = [
        await cache.store(response_cache.SCOPE, 0, f"digest-{i}", body, ttl=60, owner=f"203.0.113.{i % 200}")
        for i in range(100)
    ]

    assert stored_flags == [True] * 65 + [False] * 35  # 65 × 1000 bytes fit in 64 KiB
    assert await cache.lookup(response_cache.SCOPE, "digest-64") == (0, body)
    assert await cache.lookup(response_cache.SCOPE, "digest-65") == (0, None)


async def test_entries_kept_shorter_than_the_ttl_do_not_reset_a_clients_budget_sooner(configure):
    # Entries cut short (a rebate rule's window opens soon) still spend the budget of the configured window.
    configure(response_cache_entries_per_client=2)
    body = b"x" * 100

    short = [await cache.store(response_cache.SCOPE, 0, f"short-{i}", body, ttl=1, owner="203.0.113.9", window=60)
             for i in range(2)]
    await asyncio.sleep(1.2)  # the entries are gone, the window is not
    again = await cache.store(response_cache.SCOPE, 0, "short-2", body, ttl=1, owner="203.0.113.9", window=60)

    assert (short, again) == ([True, True], False)
    assert await cache.lookup(response_cache.SCOPE, "short-0") == (0, None)
