"""One product by slug or id, and catalog objects by node(id) (DESIGN §3.2, §4)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from mall.catalog import products
from mall.catalog.models import ProductStatus, Variant
from mall.catalog.products import ProductFields
from mall.catalog.variants import VariantFields
from mall.core.actors import Actor, Permission
from mall.core.errors import InvalidInput
from mall.graphql.relay import encode_id
from tests import factories
from tests.operations import contract

PRODUCT_DETAIL = contract("ProductDetail")
BY_ID = "query ById($id: ID!) { product(id: $id) { id slug title status } }"
BY_SLUG = "query BySlug($slug: String!) { product(slug: $slug) { id slug title status } }"
BY_BOTH = "query ByBoth($id: ID, $slug: String) { product(id: $id, slug: $slug) { id } }"
STAFF_DETAIL = """
query StaffDetail($slug: String!) {
  product(slug: $slug) { title status variants { sku stock stockOnHand stockReserved costPrice { amount } } }
}
"""
NODE = """
query Node($id: ID!) {
  node(id: $id) {
    id
    ... on Product { title status }
    ... on ProductVariant { sku stock stockOnHand product { title } }
    ... on Category { name slug parent { name } }
  }
}
"""


def money(amount: str) -> dict[str, str]:
    return {"amount": amount, "currency": "CNY"}


async def puer(status: ProductStatus = ProductStatus.ACTIVE):
    """A product with everything a detail page shows, in a two-level category."""
    tea = await factories.category(name="茶叶")
    dark = await factories.category(name="黑茶", parent=tea)
    fields = ProductFields(
        title="云南普洱茶 熟茶 357g", slug="yunnan-puer-357g", description="勐海茶区，2019 年压制。",
        category_id=dark.id, status=status,
        attributes=[("产地", "云南"), ("年份", "2019")],
        images=[("https://img.example.com/puer-1.jpg", "饼面"), ("https://img.example.com/puer-2.jpg", "")],
    )
    variants = [
        VariantFields(sku="PUER-357-1", title="单饼", options=[("规格", "357g"), ("包装", "棉纸")],
                      price=Decimal("128"), compare_at_price=Decimal("168.00"), cost_price=Decimal("60"), stock=12),
        VariantFields(sku="PUER-357-7", title="一提（7 饼）", options=[("规格", "7×357g")],
                      price=Decimal("799.9"), stock=3),
    ]
    product = await products.product_create(Actor.system(), fields=fields, variants=variants)
    return product, tea, dark


async def test_product_detail_by_slug_shows_everything_a_product_page_needs(api):
    product, tea, dark = await puer()
    single, seven = await Variant.filter(product_id=product.id).order_by("position")
    await Variant.filter(id=single.id).update(reserved=2)

    result = await api(PRODUCT_DETAIL, {"slug": "yunnan-puer-357g"})

    assert result.data == {"product": {
        "id": encode_id("Product", product.id),
        "title": "云南普洱茶 熟茶 357g",
        "description": "勐海茶区，2019 年压制。",
        "images": [{"url": "https://img.example.com/puer-1.jpg", "alt": "饼面"},
                   {"url": "https://img.example.com/puer-2.jpg", "alt": ""}],
        "attributes": [{"name": "产地", "value": "云南"}, {"name": "年份", "value": "2019"}],
        "category": {"id": encode_id("Category", dark.id), "name": "黑茶",
                     "parent": {"id": encode_id("Category", tea.id), "name": "茶叶"}},
        "variants": [
            {"id": encode_id("ProductVariant", single.id), "sku": "PUER-357-1", "title": "单饼",
             "options": [{"name": "规格", "value": "357g"}, {"name": "包装", "value": "棉纸"}],
             "price": money("128.00"), "compareAtPrice": money("168.00"), "stock": 10},
            {"id": encode_id("ProductVariant", seven.id), "sku": "PUER-357-7", "title": "一提（7 饼）",
             "options": [{"name": "规格", "value": "7×357g"}],
             "price": money("799.90"), "compareAtPrice": None, "stock": 3},
        ],
        "rebateHints": [],
    }}


async def test_product_by_id_finds_the_same_product(api):
    product, _, _ = await puer()

    by_id = await api(BY_ID, {"id": encode_id("Product", product.id)})
    by_slug = await api(BY_SLUG, {"slug": "yunnan-puer-357g"})

    expected = {"id": encode_id("Product", product.id), "slug": "yunnan-puer-357g", "title": "云南普洱茶 熟茶 357g",
                "status": "ACTIVE"}
    assert by_id.data == {"product": expected}
    assert by_slug.data == {"product": expected}


@pytest.mark.parametrize("variables", [{}, {"id": None, "slug": None}, {"id": "UHJvZHVjdDox", "slug": "yunnan-puer-357g"}])
async def test_product_needs_exactly_one_of_id_and_slug(api, variables):
    await puer()

    result = await api(BY_BOTH, variables)

    assert result.error_codes == ["BAD_USER_INPUT"]
    assert [e["message"] for e in result.errors] == ["Give exactly one of id and slug."]
    assert result.body["data"] == {"product": None}


async def test_unknown_products_are_null(api):
    product, dark, _ = await puer()

    for variables in (
        {"slug": "no-such-product"},
        {"slug": "x" * 500},
        {"id": encode_id("Product", product.id + 1000)},
        {"id": encode_id("Category", dark.id)},  # another type's id finds nothing
    ):
        result = await api(BY_BOTH, variables)
        assert result.body == {"data": {"product": None}}, variables


async def test_a_malformed_product_id_is_bad_user_input(api):
    result = await api(BY_BOTH, {"id": "not an id"})

    assert result.error_codes == ["BAD_USER_INPUT"]


@pytest.mark.parametrize("status", [ProductStatus.DRAFT, ProductStatus.ARCHIVED])
async def test_a_product_that_is_not_active_is_null_for_customers_anonymous_and_other_staff(api, status):
    product, _, _ = await puer(status)
    customer = await factories.customer()
    packer = await factories.staff(Permission.MANAGE_ORDERS)

    for token in (None, customer.access_token, packer.access_token):
        assert (await api(PRODUCT_DETAIL, {"slug": "yunnan-puer-357g"}, token=token)).body == {"data": {"product": None}}
        assert (await api(BY_ID, {"id": encode_id("Product", product.id)}, token=token)).body == {"data": {"product": None}}


@pytest.mark.parametrize("status", [ProductStatus.DRAFT, ProductStatus.ARCHIVED])
async def test_staff_with_manage_products_see_a_product_in_any_status_with_staff_fields(api, status):
    product, _, _ = await puer(status)
    staff = await factories.staff(Permission.MANAGE_PRODUCTS)

    by_slug = await api(STAFF_DETAIL, {"slug": "yunnan-puer-357g"}, token=staff.access_token)
    by_id = await api(BY_ID, {"id": encode_id("Product", product.id)}, token=staff.access_token)

    assert by_slug.data == {"product": {"title": "云南普洱茶 熟茶 357g", "status": status.value, "variants": [
        {"sku": "PUER-357-1", "stock": 12, "stockOnHand": 12, "stockReserved": 0, "costPrice": {"amount": "60.00"}},
        {"sku": "PUER-357-7", "stock": 3, "stockOnHand": 3, "stockReserved": 0, "costPrice": None},
    ]}}
    assert by_id.data["product"]["status"] == status.value


async def test_staff_fields_of_an_active_product_are_null_for_a_customer(api):
    await puer()
    customer = await factories.customer()

    result = await api(STAFF_DETAIL, {"slug": "yunnan-puer-357g"}, token=customer.access_token)

    assert result.data["product"]["variants"] == [
        {"sku": "PUER-357-1", "stock": 12, "stockOnHand": None, "stockReserved": None, "costPrice": None},
        {"sku": "PUER-357-7", "stock": 3, "stockOnHand": None, "stockReserved": None, "costPrice": None},
    ]


async def test_a_product_without_category_or_variants_has_null_category_and_an_empty_list(api):
    # Only a DRAFT can lack variants (an ACTIVE product must be sellable): staff see it.
    staff = await factories.staff(Permission.MANAGE_PRODUCTS)
    await products.product_create(
        Actor.system(), fields=ProductFields(title="Coming soon", slug="coming-soon", status=ProductStatus.DRAFT)
    )

    result = await api(PRODUCT_DETAIL, {"slug": "coming-soon"}, token=staff.access_token)

    product = result.data["product"]
    assert (product["category"], product["variants"], product["images"], product["attributes"]) == (None, [], [], [])


async def test_a_product_cannot_go_on_sale_without_a_variant():
    with pytest.raises(InvalidInput, match="needs at least one variant"):
        await products.product_create(
            Actor.system(), fields=ProductFields(title="Empty", slug="empty", status=ProductStatus.ACTIVE)
        )
    draft = await products.product_create(Actor.system(), fields=ProductFields(title="Empty", slug="empty-2"))

    with pytest.raises(InvalidInput, match="needs at least one variant"):
        await products.product_update(
            Actor.system(), product_id=draft.id, fields=ProductFields(status=ProductStatus.ACTIVE)
        )


# --- node(id) ---


async def test_node_finds_products_variants_and_categories(api):
    product, tea, dark = await puer()
    single = await Variant.get(sku="PUER-357-1")

    found_product = await api(NODE, {"id": encode_id("Product", product.id)})
    found_variant = await api(NODE, {"id": encode_id("ProductVariant", single.id)})
    found_category = await api(NODE, {"id": encode_id("Category", dark.id)})
    found_root = await api(NODE, {"id": encode_id("Category", tea.id)})

    assert found_product.data == {"node": {"id": encode_id("Product", product.id), "title": "云南普洱茶 熟茶 357g",
                                           "status": "ACTIVE"}}
    assert found_variant.data == {"node": {"id": encode_id("ProductVariant", single.id), "sku": "PUER-357-1",
                                           "stock": 12, "stockOnHand": None, "product": {"title": "云南普洱茶 熟茶 357g"}}}
    assert found_category.data == {"node": {"id": encode_id("Category", dark.id), "name": "黑茶", "slug": dark.slug,
                                            "parent": {"name": "茶叶"}}}
    assert found_root.data == {"node": {"id": encode_id("Category", tea.id), "name": "茶叶", "slug": tea.slug,
                                        "parent": None}}


async def test_node_hides_draft_products_and_their_variants_from_customers_and_anonymous(api):
    product, _, _ = await puer(ProductStatus.DRAFT)
    single = await Variant.get(sku="PUER-357-1")
    customer = await factories.customer()
    staff = await factories.staff(Permission.MANAGE_PRODUCTS)

    for token in (None, customer.access_token):
        assert (await api(NODE, {"id": encode_id("Product", product.id)}, token=token)).body == {"data": {"node": None}}
        assert (await api(NODE, {"id": encode_id("ProductVariant", single.id)}, token=token)).body == {"data": {"node": None}}

    seen = await api(NODE, {"id": encode_id("ProductVariant", single.id)}, token=staff.access_token)
    assert seen.data == {"node": {"id": encode_id("ProductVariant", single.id), "sku": "PUER-357-1", "stock": 12,
                                  "stockOnHand": 12, "product": {"title": "云南普洱茶 熟茶 357g"}}}


async def test_node_of_unknown_catalog_ids_is_null(api):
    for type_name in ("Product", "ProductVariant", "Category"):
        result = await api(NODE, {"id": encode_id(type_name, 424242)})
        assert result.body == {"data": {"node": None}}, type_name

