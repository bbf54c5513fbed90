"""SQL statements per request stay the same whatever the page size (N+1 is a bug)."""

from __future__ import annotations

import pytest

from mall.core.actors import Permission
from tests import factories
from tests.operations import contract

PRODUCTS = contract("Products")
ADMIN_PRODUCTS = contract("AdminProducts")
CATEGORIES = contract("Categories")


@pytest.fixture
async def catalog():
    root = await factories.category(name="Root")
    leaves = [await factories.category(parent=root) for _ in range(3)]
    for index in range(60):
        await factories.product(category=leaves[index % 3], prices=("10.00", "12.50", "15.00"))
    return root


async def statements(api, query, variables, token=None) -> int:
    result = await api(query, variables, token=token, headers={"X-Request-Id": "count"})
    assert "errors" not in result.body, result.errors
    return int(result.headers["x-mall-sql-statements"])


async def test_products_page_costs_the_same_statements_for_5_and_50(api, catalog, sql_counting, configure):
    configure(response_cache=False)

    small = await statements(api, PRODUCTS, {"first": 5})
    large = await statements(api, PRODUCTS, {"first": 50})

    # page, count, variants, categories
    assert small == large == 4


async def test_filtered_search_sorted_page_stays_within_five_statements(api, catalog, sql_counting, configure):
    configure(response_cache=False)
    variables = {"filter": {"categoryId": None, "search": "Product", "inStock": True, "priceMin": "1"},
                 "sort": {"field": "PRICE", "direction": "DESC"}}

    small = await statements(api, PRODUCTS, {**variables, "first": 5})
    large = await statements(api, PRODUCTS, {**variables, "first": 50})

    assert small == large <= 5


async def test_staff_product_list_costs_one_more_statement_for_the_session(api, catalog, sql_counting):
    staff = await factories.staff(Permission.MANAGE_PRODUCTS)

    small = await statements(api, ADMIN_PRODUCTS, {"first": 5}, token=staff.access_token)
    large = await statements(api, ADMIN_PRODUCTS, {"first": 50}, token=staff.access_token)

    # session + page + count + variants
    assert small == large == 4


async def test_the_category_tree_is_one_statement(api, catalog, sql_counting, configure):
    configure(response_cache=False)

    assert await statements(api, CATEGORIES, {}) == 1


DEEP_TREE = """
query DeepTree {
  categories {
    name
    children { name parent { name } children { name parent { name parent { name } } children { name children { name } } } }
  }
}
"""
PRODUCT_CATEGORY_TREE = """
query ProductCategoryTree($first: Int) {
  products(first: $first) { edges { node { category { name parent { name parent { name } } children { name } } } } }
}
"""


async def _tree(depth: int, width: int) -> None:
    level = [None]
    for _ in range(depth):
        level = [await factories.category(parent=parent) for parent in level for _ in range(width)]
    for leaf in level[:5]:
        await factories.product(category=leaf)


async def test_the_category_tree_costs_one_statement_whatever_its_depth_and_width(api, sql_counting, configure):
    configure(response_cache=False)
    await _tree(depth=2, width=2)
    small = await statements(api, DEEP_TREE, {})
    await _tree(depth=4, width=3)

    large = await statements(api, DEEP_TREE, {})

    assert small == large == 1


async def test_categories_of_a_product_page_with_parents_and_children_cost_one_statement(api, sql_counting, configure):
    configure(response_cache=False)
    await _tree(depth=4, width=2)

    small = await statements(api, PRODUCT_CATEGORY_TREE, {"first": 1})
    large = await statements(api, PRODUCT_CATEGORY_TREE, {"first": 5})

    # the page, the products' categories, the tree (parents and children, once)
    assert small == large == 3
