"""Racing withdrawals on PostgreSQL: never more than the wallet holds, one key makes one, one payout per approval,
one settlement however many workers ask the provider for a withdrawal left PAYING."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections import Counter

import pytest

from mall.core.clock import clock
from mall.flows import payouts
from mall.payments.providers.base import PayoutStatus
from mall.payments.providers.sandbox import SandboxProvider
from mall.wallet.models import JournalEntry, Withdrawal
from mall.wallet.statements import WalletBalances, balances
from tests.api.wallet.scene import assert_ledger_sound, finance
from tests.api.wallet.withdrawal_scene import (
    WITHDRAWAL_CREATE,
    counting_payouts,
    crashed,
    create_input,
    decide,
    in_progress,
    sandbox,
    saver,
    withdraw,
    withdrawal_gid,
)

pytestmark = pytest.mark.postgres_only

DEADLINE = 60


# Payment-password attempts in flight count against its throttle (parallel guesses must not slip past it),
# so these races of right passwords raise its ceiling: the ledger is what they test.
async def test_twenty_parallel_withdrawals_succeed_exactly_floor_available_over_amount_times(api, configure):
    configure(withdrawal_open_max=100, payment_password_max_failures=100)
    buyer = await saver(api, "100.00")

    answers = await asyncio.wait_for(asyncio.gather(*(
        api(WITHDRAWAL_CREATE, create_input("15.00"), token=buyer.access_token) for _ in range(20)
    )), DEADLINE)

    payloads = [answer.data["withdrawalCreate"] for answer in answers]
    assert Counter(tuple(e["code"] for e in p["userErrors"]) for p in payloads) == Counter(
        {(): 6, ("INSUFFICIENT_FUNDS",): 14})  # floor(100 / 15) = 6
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=1000, held=9000)}
    assert await Withdrawal.all().count() == 6
    await assert_ledger_sound()


async def test_ten_parallel_requests_with_one_key_hold_once(api, configure):
    configure(payment_password_max_failures=100)
    buyer = await saver(api, "100.00")
    variables = create_input("20.00", key="same-key")

    answers = await asyncio.wait_for(asyncio.gather(*(
        api(WITHDRAWAL_CREATE, variables, token=buyer.access_token) for _ in range(10)
    )), DEADLINE)

    payloads = [answer.data["withdrawalCreate"] for answer in answers]
    made = {p["withdrawal"]["id"] for p in payloads if p["withdrawal"]}
    refused = {e["code"] for p in payloads for e in p["userErrors"]}
    assert len(made) == 1
    assert refused <= {"IDEMPOTENCY_IN_PROGRESS"}
    assert await JournalEntry.filter(cause="WITHDRAWAL_HOLD").count() == 1
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=8000, held=2000)}
    await assert_ledger_sound()


async def test_ten_staff_approving_at_once_make_one_payout(api, monkeypatch):
    buyer = await saver(api, "100.00")
    tellers = [await finance() for _ in range(10)]
    created = (await withdraw(api, buyer, "50.00"))["withdrawal"]
    asked: list[str] = []
    real_payout = SandboxProvider.payout

    async def slow(self, request):  # type: ignore[no-untyped-def]
        asked.append(request.payout_no)
        await asyncio.sleep(0.05)
        return await real_payout(self, request)

    monkeypatch.setattr(SandboxProvider, "payout", slow)
    payloads = await asyncio.wait_for(asyncio.gather(*(decide(api, t, created["id"]) for t in tellers)), DEADLINE)

    assert all(p["userErrors"] == [] for p in payloads)
    assert {p["withdrawal"]["status"] for p in payloads} <= {"PAYING", "PAID_OUT"}
    assert len(asked) == 1
    assert (await Withdrawal.get()).status == "PAID_OUT"
    assert await JournalEntry.filter(cause="WITHDRAWAL_PAYOUT").count() == 2  # the payout, then the money leaving
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=5000)}
    await assert_ledger_sound()


async def test_five_workers_settling_a_withdrawal_left_paying_at_once_pay_it_out_once(api, monkeypatch):
    buyer, row = await crashed(api)
    sent = counting_payouts(monkeypatch)
    later = clock.now() + dt.timedelta(minutes=2)

    settled = await asyncio.wait_for(asyncio.gather(*(payouts.settle_paying(later) for _ in range(5))), DEADLINE)

    assert sum(settled) == 1
    assert sent and set(sent) == {row.payout_no}  # sent again only under its own number: the provider deduplicates
    assert (await Withdrawal.get()).status == "PAID_OUT"
    assert await JournalEntry.filter(cause="WITHDRAWAL_PAYOUT").count() == 2
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=5000)}
    await assert_ledger_sound()


async def test_the_final_answer_racing_an_approval_again_settles_once(api):
    buyer, row = await in_progress(api)
    sandbox().finish_payout(row.payout_no, PayoutStatus.FAILED)
    later = clock.now() + dt.timedelta(minutes=2)
    tellers = [await finance() for _ in range(5)]

    await asyncio.wait_for(asyncio.gather(
        *(payouts.settle_paying(later) for _ in range(5)),
        *(decide(api, teller, withdrawal_gid(row.id)) for teller in tellers),
    ), DEADLINE)

    assert (await Withdrawal.get()).status == "FAILED"
    assert await JournalEntry.filter(cause="WITHDRAWAL_RELEASE").count() == 1
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=10000)}
    await assert_ledger_sound()
