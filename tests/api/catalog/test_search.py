"""Searching Chinese and English product text through GraphQL, on both databases (DESIGN §3.2)."""

from __future__ import annotations

import itertools
import secrets
from decimal import Decimal

import pytest

from mall.catalog import products
from mall.catalog.models import Product, ProductStatus, Variant
from mall.catalog.products import ProductFields
from mall.catalog.variants import VariantFields
from mall.core.actors import Actor, Permission
from mall.graphql.relay import encode_id
from tests import factories
from tests.operations import contract

SEARCH = """
query Search($filter: ProductFilter, $sort: ProductSort) {
  products(first: 100, filter: $filter, sort: $sort) { totalCount edges { node { title } } }
}
"""


PRODUCT_CREATE = contract("ProductCreate")
PRODUCT_UPDATE = contract("ProductUpdate")

_SKUS = itertools.count(1)


def letters_sku() -> str:
    """A SKU of letters no query here starts with (random hex digits could match "15" or "60")."""
    n, word = next(_SKUS), ""
    while n:
        n, digit = divmod(n, 5)
        word += "qwxyz"[digit]
    return f"ZZ{word}"


async def make(title: str, *, description: str = "", attributes=(), variants=(), category=None, price: str = "10.00"):
    """A product written by the catalog service, with the given attributes and (sku, title, options) variants."""
    rows = [
        VariantFields(sku=sku, title=variant_title, options=list(options), price=Decimal(price), stock=5)
        for sku, variant_title, options in variants
    ] or [VariantFields(sku=letters_sku(), title="默认", price=Decimal(price), stock=5)]
    fields = ProductFields(
        title=title, slug=f"p-{secrets.token_hex(5)}", description=description, status=ProductStatus.ACTIVE,
        attributes=list(attributes), category_id=category.id if category else None,
    )
    return await products.product_create(Actor.system(), fields=fields, variants=rows)


async def search(api, text: str, **filters) -> list[str]:
    result = await api(SEARCH, {"filter": {"search": text, **filters}})
    connection = result.data["products"]
    assert connection["totalCount"] == len(connection["edges"])
    return [edge["node"]["title"] for edge in connection["edges"]]


async def found(api, text: str, **filters) -> set[str]:
    return set(await search(api, text, **filters))


@pytest.fixture
async def shop():
    for title in (
        "华为 智能手机",
        "手机壳 透明",
        "智能手表",
        "云南普洱茶",
        "Apple iPhone15 Pro",
        "华为 Mate 60 Pro",
        "Green Tea",
        "茶杯",
        "Phone stand",
    ):
        await make(title)


# --- Chinese ---


async def test_a_two_character_query_finds_every_product_containing_it(api, shop):
    assert await found(api, "手机") == {"华为 智能手机", "手机壳 透明"}


async def test_a_single_character_query_finds_every_product_containing_it(api, shop):
    assert await found(api, "茶") == {"云南普洱茶", "茶杯"}
    assert await found(api, "壳") == {"手机壳 透明"}


async def test_a_longer_query_needs_all_its_bigrams(api, shop):
    # 智能手表 has 智能 and 能手 but not 手机.
    assert await found(api, "智能手机") == {"华为 智能手机"}
    assert await found(api, "智能") == {"华为 智能手机", "智能手表"}
    assert await found(api, "智能手表") == {"智能手表"}
    assert await found(api, "普洱茶") == {"云南普洱茶"}


async def test_characters_that_are_not_next_to_each_other_are_not_a_match(api, shop):
    # 为 and 智 are split by a space in 华为 智能手机; 南茶 is not in 云南普洱茶.
    assert await found(api, "为智") == set()
    assert await found(api, "南茶") == set()


async def test_words_of_a_query_must_all_match(api, shop):
    assert await found(api, "华为 手机") == {"华为 智能手机"}
    assert await found(api, "华为") == {"华为 智能手机", "华为 Mate 60 Pro"}


# --- English, digits, folding ---


async def test_an_english_prefix_finds_the_word(api, shop):
    assert await found(api, "iph") == {"Apple iPhone15 Pro"}
    assert await found(api, "pho") == {"Phone stand"}


async def test_search_is_case_insensitive(api, shop):
    assert await found(api, "IPHONE") == {"Apple iPhone15 Pro"}
    assert await found(api, "gReEn TEA") == {"Green Tea"}


async def test_full_width_letters_and_digits_match_ascii(api, shop):
    assert await found(api, "ｉＰｈｏｎｅ") == {"Apple iPhone15 Pro"}
    assert await found(api, "ｍａｔｅ ６０") == {"华为 Mate 60 Pro"}


async def test_a_word_of_letters_and_digits_is_found_by_either_part_and_whole(api, shop):
    assert await found(api, "15") == {"Apple iPhone15 Pro"}
    assert await found(api, "iphone") == {"Apple iPhone15 Pro"}
    assert await found(api, "iphone15") == {"Apple iPhone15 Pro"}
    assert await found(api, "60") == {"华为 Mate 60 Pro"}


async def test_a_query_of_letters_and_digits_finds_the_same_words_written_apart(api, shop):
    # Documents split iphone15 into iphone and 15 (search.py); a shopper typing
    # "mate60" for 华为 Mate 60 Pro must find it the same way.
    assert await found(api, "mate60") == {"华为 Mate 60 Pro"}


async def test_mixed_chinese_and_english_queries(api, shop):
    assert await found(api, "华为 mate") == {"华为 Mate 60 Pro"}
    assert await found(api, "华为mate") == {"华为 Mate 60 Pro"}
    assert await found(api, "pro 华为") == {"华为 Mate 60 Pro"}
    assert await found(api, "apple 华为") == set()


async def test_punctuation_only_search_finds_nothing(api, shop):
    for text in ("!!!", "，。！？", "...", "-_-", "《》【】"):
        result = await api(SEARCH, {"filter": {"search": text}})
        assert result.data == {"products": {"totalCount": 0, "edges": []}}, text


async def test_punctuation_around_words_is_ignored(api, shop):
    assert await found(api, "【手机】") == {"华为 智能手机", "手机壳 透明"}
    assert await found(api, "(iphone)") == {"Apple iPhone15 Pro"}


# --- the rest of a product's text ---


async def test_description_attributes_variant_titles_options_and_skus_are_searched(api):
    await make("Product A", description="Hand-picked Darjeeling leaves, 大吉岭 first flush")
    await make("Product B", attributes=[("产地", "云南西双版纳"), ("Brand", "Xishuangbanna")])
    await make("Product C", variants=[("TEA-0042", "超大杯", [("颜色", "琥珀色")]), ("MUG-7", "Small mug", [])])
    await make("Product D", category=await factories.category(name="文房四宝"))
    await make("Product E")

    assert await found(api, "darjeeling") == {"Product A"}
    assert await found(api, "大吉岭") == {"Product A"}
    assert await found(api, "西双版纳") == {"Product B"}
    assert await found(api, "xishuang") == {"Product B"}
    assert await found(api, "超大杯") == {"Product C"}
    assert await found(api, "small mug") == {"Product C"}
    assert await found(api, "琥珀") == {"Product C"}
    assert await found(api, "tea-0042") == {"Product C"}
    assert await found(api, "0042") == {"Product C"}
    assert await found(api, "文房") == {"Product D"}


async def test_a_renamed_product_is_found_by_its_new_title_only(api):
    product = await make("Old name 旧名")
    assert await found(api, "旧名") == {"Old name 旧名"}

    await products.product_update(Actor.system(), product_id=product.id, fields=ProductFields(title="New name 新名"))

    assert await found(api, "旧名") == set()
    assert await found(api, "新名") == {"New name 新名"}


async def test_drafts_and_archived_products_are_not_found(api):
    await make("龙井 on sale")
    draft = await make("龙井 draft")
    archived = await make("龙井 archived")
    await Product.filter(id=draft.id).update(status=ProductStatus.DRAFT)
    await Product.filter(id=archived.id).update(status=ProductStatus.ARCHIVED)

    assert await found(api, "龙井") == {"龙井 on sale"}


# --- relevance ---


async def test_title_matches_come_before_description_only_matches(api):
    # The description-only matches are newer, so newest-first would put them first.
    await make("西湖龙井 Longjing")
    await make("Gift box", description="内含西湖龙井 Longjing 两罐")
    await make("明前龙井")
    await make("Tea caddy", description="适合存放龙井")

    by_chinese = await search(api, "龙井")
    by_english = await search(api, "longjing")

    assert set(by_chinese[:2]) == {"西湖龙井 Longjing", "明前龙井"}
    assert set(by_chinese[2:]) == {"Gift box", "Tea caddy"}
    assert by_english == ["西湖龙井 Longjing", "Gift box"]


async def test_relevance_is_the_default_order_of_a_search_and_can_be_reversed(api):
    await make("Oolong 乌龙")
    await make("Teapot", description="for oolong")

    default = await search(api, "oolong")
    explicit = [e["node"]["title"] for e in (await api(SEARCH, {
        "filter": {"search": "oolong"}, "sort": {"field": "RELEVANCE", "direction": "DESC"}})).data["products"]["edges"]]
    reversed_ = [e["node"]["title"] for e in (await api(SEARCH, {
        "filter": {"search": "oolong"}, "sort": {"field": "RELEVANCE", "direction": "ASC"}})).data["products"]["edges"]]

    assert default == explicit == ["Oolong 乌龙", "Teapot"]
    assert reversed_ == ["Teapot", "Oolong 乌龙"]


async def test_a_search_may_be_sorted_by_price(api):
    await make("手机 B", price="20.00")
    await make("手机 A", price="5.00")
    await make("手机 C", price="12.00")

    result = await api(SEARCH, {"filter": {"search": "手机"}, "sort": {"field": "PRICE"}})

    assert [e["node"]["title"] for e in result.data["products"]["edges"]] == ["手机 A", "手机 C", "手机 B"]


# --- with other filters ---


async def test_search_combines_with_category_and_price_filters(api):
    phones = await factories.category(name="Phones")
    android = await factories.category(name="Android", parent=phones)
    cases = await factories.category(name="Cases")
    await make("华为 手机 P70", category=android, price="4999.00")
    await make("小米 手机 14", category=android, price="3999.00")
    await make("手机壳 华为", category=cases, price="29.90")
    await make("iPhone 手机 15", category=phones, price="5999.00")

    in_phones = await found(api, "手机", categoryId=encode_id("Category", phones.id))
    cheap_phones = await found(api, "手机", categoryId=encode_id("Category", phones.id), priceMax="4999")
    huawei = await found(api, "华为", priceMin="100")
    nothing = await found(api, "手机", categoryId=encode_id("Category", cases.id), priceMin="30")

    assert in_phones == {"华为 手机 P70", "小米 手机 14", "iPhone 手机 15"}
    assert cheap_phones == {"华为 手机 P70", "小米 手机 14"}
    assert huawei == {"华为 手机 P70"}
    assert nothing == set()


async def test_search_combines_with_in_stock(api):
    sold_out = await make("绿茶 sold out")
    await make("绿茶 available")
    await Variant.filter(product_id=sold_out.id).update(on_hand=0)

    assert await found(api, "绿茶", inStock=True) == {"绿茶 available"}
    assert await found(api, "绿茶", inStock=False) == {"绿茶 sold out"}


# --- very long words ---


async def test_a_description_with_a_word_of_thousands_of_letters_is_saved_and_found(api):
    # PostgreSQL refuses a tsvector word of 2,048 bytes or more.
    staff = await factories.staff(Permission.MANAGE_PRODUCTS)
    created_word, updated_word = "a" * 3000 + "1", "é" * 2500
    created = await api(PRODUCT_CREATE, {"input": {
        "title": "Long words", "description": f"see {created_word}", "status": "ACTIVE",
        "variants": [{"sku": letters_sku(), "title": "默认", "price": "10.00", "stock": 1}],
    }}, token=staff.access_token)
    product = created.data["productCreate"]["product"]
    assert created.data["productCreate"]["userErrors"] == []
    assert await found(api, created_word[:150]) == {"Long words"}  # a search is at most 200 characters

    updated = await api(PRODUCT_UPDATE, {"input": {"productId": product["id"], "description": updated_word}},
                        token=staff.access_token)

    assert updated.data["productUpdate"] == {"product": {"id": product["id"], "title": "Long words", "status": "ACTIVE"},
                                             "userErrors": []}
    assert await found(api, updated_word[:150]) == {"Long words"}
    assert await found(api, "é" * 150 + "x") == {"Long words"}  # cut like the document, past where it differs
    assert await found(api, created_word[:150]) == set()
