"""The demo mall seeds one ACTIVE rebate campaign (once), so a newcomer's GraphiQL shows hints and previews."""

from __future__ import annotations

from mall.demo.rebates import NAME, seed_rebates

HINTS = "query { products(first: 1) { edges { node { rebateHints { kind payoutForm description } } } } }"


async def test_the_demo_rule_is_seeded_once_and_shows_as_a_hint(api):
    from tests import factories

    await factories.product()
    first, again = await seed_rebates(), await seed_rebates()

    assert first == [f"Demo rebate rule (created, ACTIVE): {NAME}"]
    assert again == ["Demo rebate rule: exists (or other rules do)"]
    (edge,) = (await api(HINTS)).data["products"]["edges"]
    (hint,) = edge["node"]["rebateHints"]
    assert (hint["kind"], hint["payoutForm"]) == ("FIXED_RATIO", "REBATE_CREDIT")
    assert "10%" in hint["description"]
