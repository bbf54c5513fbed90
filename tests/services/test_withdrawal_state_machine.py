"""A hypothesis state machine of wallet money in and out against the real database (DESIGN §3.5).

Top-ups credited by (repeated) callbacks, staff adjustments in and out (audited), withdrawals asked for, rejected,
approved and paid out or failed at the provider: after every step the
customer's BALANCE and HELD equal a plain model, the withdrawable BALANCE
never exceeds what was topped up or adjusted into it minus what left it (adjusted out or
paid out), and ``verify`` finds nothing wrong.

Like the ledger's machine, it runs in a worker thread and hands each
database call to the test's event loop.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import uuid
from collections.abc import Coroutine
from decimal import Decimal
from typing import Any, TypeVar

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from tortoise import connections

from mall.accounts import sessions
from mall.core.actors import Permission
from mall.core.errors import DomainError
from mall.flows import payouts
from mall.payments.providers.base import PayoutResult, PayoutStatus
from mall.payments.providers.sandbox import SandboxProvider
from mall.settings import get_settings
from mall.wallet import adjustments, top_ups, withdrawal_rules, withdrawals
from mall.wallet.chart import Asset
from mall.wallet.statements import balances
from mall.wallet.verification import verify
from tests import factories

T = TypeVar("T")


async def test_money_in_and_out_of_a_wallet_keeps_every_invariant(monkeypatch):
    account = await factories.customer()
    customer_id = account.user.id
    customer = sessions.actor_for(account.user)
    staff = sessions.actor_for((await factories.staff(Permission.MANAGE_FINANCE)).user)
    loop = asyncio.get_running_loop()
    outcome = {"status": PayoutStatus.SUCCESS}

    async def payout(self, request):  # type: ignore[no-untyped-def]
        return PayoutResult(payout_no=request.payout_no, payout_id="p" + request.payout_no,
                            amount_minor=request.amount_minor, status=outcome["status"])

    monkeypatch.setattr(SandboxProvider, "payout", payout)
    settings_now = get_settings()

    def run(work: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(work, loop).result(timeout=60)

    class WalletMachine(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            run(_forget(customer_id))
            self.balance = self.held = 0
            self.adjusted_in = self.topped_up = self.left = 0
            self.open: dict[int, int] = {}  # withdrawal id -> amount held
            self.keys = (f"wsm-{uuid.uuid4().hex[:8]}-{n}" for n in itertools.count())

        @rule(amount=st.integers(1, 20_000))
        def adjust_in(self, amount: int) -> None:
            run(adjustments.wallet_adjust(staff, customer_id=customer_id, asset=Asset.BALANCE,
                                          amount=Decimal(amount) / 100, reason="in", idempotency_key=next(self.keys)))
            self.balance += amount
            self.adjusted_in += amount

        @rule(amount=st.integers(1, 20_000), callbacks=st.integers(1, 3))
        def top_up(self, amount: int, callbacks: int) -> None:
            key = next(self.keys)
            row, _ = run(top_ups.open_top_up(customer, amount=amount, provider="SANDBOX", channel="NATIVE",
                                             request_key=key, fingerprint=key, lifetime=dt.timedelta(minutes=30)))
            credited = [run(top_ups.settle_paid(row, transaction_id="t" + key)) for _ in range(callbacks)]
            assert credited == [True] + [False] * (callbacks - 1)  # a repeated callback credits nothing
            self.balance += amount
            self.topped_up += amount

        @rule(amount=st.integers(1, 20_000))
        def adjust_out(self, amount: int) -> None:
            try:
                run(adjustments.wallet_adjust(staff, customer_id=customer_id, asset=Asset.BALANCE,
                                              amount=-Decimal(amount) / 100, reason="out",
                                              idempotency_key=next(self.keys)))
            except DomainError:
                assert amount > self.balance
                return
            assert amount <= self.balance
            self.balance -= amount
            self.left += amount

        @rule(amount=st.integers(1000, 30_000))
        def withdraw(self, amount: int) -> None:
            fee = withdrawal_rules.fee(amount, min_fee_minor=settings_now.withdrawal_min_fee_minor,
                                       rate=settings_now.withdrawal_fee_rate)
            key = next(self.keys)
            ask = withdrawals.WithdrawalAsk(amount=amount, fee=fee, provider="SANDBOX", payee="p", request_key=key,
                                            fingerprint=key)
            try:
                row = run(withdrawals.create(customer, ask))
            except DomainError as exc:
                assert amount > self.balance or len(self.open) >= settings_now.withdrawal_open_max, exc
                return
            assert amount <= self.balance
            self.balance -= amount
            self.held += amount
            self.open[row.id] = amount

        @rule(data=st.data())
        def reject(self, data: st.DataObject) -> None:
            if not self.open:
                return
            withdrawal_id = data.draw(st.sampled_from(sorted(self.open)))
            row = run(payouts.withdrawal_reject(staff, withdrawal_id=withdrawal_id, note="no"))
            assert row.status == "REJECTED"
            amount = self.open.pop(withdrawal_id)
            self.held -= amount
            self.balance += amount

        @rule(data=st.data(), paid=st.booleans(), twice=st.booleans())
        def approve(self, data: st.DataObject, paid: bool, twice: bool) -> None:
            if not self.open:
                return
            withdrawal_id = data.draw(st.sampled_from(sorted(self.open)))
            outcome["status"] = PayoutStatus.SUCCESS if paid else PayoutStatus.FAILED
            row = run(payouts.withdrawal_approve(staff, withdrawal_id=withdrawal_id, note=""))
            if twice:
                assert run(payouts.withdrawal_approve(staff, withdrawal_id=withdrawal_id, note="")).status == row.status
            amount = self.open.pop(withdrawal_id)
            self.held -= amount
            if paid:
                assert row.status == "PAID_OUT"
                self.left += amount
            else:
                assert row.status == "FAILED"
                self.balance += amount

        @invariant()
        def the_wallet_matches_the_model_and_the_ledger_verifies(self) -> None:
            held = run(balances([customer_id]))[customer_id]
            assert (held.balance, held.held) == (self.balance, self.held)
            # Withdrawable balance never exceeds what came in minus what left; the rest is held for withdrawals.
            came_in = self.adjusted_in + self.topped_up
            assert held.balance <= came_in - self.left
            assert held.balance + held.held == came_in - self.left
            assert run(verify()).problems == ()

    await asyncio.to_thread(run_state_machine_as_test, WalletMachine, settings=settings(
        max_examples=10, stateful_step_count=12, deadline=None, suppress_health_check=[HealthCheck.too_slow],
    ))


async def _forget(customer_id: int) -> None:
    """A fresh wallet for each example: the customer's withdrawals and the whole ledger go."""
    await connections.get("default").execute_script(
        f"DELETE FROM withdrawals WHERE customer_id = {int(customer_id)}; DELETE FROM top_ups; DELETE FROM ledger_postings; "
        "DELETE FROM ledger_entries; DELETE FROM ledger_accounts; DELETE FROM idempotency_keys; DELETE FROM audit_records;"
    )
