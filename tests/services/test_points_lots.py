"""wallet.points against the real database: what verify says of tampered lots, idempotent keys, and a hypothesis
state machine of random credits, spends, give-backs and expiries (DESIGN §3.5).

After every step of the machine: each customer's lots hold exactly their POINTS balance, no lot is below zero or
above what it was granted, the balances equal a plain model, and ``verify`` finds nothing wrong.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import uuid
from collections.abc import Coroutine
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from tortoise import connections

from mall.core.actors import Actor
from mall.core.clock import clock
from mall.wallet import points
from mall.wallet.chart import SystemCode
from mall.wallet.errors import InsufficientFunds, InvalidEntry
from mall.wallet.journal import Cause
from mall.wallet.models import PointsLot
from mall.wallet.statements import balances
from mall.wallet.verification import verify
from tests import factories

T = TypeVar("T")
SYSTEM = Actor.system()


async def credit(customer_id: int, amount: int, key: str) -> None:
    await points.credit(SYSTEM, customer_id=customer_id, points=amount, key=key, cause=Cause.ADJUSTMENT, cause_id=None,
                        source=SystemCode.POINTS_ADJUSTMENTS)


async def spend(customer_id: int, amount: int, key: str) -> None:
    await points.spend(SYSTEM, customer_id=customer_id, points=amount, key=key, cause=Cause.ORDER_PAYMENT,
                       cause_id=None, destination=SystemCode.POINTS_REDEEMED)


async def give_back(customer_id: int, spend_key: str, amount: int | None, key: str) -> None:
    await points.give_back(SYSTEM, customer_id=customer_id, spend_key=spend_key, key=key, points=amount,
                           cause=Cause.POINTS_REFUND, cause_id=None)


@pytest.mark.tampers_ledger
async def test_verify_names_a_lot_tampered_with():
    buyer = await factories.customer()
    await credit(buyer.user.id, 100, "tamper:1")
    lot = await PointsLot.get(customer_id=buyer.user.id)
    # What no Mall code does: a lot's remaining points changed behind the ledger's back.
    await PointsLot.filter(id=lot.id).update(remaining=90)

    report = await verify()

    assert report.problems == (
        f"account customer:{buyer.user.id}:POINTS: holds 100 points, its lots 90",
        f"points lot {lot.id}: 90 remaining, granted 100 and moved 0",
    )


async def test_a_retry_of_each_movement_moves_nothing_more():
    buyer = await factories.customer()
    await credit(buyer.user.id, 100, "c")
    await credit(buyer.user.id, 100, "c")
    await spend(buyer.user.id, 60, "s")
    await spend(buyer.user.id, 60, "s")
    await give_back(buyer.user.id, "s", 20, "g")
    await give_back(buyer.user.id, "s", 20, "g")

    assert [(lot.granted, lot.remaining) for lot in await PointsLot.filter(customer_id=buyer.user.id)] == [(100, 60)]
    assert (await balances([buyer.user.id]))[buyer.user.id].points == 60
    # Never more back than the spend took, minus what came back already.
    with pytest.raises(InvalidEntry):
        await give_back(buyer.user.id, "s", 41, "g2")
    assert (await verify()).ok


async def test_points_given_back_to_an_expired_lot_expire_again_under_a_new_key():
    buyer = await factories.customer()
    await credit(buyer.user.id, 100, "c")
    await spend(buyer.user.id, 30, "s")
    due = clock.now() + dt.timedelta(days=366)

    assert await points.expire_due(due) == 1
    await give_back(buyer.user.id, "s", None, "back")
    assert await points.expire_due(due) == 1
    assert await points.expire_due(due) == 0

    lot = await PointsLot.get(customer_id=buyer.user.id)
    assert (lot.remaining, lot.expiries) == (0, 2)
    assert (await balances([buyer.user.id]))[buyer.user.id].points == 0
    assert (await verify()).ok


async def test_random_points_work_keeps_the_lots_equal_to_the_balance():
    customers = [(await factories.customer()).user.id for _ in range(2)]
    loop = asyncio.get_running_loop()

    def run(work: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(work, loop).result(timeout=60)

    class PointsMachine(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            run(_empty_the_ledger())
            clock.set_offset(dt.timedelta(0))
            self.held: dict[int, int] = dict.fromkeys(customers, 0)  # the model: unexpired points per customer
            self.spends: list[tuple[int, str, int]] = []  # (customer, key, points not yet given back)
            self.keys = (f"pm:{uuid.uuid4().hex[:8]}:{n}" for n in itertools.count())

        @rule(customer=st.sampled_from(customers), amount=st.integers(1, 500))
        def credit(self, customer: int, amount: int) -> None:
            run(credit(customer, amount, next(self.keys)))
            self.held[customer] += amount

        @rule(customer=st.sampled_from(customers), amount=st.integers(1, 600))
        def spend(self, customer: int, amount: int) -> None:
            self.held[customer] = run(points.spendable(customer))  # what the lots still hold unexpired
            key = next(self.keys)
            try:
                run(spend(customer, amount, key))
            except InsufficientFunds:
                assert amount > self.held[customer]
                return
            assert amount <= self.held[customer]
            self.held[customer] -= amount
            self.spends.append((customer, key, amount))

        @rule(data=st.data())
        def give_back(self, data: st.DataObject) -> None:
            if not self.spends:
                return
            index = data.draw(st.integers(0, len(self.spends) - 1))
            customer, key, left = self.spends[index]
            amount = data.draw(st.integers(1, left + 1))  # sometimes one more than is left: refused
            try:
                run(give_back(customer, key, amount, next(self.keys)))
            except InvalidEntry:
                assert amount > left
                return
            assert amount <= left
            self.spends[index] = (customer, key, left - amount)

        @rule(days=st.integers(1, 400))
        def time_passes_and_the_job_runs(self, days: int) -> None:
            clock.set_offset(clock.offset + dt.timedelta(days=days))
            run(points.expire_due(clock.now(), batch=3))

        @invariant()
        def lots_hold_the_balance_and_the_ledger_verifies(self) -> None:
            for customer in customers:
                assert run(points.spendable(customer)) <= run(balances([customer]))[customer].points
            assert run(verify()).problems == ()

        def teardown(self) -> None:
            clock.set_offset(dt.timedelta(0))

    await asyncio.to_thread(run_state_machine_as_test, PointsMachine, settings=settings(
        max_examples=10, stateful_step_count=15, deadline=None, suppress_health_check=[HealthCheck.too_slow],
    ))


async def _empty_the_ledger() -> None:
    await connections.get("default").execute_script(
        "DELETE FROM points_lot_moves; DELETE FROM points_lots; DELETE FROM ledger_postings; "
        "DELETE FROM ledger_entries; DELETE FROM ledger_accounts;"
    )
