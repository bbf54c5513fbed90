"""A client that goes away mid-mutation never leaves a transaction half-open."""

from __future__ import annotations

import asyncio
import contextlib

from tortoise import connections

from mall.core.actors import Permission
from mall.graphql.relay import encode_id
from mall.infra import transactions
from tests import factories
from tests.operations import contract

PRODUCT_UPDATE = contract("ProductUpdate")
# Far more steps than one mutation takes: the loop below stops at the first
# request that finished before it was cancelled.
MAX_STEPS = 3000
# Only a guard against hanging for ever: a healthy answer comes in milliseconds.
GUARD_SECONDS = 30


async def _cancel_after(steps: int, request) -> bool:
    """Start ``request``, let the event loop run ``steps`` times, cancel it; whether it had finished."""
    task = asyncio.ensure_future(request)
    for _ in range(steps):
        await asyncio.sleep(0)
    finished = task.done()
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    return finished


async def _idle_in_transaction(settings) -> int:
    if settings.is_sqlite:
        return 0
    rows = await connections.get("default").execute_query_dict(
        "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'"
    )
    return rows[0]["n"]


async def test_a_mutation_cancelled_at_any_point_leaves_no_transaction_open(api, settings):
    staff = await factories.staff(Permission.MANAGE_PRODUCTS)
    product = await factories.product(title="Green tea")

    def update(title: str):
        variables = {"input": {"productId": encode_id("Product", product.id), "title": title}}
        return api(PRODUCT_UPDATE, variables, token=staff.access_token)

    steps = 0
    while steps < MAX_STEPS and not await _cancel_after(steps, update(f"Cancelled {steps}")):
        steps += 1
    await transactions.settle()

    later = await asyncio.wait_for(update("Answered"), GUARD_SECONDS)

    assert steps < MAX_STEPS  # every earlier request was cancelled on its way
    assert later.data["productUpdate"]["userErrors"] == []
    assert later.data["productUpdate"]["product"]["title"] == "Answered"
    assert await _idle_in_transaction(settings) == 0
