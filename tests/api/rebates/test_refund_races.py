"""Refunds racing on PostgreSQL (DESIGN §3.6): the order's row lock and the rebates' locks taken in one order make
each refund recompute on what the one before left, so no fen of a rebate is cut, clawed back or freed twice."""

from __future__ import annotations

import asyncio
import datetime as dt
from decimal import Decimal

import pytest

from mall.core.clock import clock
from mall.flows import rebate_releases
from mall.infra.outbox import OutboxEvent
from mall.rebates.models import Rebate, RebateInstallment
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


async def _due_now(rebate_id: int) -> None:
    """The rebate ACTIVE with both installments due (as activation leaves it once its time has come)."""
    now = clock.now() - dt.timedelta(minutes=1)
    await Rebate.filter(id=rebate_id).update(status="ACTIVE", activated_at=now)
    await RebateInstallment.filter(rebate_id=rebate_id).update(due_at=now)


@pytest.mark.parametrize("head_start", [0, 0.01, 0.03])  # seconds the refund gets: either may take the rebate first
@pytest.mark.parametrize(("refund", "kept"), [("cancel", 0), ("one cup", 655)])
async def test_a_refund_racing_the_release_job_neither_loses_nor_doubles_a_fen(api, refund, kept, head_start):
    # 9.10 in 4.55 + 4.55, both due; the refund takes all of it back, or 2.55 of it (one cup: 6.55 kept)
    rule_id, buyer, order, (_, cups) = await paid_with_rule(api, [("40.00", 1), ("25.50", 2)], **TEN)
    rebate = await rebate_of(order)
    after_sale = None if refund == "cancel" else await approved_after_sale(api, buyer, order, cups, 1)
    await _due_now(rebate.id)

    async def refunding() -> None:
        if after_sale is None:
            await cancel(api, order)
        else:
            assert (await refund_after_sale(api, after_sale))["userErrors"] == []

    async def releasing() -> None:
        await asyncio.sleep(head_start)
        await rebate_releases.release_due(clock.now())

    await asyncio.wait_for(asyncio.gather(refunding(), releasing()), DEADLINE)
    rebate = await rebate_of(order)

    # released first and clawed back, or cut before it was released: the customer holds exactly what is kept
    assert await balance(buyer.user.id, Asset.REBATE_CREDIT) == kept
    assert rebate.amount_minor == kept
    assert rebate.released_minor - rebate.clawed_back_minor == kept and rebate.unrecovered_minor == 0
    assert rebate.status == ("REVERSED" if kept == 0 else "COMPLETED")
    assert await budget(rule_id) == (10000 - kept, "ACTIVE")
    assert await ledger_clean()
