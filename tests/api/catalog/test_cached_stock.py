"""Cached catalog reads under order traffic: stock numbers always fresh, the cache kept.

An order's stock move does not empty the cache: a hit serves the stock
numbers as they are now, byte for byte what an uncached read answers. Only
availability crossing zero (the last units reserved, or some given back to a
sold-out variant) makes the next read a miss, because it changes which
products an ``inStock`` filter lists.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from mall.accounts import sessions
from mall.catalog.models import Variant
from mall.core.actors import Permission
from mall.orders import lifecycle
from tests import factories
from tests.api.catalog.test_response_cache import (
    PRODUCT_DETAIL,
    PRODUCTS,
    cached_read,
    fresh_read,
    make_catalog,
    post,
    titles,
)

IN_STOCK = {"first": 10, "filter": {"inStock": True}}
ALIASED = """
query Aliased($slug: String!) {
  product(slug: $slug) {
    title
    first: variants { sku left: stock ...Stock }
    again: variants { stock }
  }
}
fragment Stock on ProductVariant { stock price { amount } }
"""


@pytest.fixture
async def catalog() -> SimpleNamespace:
    return await make_catalog()


async def hit(api, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    response = await post(api, query, variables)
    assert (response.status_code, response.headers.get("x-mall-cache")) == (200, "hit")
    return response.json()["data"]


async def uncached(configure, make_api, query: str, variables: dict[str, Any]) -> bytes:
    """The answer with the cache off (last in a test: a new app starts with an empty cache)."""
    configure(response_cache=False)
    response = await post(make_api(), query, variables)
    assert response.headers.get("x-mall-cache") is None
    return response.content


async def order_of(variant: Variant, quantity: int):
    buyer = await factories.customer()
    return buyer, await factories.order(buyer, (variant.id, quantity))


async def test_an_order_leaves_the_cache_warm_and_the_hit_shows_the_stock_left(api, configure, make_api, catalog):
    await cached_read(api, PRODUCT_DETAIL, {"slug": "longjing"})
    await cached_read(api, PRODUCTS, IN_STOCK)

    await order_of(catalog.longjing_variants[0], 2)

    detail = await post(api, PRODUCT_DETAIL, {"slug": "longjing"})
    listing = await post(api, PRODUCTS, IN_STOCK)
    assert [r.headers["x-mall-cache"] for r in (detail, listing)] == ["hit", "hit"]
    assert [v["stock"] for v in detail.json()["data"]["product"]["variants"]] == [3, 5]
    assert detail.content == await uncached(configure, make_api, PRODUCT_DETAIL, {"slug": "longjing"})
    assert listing.content == await uncached(configure, make_api, PRODUCTS, IN_STOCK)


async def test_stock_under_aliases_fragments_and_repeats_is_filled_everywhere(api, configure, make_api, catalog):
    await cached_read(api, ALIASED, {"slug": "longjing"})

    await order_of(catalog.longjing_variants[1], 4)

    data = await hit(api, ALIASED, {"slug": "longjing"})
    assert [(v["left"], v["stock"]) for v in data["product"]["first"]] == [(5, 5), (1, 1)]
    assert [v["stock"] for v in data["product"]["again"]] == [5, 1]
    response = await post(api, ALIASED, {"slug": "longjing"})
    assert response.content == await uncached(configure, make_api, ALIASED, {"slug": "longjing"})


async def test_reserving_the_last_units_makes_the_in_stock_listing_a_miss_without_the_product(api, catalog):
    (only,) = await Variant.filter(product_id=catalog.puer.id)
    await Variant.filter(id=only.id).update(on_hand=2)  # behind the services' back: nothing invalidated
    assert titles(await fresh_read(api, PRODUCTS, IN_STOCK)) == ["Pu'er brick", "西湖龙井"]
    await hit(api, PRODUCTS, IN_STOCK)

    buyer, order = await order_of(only, 2)

    assert titles(await fresh_read(api, PRODUCTS, IN_STOCK)) == ["西湖龙井"]
    await hit(api, PRODUCTS, IN_STOCK)

    # Cancelling gives the units back: in stock again, listed again.
    await lifecycle.cancel_order(sessions.actor_for(buyer.user), order_id=order.id)

    assert titles(await fresh_read(api, PRODUCTS, IN_STOCK)) == ["Pu'er brick", "西湖龙井"]


async def test_a_release_that_leaves_the_variant_available_keeps_the_cache(api, catalog):
    buyer, order = await order_of(catalog.longjing_variants[0], 1)
    await cached_read(api, PRODUCTS, IN_STOCK)

    await lifecycle.cancel_order(sessions.actor_for(buyer.user), order_id=order.id)

    data = await hit(api, PRODUCTS, IN_STOCK)
    (longjing,) = [e["node"] for e in data["products"]["edges"] if e["node"]["slug"] == "longjing"]
    assert [v["stock"] for v in longjing["variants"]] == [5, 5]


async def test_shipping_changes_no_availability_and_keeps_the_cache(api, catalog):
    _, order = await order_of(catalog.longjing_variants[0], 5)  # the last five: a miss next
    await factories.paid(order)
    await fresh_read(api, PRODUCT_DETAIL, {"slug": "longjing"})
    clerk = sessions.actor_for((await factories.staff(Permission.MANAGE_ORDERS)).user)

    await lifecycle.ship_order(clerk, order_id=order.id, carrier="SF", tracking_number="SF100")

    data = await hit(api, PRODUCT_DETAIL, {"slug": "longjing"})
    assert [v["stock"] for v in data["product"]["variants"]] == [0, 5]
    assert await Variant.get(id=catalog.longjing_variants[0].id).values_list("on_hand", "reserved") == (0, 0)


async def test_a_variant_gone_since_the_entry_was_made_is_answered_uncached(api, catalog):
    await cached_read(api, PRODUCT_DETAIL, {"slug": "longjing"})
    # Deleted behind the services' back, so nothing invalidated the entry: the hit
    # cannot fill that variant's stock and runs the query instead.
    await Variant.filter(id=catalog.longjing_variants[1].id).delete()

    response = await post(api, PRODUCT_DETAIL, {"slug": "longjing"})
    again = await post(api, PRODUCT_DETAIL, {"slug": "longjing"})

    assert [r.headers["x-mall-cache"] for r in (response, again)] == ["miss", "miss"]
    assert [v["stock"] for v in response.json()["data"]["product"]["variants"]] == [5]
    assert again.content == response.content
