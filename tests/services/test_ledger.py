"""``ledger.post`` on a real database: balances, idempotency, refusals that change nothing, savepoints."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tortoise import connections
from tortoise.exceptions import IntegrityError

from mall.core.actors import Actor
from mall.core.errors import ErrorCode
from mall.infra.transactions import transaction
from mall.wallet import ledger
from mall.wallet.chart import MAX_AMOUNT, AccountRef, Asset, SystemCode, Unit
from mall.wallet.errors import BalanceLimitExceeded, EntryMismatch, InsufficientFunds, InvalidEntry
from mall.wallet.journal import Cause, Leg, transfer
from mall.wallet.models import JournalEntry, LedgerAccount, Posting
from mall.wallet.statements import WalletBalances, balances
from mall.wallet.verification import verify
from tests import factories
from tests.services.ledger_scene import ADJUSTMENTS, balance, fund, held, points, post

ROOT = Path(__file__).resolve().parents[2]


async def _accounts() -> dict[str, tuple[int, int, int]]:
    rows = await LedgerAccount.all().values_list("account_key", "balance_minor", "debit_minor", "credit_minor")
    return {key: (balance_, debit, credit) for key, balance_, debit, credit in rows}


async def _counts() -> tuple[int, int, int]:
    return await LedgerAccount.all().count(), await JournalEntry.all().count(), await Posting.all().count()


async def test_a_posting_creates_its_accounts_and_moves_their_cached_totals():
    buyer = await factories.customer()

    posted = await fund(balance(buyer.user.id), 1250, key="first")

    assert posted.created is True
    assert [(leg.account, leg.amount, leg.balance_after) for leg in posted.legs] == [
        (balance(buyer.user.id), 1250, 1250), (ADJUSTMENTS, -1250, -1250),
    ]
    assert await _accounts() == {f"customer:{buyer.user.id}:BALANCE": (1250, 0, 1250), "system:ADJUSTMENTS": (-1250, 1250, 0)}
    entry = await JournalEntry.get(id=posted.entry_id)
    assert (entry.idempotency_key, entry.cause, entry.cause_id, entry.actor_kind) == ("first", "ADJUSTMENT", None, "SYSTEM")
    assert (await verify()).ok


async def test_balance_after_is_the_running_balance_of_each_account():
    buyer = await factories.customer()
    wallet, on_hold = balance(buyer.user.id), held(buyer.user.id)

    await fund(wallet, 1000)
    await post(*transfer(wallet, on_hold, 300))
    last = await post(*transfer(wallet, on_hold, 200))

    assert [(leg.account, leg.balance_after) for leg in last.legs] == [(wallet, 500), (on_hold, 500)]
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=500, held=500)}
    report = await verify()
    assert (report.ok, report.entries_checked, report.accounts_checked) == (True, 3, 3)


async def test_the_same_key_and_postings_answer_the_entry_already_written():
    buyer = await factories.customer()
    first = await fund(balance(buyer.user.id), 700, key="once")

    again = await fund(balance(buyer.user.id), 700, key="once")

    assert again.created is False
    assert (again.entry_id, again.legs) == (first.entry_id, first.legs)
    assert await _counts() == (2, 1, 2)


async def test_the_same_key_with_other_postings_or_another_cause_is_refused():
    buyer = await factories.customer()
    await fund(balance(buyer.user.id), 700, key="once")

    with pytest.raises(EntryMismatch) as other_amount:
        await fund(balance(buyer.user.id), 701, key="once")
    with pytest.raises(EntryMismatch):
        await post(*transfer(ADJUSTMENTS, balance(buyer.user.id), 700), key="once", cause=Cause.TOP_UP)

    assert other_amount.value.code is ErrorCode.IDEMPOTENCY_MISMATCH
    assert await _accounts() == {f"customer:{buyer.user.id}:BALANCE": (700, 0, 700), "system:ADJUSTMENTS": (-700, 700, 0)}


async def test_an_overdraft_is_refused_and_undoes_the_legs_already_applied():
    buyer = await factories.customer()
    wallet = balance(buyer.user.id)
    await fund(points(buyer.user.id), 10)  # the points account comes first in lock order (the lower id)
    await fund(wallet, 500)

    with pytest.raises(InsufficientFunds) as refused:
        await post(*transfer(points(buyer.user.id), POINTS_SINK, 10), *transfer(wallet, ADJUSTMENTS, 501))

    assert refused.value.code is ErrorCode.INSUFFICIENT_FUNDS
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=500, points=10)}
    assert await _counts() == (4, 2, 4)  # the points sink's account, created on the way, is gone too
    assert (await verify()).ok


POINTS_SINK = AccountRef.system(SystemCode.POINTS_EXPIRED)


async def test_a_refusal_inside_a_larger_transaction_undoes_only_its_own_entry():
    buyer = await factories.customer()
    wallet = balance(buyer.user.id)

    async with transaction():
        await fund(wallet, 100)
        with pytest.raises(InsufficientFunds):
            await post(*transfer(wallet, ADJUSTMENTS, 101))
        await post(*transfer(wallet, held(buyer.user.id), 40))

    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=60, held=40)}
    assert (await verify()).ok


async def test_an_entry_rolled_back_with_its_transaction_leaves_nothing():
    buyer = await factories.customer()

    with pytest.raises(RuntimeError):
        async with transaction():
            await fund(balance(buyer.user.id), 100, key="lost")
            raise RuntimeError("the caller failed afterwards")

    assert await _counts() == (0, 0, 0)
    assert (await fund(balance(buyer.user.id), 100, key="lost")).created is True


async def test_system_accounts_may_go_negative_customer_accounts_not_even_by_a_fen():
    buyer = await factories.customer()

    with pytest.raises(InsufficientFunds):
        await post(*transfer(balance(buyer.user.id), ADJUSTMENTS, 1))
    await fund(balance(buyer.user.id), 1)

    assert await _accounts() == {f"customer:{buyer.user.id}:BALANCE": (1, 0, 1), "system:ADJUSTMENTS": (-1, 1, 0)}


async def test_a_customer_account_never_holds_more_than_its_unit_allows():
    buyer = await factories.customer()
    await fund(points(buyer.user.id), MAX_AMOUNT[Unit.POINTS])

    with pytest.raises(BalanceLimitExceeded) as refused:
        await fund(points(buyer.user.id), 1)

    assert refused.value.code is ErrorCode.LIMIT_EXCEEDED
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(points=MAX_AMOUNT[Unit.POINTS])}


@pytest.mark.parametrize(("legs", "message"), [
    ((), "at least two postings"),
    ((Leg(ADJUSTMENTS, 5),), "at least two postings"),
    ((Leg(ADJUSTMENTS, 5), Leg(AccountRef.customer(1, Asset.BALANCE), -4)), "sum to zero per unit; MONEY"),
    ((Leg(ADJUSTMENTS, 0), Leg(AccountRef.customer(1, Asset.BALANCE), 0)), "not zero"),
    ((Leg(ADJUSTMENTS, -5), Leg(AccountRef.customer(1, Asset.POINTS), 5)), "MONEY and POINTS do not"),
])
async def test_entries_the_rules_refuse_touch_no_row(legs, message):
    with pytest.raises(InvalidEntry, match=message):
        await post(*legs)

    assert await _counts() == (0, 0, 0)


async def test_an_account_of_a_customer_who_does_not_exist_is_refused():
    with pytest.raises(InvalidEntry, match="no customer 999999"):
        await fund(balance(999_999), 100)

    assert await _counts() == (0, 0, 0)


@pytest.mark.tampers_ledger
async def test_verify_names_what_was_tampered_with():
    buyer = await factories.customer()
    posted = await fund(balance(buyer.user.id), 300)
    await fund(balance(buyer.user.id), 200)
    # What no Mall code does: cached totals edited behind the ledger's back, and a posting rewritten.
    await LedgerAccount.filter(account_key="system:ADJUSTMENTS").update(balance_minor=-400, debit_minor=400)
    await Posting.filter(id=posted.legs[0].posting_id).update(amount_minor=301)

    report = await verify()

    assert report.ok is False
    account = f"customer:{buyer.user.id}:BALANCE"
    assert report.problems == (
        f"entry {posted.entry_id}: its MONEY postings sum to 1, not 0",
        f"account {account}: cached balance 500 (debits 0, credits 500), its postings sum to 501 (debits 0, credits 501)",
        "account system:ADJUSTMENTS: cached balance -400 (debits 400, credits 0), its postings sum to -500 "
        "(debits 500, credits 0)",
        f"posting {posted.legs[0].posting_id} on {account}: balance after it 300, the account's postings up to it sum to 301",
        f"posting {posted.legs[0].posting_id + 2} on {account}: balance after it 500, the account's postings up to it sum "
        "to 501",
    )


@pytest.mark.tampers_ledger
async def test_the_database_refuses_a_customer_balance_below_zero_written_by_raw_sql():
    buyer = await factories.customer()
    await fund(balance(buyer.user.id), 100)
    connection = connections.get("default")
    account = f"customer:{buyer.user.id}:BALANCE"

    # Totals kept consistent, so only the non-negative rule can object.
    with pytest.raises(IntegrityError, match="ledger_accounts_customer_not_negative|CHECK constraint failed"):
        await connection.execute_query(
            "UPDATE ledger_accounts SET balance_minor = -1, debit_minor = 101 "
            f"WHERE account_key = '{account}'"
        )
    await connection.execute_query(  # a system account may go below zero (it already is)
        "UPDATE ledger_accounts SET balance_minor = -101, debit_minor = 101 WHERE account_key = 'system:ADJUSTMENTS'"
    )

    assert await _accounts() == {account: (100, 0, 100), "system:ADJUSTMENTS": (-101, 101, 0)}


def _mall_ledger_verify() -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mall.cli", "ledger", "verify"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env=dict(os.environ))


@pytest.mark.tampers_ledger
async def test_mall_ledger_verify_exits_zero_on_a_sound_ledger_and_one_listing_each_problem():
    buyer = await factories.customer()
    await fund(balance(buyer.user.id), 100)

    sound = await asyncio.to_thread(_mall_ledger_verify)
    await LedgerAccount.filter(account_key="system:ADJUSTMENTS").update(balance_minor=-90, debit_minor=90)
    broken = await asyncio.to_thread(_mall_ledger_verify)

    assert (sound.returncode, sound.stdout) == (0, "Ledger OK: 1 entries, 2 accounts checked.\n")
    assert (broken.returncode, broken.stdout) == (1, (
        "Ledger has 1 problem(s) (1 entries, 2 accounts checked):\n"
        "  account system:ADJUSTMENTS: cached balance -90 (debits 90, credits 0), its postings sum to -100 "
        "(debits 100, credits 0)\n"
    ))


@pytest.mark.tampers_ledger
async def test_verify_tells_one_hold_from_another_on_the_one_held_account():
    # given 100 held for order 1, and a capture of order 2 taking 100 from HELD that was never held for it:
    # what a bug in a flow could post; every entry balances and HELD itself never goes below zero
    buyer = await factories.customer()
    wallet, on_hold = balance(buyer.user.id), held(buyer.user.id)
    orders = AccountRef.system(SystemCode.ORDER_PAYMENTS)
    await fund(wallet, 300)
    await ledger.post(key="hold:1", cause=Cause.ORDER_HOLD, cause_id=1, legs=transfer(wallet, on_hold, 100),
                      actor=Actor.system())
    await ledger.post(key="capture:2", cause=Cause.ORDER_PAYMENT, cause_id=2, legs=transfer(on_hold, orders, 100),
                      actor=Actor.system())
    # and order 3 held 50, captured 50, then held 20 more after its capture
    await ledger.post(key="hold:3", cause=Cause.ORDER_HOLD, cause_id=3, legs=transfer(wallet, on_hold, 50),
                      actor=Actor.system())
    await ledger.post(key="capture:3", cause=Cause.ORDER_PAYMENT, cause_id=3, legs=transfer(on_hold, orders, 50),
                      actor=Actor.system())
    await ledger.post(key="hold:3b", cause=Cause.ORDER_HOLD, cause_id=3, legs=transfer(wallet, on_hold, 20),
                      actor=Actor.system())

    report = await verify()

    account = f"customer:{buyer.user.id}:HELD"
    assert report.problems == (
        f"account {account}: -100 held for order 2, below zero",
        f"account {account}: 20 held for order 3 after it was closed",
    )
