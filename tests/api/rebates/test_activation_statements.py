"""Activating a rebate dates all its installments in one statement (``rebates.lifecycle.activate_order``): the
statements of one activation do not grow with installmentCount (up to 366), nor a run of the activation job."""

from __future__ import annotations

import datetime as dt

from mall.core.clock import clock
from mall.flows import rebate_releases
from mall.infra import sqlcount
from mall.rebates.models import Rebate, RebateRule
from tests.api.rebates.refund_scene import paid_with_rule, rebate_of


async def _statements_to_activate(api, installments: int) -> int:  # type: ignore[no-untyped-def]
    await RebateRule.filter(status="ACTIVE").update(status="ENDED")  # the earlier measurement's rule
    _, _, order, _ = await paid_with_rule(api, [("40.00", 1)], name=f"In {installments}", kind="FIXED_RATIO",
                                          ratio="0.10", payoutForm="REBATE_CREDIT", installmentCount=installments,
                                          period="DAY")
    rebate = await rebate_of(order)
    await Rebate.filter(id=rebate.id).update(eligible_at=clock.now() - dt.timedelta(seconds=1))
    with sqlcount.counting() as statements:
        assert await rebate_releases.activate_due(clock.now()) == 1
    assert (await rebate_of(order)).status == "ACTIVE"
    return statements[0]


async def test_activation_costs_the_same_statements_whatever_the_installment_count(api, sql_counting):
    two = await _statements_to_activate(api, 2)
    thirty = await _statements_to_activate(api, 30)

    assert thirty == two
