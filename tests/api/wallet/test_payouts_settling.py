"""Payouts the provider has not finished, and withdrawals left PAYING by a process that died: the job
``withdrawals.settle-paying`` (``payouts.settle_paying``) settles them by the provider's final answer (DESIGN §3.5)."""

from __future__ import annotations

import datetime as dt

import pytest

from mall.core.clock import clock
from mall.flows import payouts
from mall.payments.errors import ProviderRejected, ProviderUnavailable
from mall.payments.providers.base import PayoutStatus
from mall.payments.providers.sandbox import SandboxProvider
from mall.wallet.models import JournalEntry, Withdrawal
from mall.wallet.statements import WalletBalances, balances
from tests.api.wallet.scene import assert_ledger_sound, finance
from tests.api.wallet.withdrawal_scene import (
    MY_WITHDRAWALS,
    counting_payouts,
    crashed,
    decide,
    in_progress,
    sandbox,
    withdrawal_gid,
)

LATER = dt.timedelta(minutes=2)


async def test_a_payout_in_progress_posts_nothing_and_stays_paying_with_the_amount_held(api):
    buyer, row = await in_progress(api)

    listed = await api(MY_WITHDRAWALS, {"first": 5}, token=buyer.access_token)

    assert row.status == "PAYING" and row.payout_id == "sbxp" + row.payout_no
    assert [e["node"]["status"] for e in listed.data["me"]["withdrawals"]["edges"]] == ["PAYING"]
    assert await JournalEntry.filter(cause="WITHDRAWAL_PAYOUT").count() == 0
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=5000, held=5000)}
    await assert_ledger_sound()


async def test_the_final_success_is_posted_once_by_the_job_and_not_before(api):
    buyer, row = await in_progress(api)

    too_soon = await payouts.settle_paying(clock.now())
    still = await payouts.settle_paying(clock.now() + LATER)
    status_while_in_progress = (await Withdrawal.get()).status
    sandbox().finish_payout(row.payout_no, PayoutStatus.SUCCESS)
    settled = await payouts.settle_paying(clock.now() + LATER)
    again = await payouts.settle_paying(clock.now() + LATER)

    assert (too_soon, still, settled, again) == (0, 0, 1, 0)
    assert status_while_in_progress == "PAYING"
    assert (await Withdrawal.get()).status == "PAID_OUT"
    assert await JournalEntry.filter(cause="WITHDRAWAL_PAYOUT").count() == 2
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=5000)}
    await assert_ledger_sound()


async def test_a_final_failure_releases_the_hold_and_posts_no_payout(api):
    buyer, row = await in_progress(api)
    sandbox().finish_payout(row.payout_no, PayoutStatus.FAILED)

    settled = await payouts.settle_paying(clock.now() + LATER)

    fresh = await Withdrawal.get()
    assert settled == 1
    assert (fresh.status, fresh.failure) == ("FAILED", "The provider reported the payout failed.")
    assert await JournalEntry.filter(cause="WITHDRAWAL_PAYOUT").count() == 0
    assert await JournalEntry.filter(cause="WITHDRAWAL_RELEASE").count() == 1
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=10000)}
    await assert_ledger_sound()


async def test_approving_a_withdrawal_in_progress_again_asks_nothing_and_changes_nothing(api, monkeypatch):
    _, row = await in_progress(api)
    sent = counting_payouts(monkeypatch)
    entries = await JournalEntry.all().count()

    again = await decide(api, await finance(), withdrawal_gid(row.id))

    assert again["withdrawal"]["status"] == "PAYING"
    assert sent == []
    assert await JournalEntry.all().count() == entries


async def test_a_withdrawal_left_paying_by_a_dead_process_is_sent_again_under_its_number_and_paid_once(
        api, monkeypatch):
    buyer, row = await crashed(api)
    sent = counting_payouts(monkeypatch)

    settled = await payouts.settle_paying(clock.now() + LATER)
    again = await payouts.settle_paying(clock.now() + LATER)

    assert (settled, again) == (1, 0)
    assert sent == [row.payout_no]
    assert (await Withdrawal.get()).status == "PAID_OUT"
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=5000)}
    await assert_ledger_sound()


async def test_a_payout_the_provider_did_receive_before_the_crash_is_settled_by_its_answer_not_sent_again(
        api, monkeypatch):
    buyer, row = await crashed(api)
    await payouts.settle_paying(clock.now())  # not a minute yet: the approval may still be asking
    reached = await sandbox().payout(payouts.payout_request(row))  # what the dead process's call did
    sent = counting_payouts(monkeypatch)

    settled = await payouts.settle_paying(clock.now() + LATER)

    assert reached.status is PayoutStatus.SUCCESS
    assert (settled, sent) == (1, [])
    assert (await Withdrawal.get()).status == "PAID_OUT"
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=5000)}
    await assert_ledger_sound()


@pytest.mark.parametrize("where", ["query", "payout"])
async def test_an_unreachable_provider_leaves_it_paying_for_the_next_run(api, monkeypatch, where):
    buyer, row = await crashed(api)

    async def down(self, *args):  # type: ignore[no-untyped-def]
        raise ProviderUnavailable("timeout")

    monkeypatch.setattr(SandboxProvider, "query_payout" if where == "query" else "payout", down)
    settled = await payouts.settle_paying(clock.now() + LATER)

    assert settled == 0
    assert (await Withdrawal.get()).status == "PAYING"
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=5000, held=5000)}
    await assert_ledger_sound()


async def test_a_payout_refused_when_sent_again_fails_the_withdrawal_and_releases_the_hold(api, monkeypatch):
    buyer, _ = await crashed(api)

    async def refusing(self, request):  # type: ignore[no-untyped-def]
        raise ProviderRejected("Payee account frozen")

    monkeypatch.setattr(SandboxProvider, "payout", refusing)
    settled = await payouts.settle_paying(clock.now() + LATER)

    fresh = await Withdrawal.get()
    assert settled == 1
    assert (fresh.status, fresh.failure) == ("FAILED", "Payee account frozen")
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=10000)}
    await assert_ledger_sound()
