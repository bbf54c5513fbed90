"""The storefront product list through GraphQL: visibility, filters, sorting, pages, staff fields (DESIGN §3.2, §4)."""

from __future__ import annotations

import datetime as dt

import pytest

from mall.catalog.models import Product, Variant
from mall.core.actors import Permission
from mall.graphql.relay import encode_id
from tests import factories
from tests.operations import contract

PRODUCTS = contract("Products")
ADMIN_PRODUCTS = contract("AdminProducts")
LIST = """
query List($first: Int, $after: String, $filter: ProductFilter, $sort: ProductSort) {
  products(first: $first, after: $after, filter: $filter, sort: $sort) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id title status } }
  }
}
"""
STAFF_FIELDS = """
query StaffFields {
  products(first: 10) {
    edges { node { title variants { sku stock stockOnHand stockReserved costPrice { amount currency } } } }
  }
}
"""
BACKWARDS = """
query Back($last: Int, $before: String, $sort: ProductSort) {
  products(last: $last, before: $before, sort: $sort) { pageInfo { hasPreviousPage startCursor } edges { node { title } } }
}
"""
BASE = dt.datetime(2030, 5, 1, 8, 0, tzinfo=dt.UTC)


def money(amount: str) -> dict[str, str]:
    return {"amount": amount, "currency": "CNY"}


async def listing(api, token=None, **variables):
    result = await api(LIST, variables, token=token)
    return result.data["products"]


def titles(connection) -> list[str]:
    return [edge["node"]["title"] for edge in connection["edges"]]


async def hold(product, *reserved: int) -> None:
    """Reserve stock on each variant of ``product`` as an unpaid order would."""
    variants = await Variant.filter(product_id=product.id).order_by("position", "id")
    for variant, amount in zip(variants, reserved, strict=True):
        await Variant.filter(id=variant.id).update(reserved=amount)


async def set_product(product, **values) -> None:
    await Product.filter(id=product.id).update(**values)


# --- visibility ---


async def test_the_list_shows_active_products_with_their_variants_category_and_price_range(api):
    tea = await factories.category(name="茶叶")
    puer = await factories.product(title="云南普洱茶", category=tea, prices=("58.00", "128.50"), stock=7, slug="yunnan-puer")

    result = await api(PRODUCTS, {"first": 10})

    variants = await Variant.filter(product_id=puer.id).order_by("position")
    assert result.data["products"] == {
        "totalCount": 1,
        "pageInfo": {"hasNextPage": False, "endCursor": result.data["products"]["edges"][0]["cursor"]},
        "edges": [{
            "cursor": result.data["products"]["edges"][0]["cursor"],
            "node": {
                "id": encode_id("Product", puer.id),
                "slug": "yunnan-puer",
                "title": "云南普洱茶",
                "category": {"id": encode_id("Category", tea.id), "name": "茶叶"},
                "images": [],
                "priceRange": {"min": money("58.00"), "max": money("128.50")},
                "variants": [
                    {"id": encode_id("ProductVariant", variants[0].id), "sku": variants[0].sku, "title": "Variant 1",
                     "options": [{"name": "Size", "value": "S0"}], "price": money("58.00"), "compareAtPrice": None,
                     "stock": 7},
                    {"id": encode_id("ProductVariant", variants[1].id), "sku": variants[1].sku, "title": "Variant 2",
                     "options": [{"name": "Size", "value": "S1"}], "price": money("128.50"), "compareAtPrice": None,
                     "stock": 7},
                ],
            },
        }],
    }


async def test_draft_and_archived_products_are_never_listed_for_customers_anonymous_or_by_default(api):
    await factories.product(title="On sale", status="ACTIVE")
    await factories.product(title="Being written", status="DRAFT")
    await factories.product(title="Retired", status="ARCHIVED")
    customer = await factories.customer()
    staff = await factories.staff(Permission.MANAGE_PRODUCTS)

    for token in (None, customer.access_token, staff.access_token):
        connection = await listing(api, token=token, first=10)
        assert titles(connection) == ["On sale"]
        assert connection["totalCount"] == 1
    for search in ("being", "retired", "written"):
        assert titles(await listing(api, filter={"search": search})) == []


async def test_staff_with_manage_products_list_drafts_and_archived_products(api):
    await factories.product(title="On sale", status="ACTIVE")
    await factories.product(title="Draft A", status="DRAFT")
    await factories.product(title="Draft B", status="DRAFT")
    await factories.product(title="Retired", status="ARCHIVED")
    staff = await factories.staff(Permission.MANAGE_PRODUCTS)

    drafts = (await api(ADMIN_PRODUCTS, {"filter": {"status": "DRAFT"}}, token=staff.access_token)).data["products"]
    archived = (await api(ADMIN_PRODUCTS, {"filter": {"status": "ARCHIVED"}}, token=staff.access_token)).data["products"]

    assert [(e["node"]["title"], e["node"]["status"]) for e in drafts["edges"]] == [("Draft B", "DRAFT"), ("Draft A", "DRAFT")]
    assert drafts["totalCount"] == 2
    assert [(e["node"]["title"], e["node"]["status"]) for e in archived["edges"]] == [("Retired", "ARCHIVED")]
    assert archived["totalCount"] == 1


async def test_a_customer_or_staff_without_manage_products_asking_for_drafts_is_forbidden(api):
    await factories.product(title="Draft", status="DRAFT")
    customer = await factories.customer()
    packer = await factories.staff(Permission.MANAGE_ORDERS, Permission.MANAGE_USERS)

    for token in (customer.access_token, packer.access_token):
        for status in ("DRAFT", "ARCHIVED"):
            result = await api(LIST, {"filter": {"status": status}}, token=token)
            assert result.error_codes == ["FORBIDDEN"]
            assert result.body["data"] is None


async def test_anonymous_asking_for_drafts_must_sign_in_first(api):
    await factories.product(title="Draft", status="DRAFT")

    result = await api(LIST, {"filter": {"status": "DRAFT"}})

    # DESIGN §4: a query field needing authentication answers UNAUTHENTICATED
    # (as every other staff-only query does for an anonymous caller).
    assert result.error_codes == ["UNAUTHENTICATED"]
    assert result.body["data"] is None


async def test_active_status_may_be_asked_for_by_anyone(api):
    await factories.product(title="On sale")
    await factories.product(title="Draft", status="DRAFT")
    customer = await factories.customer()

    for token in (None, customer.access_token):
        assert titles(await listing(api, token=token, filter={"status": "ACTIVE"})) == ["On sale"]


# --- staff-only fields ---


async def test_stock_is_what_can_be_bought_and_staff_fields_are_null_for_customers_and_anonymous(api):
    product = await factories.product(title="Tea", prices=("10.00", "20.00"), stock=9)
    await hold(product, 4, 9)
    customer = await factories.customer()
    packer = await factories.staff(Permission.MANAGE_ORDERS, Permission.MANAGE_STAFF)
    skus = [v.sku for v in await Variant.filter(product_id=product.id).order_by("position")]

    for token in (None, customer.access_token, packer.access_token):
        result = await api(STAFF_FIELDS, token=token)
        assert result.data["products"]["edges"] == [{"node": {"title": "Tea", "variants": [
            {"sku": skus[0], "stock": 5, "stockOnHand": None, "stockReserved": None, "costPrice": None},
            {"sku": skus[1], "stock": 0, "stockOnHand": None, "stockReserved": None, "costPrice": None},
        ]}}]


async def test_staff_with_manage_products_see_cost_price_and_stock_on_hand_and_reserved(api):
    product = await factories.product(title="Tea", prices=("10.00", "20.00"), stock=9)
    await hold(product, 4, 9)
    staff = await factories.staff(Permission.MANAGE_PRODUCTS)
    variants = await Variant.filter(product_id=product.id).order_by("position")

    result = await api(ADMIN_PRODUCTS, {"first": 5}, token=staff.access_token)

    assert result.data["products"]["edges"][0]["node"] == {
        "id": encode_id("Product", product.id),
        "title": "Tea",
        "status": "ACTIVE",
        "variants": [
            {"id": encode_id("ProductVariant", variants[0].id), "sku": variants[0].sku, "stock": 5,
             "stockOnHand": 9, "stockReserved": 4, "costPrice": money("5.00")},
            {"id": encode_id("ProductVariant", variants[1].id), "sku": variants[1].sku, "stock": 0,
             "stockOnHand": 9, "stockReserved": 9, "costPrice": money("10.00")},
        ],
    }


async def test_staff_without_manage_products_get_null_staff_fields_in_the_admin_list(api):
    await factories.product(title="Tea", prices=("10.00",), stock=9)
    packer = await factories.staff(Permission.MANAGE_ORDERS)

    result = await api(ADMIN_PRODUCTS, {"first": 5}, token=packer.access_token)

    [variant] = result.data["products"]["edges"][0]["node"]["variants"]
    assert (variant["stock"], variant["stockOnHand"], variant["stockReserved"], variant["costPrice"]) == (9, None, None, None)


# --- filters ---


@pytest.fixture
async def tree():
    """food > tea > green tea, and a separate root, each with a product; one product without a category."""
    food = await factories.category(name="Food")
    tea = await factories.category(name="Tea", parent=food)
    green = await factories.category(name="Green tea", parent=tea)
    tools = await factories.category(name="Tools")
    await factories.product(title="Rice", category=food)
    await factories.product(title="Black tea", category=tea)
    await factories.product(title="Longjing", category=green)
    await factories.product(title="Longjing draft", category=green, status="DRAFT")
    await factories.product(title="Hammer", category=tools)
    await factories.product(title="Loose item")
    return {"food": food, "tea": tea, "green": green, "tools": tools}


async def test_category_filter_includes_every_descendant(api, tree):
    expected = {
        "food": ["Rice", "Black tea", "Longjing"],
        "tea": ["Black tea", "Longjing"],
        "green": ["Longjing"],
        "tools": ["Hammer"],
    }
    for name, wanted in expected.items():
        connection = await listing(api, filter={"categoryId": encode_id("Category", tree[name].id)},
                                   sort={"field": "NEWEST", "direction": "ASC"})
        assert titles(connection) == wanted, name
        assert connection["totalCount"] == len(wanted), name


async def test_category_filter_with_an_id_of_another_type_or_an_unknown_category_is_empty(api, tree):
    product = await Product.get(title="Rice")

    for category_id in (encode_id("Product", product.id), encode_id("Category", 999_999), encode_id("User", tree["food"].id)):
        connection = await listing(api, filter={"categoryId": category_id})
        assert connection == {"totalCount": 0, "pageInfo": {"hasNextPage": False, "endCursor": None}, "edges": []}


async def test_a_category_filter_does_not_take_categories_whose_id_merely_starts_alike(api):
    # Paths are "/1/", "/11/", "/1/12/": a prefix match must stop at the slash.
    categories = [await factories.category(name=f"C{n}") for n in range(1, 12)]
    first, eleventh = categories[0], categories[10]
    child = await factories.category(name="C1 child", parent=first)
    assert (first.id, eleventh.id) == (1, 11)
    await factories.product(title="In 1", category=first)
    await factories.product(title="In 11", category=eleventh)
    await factories.product(title="In 1's child", category=child)

    in_first = await listing(api, filter={"categoryId": encode_id("Category", first.id)}, sort={"field": "NEWEST", "direction": "ASC"})
    in_eleventh = await listing(api, filter={"categoryId": encode_id("Category", eleventh.id)})

    assert titles(in_first) == ["In 1", "In 1's child"]
    assert titles(in_eleventh) == ["In 11"]


@pytest.fixture
async def priced():
    for title, prices in (
        ("Five", ("5.00",)),
        ("Nine ninety", ("9.90",)),
        ("Ten to thirty", ("10.00", "30.00")),
        ("Ten o two", ("10.02",)),  # the factory halves it for the cost price
        ("Twenty five", ("25.00",)),
        ("Gap", ("5.00", "30.00")),
    ):
        await factories.product(title=title, prices=prices)


@pytest.mark.parametrize(
    ("bounds", "expected"),
    [
        ({"priceMin": "9.9", "priceMax": "10"}, ["Nine ninety", "Ten to thirty"]),
        ({"priceMin": "9.90", "priceMax": "9.90"}, ["Nine ninety"]),
        ({"priceMin": "25"}, ["Ten to thirty", "Twenty five", "Gap"]),
        ({"priceMax": "5"}, ["Five", "Gap"]),
        ({"priceMin": "10.00", "priceMax": "20"}, ["Ten to thirty", "Ten o two"]),
        # Some variant must lie in the range: Gap costs 5 or 30, never 6 to 29.
        ({"priceMin": "6", "priceMax": "29"}, ["Nine ninety", "Ten to thirty", "Ten o two", "Twenty five"]),
        ({"priceMin": "30.01"}, []),
        ({"priceMin": "0", "priceMax": "0"}, []),
    ],
)
async def test_price_filter_keeps_products_with_some_variant_in_the_inclusive_range(api, priced, bounds, expected):
    connection = await listing(api, filter=bounds, sort={"field": "NEWEST", "direction": "ASC"})

    assert titles(connection) == expected
    assert connection["totalCount"] == len(expected)


async def test_in_stock_counts_on_hand_minus_reserved(api):
    held = await factories.product(title="All held", stock=5)
    await hold(held, 5)
    partly = await factories.product(title="Partly held", stock=5)
    await hold(partly, 2)
    mixed = await factories.product(title="One variant left", prices=("1.00", "2.00"), stock=3)
    await hold(mixed, 3, 0)
    await factories.product(title="Sold out", stock=0)
    await factories.product(title="Plenty", stock=100)
    ascending = {"field": "NEWEST", "direction": "ASC"}

    in_stock = await listing(api, filter={"inStock": True}, sort=ascending)
    out_of_stock = await listing(api, filter={"inStock": False}, sort=ascending)
    everything = await listing(api, filter={"inStock": None}, sort=ascending)

    assert titles(in_stock) == ["Partly held", "One variant left", "Plenty"]
    assert in_stock["totalCount"] == 3
    assert titles(out_of_stock) == ["All held", "Sold out"]
    assert out_of_stock["totalCount"] == 2
    assert everything["totalCount"] == 5
    stocks = {
        edge["node"]["title"]: [v["stock"] for v in edge["node"]["variants"]]
        for edge in (await api(PRODUCTS, {"first": 10})).data["products"]["edges"]
    }
    assert stocks == {"All held": [0], "Partly held": [3], "One variant left": [0, 3], "Sold out": [0], "Plenty": [100]}


async def test_a_reservation_made_after_a_read_shows_in_the_next_read(api, configure):
    configure(response_cache=False)  # the hold below is written straight to the table, past the services
    product = await factories.product(title="Tea", stock=2)
    assert titles(await listing(api, filter={"inStock": True})) == ["Tea"]

    await hold(product, 2)

    assert titles(await listing(api, filter={"inStock": True})) == []
    assert titles(await listing(api, filter={"inStock": False})) == ["Tea"]


async def test_filters_combine(api, tree):
    longjing = await Product.get(title="Longjing")
    await hold(longjing, 10)
    await factories.product(title="Dear black tea", category=tree["tea"], prices=("99.00",))

    connection = await listing(api, filter={"categoryId": encode_id("Category", tree["food"].id), "inStock": True,
                                            "priceMin": "10", "priceMax": "10"})

    assert titles(connection) == ["Black tea", "Rice"]
    assert connection["totalCount"] == 2


# --- sorting ---


@pytest.fixture
async def sortable():
    """Five products with distinct prices, sales and creation times."""
    rows = [
        ("Mid", "20.00", 5, BASE + dt.timedelta(days=2)),
        ("Cheap", "3.50", 1, BASE + dt.timedelta(days=4)),
        ("Dear", "88.00", 50, BASE),
        ("Popular", "12.00", 900, BASE + dt.timedelta(days=1)),
        ("Fresh", "45.00", 0, BASE + dt.timedelta(days=9)),
    ]
    for title, price, sales, created_at in rows:
        product = await factories.product(title=title, prices=(price,))
        await set_product(product, sales_count=sales, created_at=created_at)


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        (None, ["Fresh", "Cheap", "Mid", "Popular", "Dear"]),
        ({"field": "PRICE"}, ["Cheap", "Popular", "Mid", "Fresh", "Dear"]),
        ({"field": "PRICE", "direction": "ASC"}, ["Cheap", "Popular", "Mid", "Fresh", "Dear"]),
        ({"field": "PRICE", "direction": "DESC"}, ["Dear", "Fresh", "Mid", "Popular", "Cheap"]),
        ({"field": "SALES"}, ["Popular", "Dear", "Mid", "Cheap", "Fresh"]),
        ({"field": "SALES", "direction": "ASC"}, ["Fresh", "Cheap", "Mid", "Dear", "Popular"]),
        ({"field": "NEWEST"}, ["Fresh", "Cheap", "Mid", "Popular", "Dear"]),
        ({"field": "NEWEST", "direction": "ASC"}, ["Dear", "Popular", "Mid", "Cheap", "Fresh"]),
        # Without a search there is nothing to be relevant to: RELEVANCE is NEWEST.
        ({"field": "RELEVANCE"}, ["Fresh", "Cheap", "Mid", "Popular", "Dear"]),
        ({"field": "RELEVANCE", "direction": "ASC"}, ["Dear", "Popular", "Mid", "Cheap", "Fresh"]),
    ],
)
async def test_sorting(api, sortable, sort, expected):
    connection = await listing(api, first=10, sort=sort)

    assert titles(connection) == expected
    assert connection["totalCount"] == 5


async def test_price_sort_uses_the_cheapest_variant(api):
    await factories.product(title="From 5 to 500", prices=("500.00", "5.00"))
    await factories.product(title="Flat 50", prices=("50.00",))

    assert titles(await listing(api, sort={"field": "PRICE"})) == ["From 5 to 500", "Flat 50"]


# --- pagination ---


@pytest.fixture
async def ties():
    """Eleven products, many sharing a price, a sales count or a creation time; all match the search "tea"."""
    rows = [
        ("Green tea", "", "10.00", 3, BASE),
        ("Gift box", "has tea inside", "10.00", 3, BASE),
        ("Tea cup", "", "10.00", 7, BASE + dt.timedelta(hours=1)),
        ("Tea tray", "", "5.00", 0, BASE + dt.timedelta(hours=1)),
        ("Kettle", "boils tea water", "10.00", 3, BASE),
        ("Tea pet", "", "5.00", 7, BASE + dt.timedelta(microseconds=1)),
        ("Black tea", "", "99.00", 0, BASE - dt.timedelta(days=1)),
        ("Strainer", "for loose tea", "10.00", 0, BASE),
        ("Oolong tea", "", "10.00", 3, BASE + dt.timedelta(hours=1)),
        ("Tea towel", "", "5.00", 3, BASE),
        ("Caddy", "keeps tea dry", "10.00", 7, BASE + dt.timedelta(microseconds=1)),
    ]
    products = {}
    for title, description, price, sales, created_at in rows:
        product = await factories.product(title=title, description=description, prices=(price,))
        await set_product(product, sales_count=sales, created_at=created_at)
        products[title] = await Product.get(id=product.id)
    return products


PAGED_SORTS = [
    ({"field": "PRICE"}, lambda p: p.min_price_minor, False),
    ({"field": "PRICE", "direction": "DESC"}, lambda p: p.min_price_minor, True),
    ({"field": "SALES"}, lambda p: p.sales_count, True),
    ({"field": "SALES", "direction": "ASC"}, lambda p: p.sales_count, False),
    ({"field": "NEWEST"}, lambda p: p.created_at, True),
    ({"field": "NEWEST", "direction": "ASC"}, lambda p: p.created_at, False),
    (None, lambda p: p.created_at, True),
]


async def walk(api, size: int, **variables) -> list[str]:
    seen: list[str] = []
    after = None
    for _ in range(50):
        connection = await listing(api, first=size, after=after, **variables)
        assert len(connection["edges"]) <= size
        assert connection["totalCount"] == 11
        seen += [edge["node"]["title"] for edge in connection["edges"]]
        if not connection["pageInfo"]["hasNextPage"]:
            return seen
        after = connection["pageInfo"]["endCursor"]
        assert after == connection["edges"][-1]["cursor"]
    raise AssertionError("the pages never ended")


@pytest.mark.parametrize(("sort", "key", "descending"), PAGED_SORTS)
async def test_paging_through_a_sorted_list_visits_every_product_once_in_order_despite_ties(api, ties, sort, key, descending):
    whole = titles(await listing(api, first=100, sort=sort))
    keys = [key(ties[title]) for title in whole]
    assert keys == sorted(keys, reverse=descending)
    assert sorted(whole) == sorted(ties)

    for size in (1, 2, 3, 4, 10):
        assert await walk(api, size, sort=sort) == whole, size


@pytest.mark.parametrize("direction", [None, "ASC", "DESC"])
async def test_paging_through_search_results_by_relevance_visits_every_product_once(api, ties, direction):
    sort = {"field": "RELEVANCE", **({"direction": direction} if direction else {})}
    whole = titles(await listing(api, first=100, filter={"search": "tea"}, sort=sort))
    assert sorted(whole) == sorted(ties)
    in_title = [title for title in whole if "tea" in title.lower()]
    # Title matches first (last when ascending), every description-only match after them.
    if direction == "ASC":
        assert whole[-len(in_title):] == in_title
    else:
        assert whole[: len(in_title)] == in_title

    for size in (1, 2, 3, 5):
        assert await walk(api, size, filter={"search": "tea"}, sort=sort) == whole, size


async def test_paging_backwards_with_last_and_before_gives_the_same_order(api, ties):
    sort = {"field": "PRICE"}
    whole = titles(await listing(api, first=100, sort=sort))
    seen: list[str] = []
    before = None
    for _ in range(20):
        page = (await api(BACKWARDS, {"last": 3, "before": before, "sort": sort})).data["products"]
        seen = [edge["node"]["title"] for edge in page["edges"]] + seen
        if not page["pageInfo"]["hasPreviousPage"]:
            break
        before = page["pageInfo"]["startCursor"]

    assert seen == whole


# --- bad arguments ---


@pytest.mark.parametrize(
    "variables",
    [
        {"filter": {"priceMin": "20", "priceMax": "10"}},
        {"filter": {"priceMin": "1.001"}},
        {"filter": {"priceMax": "9.999"}},
        {"filter": {"priceMin": "-1"}},
        {"filter": {"priceMax": "-0.01"}},
        {"filter": {"search": "茶" * 5000}},
        {"filter": {"search": "a" * 201}},
        {"filter": {"categoryId": "not-an-id"}},
        {"filter": {"categoryId": "Q2F0ZWdvcnk6YWJj"}},  # "Category:abc"
        {"first": 101},
        {"first": -1},
    ],
)
async def test_bad_arguments_are_a_top_level_bad_user_input(api, variables):
    await factories.product(title="Tea")

    result = await api(LIST, variables)

    assert result.error_codes == ["BAD_USER_INPUT"]
    assert result.body["data"] is None


async def test_bad_arguments_have_plain_messages(api):
    cases = [
        ({"filter": {"priceMin": "20", "priceMax": "10"}}, "priceMin is above priceMax."),
        ({"filter": {"priceMin": "1.001"}}, "priceMin: 1.001 has fractions of a fen."),
        ({"filter": {"priceMax": "-1"}}, "priceMax must not be negative."),
        ({"filter": {"search": "x" * 201}}, "search is at most 200 characters."),
        ({"first": 101}, "first and last must be between 0 and 100."),
    ]
    for variables, message in cases:
        result = await api(LIST, variables)
        assert [e["message"] for e in result.errors] == [message], variables


async def test_a_search_of_exactly_200_characters_is_accepted(api):
    await factories.product(title="Tea")

    connection = await listing(api, filter={"search": "tea " + "x" * 196})

    assert connection["edges"] == []


async def test_a_cursor_from_another_sort_is_refused(api, sortable):
    by_price = await listing(api, first=2, sort={"field": "PRICE"})
    cursor = by_price["pageInfo"]["endCursor"]

    result = await api(LIST, {"first": 2, "after": cursor, "sort": {"field": "NEWEST"}})

    assert result.error_codes == ["BAD_USER_INPUT"]
    assert result.body["data"] is None


async def test_a_price_cursor_is_not_taken_for_a_sales_position(api, sortable):
    # Both cursors hold two integers, but a price is not a sales count: DESIGN §4 wants
    # a bad cursor refused, not a page that starts somewhere arbitrary.
    by_price = await listing(api, first=2, sort={"field": "PRICE"})
    cursor = by_price["pageInfo"]["endCursor"]

    result = await api(LIST, {"first": 2, "after": cursor, "sort": {"field": "SALES"}})

    assert result.error_codes == ["BAD_USER_INPUT"]
    assert result.body["data"] is None


async def test_a_forged_cursor_is_refused(api, sortable):
    for cursor in ("garbage", "W10=", "WyJ4IiwxXQ==", "WzEsMiwzXQ=="):  # [], ["x",1], [1,2,3]
        result = await api(LIST, {"first": 2, "after": cursor, "sort": {"field": "PRICE"}})
        assert result.error_codes == ["BAD_USER_INPUT"], cursor
