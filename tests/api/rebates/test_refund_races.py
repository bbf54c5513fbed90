"""Refunds racing on PostgreSQL (DESIGN §3.6): the order's row lock and the rebates' locks taken in one order make
each refund recompute on what the one before left, so no fen of a rebate is cut, clawed back or freed twice."""

from __future__ import annotations

import asyncio
from decimal import Decimal

import pytest

from mall.infra.outbox import OutboxEvent
from mall.wallet.chart import Asset
from tests.api.rebates.refund_scene import (
    approved_after_sale,
    balance,
    budget,
    cancel,
    installments,
    ledger_clean,
    paid_with_rule,
    rebate_of,
    refund_after_sale,
    release,
)

pytestmark = pytest.mark.postgres_only

DEADLINE = 60
TEN = {"name": "Ten", "kind": "FIXED_RATIO", "ratio": "0.10", "payoutForm": "REBATE_CREDIT", "installmentCount": 2,
       "period": "MONTH", "budget": "100"}


async def _deltas(rebate_id: int, kind: str) -> Decimal:
    rows = await OutboxEvent.filter(topic="rebate.changed", aggregate_id=rebate_id).order_by("id")
    return sum((Decimal(row.payload["amountDelta"]) for row in rows if row.payload["type"] == kind), Decimal(0))


@pytest.mark.parametrize("with_cancel", [False, True])
async def test_refunds_of_one_order_racing_take_back_each_fen_once(api, with_cancel):
    # 9.10 in 4.55 + 4.55, the first released as rebate credit
    rule_id, buyer, order, (tea, cups) = await paid_with_rule(api, [("40.00", 1), ("25.50", 2)], **TEN)
    rebate = await rebate_of(order)
    await release(rebate.id, 1)
    first = await approved_after_sale(api, buyer, order, tea, 1)
    second = await approved_after_sale(api, buyer, order, cups, 2)

    async def cancelled() -> dict:
        try:
            await cancel(api, order)
        except AssertionError:
            return {"userErrors": ["refused"]}
        return {"userErrors": []}

    racers = [refund_after_sale(api, first), refund_after_sale(api, second)] + ([cancelled()] if with_cancel else [])
    await asyncio.wait_for(asyncio.gather(*racers), DEADLINE)
    rebate = await rebate_of(order)

    # whichever came first, everything is refunded: nothing is left, the released 4.55 came back once
    assert (rebate.status, rebate.amount_minor, rebate.clawed_back_minor, rebate.unrecovered_minor,
            rebate.budget_reserved_minor) == ("REVERSED", 0, 455, 0, 0)
    assert await installments(rebate) == [(1, 455, "RELEASED"), (2, 0, "CANCELLED")]
    assert await balance(buyer.user.id, Asset.REBATE_CREDIT) == 0
    assert await budget(rule_id) == (10000, "ACTIVE")
    assert await _deltas(rebate.id, "ADJUSTED") == Decimal("-9.10")
    assert await _deltas(rebate.id, "CLAWED_BACK") == Decimal("-4.55")
    assert await ledger_clean()
