"""A hypothesis state machine of random ledger work against the real database (DESIGN §3.5).

Adjustments (straight through ``ledger.post`` and through staff
``wallet_adjust``), moves between a customer's accounts, rebate credit split
over customers by the largest-remainder method, retries and misuses of
keys, and entries rolled back with their transaction: after every step the
balances equal a plain model of the accounts, every refusal was one the
model predicted, and ``verify`` finds nothing wrong.

Hypothesis drives its steps synchronously, so the machine runs in a worker
thread and hands each database call to the test's event loop (where the
connection lives), waiting for the answer.
"""

from __future__ import annotations

import asyncio
import itertools
import uuid
from collections import defaultdict
from collections.abc import Coroutine
from decimal import Decimal
from typing import Any, TypeVar

from hypothesis import HealthCheck, assume, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, multiple, rule, run_state_machine_as_test
from tortoise import connections

from mall.accounts import sessions
from mall.core.actors import Actor, Permission
from mall.core.money import allocate
from mall.infra.transactions import transaction
from mall.wallet import adjustments, ledger
from mall.wallet.chart import MAX_AMOUNT, AccountRef, Asset, SystemCode, Unit
from mall.wallet.errors import BalanceLimitExceeded, EntryMismatch, InsufficientFunds
from mall.wallet.journal import Cause, Leg, transfer
from mall.wallet.models import LedgerAccount
from mall.wallet.verification import verify
from tests import factories

T = TypeVar("T")
MONEY_ASSETS = [Asset.BALANCE, Asset.HELD, Asset.REBATE_CREDIT]
ADJUSTMENTS = {Unit.MONEY: AccountRef.system(SystemCode.ADJUSTMENTS),
               Unit.POINTS: AccountRef.system(SystemCode.POINTS_ADJUSTMENTS)}
REBATE_EXPENSE = AccountRef.system(SystemCode.REBATE_EXPENSE)
# Amounts near a customer account's ceiling, so the upper bound is reached too.
AMOUNTS = st.integers(-5000, 5000).filter(bool) | st.sampled_from([-MAX_AMOUNT[Unit.POINTS], MAX_AMOUNT[Unit.POINTS]])


class Rollback(Exception):
    """Raised to undo a transaction on purpose."""


async def test_random_ledger_work_keeps_every_invariant():
    customers = [(await factories.customer()).user.id for _ in range(3)]
    staff = sessions.actor_for((await factories.staff(Permission.MANAGE_FINANCE)).user)
    loop = asyncio.get_running_loop()

    def run(work: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(work, loop).result(timeout=60)

    class LedgerMachine(RuleBasedStateMachine):
        entries = Bundle("entries")

        def __init__(self) -> None:
            super().__init__()
            run(_empty_the_ledger())
            self.model: dict[AccountRef, int] = defaultdict(int)
            self.keys = (f"sm:{uuid.uuid4().hex[:8]}:{n}" for n in itertools.count())

        def _post(self, legs: tuple[Leg, ...]) -> Any:
            """Post ``legs`` under a new key; the model says whether it must be refused, and why."""
            after = {leg.account: self.model[leg.account] + leg.amount for leg in legs}
            short = any(after[leg.account] < 0 for leg in legs if leg.account.is_customer)
            over = any(after[leg.account] > MAX_AMOUNT[leg.account.unit] for leg in legs if leg.account.is_customer)
            key = next(self.keys)
            try:
                posted = run(ledger.post(key=key, cause=Cause.ADJUSTMENT, legs=legs, actor=Actor.system()))
            except InsufficientFunds:
                assert short
                return multiple()
            except BalanceLimitExceeded:
                assert over and not short
                return multiple()
            assert not (short or over)
            self.model.update(after)
            assert {leg.account: leg.balance_after for leg in posted.legs} == after
            return key, legs

        # Points move only through their lots (wallet.points: staff_adjust here, test_points_state_machine there).
        @rule(target=entries, customer=st.sampled_from(customers), asset=st.sampled_from(MONEY_ASSETS), amount=AMOUNTS)
        def adjust(self, customer: int, asset: Asset, amount: int) -> Any:
            assume(abs(amount) <= MAX_AMOUNT[asset.unit])
            return self._post(transfer(ADJUSTMENTS[asset.unit], AccountRef.customer(customer, asset), amount))

        @rule(target=entries, customer=st.sampled_from(customers), source=st.sampled_from(MONEY_ASSETS),
              destination=st.sampled_from(MONEY_ASSETS), amount=st.integers(1, 5000))
        def move(self, customer: int, source: Asset, destination: Asset, amount: int) -> Any:
            assume(source != destination)
            return self._post(transfer(AccountRef.customer(customer, source),
                                       AccountRef.customer(customer, destination), amount))

        @rule(target=entries, total=st.integers(1, 10_000),
              weights=st.lists(st.integers(0, 100), min_size=len(customers), max_size=len(customers)))
        def rebate_split(self, total: int, weights: list[int]) -> Any:
            parts = allocate(total, weights)
            assert sum(parts) == total and all(part >= 0 for part in parts)
            legs = [Leg(AccountRef.customer(c, Asset.REBATE_CREDIT), part) for c, part in zip(customers, parts, strict=True)
                    if part]
            return self._post((Leg(REBATE_EXPENSE, -total), *legs))

        @rule(entry=entries)
        def retry(self, entry: tuple[str, tuple[Leg, ...]]) -> None:
            key, legs = entry
            posted = run(ledger.post(key=key, cause=Cause.ADJUSTMENT, legs=tuple(reversed(legs)), actor=Actor.system()))
            assert posted.created is False

        @rule(entry=entries, delta=st.integers(1, 100))
        def misuse(self, entry: tuple[str, tuple[Leg, ...]], delta: int) -> None:
            key, legs = entry
            changed = (Leg(legs[0].account, legs[0].amount + delta), Leg(legs[1].account, legs[1].amount - delta),
                       *legs[2:])
            assume(all(0 < abs(leg.amount) <= MAX_AMOUNT[leg.account.unit] for leg in changed))
            try:
                run(ledger.post(key=key, cause=Cause.ADJUSTMENT, legs=changed, actor=Actor.system()))
            except EntryMismatch:
                return
            raise AssertionError("a key reused for other postings was accepted")

        @rule(customer=st.sampled_from(customers), amount=st.integers(1, 5000))
        def rolled_back(self, customer: int, amount: int) -> None:
            async def credit_then_fail() -> None:
                async with transaction():
                    await ledger.post(key=next(self.keys), cause=Cause.ADJUSTMENT, actor=Actor.system(),
                                      legs=transfer(ADJUSTMENTS[Unit.MONEY], AccountRef.customer(customer, Asset.BALANCE),
                                                    amount))
                    raise Rollback()

            try:
                run(credit_then_fail())
            except Rollback:
                return
            raise AssertionError("the transaction was not rolled back")

        @rule(customer=st.sampled_from(customers), asset=st.sampled_from(adjustments.ADJUSTABLE),
              amount=st.integers(-5000, 5000).filter(bool))
        def staff_adjust(self, customer: int, asset: Asset, amount: int) -> None:
            account = AccountRef.customer(customer, asset)
            shown = Decimal(amount).scaleb(-2) if asset.unit is Unit.MONEY else Decimal(amount)
            work = adjustments.wallet_adjust(staff, customer_id=customer, asset=asset, amount=shown,
                                             reason="state machine", idempotency_key=next(self.keys)[-40:])
            try:
                line = run(work)
            except InsufficientFunds:
                assert self.model[account] + amount < 0
                return
            except BalanceLimitExceeded:
                assert self.model[account] + amount > MAX_AMOUNT[asset.unit]
                return
            self.model[account] += amount
            self.model[ADJUSTMENTS[asset.unit]] -= amount
            assert (line.asset, line.amount, line.balance_after) == (asset, amount, self.model[account])

        @invariant()
        def balances_match_the_model(self) -> None:
            assert run(_balances()) == {
                ref.key: balance for ref, balance in self.model.items() if balance
            }

        @invariant()
        def the_ledger_verifies(self) -> None:
            assert run(verify()).problems == ()

    await asyncio.to_thread(run_state_machine_as_test, LedgerMachine, settings=settings(
        max_examples=10, stateful_step_count=12, deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    ))


async def _empty_the_ledger() -> None:
    await connections.get("default").execute_script(
        "DELETE FROM points_lot_moves; DELETE FROM points_lots; DELETE FROM ledger_postings; DELETE FROM ledger_entries; DELETE FROM ledger_accounts; "
        "DELETE FROM idempotency_keys; DELETE FROM audit_records;"
    )


async def _balances() -> dict[str, int]:
    rows = await LedgerAccount.all().values_list("account_key", "balance_minor")
    return {key: balance for key, balance in rows if balance}
