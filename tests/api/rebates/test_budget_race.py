"""Thirty payments race for a rule whose budget covers ten rebates (issue 9's "Must show", PostgreSQL).

Each provider callback runs as its own request through the ASGI app, with its
own connection: the rule's row lock and the conditional UPDATE on its
remaining budget are all that keep the budget from being overspent.
"""

from __future__ import annotations

import asyncio

import pytest

from mall.rebates.models import Rebate, RebateRule
from tests import factories
from tests.api.rebates.scene import active_rule, manager, ordered, settle, start_paying

pytestmark = pytest.mark.postgres_only

DEADLINE = 90
PAYMENTS, COVERED = 30, 10


async def test_thirty_parallel_payments_reserve_exactly_the_budget(api):
    staff = await manager()
    # 10% of 40.00 is 4.00 a rebate: a budget of 40.00 covers ten
    rule_id = await active_rule(api, staff, name="Ten only", kind="FIXED_RATIO", ratio="0.10",
                                payoutForm="REBATE_CREDIT", budget="40")
    tea = await factories.variant_of(await factories.product(prices=("40.00",), stock=PAYMENTS))
    buyers = [await factories.customer() for _ in range(PAYMENTS)]
    payments = []
    for buyer in buyers:
        payments.append(await start_paying(api, buyer, await ordered(buyer, (tea.id, 1))))

    await asyncio.wait_for(asyncio.gather(*(
        settle(api, buyer, payment) for buyer, payment in zip(buyers, payments, strict=True))), DEADLINE)

    rebates = await Rebate.filter(rule_id=rule_id).values_list("amount_minor", "budget_reserved_minor")
    assert sorted(rebates) == [(400, 400)] * COVERED
    rule = await RebateRule.get(id=rule_id)
    assert (rule.budget_remaining_minor, rule.status) == (0, "EXHAUSTED")
