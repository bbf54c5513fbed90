"""Racing ledger entries on PostgreSQL: never an overdraft, one entry per key, no deadlock.

Every call runs as its own task with its own pooled connection, so the
database decides: each account changes by one conditional UPDATE, and the
unique idempotency key settles a race between two writers of one entry.
"""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest

from mall.wallet.journal import transfer
from mall.wallet.models import JournalEntry, Posting
from mall.wallet.statements import WalletBalances, balances
from mall.wallet.verification import verify
from tests import factories
from tests.services.ledger_scene import ADJUSTMENTS, balance, fund, held, post

pytestmark = pytest.mark.postgres_only

# A race that deadlocks (or waits on a lock forever) fails instead of hanging the suite.
DEADLINE = 60


async def race(*calls):
    """Run the calls at once; results and raised exceptions, in call order."""
    return await asyncio.wait_for(asyncio.gather(*calls, return_exceptions=True), DEADLINE)


def kinds(outcomes) -> Counter:
    return Counter(type(outcome).__name__ for outcome in outcomes)


@pytest.mark.parametrize(("available", "amount"), [(10_000, 700), (10_000, 500), (999, 1000)])
async def test_twenty_racing_debits_never_overdraw_and_exactly_as_many_as_fit_succeed(available, amount):
    buyer = await factories.customer()
    wallet = balance(buyer.user.id)
    await fund(wallet, available)

    outcomes = await race(*(post(*transfer(wallet, ADJUSTMENTS, amount)) for _ in range(20)))

    fit = min(available // amount, 20)
    assert kinds(outcomes) == Counter({"Posted": fit, "InsufficientFunds": 20 - fit} if fit < 20 else {"Posted": 20})
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=available - fit * amount)}
    assert sorted(o.leg(wallet).balance_after for o in outcomes if not isinstance(o, Exception)) == [
        available - n * amount for n in range(fit, 0, -1)
    ]
    assert (await verify()).ok


async def test_ten_writers_of_one_key_write_one_entry_and_all_answer_it():
    buyer = await factories.customer()
    wallet = balance(buyer.user.id)
    await fund(wallet, 1000)

    outcomes = await race(*(post(*transfer(wallet, held(buyer.user.id), 600), key="one-hold") for _ in range(10)))

    assert kinds(outcomes) == Counter({"Posted": 10})
    assert len({o.entry_id for o in outcomes}) == 1
    assert sum(o.created for o in outcomes) == 1
    assert await JournalEntry.filter(idempotency_key="one-hold").count() == 1
    assert await Posting.filter(entry__idempotency_key="one-hold").count() == 2
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=400, held=600)}
    assert (await verify()).ok


async def test_transfers_crossing_between_two_customers_neither_deadlock_nor_lose_a_fen():
    first, second = await factories.customer(), await factories.customer()
    a, b = balance(first.user.id), balance(second.user.id)
    await fund(a, 5000)
    await fund(b, 5000)

    outcomes = await race(*(post(*(transfer(a, b, 100) if n % 2 else transfer(b, a, 70))) for n in range(30)))

    assert kinds(outcomes) == Counter({"Posted": 30})
    assert await balances([first.user.id, second.user.id]) == {
        first.user.id: WalletBalances(balance=5000 - 15 * 100 + 15 * 70),
        second.user.id: WalletBalances(balance=5000 + 15 * 100 - 15 * 70),
    }
    assert (await verify()).ok
