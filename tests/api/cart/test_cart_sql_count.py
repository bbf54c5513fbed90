"""A cart costs the same SQL statements whatever its number of lines (N+1 is a bug)."""

from __future__ import annotations

from tests import factories
from tests.api.cart.scene import CART_VIEW, add, variant_ids


async def statements(api, variables, token=None) -> int:  # type: ignore[no-untyped-def]
    result = await api(CART_VIEW, variables, token=token, headers={"X-Request-Id": "count"})
    assert "errors" not in result.body, result.errors
    assert len(result.body["data"]["cart"]["lines"]) in {5, 50}
    return int(result.headers["x-mall-sql-statements"])


async def test_a_guest_cart_of_5_and_of_50_lines_cost_the_same_statements(api, sql_counting):
    ids = [(await variant_ids(await factories.product()))[0] for _ in range(50)]
    small = (await add(api, [(v, 1) for v in ids[:5]]))["cart"]["token"]
    large = (await add(api, [(v, 1) for v in ids]))["cart"]["token"]

    # cart, lines, variants (price, stock, status), variants (fields), products, live rebate rules (none)
    assert await statements(api, {"token": small}) == await statements(api, {"token": large}) == 6


async def test_a_customers_cart_costs_one_more_statement_for_the_session(api, sql_counting):
    ids = [(await variant_ids(await factories.product()))[0] for _ in range(50)]
    few, many = await factories.customer(), await factories.customer()
    await add(api, [(v, 1) for v in ids[:5]], token=few.access_token)
    await add(api, [(v, 1) for v in ids], token=many.access_token)

    assert await statements(api, {}, token=few.access_token) == await statements(api, {}, token=many.access_token) == 7
