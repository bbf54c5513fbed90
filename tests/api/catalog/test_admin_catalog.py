"""Staff catalog mutations (MANAGE_PRODUCTS): results, field errors, audit records, permissions (DESIGN §3.2, §3.8, §4)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from mall.audit.models import AuditRecord
from mall.catalog.models import Category, Product, Variant
from mall.core.actors import Permission
from mall.graphql.relay import encode_id
from tests import factories
from tests.operations import contract

CATEGORY_CREATE = contract("CategoryCreate")
PRODUCT_CREATE = contract("ProductCreate")
PRODUCT_UPDATE = contract("ProductUpdate")
VARIANT_CREATE = contract("VariantCreate")
VARIANT_UPDATE = contract("VariantUpdate")
STOCK_ADJUST = contract("StockAdjust")
PRODUCT_DETAIL = contract("ProductDetail")
PRODUCTS = contract("Products")
STAFF_PRODUCT = """
query StaffProduct($id: ID!) {
  product(id: $id) {
    slug title description status category { id } images { url alt } attributes { name value }
    priceRange { min { amount } max { amount } }
    variants { sku title options { name value } price { amount } compareAtPrice { amount } costPrice { amount }
               stock stockOnHand stockReserved }
  }
}
"""
BY_PRICE = "query ByPrice { products(sort: {field: PRICE}) { edges { node { title } } } }"
STOCK = "query Stock($slug: String!) { product(slug: $slug) { variants { sku stock } } }"
ANY_ERROR_CODE = {"UNAUTHENTICATED": "You need to sign in.", "PERMISSION_DENIED": "This needs the MANAGE_PRODUCTS permission."}


def money(amount: str) -> dict[str, str]:
    return {"amount": amount, "currency": "CNY"}


def gid(type_name: str, pk: int) -> str:
    return encode_id(type_name, pk)


def error(field, code: str, message: str) -> dict:
    return {"field": field, "code": code, "message": message}


async def audit(action: str) -> list[tuple]:
    records = await AuditRecord.filter(action=action).order_by("id")
    return [(r.actor_kind, r.actor_id, r.target, r.old_value, r.new_value, r.reason) for r in records]


async def snapshot() -> dict:
    """Everything a refused catalog mutation must leave as it was."""
    return {
        "categories": await Category.all().order_by("id").values_list("id", "name", "slug", "parent_id", "path"),
        "products": await Product.all().order_by("id").values_list(
            "id", "slug", "title", "description", "status", "category_id", "attributes", "images",
            "min_price_minor", "max_price_minor"),
        "variants": await Variant.all().order_by("id").values_list(
            "id", "product_id", "sku", "title", "price_minor", "compare_at_minor", "cost_minor", "on_hand", "reserved"),
        "audit": await AuditRecord.all().count(),
    }


async def staff_product(api, token: str, product_id: int) -> dict:
    return (await api(STAFF_PRODUCT, {"id": gid("Product", product_id)}, token=token)).data["product"]


@dataclass
class Scene:
    token: str
    staff_id: int
    category: Category
    product: Product
    variant: Variant


@pytest.fixture
async def scene() -> Scene:
    staff = await factories.staff(Permission.MANAGE_PRODUCTS)
    category = await factories.category(name="Tea")
    product = await factories.product(title="Green tea", category=category, prices=("10.00",), stock=10, slug="green-tea")
    variant = await Variant.get(product_id=product.id)
    return Scene(staff.access_token, staff.user.id, category, product, variant)


# --- categoryCreate ---


async def test_category_create_adds_a_category_below_a_parent_and_audits_it(api, scene):
    result = await api(CATEGORY_CREATE, {"input": {"name": " Oolong ", "slug": "oolong", "parentId": gid("Category", scene.category.id)}},
                       token=scene.token)

    created = await Category.get(slug="oolong")
    assert result.data == {"categoryCreate": {"category": {"id": gid("Category", created.id), "slug": "oolong"}, "userErrors": []}}
    assert (created.name, created.parent_id, created.path) == ("Oolong", scene.category.id, f"/{scene.category.id}/{created.id}/")
    assert await audit("category.create") == [
        ("SYSTEM", None, f"Category:{scene.category.id}", None, {"name": "Tea", "slug": scene.category.slug, "parentId": None}, ""),
        ("STAFF", scene.staff_id, f"Category:{created.id}", None, {"name": "Oolong", "slug": "oolong", "parentId": scene.category.id}, ""),
    ]


async def test_category_create_makes_a_slug_when_none_is_given(api, scene):
    english = await api(CATEGORY_CREATE, {"input": {"name": "Green Tea & Herbs"}}, token=scene.token)
    chinese = await api(CATEGORY_CREATE, {"input": {"name": "茶具"}}, token=scene.token)
    again = await api(CATEGORY_CREATE, {"input": {"name": "茶具", "slug": None}}, token=scene.token)

    slugs = [r.data["categoryCreate"]["category"]["slug"] for r in (english, chinese, again)]
    assert all(r.data["categoryCreate"]["userErrors"] == [] for r in (english, chinese, again))
    assert re.fullmatch(r"green-tea-herbs-[0-9a-f]{8}", slugs[0])
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug) for slug in slugs[1:])
    assert len(set(slugs)) == 3


async def test_category_create_refuses_a_duplicate_slug(api, scene):
    before = await snapshot()

    result = await api(CATEGORY_CREATE, {"input": {"name": "Other", "slug": scene.category.slug}}, token=scene.token)

    assert result.data == {"categoryCreate": {"category": None, "userErrors": [
        error(["input", "slug"], "DUPLICATE", "A category with this slug exists.")]}}
    assert await snapshot() == before


@pytest.mark.parametrize(
    ("parent_id", "expected"),
    [
        (encode_id("Category", 987_654), error(["input", "parentId"], "NOT_FOUND", "No such category.")),
        ("not-an-id", error(["input", "parentId"], "INVALID", "Expected an ID of type Category.")),
        (encode_id("Product", 1), error(["input", "parentId"], "INVALID", "Expected an ID of type Category.")),
    ],
)
async def test_category_create_refuses_an_unknown_or_malformed_parent(api, scene, parent_id, expected):
    before = await snapshot()

    result = await api(CATEGORY_CREATE, {"input": {"name": "Orphan", "slug": "orphan", "parentId": parent_id}}, token=scene.token)

    assert result.data == {"categoryCreate": {"category": None, "userErrors": [expected]}}
    assert await snapshot() == before


async def test_categories_nest_at_most_eight_levels(api, scene):
    parent_id = gid("Category", scene.category.id)  # level 1
    for level in range(2, 9):
        created = await api(CATEGORY_CREATE, {"input": {"name": f"Level {level}", "parentId": parent_id}}, token=scene.token)
        assert created.data["categoryCreate"]["userErrors"] == [], level
        parent_id = created.data["categoryCreate"]["category"]["id"]
    before = await snapshot()

    ninth = await api(CATEGORY_CREATE, {"input": {"name": "Level 9", "parentId": parent_id}}, token=scene.token)

    assert ninth.data == {"categoryCreate": {"category": None, "userErrors": [
        error(["input", "parentId"], "INVALID", "Categories nest at most 8 levels deep.")]}}
    assert await snapshot() == before


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"name": "   "}, error(["input", "name"], "REQUIRED", "This field is required.")),
        ({"name": "x" * 101}, error(["input", "name"], "INVALID", "Use at most 100 characters.")),
        ({"name": "Tea", "slug": "Green Tea"}, error(["input", "slug"], "INVALID",
                                                     "A slug is lower-case letters and digits joined by single hyphens, e.g. red-tea-250g.")),
    ],
)
async def test_category_create_refuses_bad_names_and_slugs(api, scene, data, expected):
    before = await snapshot()

    result = await api(CATEGORY_CREATE, {"input": data}, token=scene.token)

    assert result.data == {"categoryCreate": {"category": None, "userErrors": [expected]}}
    assert await snapshot() == before


# --- productCreate ---


def full_product_input(category_id: str | None, **changes) -> dict:
    data = {
        "title": "铁观音 Tieguanyin",
        "slug": "tieguanyin",
        "description": "安溪 清香型",
        "categoryId": category_id,
        "status": "ACTIVE",
        "attributes": [{"name": "产地", "value": "福建安溪"}, {"name": "香型", "value": "清香"}],
        "images": [{"url": "https://img.example.com/tgy.jpg", "alt": "茶汤"}],
        "variants": [
            {"sku": "TGY-250", "title": "250g", "options": [{"name": "规格", "value": "250g"}], "price": "88",
             "compareAtPrice": "108.00", "costPrice": "40.5", "stock": 30},
            {"sku": "TGY-500", "title": "500g", "options": [{"name": "规格", "value": "500g"}], "price": "158.80",
             "stock": 5},
        ],
    }
    return {**data, **changes}


async def test_product_create_makes_a_product_with_its_variants_and_audits_it(api, scene):
    result = await api(PRODUCT_CREATE, {"input": full_product_input(gid("Category", scene.category.id))}, token=scene.token)

    product = await Product.get(slug="tieguanyin")
    small, large = await Variant.filter(product_id=product.id).order_by("position")
    assert result.data == {"productCreate": {"product": {
        "id": gid("Product", product.id), "slug": "tieguanyin", "status": "ACTIVE",
        "variants": [{"id": gid("ProductVariant", small.id), "sku": "TGY-250"},
                     {"id": gid("ProductVariant", large.id), "sku": "TGY-500"}],
    }, "userErrors": []}}
    assert await staff_product(api, scene.token, product.id) == {
        "slug": "tieguanyin", "title": "铁观音 Tieguanyin", "description": "安溪 清香型", "status": "ACTIVE",
        "category": {"id": gid("Category", scene.category.id)},
        "images": [{"url": "https://img.example.com/tgy.jpg", "alt": "茶汤"}],
        "attributes": [{"name": "产地", "value": "福建安溪"}, {"name": "香型", "value": "清香"}],
        "priceRange": {"min": {"amount": "88.00"}, "max": {"amount": "158.80"}},
        "variants": [
            {"sku": "TGY-250", "title": "250g", "options": [{"name": "规格", "value": "250g"}], "price": {"amount": "88.00"},
             "compareAtPrice": {"amount": "108.00"}, "costPrice": {"amount": "40.50"}, "stock": 30, "stockOnHand": 30,
             "stockReserved": 0},
            {"sku": "TGY-500", "title": "500g", "options": [{"name": "规格", "value": "500g"}], "price": {"amount": "158.80"},
             "compareAtPrice": None, "costPrice": None, "stock": 5, "stockOnHand": 5, "stockReserved": 0},
        ],
    }
    [record] = [r for r in await audit("product.create") if r[0] == "STAFF"]
    assert record == ("STAFF", scene.staff_id, f"Product:{product.id}", None, {
        "title": "铁观音 Tieguanyin", "slug": "tieguanyin", "description": "安溪 清香型", "category_id": scene.category.id,
        "status": "ACTIVE", "attributes": [{"name": "产地", "value": "福建安溪"}, {"name": "香型", "value": "清香"}],
        "images": [{"url": "https://img.example.com/tgy.jpg", "alt": "茶汤"}], "variants": ["TGY-250", "TGY-500"],
    }, "")


async def test_a_created_active_product_shows_in_the_storefront_at_once(api, scene):
    before = (await api(PRODUCTS, {"first": 10})).data["products"]

    await api(PRODUCT_CREATE, {"input": full_product_input(None)}, token=scene.token)
    after = (await api(PRODUCTS, {"first": 10})).data["products"]

    assert [e["node"]["title"] for e in before["edges"]] == ["Green tea"]
    assert [e["node"]["title"] for e in after["edges"]] == ["铁观音 Tieguanyin", "Green tea"]
    assert after["edges"][0]["node"]["priceRange"] == {"min": money("88.00"), "max": money("158.80")}


async def test_product_create_defaults_to_a_draft_with_a_made_up_slug(api, scene):
    result = await api(PRODUCT_CREATE, {"input": {"title": "Jasmine Pearls 茉莉龙珠"}}, token=scene.token)

    payload = result.data["productCreate"]
    assert payload["userErrors"] == []
    assert payload["product"]["status"] == "DRAFT"
    assert payload["product"]["variants"] == []
    assert re.fullmatch(r"jasmine-pearls-[0-9a-f]{8}", payload["product"]["slug"])
    assert (await api(PRODUCTS, {"first": 10})).data["products"]["totalCount"] == 1  # the draft is not listed


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"slug": "green-tea"}, error(["input", "slug"], "DUPLICATE", "A product with this slug exists.")),
        ({"variants": [{"sku": "A-1", "title": "a", "price": "1"}, {"sku": "B-1", "title": "b", "price": "1"},
                       {"sku": "A-1", "title": "c", "price": "1"}]},
         error(["input", "variants", "2", "sku"], "DUPLICATE", "Two variants have the same SKU.")),
        ({"variants": [{"sku": "NEW-1", "title": "a", "price": "1"}, {"sku": "{existing}", "title": "b", "price": "1"}]},
         error(["input", "variants", "1", "sku"], "DUPLICATE", "A variant with this SKU exists.")),
        ({"variants": [{"sku": "A-1", "title": "a", "price": "1.001"}]},
         error(["input", "variants", "0", "price"], "INVALID", "1.001 has fractions of a fen.")),
        ({"variants": [{"sku": "A-1", "title": "a", "price": "-5"}]},
         error(["input", "variants", "0", "price"], "INVALID", "Must not be negative.")),
        ({"variants": [{"sku": "A-1", "title": "a", "price": "5", "compareAtPrice": "-0.01"}]},
         error(["input", "variants", "0", "compareAtPrice"], "INVALID", "Must not be negative.")),
        ({"variants": [{"sku": "A-1", "title": "a", "price": "5", "stock": -1}]},
         error(["input", "variants", "0", "stock"], "INVALID", "Stock is between 0 and 1000000000.")),
        ({"variants": [{"sku": "  ", "title": "a", "price": "5"}]},
         error(["input", "variants", "0", "sku"], "REQUIRED", "This field is required.")),
        ({"title": "   "}, error(["input", "title"], "REQUIRED", "This field is required.")),
        ({"title": ""}, error(["input", "title"], "REQUIRED", "This field is required.")),
        ({"images": [{"url": "ftp://x", "alt": ""}]},
         error(["input", "images", "0", "url"], "INVALID", "An image URL starts with https:// (or http://).")),
        ({"attributes": [{"name": "产地", "value": "福建"}, {"name": "产地", "value": "云南"}]},
         error(["input", "attributes", "1", "name"], "INVALID", "'产地' appears twice.")),
        ({"slug": "Tie Guan Yin"}, error(["input", "slug"], "INVALID",
                                         "A slug is lower-case letters and digits joined by single hyphens, e.g. red-tea-250g.")),
        ({"categoryId": encode_id("Category", 987_654)}, error(["input", "categoryId"], "NOT_FOUND", "No such category.")),
        ({"categoryId": "bogus"}, error(["input", "categoryId"], "INVALID", "Expected an ID of type Category.")),
    ],
)
async def test_product_create_refuses_bad_input_and_changes_nothing(api, scene, changes, expected):
    if "variants" in changes:
        changes = {"variants": [{**v, "sku": scene.variant.sku if v["sku"] == "{existing}" else v["sku"]}
                                for v in changes["variants"]]}
    before = await snapshot()

    result = await api(PRODUCT_CREATE, {"input": full_product_input(None, **changes)}, token=scene.token)

    assert result.data == {"productCreate": {"product": None, "userErrors": [expected]}}
    assert await snapshot() == before


# --- productUpdate ---


async def test_product_update_changes_only_the_given_fields_and_audits_the_change(api, scene):
    before = await staff_product(api, scene.token, scene.product.id)

    result = await api(PRODUCT_UPDATE, {"input": {"productId": gid("Product", scene.product.id), "title": "西湖龙井"}},
                       token=scene.token)

    assert result.data == {"productUpdate": {"product": {"id": gid("Product", scene.product.id), "title": "西湖龙井",
                                                         "status": "ACTIVE"}, "userErrors": []}}
    assert await staff_product(api, scene.token, scene.product.id) == {**before, "title": "西湖龙井"}
    assert await audit("product.update") == [
        ("STAFF", scene.staff_id, f"Product:{scene.product.id}", {"title": "Green tea"}, {"title": "西湖龙井"}, "")]


async def test_product_update_changes_several_fields_at_once(api, scene):
    result = await api(PRODUCT_UPDATE, {"input": {
        "productId": gid("Product", scene.product.id), "description": "明前", "status": "DRAFT",
        "attributes": [{"name": "产地", "value": "杭州"}], "images": [{"url": "http://img.example.com/a.png", "alt": "a"}],
    }}, token=scene.token)

    assert result.data["productUpdate"]["userErrors"] == []
    after = await staff_product(api, scene.token, scene.product.id)
    assert (after["title"], after["description"], after["status"], after["attributes"], after["images"]) == (
        "Green tea", "明前", "DRAFT", [{"name": "产地", "value": "杭州"}], [{"url": "http://img.example.com/a.png", "alt": "a"}])


async def test_archiving_a_product_takes_it_off_the_storefront(api, scene):
    listed = (await api(PRODUCTS, {"first": 10})).data["products"]["totalCount"]
    shown = (await api(PRODUCT_DETAIL, {"slug": "green-tea"})).data["product"]

    result = await api(PRODUCT_UPDATE, {"input": {"productId": gid("Product", scene.product.id), "status": "ARCHIVED"}},
                       token=scene.token)

    assert result.data["productUpdate"] == {"product": {"id": gid("Product", scene.product.id), "title": "Green tea",
                                                        "status": "ARCHIVED"}, "userErrors": []}
    assert (listed, shown["title"]) == (1, "Green tea")
    assert (await api(PRODUCTS, {"first": 10})).data["products"]["totalCount"] == 0
    assert (await api(PRODUCT_DETAIL, {"slug": "green-tea"})).body == {"data": {"product": None}}


async def test_product_update_changes_the_slug(api, scene):
    result = await api(PRODUCT_UPDATE, {"input": {"productId": gid("Product", scene.product.id), "slug": "longjing-2026"}},
                       token=scene.token)

    assert result.data["productUpdate"]["userErrors"] == []
    assert (await api(PRODUCT_DETAIL, {"slug": "longjing-2026"})).data["product"]["title"] == "Green tea"
    assert (await api(PRODUCT_DETAIL, {"slug": "green-tea"})).body == {"data": {"product": None}}


async def test_product_update_keeping_its_own_slug_is_fine(api, scene):
    result = await api(PRODUCT_UPDATE, {"input": {"productId": gid("Product", scene.product.id), "slug": "green-tea"}},
                       token=scene.token)

    assert result.data["productUpdate"]["userErrors"] == []


async def test_product_update_clears_the_category_with_null(api, scene):
    result = await api(PRODUCT_UPDATE, {"input": {"productId": gid("Product", scene.product.id), "categoryId": None}},
                       token=scene.token)

    assert result.data["productUpdate"]["userErrors"] == []
    assert (await staff_product(api, scene.token, scene.product.id))["category"] is None
    filtered = await api(PRODUCTS, {"filter": {"categoryId": gid("Category", scene.category.id)}})
    assert filtered.data["products"]["totalCount"] == 0


async def test_product_update_moves_a_product_to_another_category(api, scene):
    other = await factories.category(name="Coffee")

    result = await api(PRODUCT_UPDATE, {"input": {"productId": gid("Product", scene.product.id),
                                                  "categoryId": gid("Category", other.id)}}, token=scene.token)

    assert result.data["productUpdate"]["userErrors"] == []
    assert (await staff_product(api, scene.token, scene.product.id))["category"] == {"id": gid("Category", other.id)}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"slug": "taken"}, error(["input", "slug"], "DUPLICATE", "A product with this slug exists.")),
        ({"slug": None}, error(["input", "slug"], "INVALID", "A product keeps a slug; give a new one to change it.")),
        ({"title": "  "}, error(["input", "title"], "REQUIRED", "This field is required.")),
        ({"title": None}, error(["input", "title"], "REQUIRED", "This field is required.")),
        ({"images": [{"url": "javascript:alert(1)", "alt": ""}]},
         error(["input", "images", "0", "url"], "INVALID", "An image URL starts with https:// (or http://).")),
        ({"categoryId": encode_id("Category", 987_654)}, error(["input", "categoryId"], "NOT_FOUND", "No such category.")),
        ({"productId": encode_id("Product", 987_654)}, error(["input", "productId"], "NOT_FOUND", "No such product.")),
        ({"productId": "bogus"}, error(["input", "productId"], "INVALID", "Expected an ID of type Product.")),
    ],
)
async def test_product_update_refuses_bad_input_and_changes_nothing(api, scene, changes, expected):
    await factories.product(title="Taken", slug="taken")
    before = await snapshot()

    result = await api(PRODUCT_UPDATE, {"input": {"productId": gid("Product", scene.product.id), "title": "Changed", **changes}},
                       token=scene.token)

    assert result.data == {"productUpdate": {"product": None, "userErrors": [expected]}}
    assert await snapshot() == before


async def test_product_update_with_a_null_status_is_a_field_error_not_a_crash(api, scene):
    before = await snapshot()

    result = await api(PRODUCT_UPDATE, {"input": {"productId": gid("Product", scene.product.id), "status": None}},
                       token=scene.token)

    assert result.errors == []
    payload = result.data["productUpdate"]
    assert payload["product"] is None
    assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [(["input", "status"], "REQUIRED")]
    assert await snapshot() == before


# --- variantCreate / variantUpdate ---


async def test_variant_create_adds_a_variant_and_widens_the_price_range(api, scene):
    result = await api(VARIANT_CREATE, {"input": {
        "productId": gid("Product", scene.product.id), "sku": "GT-GIFT", "title": "礼盒",
        "options": [{"name": "包装", "value": "礼盒"}], "price": "66.6", "compareAtPrice": "80", "stock": 4,
    }}, token=scene.token)

    created = await Variant.get(sku="GT-GIFT")
    assert result.data == {"variantCreate": {"variant": {"id": gid("ProductVariant", created.id), "sku": "GT-GIFT"},
                                             "userErrors": []}}
    product = await staff_product(api, scene.token, scene.product.id)
    assert product["priceRange"] == {"min": {"amount": "10.00"}, "max": {"amount": "66.60"}}
    assert product["variants"][1] == {
        "sku": "GT-GIFT", "title": "礼盒", "options": [{"name": "包装", "value": "礼盒"}], "price": {"amount": "66.60"},
        "compareAtPrice": {"amount": "80.00"}, "costPrice": None, "stock": 4, "stockOnHand": 4, "stockReserved": 0}
    assert await audit("variant.create") == [("STAFF", scene.staff_id, f"ProductVariant:{created.id}", None,
                                              {"productId": scene.product.id, "sku": "GT-GIFT", "price": 6660, "stock": 4}, "")]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"sku": "{existing}"}, error(["input", "sku"], "DUPLICATE", "A variant with this SKU exists.")),
        ({"price": "1.005"}, error(["input", "price"], "INVALID", "1.005 has fractions of a fen.")),
        ({"price": "-1"}, error(["input", "price"], "INVALID", "Must not be negative.")),
        ({"title": ""}, error(["input", "title"], "REQUIRED", "This field is required.")),
        ({"productId": encode_id("Product", 987_654)}, error(["input", "productId"], "NOT_FOUND", "No such product.")),
        ({"productId": encode_id("Category", 1)}, error(["input", "productId"], "INVALID", "Expected an ID of type Product.")),
    ],
)
async def test_variant_create_refuses_bad_input_and_changes_nothing(api, scene, changes, expected):
    if changes.get("sku") == "{existing}":
        changes = {"sku": scene.variant.sku}
    before = await snapshot()

    result = await api(VARIANT_CREATE, {"input": {
        "productId": gid("Product", scene.product.id), "sku": "NEW-1", "title": "New", "price": "5", **changes,
    }}, token=scene.token)

    assert result.data == {"variantCreate": {"variant": None, "userErrors": [expected]}}
    assert await snapshot() == before


async def test_variant_update_changes_the_price_and_the_products_price_range(api, scene):
    variant_id = gid("ProductVariant", scene.variant.id)

    result = await api(VARIANT_UPDATE, {"input": {"variantId": variant_id, "price": "12.5"}}, token=scene.token)

    assert result.data == {"variantUpdate": {"variant": {"id": variant_id, "price": money("12.50"), "costPrice": money("5.00")},
                                             "userErrors": []}}
    storefront = (await api(PRODUCTS, {"first": 5})).data["products"]["edges"][0]["node"]
    assert storefront["priceRange"] == {"min": money("12.50"), "max": money("12.50")}
    assert storefront["variants"][0]["price"] == money("12.50")
    assert await audit("variant.update") == [
        ("STAFF", scene.staff_id, f"ProductVariant:{scene.variant.id}", {"price_minor": 1000}, {"price_minor": 1250}, "")]


async def test_a_cheaper_variant_moves_the_product_in_a_price_sorted_list(api, scene):
    await factories.product(title="Mid", prices=("8.00",))
    before = [e["node"]["title"] for e in (await api(BY_PRICE)).data["products"]["edges"]]

    await api(VARIANT_UPDATE, {"input": {"variantId": gid("ProductVariant", scene.variant.id), "price": "1"}}, token=scene.token)
    after = [e["node"]["title"] for e in (await api(BY_PRICE)).data["products"]["edges"]]

    assert (before, after) == (["Mid", "Green tea"], ["Green tea", "Mid"])


async def test_variant_update_clears_compare_at_and_cost_price_with_null(api, scene):
    variant_id = gid("ProductVariant", scene.variant.id)
    await api(VARIANT_UPDATE, {"input": {"variantId": variant_id, "compareAtPrice": "15"}}, token=scene.token)
    with_compare = (await staff_product(api, scene.token, scene.product.id))["variants"][0]

    result = await api(VARIANT_UPDATE, {"input": {"variantId": variant_id, "compareAtPrice": None, "costPrice": None}},
                       token=scene.token)

    assert result.data == {"variantUpdate": {"variant": {"id": variant_id, "price": money("10.00"), "costPrice": None},
                                             "userErrors": []}}
    after = (await staff_product(api, scene.token, scene.product.id))["variants"][0]
    assert (with_compare["compareAtPrice"], with_compare["costPrice"]) == ({"amount": "15.00"}, {"amount": "5.00"})
    assert (after["compareAtPrice"], after["costPrice"], after["price"]) == (None, None, {"amount": "10.00"})


async def test_variant_update_changes_sku_title_and_options_only(api, scene):
    variant_id = gid("ProductVariant", scene.variant.id)
    before = (await staff_product(api, scene.token, scene.product.id))["variants"][0]

    result = await api(VARIANT_UPDATE, {"input": {"variantId": variant_id, "sku": "GT-100", "title": "100g",
                                                  "options": [{"name": "规格", "value": "100g"}]}}, token=scene.token)

    assert result.data["variantUpdate"]["userErrors"] == []
    after = (await staff_product(api, scene.token, scene.product.id))["variants"][0]
    assert after == {**before, "sku": "GT-100", "title": "100g", "options": [{"name": "规格", "value": "100g"}]}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"sku": "{other}"}, error(["input", "sku"], "DUPLICATE", "A variant with this SKU exists.")),
        ({"price": "3.141"}, error(["input", "price"], "INVALID", "3.141 has fractions of a fen.")),
        ({"costPrice": "-2"}, error(["input", "costPrice"], "INVALID", "Must not be negative.")),
        ({"variantId": encode_id("ProductVariant", 987_654)}, error(["input", "variantId"], "NOT_FOUND", "No such variant.")),
        ({"variantId": encode_id("Product", 1)}, error(["input", "variantId"], "INVALID", "Expected an ID of type ProductVariant.")),
    ],
)
async def test_variant_update_refuses_bad_input_and_changes_nothing(api, scene, changes, expected):
    other = await factories.product(title="Other")
    other_sku = (await Variant.get(product_id=other.id)).sku
    if changes.get("sku") == "{other}":
        changes = {"sku": other_sku}
    before = await snapshot()

    result = await api(VARIANT_UPDATE, {"input": {"variantId": gid("ProductVariant", scene.variant.id), "title": "Changed",
                                                  **changes}}, token=scene.token)

    assert result.data == {"variantUpdate": {"variant": None, "userErrors": [expected]}}
    assert await snapshot() == before


# --- stockAdjust ---


async def test_stock_adjust_adds_and_removes_stock_and_audits_each_move(api, scene):
    variant_id = gid("ProductVariant", scene.variant.id)
    assert (await api(STOCK, {"slug": "green-tea"})).data == {"product": {"variants": [{"sku": scene.variant.sku, "stock": 10}]}}

    added = await api(STOCK_ADJUST, {"input": {"variantId": variant_id, "delta": 10, "reason": "到货"}}, token=scene.token)
    removed = await api(STOCK_ADJUST, {"input": {"variantId": variant_id, "delta": -5}}, token=scene.token)

    assert added.data == {"stockAdjust": {"variant": {"id": variant_id, "stock": 20, "stockOnHand": 20, "stockReserved": 0},
                                          "userErrors": []}}
    assert removed.data == {"stockAdjust": {"variant": {"id": variant_id, "stock": 15, "stockOnHand": 15, "stockReserved": 0},
                                            "userErrors": []}}
    assert (await api(STOCK, {"slug": "green-tea"})).data == {"product": {"variants": [{"sku": scene.variant.sku, "stock": 15}]}}
    target = f"ProductVariant:{scene.variant.id}"
    assert await audit("stock.adjust") == [
        ("STAFF", scene.staff_id, target, {"onHand": 10}, {"onHand": 20, "delta": 10}, "到货"),
        ("STAFF", scene.staff_id, target, {"onHand": 20}, {"onHand": 15, "delta": -5}, ""),
    ]


async def test_stock_adjust_counts_reserved_stock(api, scene, configure):
    configure(response_cache=False)  # the reservation is written straight to the table
    await Variant.filter(id=scene.variant.id).update(reserved=4)
    variant_id = gid("ProductVariant", scene.variant.id)

    result = await api(STOCK_ADJUST, {"input": {"variantId": variant_id, "delta": -6}}, token=scene.token)

    assert result.data == {"stockAdjust": {"variant": {"id": variant_id, "stock": 0, "stockOnHand": 4, "stockReserved": 4},
                                           "userErrors": []}}
    assert (await api(STOCK, {"slug": "green-tea"})).data == {"product": {"variants": [{"sku": scene.variant.sku, "stock": 0}]}}
    in_stock = await api(PRODUCTS, {"filter": {"inStock": True}})
    assert in_stock.data["products"]["totalCount"] == 0


async def test_stock_adjust_never_leaves_less_on_hand_than_reserved(api, scene, configure):
    configure(response_cache=False)
    await Variant.filter(id=scene.variant.id).update(reserved=8)
    before = await snapshot()

    result = await api(STOCK_ADJUST, {"input": {"variantId": gid("ProductVariant", scene.variant.id), "delta": -3}},
                       token=scene.token)

    assert result.data == {"stockAdjust": {"variant": None, "userErrors": [error(
        ["input", "delta"], "STOCK_BELOW_RESERVED",
        "On hand would be 7, below the 8 reserved.")]}}
    assert await snapshot() == before
    assert (await api(STOCK, {"slug": "green-tea"})).data == {"product": {"variants": [{"sku": scene.variant.sku, "stock": 2}]}}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"delta": -11}, error(["input", "delta"], "STOCK_BELOW_RESERVED",
                               "On hand would be -1, below the 0 reserved.")),
        ({"delta": 1_000_000_001}, error(["input", "delta"], "INVALID", "Adjust by at most 1000000000 at a time.")),
        ({"variantId": encode_id("ProductVariant", 987_654)}, error(["input", "variantId"], "NOT_FOUND", "No such variant.")),
        ({"variantId": "bogus"}, error(["input", "variantId"], "INVALID", "Expected an ID of type ProductVariant.")),
    ],
)
async def test_stock_adjust_refuses_bad_input_and_changes_nothing(api, scene, changes, expected):
    before = await snapshot()

    result = await api(STOCK_ADJUST, {"input": {"variantId": gid("ProductVariant", scene.variant.id), "delta": 1, **changes}},
                       token=scene.token)

    assert result.data == {"stockAdjust": {"variant": None, "userErrors": [expected]}}
    assert await snapshot() == before


# --- permissions ---


MUTATIONS = {
    "categoryCreate": (CATEGORY_CREATE, lambda s: {"name": "New", "slug": "new", "parentId": gid("Category", s.category.id)}),
    "productCreate": (PRODUCT_CREATE, lambda s: full_product_input(gid("Category", s.category.id))),
    "productUpdate": (PRODUCT_UPDATE, lambda s: {"productId": gid("Product", s.product.id), "title": "Hacked", "status": "ARCHIVED"}),
    "variantCreate": (VARIANT_CREATE, lambda s: {"productId": gid("Product", s.product.id), "sku": "X-1", "title": "x", "price": "0"}),
    "variantUpdate": (VARIANT_UPDATE, lambda s: {"variantId": gid("ProductVariant", s.variant.id), "price": "0.01"}),
    "stockAdjust": (STOCK_ADJUST, lambda s: {"variantId": gid("ProductVariant", s.variant.id), "delta": -10}),
}
RESULT_FIELD = {"categoryCreate": "category", "productCreate": "product", "productUpdate": "product",
                "variantCreate": "variant", "variantUpdate": "variant", "stockAdjust": "variant"}


@pytest.mark.parametrize("who", ["customer", "staff without MANAGE_PRODUCTS", "anonymous"])
@pytest.mark.parametrize("name", list(MUTATIONS))
async def test_catalog_mutations_need_manage_products_and_change_nothing_without_it(api, scene, name, who):
    if who == "customer":
        token, code = (await factories.customer()).access_token, "PERMISSION_DENIED"
    elif who == "anonymous":
        token, code = None, "UNAUTHENTICATED"
    else:
        everything_else = [p for p in Permission if p is not Permission.MANAGE_PRODUCTS]
        token, code = (await factories.staff(*everything_else)).access_token, "PERMISSION_DENIED"
    query, make_input = MUTATIONS[name]
    before = await snapshot()

    result = await api(query, {"input": make_input(scene)}, token=token)

    assert result.data == {name: {RESULT_FIELD[name]: None, "userErrors": [error(None, code, ANY_ERROR_CODE[code])]}}
    assert await snapshot() == before


@pytest.mark.parametrize("name", list(MUTATIONS))
async def test_each_catalog_mutation_works_for_staff_with_manage_products_and_writes_one_audit_record(api, scene, name):
    query, make_input = MUTATIONS[name]
    records = await AuditRecord.all().count()

    result = await api(query, {"input": make_input(scene)}, token=scene.token)

    assert result.data[name]["userErrors"] == []
    assert result.data[name][RESULT_FIELD[name]] is not None
    assert await AuditRecord.all().count() == records + 1
    record = await AuditRecord.all().order_by("-id").first()
    assert (record.actor_kind, record.actor_id) == ("STAFF", scene.staff_id)
    assert record.action == {"categoryCreate": "category.create", "productCreate": "product.create",
                             "productUpdate": "product.update", "variantCreate": "variant.create",
                             "variantUpdate": "variant.update", "stockAdjust": "stock.adjust"}[name]


async def test_a_superuser_may_manage_the_catalog(api, scene):
    boss = await factories.staff(superuser=True)

    result = await api(STOCK_ADJUST, {"input": {"variantId": gid("ProductVariant", scene.variant.id), "delta": 1}},
                       token=boss.access_token)

    assert result.data["stockAdjust"]["userErrors"] == []
    assert result.data["stockAdjust"]["variant"]["stockOnHand"] == 11
