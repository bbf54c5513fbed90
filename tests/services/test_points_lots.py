"""wallet.points against the real database: what verify says of tampered lots, idempotent keys, and a hypothesis
state machine of random credits, spends, give-backs and expiries (DESIGN §3.5).

After every step of the machine: every lot holds what a plain model of the lots says (spent earliest-expiring
first, given back latest-expiring first, expired by the job's batch soonest first), the POINTS balances are the
model's, and ``verify`` (lots against balances, lots against their moves) finds nothing wrong.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import uuid
from collections.abc import Coroutine
from dataclasses import dataclass, field
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test
from tortoise import connections

from mall.core.actors import Actor
from mall.core.clock import clock
from mall.wallet import points
from mall.wallet.chart import SystemCode
from mall.wallet.errors import EntryMismatch, InsufficientFunds, InvalidEntry
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
    # A key already used for another amount is a misuse, not a retry: refused, nothing moved.
    with pytest.raises(EntryMismatch):
        await give_back(buyer.user.id, "s", 21, "g")
    assert (await balances([buyer.user.id]))[buyer.user.id].points == 60
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


async def test_points_expiring_are_grouped_by_moment_soonest_first_and_bounded():
    buyer = await factories.customer()
    for n in range(12):
        await credit(buyer.user.id, 10 + n, f"e:{n}")
    lots = await PointsLot.filter(customer_id=buyer.user.id).order_by("id")
    soon = clock.now() + dt.timedelta(days=3)
    for index, lot in enumerate(lots):  # lot 0 and 1 share a moment; the rest a day apart, latest first
        await PointsLot.filter(id=lot.id).update(expires_at=soon if index < 2 else soon + dt.timedelta(days=20 - index))

    due = await points.expiring(buyer.user.id)

    assert len(due) == points.MAX_EXPIRY_DATES
    assert (due[0].expires_at, due[0].points) == (soon, 10 + 11)
    assert [entry.points for entry in due[1:]] == [21, 20, 19, 18, 17, 16, 15, 14, 13]  # the 12 is the 11th moment
    assert [entry.expires_at for entry in due] == sorted(entry.expires_at for entry in due)


@dataclass
class _Lot:
    customer: int
    remaining: int
    given_at: dt.timedelta  # the clock's offset when given: due once the offset is VALID past it


@dataclass
class _Spend:
    customer: int
    key: str
    left: dict[int, int] = field(default_factory=dict)  # model lot index → points not yet given back


async def test_random_points_work_moves_lots_exactly_as_a_plain_model_does():
    customers = [(await factories.customer()).user.id for _ in range(2)]
    valid = dt.timedelta(days=365)
    loop = asyncio.get_running_loop()

    def run(work: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(work, loop).result(timeout=60)

    class PointsMachine(RuleBasedStateMachine):
        """The model's lots are in the order they were given, which is also their order of expiry (the clock only
        moves forward here), so earliest-expiring first is lowest index first, latest-expiring first the highest."""

        def __init__(self) -> None:
            super().__init__()
            run(_empty_the_ledger())
            clock.set_offset(dt.timedelta(0))
            self.lots: list[_Lot] = []
            self.spends: list[_Spend] = []
            self.keys = (f"pm:{uuid.uuid4().hex[:8]}:{n}" for n in itertools.count())

        def _due(self, lot: _Lot) -> bool:
            return lot.remaining > 0 and clock.offset >= lot.given_at + valid

        @rule(customer=st.sampled_from(customers), amount=st.integers(1, 500))
        def credit(self, customer: int, amount: int) -> None:
            run(credit(customer, amount, next(self.keys)))
            self.lots.append(_Lot(customer, amount, clock.offset))

        @rule(customer=st.sampled_from(customers), amount=st.integers(1, 300) | st.integers(300, 1500))
        def spend(self, customer: int, amount: int) -> None:
            key = next(self.keys)
            try:
                run(spend(customer, amount, key))
                refused = False
            except InsufficientFunds:
                refused = True
            mine = [index for index, lot in enumerate(self.lots) if lot.customer == customer]
            if refused:  # everything rolled back, the expiry on the way too
                assert amount > sum(self.lots[i].remaining for i in mine if not self._due(self.lots[i]))
                return
            for index in mine:  # what is due expires first
                if self._due(self.lots[index]):
                    self.lots[index].remaining = 0
            taken, need = _Spend(customer, key), amount
            for index in mine:
                part = min(self.lots[index].remaining, need)
                if part:
                    self.lots[index].remaining -= part
                    taken.left[index] = part
                    need -= part
            assert need == 0, "the database spent points the model's lots do not hold"
            self.spends.append(taken)

        @precondition(lambda self: any(sum(taken.left.values()) for taken in self.spends))
        @rule(data=st.data())
        def give_back(self, data: st.DataObject) -> None:
            taken = data.draw(st.sampled_from([taken for taken in self.spends if sum(taken.left.values())]))
            left = sum(taken.left.values())
            amount = data.draw(st.integers(1, left + 1))  # sometimes one more than is left: refused
            try:
                run(give_back(taken.customer, taken.key, amount, next(self.keys)))
            except InvalidEntry:
                assert amount > left
                return
            assert amount <= left
            for index in sorted(taken.left, reverse=True):  # latest-expiring first
                part = min(taken.left[index], amount)
                self.lots[index].remaining += part
                taken.left[index] -= part
                amount -= part

        @rule(days=st.integers(1, 40) | st.integers(300, 400))
        def time_passes_and_the_job_runs(self, days: int) -> None:
            clock.set_offset(clock.offset + dt.timedelta(days=days))
            run(points.expire_due(clock.now(), batch=3))
            for lot in [lot for lot in self.lots if self._due(lot)][:3]:  # the three soonest due
                lot.remaining = 0

        @invariant()
        def the_lots_and_balances_are_the_models(self) -> None:
            assert run(_stored_lots()) == [(lot.customer, lot.remaining) for lot in self.lots]
            held = run(balances(customers))
            assert [held[c].points for c in customers] == [
                sum(lot.remaining for lot in self.lots if lot.customer == c) for c in customers]
            assert run(verify()).problems == ()

        def teardown(self) -> None:
            clock.set_offset(dt.timedelta(0))

    await asyncio.to_thread(run_state_machine_as_test, PointsMachine, settings=settings(
        max_examples=30, stateful_step_count=40, deadline=None, suppress_health_check=[HealthCheck.too_slow],
    ))


async def _stored_lots() -> list[tuple[int, int]]:
    return list(await PointsLot.all().order_by("id").values_list("customer_id", "remaining"))


async def _empty_the_ledger() -> None:
    await connections.get("default").execute_script(
        "DELETE FROM points_lot_moves; DELETE FROM points_lots; DELETE FROM ledger_postings; "
        "DELETE FROM ledger_entries; DELETE FROM ledger_accounts;"
    )
