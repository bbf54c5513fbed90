"""product.rebateHints lists the rules that would apply to a product if ordered now, stacking included: a
non-stackable rule of higher priority takes the line, so a later rule covering the same product, which would pay
nothing on it (the engine: "a line taken by a non-stackable rule is available to no later rule"), is not
advertised — the hints agree with the cart preview and with payment."""

from __future__ import annotations

from mall.graphql.relay import decode_id
from tests import factories
from tests.api.rebates.preview_scene import add_to_cart, cart_preview, goods, items
from tests.api.rebates.scene import active_rule, manager
from tests.api.rebates.test_hints import hints, ids


async def test_a_rule_shadowed_by_a_non_stackable_rule_is_not_advertised(api):
    staff = await manager()
    product, variant = await goods("100.00")
    first = await active_rule(api, staff, name="Exclusive", kind="FIXED_RATIO", ratio="0.10",
                              payoutForm="REBATE_CREDIT", priority=10, stackable=False)
    shadowed = await active_rule(api, staff, name="Shadowed", kind="FIXED_RATIO", ratio="0.05",
                                 payoutForm="REBATE_CREDIT", priority=1, stackable=True)
    buyer = await factories.customer()
    await add_to_cart(api, [(variant, 1)], token=buyer.access_token)

    preview = await cart_preview(api, token=buyer.access_token)
    shown, _ = await hints(api, product)

    assert [rule_id for rule_id, *_ in items(preview)] == [first]  # what payment would make
    assert [decode_id(rule_id, "RebateRule", field="id") for rule_id in ids(shown)] == [first], shadowed
