"""Racing walletAdjust on PostgreSQL: debits never overdraw, one idempotency key posts once."""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest

from mall.wallet.models import JournalEntry
from mall.wallet.statements import WalletBalances, balances
from tests import factories
from tests.api.wallet.scene import WALLET_ADJUST, adjust, adjust_input, assert_ledger_sound, finance, ledger_rows

pytestmark = pytest.mark.postgres_only

DEADLINE = 60


async def test_twenty_parallel_debits_succeed_exactly_as_often_as_the_balance_allows(api):
    buyer = await factories.customer()
    # One staff member each: a staff row is locked while its own adjustment runs, and would queue them.
    tellers = [await finance() for _ in range(20)]
    await adjust(api, tellers[0], buyer, "100.00")

    answers = await asyncio.wait_for(asyncio.gather(*(
        api(WALLET_ADJUST, adjust_input(buyer, "-7.00", reason="race"), token=teller.access_token) for teller in tellers
    )), DEADLINE)

    payloads = [answer.data["walletAdjust"] for answer in answers]
    assert Counter(tuple(e["code"] for e in p["userErrors"]) for p in payloads) == Counter(
        {(): 14, ("INSUFFICIENT_FUNDS",): 6})
    assert sorted(p["entry"]["balanceAfter"] for p in payloads if p["entry"]) == sorted(
        f"{100 - 7 * n:.2f}" for n in range(1, 15))
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=200)}
    await assert_ledger_sound()


async def test_ten_parallel_adjustments_with_one_key_post_once(api):
    buyer = await factories.customer()
    staff = await finance()
    variables = adjust_input(buyer, "25.00", key="same-key")

    answers = await asyncio.wait_for(asyncio.gather(*(
        api(WALLET_ADJUST, variables, token=staff.access_token) for _ in range(10)
    )), DEADLINE)

    payloads = [answer.data["walletAdjust"] for answer in answers]
    entries = {p["entry"]["id"] for p in payloads if p["entry"]}
    refused = [e["code"] for p in payloads for e in p["userErrors"]]
    assert len(entries) == 1
    assert set(refused) <= {"IDEMPOTENCY_IN_PROGRESS"}
    assert len(refused) + sum(1 for p in payloads if p["entry"]) == 10
    assert await JournalEntry.all().count() == 1
    assert await ledger_rows() == (2, 1, 2)
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=2500)}
    await assert_ledger_sound()
