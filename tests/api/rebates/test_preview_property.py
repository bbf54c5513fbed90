"""A property, through the API on both databases: for random prices, quantities, vouchers, points and rules,
orderPreview.rebatePreview is exactly the rebates made when that order is created and paid (DESIGN §3.6:
the preview and the payment feed the engine the same inputs)."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mall.core.money import format_minor
from mall.graphql.relay import encode_id
from mall.orders.models import Order
from mall.rebates.models import Rebate, RebateRule
from tests import factories
from tests.api.rebates.preview_scene import add_to_cart, goods, items, order_create, order_input, order_preview
from tests.api.rebates.scene import active_rule, manager, pay
from tests.api.wallet.points_scene import give_points
from tests.api.wallet.scene import finance
from tests.api.wallet.test_vouchers import issue

T = TypeVar("T")
POINTS_PER_YUAN = 10  # one point is worth 0.10: whole points round POINTS rebates down


def _rate(scaled: int) -> str:
    return str(Decimal(scaled).scaleb(-4))


@st.composite
def rules(draw: st.DrawFn, line_count: int) -> dict[str, Any]:
    kind = draw(st.sampled_from(["FIXED_RATIO", "FULL_RETURN", "THRESHOLD", "TIERED"]))
    terms: dict[str, Any] = {"kind": kind, "payoutForm": draw(st.sampled_from(["REBATE_CREDIT", "POINTS"])),
                             "priority": draw(st.integers(0, 2)), "stackable": draw(st.booleans())}
    if kind in ("FIXED_RATIO", "FULL_RETURN"):
        terms["ratio"] = _rate(draw(st.integers(100, 10000)))
    elif kind == "THRESHOLD":
        threshold = draw(st.integers(100, 30000))
        terms |= {"threshold": format_minor(threshold), "reward": format_minor(draw(st.integers(1, threshold))),
                  "repeat": draw(st.booleans())}
    else:
        second = draw(st.integers(1, 30000))
        terms |= {"tierMode": draw(st.sampled_from(["WHOLE", "PROGRESSIVE"])), "tiers": [
            {"from": "0", "rate": _rate(draw(st.integers(0, 5000)))},
            {"from": format_minor(second), "rate": _rate(draw(st.integers(0, 10000)))}]}
    if draw(st.booleans()):
        terms["perCustomerCap"] = format_minor(draw(st.integers(0, 5000)))
    if draw(st.booleans()):
        terms["budget"] = format_minor(draw(st.integers(1, 5000)))
    if draw(st.booleans()):
        terms["marginCapShare"] = _rate(draw(st.integers(100, 10000)))
    covered = draw(st.one_of(st.none(), st.sets(st.integers(0, line_count - 1), min_size=1)))
    terms["scope"] = covered  # line indices, turned into product ids once the products exist
    return terms


@st.composite
def cases(draw: st.DrawFn) -> dict[str, Any]:
    # even prices: the factory's cost price is half of it, in whole fen
    lines = draw(st.lists(st.tuples(st.integers(50, 15000).map(lambda half: half * 2), st.integers(1, 3)),
                          min_size=1, max_size=3))
    return {
        "lines": lines,
        "rules": draw(st.lists(rules(len(lines)), min_size=1, max_size=3)),
        "voucher": draw(st.one_of(st.none(), st.integers(100, 3000))),
        "points_share": draw(st.sampled_from([0, 0.3, 1])),
    }


@dataclass
class Scene:
    api: Any
    staff: factories.Account
    teller: factories.Account


async def _one(scene: Scene, case: dict[str, Any]) -> None:
    api = scene.api
    await RebateRule.filter(status="ACTIVE").update(status="ENDED")  # the earlier examples' rules
    made = [await goods(format_minor(price)) for price, _ in case["lines"]]
    for index, drawn in enumerate(case["rules"]):
        terms = dict(drawn)  # hypothesis may run a case again
        covered = terms.pop("scope")
        if covered is not None:
            terms["scope"] = {"kind": "PRODUCTS", "ids": [encode_id("Product", made[i][0].id) for i in sorted(covered)]}
        await active_rule(api, scene.staff, name=f"Rule {index}", **terms)
    buyer = await factories.customer()
    await add_to_cart(api, [(variant, quantity) for (_, variant), (_, quantity) in zip(made, case["lines"],
                                                                                       strict=True)],
                      token=buyer.access_token)
    more: dict[str, Any] = {}
    if case["voucher"] is not None:
        assert (await issue(api, buyer, value=format_minor(case["voucher"]), staff=scene.teller))["userErrors"] == []
        wallet = (await api("query { me { wallet { vouchers { id } } } }", token=buyer.access_token)).data
        more["voucherIds"] = [wallet["me"]["wallet"]["vouchers"][0]["id"]]
    variables = await order_input(buyer, **more)
    if case["points_share"]:
        await give_points(api, buyer, 100_000)
        most = (await api("query($input: OrderCreateInput!) { orderPreview(input: $input) { maxPoints } }",
                          variables, token=buyer.access_token)).data["orderPreview"]["maxPoints"]
        variables["input"]["pointsToUse"] = int(most * case["points_share"])

    preview = (await order_preview(api, buyer, variables))["rebatePreview"]
    order_id = await order_create(api, buyer, variables)
    await pay(api, buyer, await Order.get(id=order_id))

    rebates = await Rebate.filter(order_id=order_id).order_by("rule_id").values_list(
        "rule_id", "payout_form", "amount_minor")
    expected = [(rule_id, form, format_minor(amount), amount // 10 if form == "POINTS" else 0)
                for rule_id, form, amount in rebates]
    assert sorted(items(preview)) == expected
    assert preview["total"]["amount"] == format_minor(sum(amount for _, _, amount in rebates))


async def test_the_order_preview_is_the_rebates_made_when_that_order_is_paid(api, configure):
    configure(points_per_yuan=POINTS_PER_YUAN)
    scene = Scene(api, await manager(), await finance())
    loop = asyncio.get_running_loop()

    def run(work: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(work, loop).result(timeout=120)

    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
    @given(case=cases())
    def check(case: dict[str, Any]) -> None:
        run(_one(scene, case))

    await asyncio.to_thread(check)
