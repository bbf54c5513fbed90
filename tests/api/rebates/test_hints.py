"""product.rebateHints through the API (DESIGN §3.6): the live rules whose scope covers a product, in plain
words; served from the cached anonymous catalog, which a rule change expires and a rule's window opening or
closing expires too, with no write; read once per request whatever the page size."""

from __future__ import annotations

import asyncio
import datetime as dt

from mall.core.clock import clock
from mall.graphql.relay import encode_id
from mall.infra import sqlcount
from mall.rebates import windows
from mall.rebates.models import RebateSwitches
from tests import factories
from tests.api.rebates.preview_scene import PRODUCT_DETAIL
from tests.api.rebates.reading import SWITCHES_SET
from tests.api.rebates.scene import active_rule, created, manager, update
from tests.timetravel import travel

PRODUCT_HINTS = """
query ProductHints($first: Int) {
  products(first: $first) { edges { node { id rebateHints { ruleId kind payoutForm description } } } }
}
"""


async def hints(api, product) -> tuple[list[dict[str, str]], str | None]:  # type: ignore[no-untyped-def]
    """An anonymous reader's hints of ``product``, and whether the cache answered."""
    answer = await api(PRODUCT_DETAIL, {"slug": product.slug})
    assert "errors" not in answer.body, answer.errors
    return answer.data["product"]["rebateHints"], answer.headers.get("x-mall-cache")


def ids(found: list[dict[str, str]]) -> list[str]:
    return [hint["ruleId"] for hint in found]


async def test_hints_state_each_live_rule_covering_the_product_in_plain_words(api):
    staff = await manager()
    root = await factories.category(name="Tea")
    green = await factories.category(name="Green tea", parent=root)
    elsewhere = await factories.category(name="Cups")
    longjing = await factories.product(category=green)
    cup = await factories.product(category=elsewhere)
    ends = dt.datetime(2099, 12, 31, 16, 0, tzinfo=dt.UTC)
    tea_rule = await active_rule(api, staff, name="Tea month", kind="FIXED_RATIO", ratio="0.10",
                                 payoutForm="REBATE_CREDIT", installmentCount=3, period="MONTH", perCustomerCap="50",
                                 scope={"kind": "CATEGORIES", "ids": [encode_id("Category", root.id)]},
                                 endsAt=ends.isoformat(), priority=1)
    cup_rule = await active_rule(api, staff, name="Cups", kind="THRESHOLD", threshold="300", reward="50", repeat=True,
                                 payoutForm="VOUCHER", voucherValidDays=30, voucherMinSpend="100", budget="1000",
                                 scope={"kind": "PRODUCTS", "ids": [encode_id("Product", cup.id)]})
    everything = await active_rule(api, staff, name="All", kind="TIERED", payoutForm="POINTS", tierMode="PROGRESSIVE",
                                   tiers=[{"from": "0", "rate": "0.01"}, {"from": "100", "rate": "0.02"}])
    await created(api, staff, name="Still a draft", kind="FIXED_RATIO", ratio="0.50", payoutForm="REBATE_CREDIT")

    tea_hints, _ = await hints(api, longjing)
    cup_hints, _ = await hints(api, cup)

    # the category scope covers the subcategory; higher priority first, then the older rule
    assert tea_hints == [
        {"ruleId": encode_id("RebateRule", tea_rule), "kind": "FIXED_RATIO", "payoutForm": "REBATE_CREDIT",
         "description": "10% of what you pay with your own money back as rebate credit, in 3 monthly installments; "
                        "at most 50.00 per customer. For orders placed before 2100-01-01 00:00."},
        {"ruleId": encode_id("RebateRule", everything), "kind": "TIERED", "payoutForm": "POINTS",
         "description": "Back as points (one point is worth 0.01; whole points only), on what you pay with your "
                        "own money: 1% from 0.00, 2% from 100.00; "
                        "each part of the amount at its own bracket's rate, in one release."},
    ]
    assert cup_hints == [
        {"ruleId": encode_id("RebateRule", cup_rule), "kind": "THRESHOLD", "payoutForm": "VOUCHER",
         "description": "50.00 back as a voucher (valid 30 days, for orders of at least 100.00) for every full 300.00 "
                        "of what you pay with your own money, in one release. While the campaign's budget lasts."},
        {"ruleId": encode_id("RebateRule", everything), "kind": "TIERED", "payoutForm": "POINTS",
         "description": tea_hints[1]["description"]},
    ]


async def test_hints_are_cached_and_a_rule_change_expires_them(api):
    staff = await manager()
    product = await factories.product()
    rule = await active_rule(api, staff, name="Ten", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT")

    first, second = await hints(api, product), await hints(api, product)
    assert (ids(first[0]), first[1], second[1]) == ([encode_id("RebateRule", rule)], "miss", "hit")
    assert second[0] == first[0]

    assert (await update(api, staff, encode_id("RebateRule", rule), status="PAUSED"))["userErrors"] == []
    assert await hints(api, product) == ([], "miss")
    assert (await update(api, staff, encode_id("RebateRule", rule), status="ACTIVE"))["userErrors"] == []
    assert ids((await hints(api, product))[0]) == [encode_id("RebateRule", rule)]


async def test_a_window_opening_and_closing_shows_without_a_write_when_the_sandbox_clock_moves(api):
    staff = await manager()
    product = await factories.product()
    starts = clock.now() + dt.timedelta(hours=1)
    rule = await active_rule(api, staff, name="Later", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT",
                             startsAt=starts.isoformat(), endsAt=(starts + dt.timedelta(hours=1)).isoformat())
    assert await hints(api, product) == ([], "miss")
    assert await hints(api, product) == ([], "hit")

    await travel(dt.timedelta(hours=1, seconds=1))
    opened, how = await hints(api, product)
    assert (ids(opened), how) == ([encode_id("RebateRule", rule)], "miss")
    assert (await hints(api, product))[1] == "hit"

    await travel(dt.timedelta(hours=2, seconds=1))
    assert await hints(api, product) == ([], "miss")


async def test_a_cached_answer_never_outlives_the_next_window_boundary(api):
    staff = await manager()
    product = await factories.product()
    starts = clock.now() + dt.timedelta(seconds=2.5)
    rule = await active_rule(api, staff, name="Soon", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT",
                             startsAt=starts.isoformat())
    assert await hints(api, product) == ([], "miss")
    assert await hints(api, product) == ([], "hit")  # kept, but only until the window opens

    await asyncio.sleep((starts - clock.now()).total_seconds() + 0.2)

    opened, how = await hints(api, product)
    assert (ids(opened), how) == ([encode_id("RebateRule", rule)], "miss")


async def test_no_hints_while_new_rebates_are_paused(api, configure):
    configure(response_cache=False)
    staff = await manager()
    product = await factories.product()
    await active_rule(api, staff, name="Ten", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT")
    await RebateSwitches.create(id=1, pause_new_rebates=True, pause_releases=False, updated_at=clock.now())

    assert (await hints(api, product))[0] == []


async def test_the_next_boundary_is_remembered_per_cache_version_not_read_per_request(api, sql_counting):
    staff = await manager()
    starts = clock.now() + dt.timedelta(days=1)
    await active_rule(api, staff, name="Tomorrow", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT",
                      startsAt=starts.isoformat(), endsAt=(starts + dt.timedelta(days=1)).isoformat())
    now = clock.now()

    with sqlcount.counting() as first:
        boundary = await windows.next_boundary(now, ("catalog", 7))
    with sqlcount.counting() as again:
        assert await windows.next_boundary(now + dt.timedelta(seconds=5), ("catalog", 7)) == boundary
    with sqlcount.counting() as moved:
        assert await windows.next_boundary(now + dt.timedelta(seconds=5), ("catalog", 8)) == boundary
    with sqlcount.counting() as passed:
        later = await windows.next_boundary(starts + dt.timedelta(seconds=1), ("catalog", 8))

    assert abs(boundary - starts) < dt.timedelta(milliseconds=1)
    assert abs(later - (starts + dt.timedelta(days=1))) < dt.timedelta(milliseconds=1)
    assert (first[0], again[0], moved[0], passed[0]) == (2, 0, 2, 2)


async def test_a_product_list_with_hints_reads_the_rules_once_whatever_the_page_size(api, sql_counting, configure):
    configure(response_cache=False)
    staff = await manager()
    root = await factories.category()
    leaves = [await factories.category(parent=root) for _ in range(3)]
    for index in range(50):
        await factories.product(category=leaves[index % 3])
    await active_rule(api, staff, name="Tea", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT",
                      scope={"kind": "CATEGORIES", "ids": [encode_id("Category", root.id)]})

    counts = []
    for first in (5, 50):
        answer = await api(PRODUCT_HINTS, {"first": first}, headers={"X-Request-Id": "count"})
        assert "errors" not in answer.body, answer.errors
        assert all(len(edge["node"]["rebateHints"]) == 1 for edge in answer.data["products"]["edges"])
        counts.append(int(answer.headers["x-mall-sql-statements"]))

    # the page, the rules, the switches, the categories' lineages (no totalCount asked)
    assert counts == [4, 4]


async def test_pausing_new_rebates_expires_the_cached_hints_and_resuming_shows_them(api):
    staff = await manager()
    product = await factories.product()
    rule = await active_rule(api, staff, name="Ten", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT")
    assert (await hints(api, product))[1] == "miss"
    assert (await hints(api, product))[1] == "hit"

    def press(pause: bool):  # type: ignore[no-untyped-def]
        return api(SWITCHES_SET, {"input": {"pauseNewRebates": pause, "reason": "audit"}}, token=staff.access_token)

    assert (await press(True)).data["rebateSwitchesSet"]["userErrors"] == []
    assert await hints(api, product) == ([], "miss")
    assert (await press(False)).data["rebateSwitchesSet"]["userErrors"] == []
    assert ids((await hints(api, product))[0]) == [encode_id("RebateRule", rule)]
