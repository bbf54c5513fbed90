"""The response cache of anonymous catalog reads, through GraphQL over HTTP.

A cached answer is byte-identical to an uncached one; every catalog change
(staff mutation or service call) makes the next anonymous read a miss that
shows it; nothing but anonymous, error-free, catalog-only queries is stored.
The embedded shape (SQLite pass) caches in this process, the production shape
(PostgreSQL pass) in Redis under the run's MALL_REDIS_PREFIX.
"""

from __future__ import annotations

import functools
import json
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from graphql import GraphQLSchema

from mall.catalog import categories, products, variants
from mall.catalog.models import Variant
from mall.catalog.products import ProductFields
from mall.catalog.reads import available_by_id
from mall.catalog.variants import VariantFields
from mall.core.actors import Actor, Permission
from mall.graphql import response_cache
from mall.graphql.fresh_stock import Entry
from mall.graphql.relay import encode_id
from mall.graphql.schema import build_schema
from mall.infra import cache, redis
from mall.settings import get_settings
from tests import factories
from tests.operations import contract

GRAPHQL_RESPONSE = "application/graphql-response+json"

PRODUCTS = contract("Products")
PRODUCT_DETAIL = contract("ProductDetail")
CATEGORIES = contract("Categories")
SHOP_SETTINGS = contract("ShopSettings")
ADMIN_PRODUCTS = contract("AdminProducts")
CATEGORY_CREATE = contract("CategoryCreate")
PRODUCT_CREATE = contract("ProductCreate")
PRODUCT_UPDATE = contract("ProductUpdate")
VARIANT_CREATE = contract("VariantCreate")
VARIANT_UPDATE = contract("VariantUpdate")
STOCK_ADJUST = contract("StockAdjust")

ME = "query Me { me { id email } }"
NODE = "query NodeLookup($id: ID!) { node(id: $id) { id ... on Product { title } } }"
CATALOG_AND_ME = "query Mixed { products(first: 5) { totalCount } me { id } }"
TWO_OPERATIONS = """
query CategoryNames { categories { name } }
query Currency { shopSettings { currency } }
"""


# --- helpers ------------------------------------------------------------------


async def post(api, query: str, variables: dict[str, Any] | None = None, *, operation_name: str | None = None,
               headers: dict[str, str] | None = None) -> httpx.Response:
    """POST exactly what the test client sends ({query, variables}), plus operationName when given."""
    payload: dict[str, Any] = {"query": query, "variables": variables or {}}
    if operation_name is not None:
        payload["operationName"] = operation_name
    response = await api.http.post("/graphql", json=payload, headers={"Accept": GRAPHQL_RESPONSE, **(headers or {})})
    assert response.status_code < 500, response.text
    return response


async def get(api, query: str, variables: dict[str, Any] | None = None) -> httpx.Response:
    params = {"query": query, "variables": json.dumps(variables or {})}
    response = await api.http.get("/graphql", params=params, headers={"Accept": GRAPHQL_RESPONSE})
    assert response.status_code < 500, response.text
    return response


async def send(api, method: str, query: str, variables: dict[str, Any]) -> httpx.Response:
    return await post(api, query, variables) if method == "POST" else await get(api, query, variables)


async def cached_read(api, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    """Read twice anonymously: a miss, then a hit with the same bytes; the data."""
    miss = await post(api, query, variables)
    hit = await post(api, query, variables)
    assert (miss.status_code, miss.headers.get("x-mall-cache")) == (200, "miss")
    assert (hit.status_code, hit.headers.get("x-mall-cache")) == (200, "hit")
    assert hit.content == miss.content
    body = miss.json()
    assert "errors" not in body, body["errors"]
    return body["data"]


async def fresh_read(api, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    """One anonymous read that must not come from the cache; the data."""
    response = await post(api, query, variables)
    assert (response.status_code, response.headers.get("x-mall-cache")) == (200, "miss")
    body = response.json()
    assert "errors" not in body, body["errors"]
    return body["data"]


async def staff_mutation(api, staff, query: str, input: dict[str, Any]) -> dict[str, Any]:
    result = await api(query, {"input": input}, token=staff.access_token)
    (payload,) = result.data.values()
    assert payload["userErrors"] == []
    return payload


@functools.cache
def graphql_schema() -> GraphQLSchema:
    return build_schema(get_settings())._schema


def key_of(query: str, variables: dict[str, Any] | None = None, operation_name: str | None = None) -> str:
    """The cache key of the payload ``post`` sends."""
    payload = {"query": query, "operationName": operation_name, "variables": variables or {}}
    key = response_cache.request_key(payload, graphql_schema())
    assert key is not None
    return key


async def served(value: bytes | None) -> bytes | None:
    """What a hit on the stored ``value`` answers now (its stock numbers filled in fresh)."""
    if value is None:
        return None
    entry = Entry.load(value)
    assert entry is not None
    return entry.filled(await available_by_id(set(entry.variant_ids)))


async def stored(query: str, variables: dict[str, Any] | None = None, operation_name: str | None = None) -> bytes | None:
    """What the cache would answer now for this payload."""
    _, value = await cache.lookup(response_cache.SCOPE, key_of(query, variables, operation_name))
    return await served(value)


def uses_redis(settings) -> bool:
    """Production shape (PostgreSQL) caches in Redis; the embedded shape (SQLite) in this process."""
    in_redis = redis.client() is not None
    assert in_redis is (not settings.is_sqlite)
    return in_redis


def gid(type_name: str, pk: int) -> str:
    return encode_id(type_name, pk)


def variant_prices(product: dict[str, Any]) -> list[str]:
    return [v["price"]["amount"] for v in product["variants"]]


def titles(data: dict[str, Any]) -> list[str]:
    return sorted(edge["node"]["title"] for edge in data["products"]["edges"])


# --- fixtures -----------------------------------------------------------------


@pytest.fixture
async def catalog() -> SimpleNamespace:
    return await make_catalog()


async def make_catalog() -> SimpleNamespace:
    """Two categories, two active products (one sold out) and a draft."""
    tea = await factories.category(name="茶叶")
    green = await factories.category(name="绿茶", parent=tea)
    longjing = await factories.product(
        title="西湖龙井", category=green, prices=("128.00", "256.00"), stock=5, slug="longjing",
        description="明前 “特级” 龙井",
    )
    puer = await factories.product(title="Pu'er brick", category=tea, prices=("88.00",), stock=0, slug="puer")
    await factories.product(title="Unreleased oolong", status="DRAFT", slug="oolong")
    longjing_variants = await Variant.filter(product_id=longjing.id).order_by("position")
    (puer_variant,) = await Variant.filter(product_id=puer.id)
    return SimpleNamespace(tea=tea, green=green, longjing=longjing, puer=puer,
                           longjing_variants=longjing_variants, puer_variant=puer_variant)


@pytest.fixture
async def staff():
    return await factories.staff(Permission.MANAGE_PRODUCTS)


# --- which backend ------------------------------------------------------------


async def test_an_anonymous_catalog_read_is_stored_in_the_shape_s_backend(api, catalog, settings):
    response = await post(api, PRODUCTS, {"first": 10})

    assert response.headers["x-mall-cache"] == "miss"
    version, value = await cache.lookup(response_cache.SCOPE, key_of(PRODUCTS, {"first": 10}))
    assert await served(value) == response.content
    if uses_redis(settings):
        client = redis.client()
        entry = f"{settings.redis_prefix}cache:catalog:{version}:{key_of(PRODUCTS, {'first': 10})}"
        assert await client.get(entry) == value
        assert 0 < await client.ttl(entry) <= settings.response_cache_ttl_seconds
        # Creating the catalog (through the services) moved the version, in Redis too.
        assert int(await client.get(f"{settings.redis_prefix}cache-version:catalog")) == version > 0
        entries = [k async for k in client.scan_iter(match=f"{settings.redis_prefix}cache:*")]
        assert entries == [entry.encode()]
    else:
        assert version > 0


# --- byte identity ------------------------------------------------------------

READS = {
    "products": (PRODUCTS, {"first": 10}),
    "products filtered and sorted": (
        PRODUCTS, {"first": 1, "filter": {"inStock": True, "priceMin": "100"}, "sort": {"field": "PRICE", "direction": "DESC"}},
    ),
    "product detail": (PRODUCT_DETAIL, {"slug": "longjing"}),
    "categories": (CATEGORIES, {}),
    "shop settings": (SHOP_SETTINGS, {}),
}


@pytest.mark.parametrize("method", ["POST", "GET"])
@pytest.mark.parametrize("read", list(READS))
async def test_a_cached_answer_is_byte_identical_to_an_uncached_one(api, make_api, configure, catalog, method, read):
    query, variables = READS[read]

    miss = await send(api, method, query, variables)
    hit = await send(api, method, query, variables)
    configure(response_cache=False)
    uncached = await send(make_api(), method, query, variables)

    assert [r.headers.get("x-mall-cache") for r in (miss, hit, uncached)] == ["miss", "hit", None]
    assert [r.status_code for r in (miss, hit, uncached)] == [200, 200, 200]
    assert [r.headers["content-type"] for r in (miss, hit, uncached)] == [GRAPHQL_RESPONSE] * 3
    assert hit.content == miss.content
    assert uncached.content == miss.content
    assert "errors" not in miss.json()


async def test_cached_answers_carry_the_current_catalog(api, catalog):
    listing = await cached_read(api, PRODUCTS, {"first": 10})
    detail = await cached_read(api, PRODUCT_DETAIL, {"slug": "longjing"})

    assert listing["products"]["totalCount"] == 2
    assert titles(listing) == ["Pu'er brick", "西湖龙井"]
    assert detail["product"]["title"] == "西湖龙井"
    assert detail["product"]["description"] == "明前 “特级” 龙井"
    assert variant_prices(detail["product"]) == ["128.00", "256.00"]
    assert [v["stock"] for v in detail["product"]["variants"]] == [5, 5]
    assert detail["product"]["category"] == {
        "id": gid("Category", catalog.green.id), "name": "绿茶", "parent": {"id": gid("Category", catalog.tea.id), "name": "茶叶"},
    }


async def test_a_hit_answers_in_the_media_type_the_request_accepts(api, catalog):
    miss = await post(api, PRODUCTS, {"first": 10})
    hit = await post(api, PRODUCTS, {"first": 10}, headers={"Accept": "application/json"})

    assert (miss.headers["x-mall-cache"], miss.headers["content-type"]) == ("miss", GRAPHQL_RESPONSE)
    assert (hit.headers["x-mall-cache"], hit.headers["content-type"]) == ("hit", "application/json")
    assert hit.content == miss.content


async def test_turning_the_cache_off_applies_to_the_next_request(api, configure, catalog):
    await cached_read(api, CATEGORIES)

    configure(response_cache=False)
    first = await post(api, CATEGORIES)
    second = await post(api, CATEGORIES)

    assert [first.headers.get("x-mall-cache"), second.headers.get("x-mall-cache")] == [None, None]
    assert second.content == first.content


# --- invalidation by staff mutations ------------------------------------------


async def test_category_create_makes_the_next_read_a_miss_that_shows_it(api, catalog, staff):
    before = await cached_read(api, CATEGORIES)
    assert sorted(c["name"] for c in before["categories"]) == ["绿茶", "茶叶"]

    created = await staff_mutation(api, staff, CATEGORY_CREATE,
                                   {"name": "红茶", "slug": "black-tea", "parentId": gid("Category", catalog.tea.id)})

    after = await fresh_read(api, CATEGORIES)
    assert sorted(c["name"] for c in after["categories"]) == ["红茶", "绿茶", "茶叶"]
    (tea,) = [c for c in after["categories"] if c["name"] == "茶叶"]
    assert {"id": created["category"]["id"], "name": "红茶", "slug": "black-tea"} in tea["children"]


async def test_product_create_makes_the_next_read_a_miss_that_shows_it(api, catalog, staff):
    before = await cached_read(api, PRODUCTS, {"first": 10})
    assert before["products"]["totalCount"] == 2

    await staff_mutation(api, staff, PRODUCT_CREATE, {
        "title": "滇红", "slug": "dianhong", "status": "ACTIVE", "categoryId": gid("Category", catalog.tea.id),
        "variants": [{"sku": "DH-100", "title": "100 g", "price": "45.00", "stock": 3}],
    })

    after = await fresh_read(api, PRODUCTS, {"first": 10})
    assert after["products"]["totalCount"] == 3
    assert titles(after) == ["Pu'er brick", "滇红", "西湖龙井"]


async def test_product_title_update_makes_the_next_read_a_miss_that_shows_it(api, catalog, staff):
    await cached_read(api, PRODUCT_DETAIL, {"slug": "longjing"})
    await cached_read(api, PRODUCTS, {"first": 10})

    await staff_mutation(api, staff, PRODUCT_UPDATE, {"productId": gid("Product", catalog.longjing.id), "title": "狮峰龙井"})

    detail = await fresh_read(api, PRODUCT_DETAIL, {"slug": "longjing"})
    listing = await fresh_read(api, PRODUCTS, {"first": 10})
    assert detail["product"]["title"] == "狮峰龙井"
    assert titles(listing) == ["Pu'er brick", "狮峰龙井"]


async def test_archiving_a_product_makes_the_next_read_a_miss_without_it(api, catalog, staff):
    await cached_read(api, PRODUCT_DETAIL, {"slug": "longjing"})
    await cached_read(api, PRODUCTS, {"first": 10})

    payload = await staff_mutation(api, staff, PRODUCT_UPDATE,
                                   {"productId": gid("Product", catalog.longjing.id), "status": "ARCHIVED"})

    assert payload["product"]["status"] == "ARCHIVED"
    detail = await fresh_read(api, PRODUCT_DETAIL, {"slug": "longjing"})
    listing = await fresh_read(api, PRODUCTS, {"first": 10})
    assert detail == {"product": None}
    assert listing["products"]["totalCount"] == 1
    assert titles(listing) == ["Pu'er brick"]


async def test_variant_create_makes_the_next_read_a_miss_that_shows_it(api, catalog, staff):
    await cached_read(api, PRODUCT_DETAIL, {"slug": "longjing"})

    await staff_mutation(api, staff, VARIANT_CREATE, {
        "productId": gid("Product", catalog.longjing.id), "sku": "LJ-GIFT", "title": "Gift box", "price": "512.00", "stock": 1,
    })

    detail = await fresh_read(api, PRODUCT_DETAIL, {"slug": "longjing"})
    assert variant_prices(detail["product"]) == ["128.00", "256.00", "512.00"]
    assert [(v["sku"], v["stock"]) for v in detail["product"]["variants"]][-1] == ("LJ-GIFT", 1)


async def test_variant_price_update_makes_the_next_read_a_miss_with_the_new_price(api, catalog, staff):
    first_variant = catalog.longjing_variants[0]
    await cached_read(api, PRODUCT_DETAIL, {"slug": "longjing"})
    await cached_read(api, PRODUCTS, {"first": 10, "sort": {"field": "PRICE", "direction": "ASC"}})

    await staff_mutation(api, staff, VARIANT_UPDATE, {"variantId": gid("ProductVariant", first_variant.id), "price": "99.90"})

    detail = await fresh_read(api, PRODUCT_DETAIL, {"slug": "longjing"})
    listing = await fresh_read(api, PRODUCTS, {"first": 10, "sort": {"field": "PRICE", "direction": "ASC"}})
    assert variant_prices(detail["product"]) == ["99.90", "256.00"]
    (longjing,) = [e["node"] for e in listing["products"]["edges"] if e["node"]["slug"] == "longjing"]
    assert longjing["priceRange"]["min"] == {"amount": "99.90", "currency": "CNY"}


async def test_stock_adjust_makes_the_next_read_a_miss_with_the_new_stock(api, catalog, staff):
    in_stock = {"first": 10, "filter": {"inStock": True}}
    before = await cached_read(api, PRODUCTS, in_stock)
    await cached_read(api, PRODUCT_DETAIL, {"slug": "puer"})
    assert titles(before) == ["西湖龙井"]

    payload = await staff_mutation(api, staff, STOCK_ADJUST,
                                   {"variantId": gid("ProductVariant", catalog.puer_variant.id), "delta": 4, "reason": "restock"})

    assert payload["variant"]["stock"] == 4
    after = await fresh_read(api, PRODUCTS, in_stock)
    detail = await fresh_read(api, PRODUCT_DETAIL, {"slug": "puer"})
    assert titles(after) == ["Pu'er brick", "西湖龙井"]
    assert [v["stock"] for v in detail["product"]["variants"]] == [4]


# --- invalidation by the services directly ---------------------------------


async def test_a_product_change_through_the_service_invalidates(api, catalog):
    await cached_read(api, PRODUCT_DETAIL, {"slug": "longjing"})

    await products.product_update(Actor.system(), product_id=catalog.longjing.id, fields=ProductFields(title="Longjing"))

    detail = await fresh_read(api, PRODUCT_DETAIL, {"slug": "longjing"})
    assert detail["product"]["title"] == "Longjing"


async def test_a_variant_price_change_through_the_service_invalidates(api, catalog):
    await cached_read(api, PRODUCT_DETAIL, {"slug": "longjing"})

    await variants.variant_update(Actor.system(), variant_id=catalog.longjing_variants[1].id,
                                  fields=VariantFields(price=Decimal("300.00")))

    detail = await fresh_read(api, PRODUCT_DETAIL, {"slug": "longjing"})
    assert variant_prices(detail["product"]) == ["128.00", "300.00"]


async def test_a_stock_change_through_the_service_invalidates(api, catalog):
    await cached_read(api, PRODUCT_DETAIL, {"slug": "longjing"})

    await variants.stock_adjust(Actor.system(), variant_id=catalog.longjing_variants[0].id, delta=-5, reason="damaged")

    detail = await fresh_read(api, PRODUCT_DETAIL, {"slug": "longjing"})
    assert [v["stock"] for v in detail["product"]["variants"]] == [0, 5]


async def test_a_variant_and_a_category_added_through_the_services_invalidate(api, catalog):
    await cached_read(api, CATEGORIES)
    await cached_read(api, PRODUCT_DETAIL, {"slug": "puer"})

    await categories.category_create(Actor.system(), name="白茶", slug="white-tea", parent_id=None)
    await variants.variant_create(Actor.system(), product_id=catalog.puer.id,
                                  fields=VariantFields(sku="PE-357", title="357 g", price=Decimal("188.00"), stock=2))

    assert sorted(c["name"] for c in (await fresh_read(api, CATEGORIES))["categories"]) == ["白茶", "绿茶", "茶叶"]
    detail = await fresh_read(api, PRODUCT_DETAIL, {"slug": "puer"})
    assert variant_prices(detail["product"]) == ["88.00", "188.00"]


# --- what is never cached ---------------------------------------------------


@pytest.mark.parametrize("who", ["customer", "staff", "bad token"])
async def test_a_request_with_an_authorization_header_is_never_cached(api, catalog, who):
    if who == "customer":
        authorization = f"Bearer {(await factories.customer()).access_token}"
    elif who == "staff":
        authorization = f"Bearer {(await factories.staff(Permission.MANAGE_PRODUCTS)).access_token}"
    else:
        authorization = "Bearer not-a-token"

    first = await post(api, PRODUCTS, {"first": 10}, headers={"Authorization": authorization})
    second = await post(api, PRODUCTS, {"first": 10}, headers={"Authorization": authorization})

    assert [first.headers.get("x-mall-cache"), second.headers.get("x-mall-cache")] == [None, None]
    assert await stored(PRODUCTS, {"first": 10}) is None
    anonymous = await post(api, PRODUCTS, {"first": 10})
    assert anonymous.headers["x-mall-cache"] == "miss"


async def test_a_customer_and_staff_never_get_the_anonymous_cached_answer(api, catalog):
    customer = await factories.customer()
    staff = await factories.staff(Permission.MANAGE_PRODUCTS)
    anonymous = await cached_read(api, ADMIN_PRODUCTS, {"first": 10})

    as_customer = await post(api, ADMIN_PRODUCTS, {"first": 10}, headers={"Authorization": f"Bearer {customer.access_token}"})
    as_staff = await post(api, ADMIN_PRODUCTS, {"first": 10}, headers={"Authorization": f"Bearer {staff.access_token}"})

    assert [as_customer.headers.get("x-mall-cache"), as_staff.headers.get("x-mall-cache")] == [None, None]
    anonymous_variants = [v for e in anonymous["products"]["edges"] for v in e["node"]["variants"]]
    customer_variants = [v for e in as_customer.json()["data"]["products"]["edges"] for v in e["node"]["variants"]]
    staff_variants = [v for e in as_staff.json()["data"]["products"]["edges"] for v in e["node"]["variants"]]
    assert {(v["costPrice"], v["stockOnHand"], v["stockReserved"]) for v in anonymous_variants} == {(None, None, None)}
    assert {(v["costPrice"], v["stockOnHand"], v["stockReserved"]) for v in customer_variants} == {(None, None, None)}
    assert sorted((v["costPrice"]["amount"], v["stockOnHand"], v["stockReserved"]) for v in staff_variants) == [
        ("128.00", 5, 0), ("44.00", 0, 0), ("64.00", 5, 0),
    ]


async def test_a_mutation_is_never_cached(api, catalog):
    first = await post(api, CATEGORY_CREATE, {"input": {"name": "白茶"}})
    second = await post(api, CATEGORY_CREATE, {"input": {"name": "白茶"}})
    over_get = await get(api, CATEGORY_CREATE, {"input": {"name": "白茶"}})

    assert [first.headers.get("x-mall-cache"), second.headers.get("x-mall-cache")] == [None, None]
    assert second.json()["data"]["categoryCreate"] == {
        "category": None, "userErrors": [{"field": None, "code": "UNAUTHENTICATED", "message": "You need to sign in."}],
    }
    assert (over_get.status_code, over_get.headers.get("x-mall-cache")) == (405, None)
    categories_now = await fresh_read(api, CATEGORIES)
    assert sorted(c["name"] for c in categories_now["categories"]) == ["绿茶", "茶叶"]


@pytest.mark.parametrize("query", ["me", "node", "catalog and me"])
async def test_a_query_outside_the_public_catalog_is_never_cached(api, catalog, query):
    text, variables = {
        "me": (ME, {}),
        "node": (NODE, {"id": gid("Product", catalog.longjing.id)}),
        "catalog and me": (CATALOG_AND_ME, {}),
    }[query]

    first = await post(api, text, variables)
    second = await post(api, text, variables)

    assert [first.status_code, second.status_code] == [200, 200]
    assert [first.headers.get("x-mall-cache"), second.headers.get("x-mall-cache")] == [None, None]
    assert second.content == first.content


UNKNOWN_FIELD = "Cannot query field 'nope' on type 'Category'."
ERRORS = {
    "page size": ("query Big { products(first: 101) { totalCount } }", GRAPHQL_RESPONSE, 200,
                  [("BAD_USER_INPUT", "first and last must be between 0 and 100.")]),
    "neither id nor slug": ("query Nothing { product { id } }", GRAPHQL_RESPONSE, 200,
                            [("BAD_USER_INPUT", "Give exactly one of id and slug.")]),
    "anonymous draft filter": ("query Drafts { products(first: 5, filter: {status: DRAFT}) { totalCount } }",
                               GRAPHQL_RESPONSE, 200,
                               [("UNAUTHENTICATED", "Sign in as staff to see DRAFT or ARCHIVED products.")]),
    "unknown field": ("query Bad { categories { nope } }", GRAPHQL_RESPONSE, 400, [(None, UNKNOWN_FIELD)]),
    "unknown field, legacy json": ("query Bad { categories { nope } }", "application/json", 200, [(None, UNKNOWN_FIELD)]),
}


@pytest.mark.parametrize("case", list(ERRORS))
async def test_an_answer_with_errors_is_never_stored(api, catalog, case):
    query, accept, status, errors = ERRORS[case]

    first = await post(api, query, headers={"Accept": accept})
    second = await post(api, query, headers={"Accept": accept})

    assert [first.status_code, second.status_code] == [status, status]
    assert [(e.get("extensions", {}).get("code"), e["message"]) for e in second.json()["errors"]] == errors
    assert "hit" not in (first.headers.get("x-mall-cache"), second.headers.get("x-mall-cache"))
    assert await stored(query) is None


async def test_different_variables_get_different_entries(api, catalog):
    one = await post(api, PRODUCTS, {"first": 1})
    two = await post(api, PRODUCTS, {"first": 2})
    one_again = await post(api, PRODUCTS, {"first": 1})
    two_again = await post(api, PRODUCTS, {"first": 2})

    assert [r.headers["x-mall-cache"] for r in (one, two, one_again, two_again)] == ["miss", "miss", "hit", "hit"]
    assert len(one.json()["data"]["products"]["edges"]) == 1
    assert len(two.json()["data"]["products"]["edges"]) == 2
    assert (one_again.content, two_again.content) == (one.content, two.content)


async def test_different_operation_names_get_different_entries(api, catalog):
    names = await post(api, TWO_OPERATIONS, operation_name="CategoryNames")
    currency = await post(api, TWO_OPERATIONS, operation_name="Currency")
    names_again = await post(api, TWO_OPERATIONS, operation_name="CategoryNames")
    currency_again = await post(api, TWO_OPERATIONS, operation_name="Currency")

    assert [r.headers["x-mall-cache"] for r in (names, currency, names_again, currency_again)] == ["miss", "miss", "hit", "hit"]
    assert sorted(c["name"] for c in names.json()["data"]["categories"]) == ["绿茶", "茶叶"]
    assert currency.json() == {"data": {"shopSettings": {"currency": "CNY"}}}
    assert (names_again.content, currency_again.content) == (names.content, currency.content)


# --- settings are part of the key ---------------------------------------------


async def test_a_settings_change_is_not_answered_from_entries_made_before_it(api, configure, catalog):
    before = await cached_read(api, SHOP_SETTINGS)
    listing_before = await cached_read(api, PRODUCT_DETAIL, {"slug": "puer"})
    assert before["shopSettings"]["currency"] == "CNY"
    assert listing_before["product"]["variants"][0]["price"] == {"amount": "88.00", "currency": "CNY"}

    configure(currency="USD")

    after = await fresh_read(api, SHOP_SETTINGS)
    detail_after = await fresh_read(api, PRODUCT_DETAIL, {"slug": "puer"})
    assert after["shopSettings"]["currency"] == "USD"
    assert after["shopSettings"]["withdrawalMin"]["currency"] == "USD"
    assert detail_after["product"]["variants"][0]["price"] == {"amount": "88.00", "currency": "USD"}


# --- several app instances ------------------------------------------------------


async def test_two_app_instances_share_the_cache_and_its_invalidation(make_api, catalog, settings, staff):
    first, second = make_api(), make_api()
    uses_redis(settings)  # Redis in the production shape, this process's memory in the embedded one: shared either way

    miss = await post(first, PRODUCT_DETAIL, {"slug": "longjing"})
    hit = await post(second, PRODUCT_DETAIL, {"slug": "longjing"})
    assert [miss.headers["x-mall-cache"], hit.headers["x-mall-cache"]] == ["miss", "hit"]
    assert hit.content == miss.content

    await staff_mutation(first, staff, PRODUCT_UPDATE, {"productId": gid("Product", catalog.longjing.id), "title": "龙井 43"})

    detail = await fresh_read(second, PRODUCT_DETAIL, {"slug": "longjing"})
    assert detail["product"]["title"] == "龙井 43"
    assert (await post(first, PRODUCT_DETAIL, {"slug": "longjing"})).headers["x-mall-cache"] == "hit"


# --- a change racing a cache write -------------------------------------------------


async def test_an_entry_stored_at_a_version_the_catalog_has_left_is_never_read(api, catalog):
    key = key_of(CATEGORIES)
    stale = b'{"data":{"categories":[]}}'
    version, value = await cache.lookup(response_cache.SCOPE, key)
    assert value is None

    # The catalog changes (and bumps) after the version was read, before the answer is stored.
    await categories.category_create(Actor.system(), name="白茶", slug="white-tea", parent_id=None)
    await cache.store(response_cache.SCOPE, version, key, stale, ttl=60)

    assert await cache.lookup(response_cache.SCOPE, key) == (version + 1, None)
    fresh = await fresh_read(api, CATEGORIES)
    assert sorted(c["name"] for c in fresh["categories"]) == ["白茶", "绿茶", "茶叶"]
    # What is stored at the current version is what a lookup returns (the check above can fail).
    await cache.store(response_cache.SCOPE, version + 1, key, stale, ttl=60)
    assert await cache.lookup(response_cache.SCOPE, key) == (version + 1, stale)


async def test_a_bare_bump_between_lookup_and_store_hides_the_entry(api, catalog):
    key = key_of(SHOP_SETTINGS)
    version, _ = await cache.lookup(response_cache.SCOPE, key)

    await cache.bump(response_cache.SCOPE)
    await cache.store(response_cache.SCOPE, version, key, b'{"data":{"shopSettings":null}}', ttl=60)

    assert await cache.lookup(response_cache.SCOPE, key) == (version + 1, None)
    response = await post(api, SHOP_SETTINGS)
    assert response.headers["x-mall-cache"] == "miss"
    assert response.json()["data"]["shopSettings"]["currency"] == "CNY"


async def test_a_change_committed_while_a_miss_executes_is_not_served_afterwards(api, catalog, monkeypatch):
    real_store = cache.store

    async def change_then_store(*args: Any, **kwargs: Any) -> None:
        # The answer was computed from the old title; the change commits before it is stored.
        await products.product_update(Actor.system(), product_id=catalog.longjing.id, fields=ProductFields(title="Late title"))
        await real_store(*args, **kwargs)

    monkeypatch.setattr(cache, "store", change_then_store)
    racing = await post(api, PRODUCT_DETAIL, {"slug": "longjing"})
    monkeypatch.setattr(cache, "store", real_store)

    assert racing.headers["x-mall-cache"] == "miss"
    assert racing.json()["data"]["product"]["title"] == "西湖龙井"
    after = await fresh_read(api, PRODUCT_DETAIL, {"slug": "longjing"})
    assert after["product"]["title"] == "Late title"
