"""PostgreSQL: a release batch and a refund's clawbacks take the shared system accounts REBATE_EXPENSE and
POINTS_ISSUED in one order (they once took them in opposite orders, and deadlocked).

``ledger.post_many`` (the release batch) locks every account of the batch in one statement: customers, then
system accounts by id. A refund of an order with a POINTS rebate and a REBATE_CREDIT rebate claws back points
first (customer POINTS -> POINTS_ISSUED), then credit (customer REBATE_CREDIT -> REBATE_EXPENSE): one entry
after the other, so it holds POINTS_ISSUED while it waits for REBATE_EXPENSE. System accounts are created on
first use; where REBATE_EXPENSE came first (the shop's first release was credit), its id is the lower one and the
batch takes REBATE_EXPENSE, then waits for POINTS_ISSUED: crosswise. The customers need not be the same. A refund
that claws back now locks those system accounts together, by id, before it posts anything."""

from __future__ import annotations

import asyncio

import pytest

from mall.core.actors import Actor
from mall.infra.transactions import transaction
from mall.wallet import rebate_clawbacks, rebate_payouts
from mall.wallet.models import LedgerAccount
from mall.wallet.verification import verify
from tests import factories

pytestmark = pytest.mark.postgres_only

Form = rebate_payouts.Form
SYSTEM = Actor.system()


async def _paid(*payouts: rebate_payouts.Payout) -> None:
    async with transaction():
        await rebate_payouts.pay_many(SYSTEM, payouts)


async def test_a_release_batch_and_a_refund_clawing_back_points_then_credit_do_not_deadlock():
    refunded, released = (await factories.customer()).user.id, (await factories.customer()).user.id
    # The shop's first release was credit, then points: REBATE_EXPENSE has the lower id
    await _paid(rebate_payouts.Payout(installment_id=1, customer_id=refunded, form=Form.REBATE_CREDIT, amount_minor=300))
    await _paid(rebate_payouts.Payout(installment_id=2, customer_id=refunded, form=Form.POINTS, amount_minor=300,
                                      points=300))
    expense = await LedgerAccount.get(account_key="system:REBATE_EXPENSE")
    issued = await LedgerAccount.get(account_key="system:POINTS_ISSUED")
    assert expense.id < issued.id
    points_taken = asyncio.Event()

    async def refund_clawbacks() -> None:  # as rebate_refunds.finish: points first, then credit
        async with transaction():
            await rebate_clawbacks.lock_accounts(refunded)
            await rebate_clawbacks.take_back(SYSTEM, form=Form.POINTS, customer_id=refunded, rebate_id=2, owed_minor=100,
                                             minor_per_point=1, installment_ids=(2,), key="review2-claw-points")
            points_taken.set()  # POINTS_ISSUED is held until commit
            await asyncio.sleep(1.0)  # the release batch meanwhile takes REBATE_EXPENSE and waits for POINTS_ISSUED
            await rebate_clawbacks.take_back(SYSTEM, form=Form.REBATE_CREDIT, customer_id=refunded, rebate_id=1,
                                             owed_minor=100, minor_per_point=1, installment_ids=(1,),
                                             key="review2-claw-credit")

    async def release_batch() -> None:  # another customer's credit and points released in one batch
        await points_taken.wait()
        await _paid(
            rebate_payouts.Payout(installment_id=3, customer_id=released, form=Form.REBATE_CREDIT, amount_minor=200),
            rebate_payouts.Payout(installment_id=4, customer_id=released, form=Form.POINTS, amount_minor=200,
                                  points=200),
        )

    # Main: one of the two dies with "deadlock detected"
    await asyncio.wait_for(asyncio.gather(refund_clawbacks(), release_batch()), 30)

    assert (await verify()).problems == ()


async def test_the_post_many_fallback_keeps_the_lock_order_across_its_entries():
    """A batch whose key another writer is taking once fell back to ``post`` per entry in ONE transaction: the first
    entry locks REBATE_EXPENSE, the second then waits for its customer's account while holding it — customers
    after a system account, against the lock order. A clawback of that customer (customer account, then
    REBATE_EXPENSE) at the same moment deadlocked with it. Now the batch is written again without the keys others
    took, every pass locking customers first."""
    from mall.wallet import ledger
    from mall.wallet.chart import AccountRef, Asset, SystemCode
    from mall.wallet.journal import Cause, transfer

    a, b, c = [(await factories.customer()).user.id for _ in range(3)]
    expense = AccountRef.system(SystemCode.REBATE_EXPENSE)

    def credit(customer: int, key: str) -> ledger.Entry:
        return ledger.Entry(key=key, cause=Cause.REBATE_RELEASE,
                            legs=transfer(expense, AccountRef.customer(customer, Asset.REBATE_CREDIT), 10))

    await _paid(rebate_payouts.Payout(installment_id=9, customer_id=b, form=Form.REBATE_CREDIT, amount_minor=50))
    racing_posted, b_locked = asyncio.Event(), asyncio.Event()

    async def racing_writer() -> None:  # takes the batch's key "k-c" first, commits a moment later
        async with transaction():
            await ledger.post(key="k-c", cause=Cause.REBATE_RELEASE, actor=SYSTEM,
                              legs=credit(c, "k-c").legs)
            racing_posted.set()
            await asyncio.sleep(0.5)

    async def clawback_of_b() -> None:  # b's REBATE_CREDIT, then REBATE_EXPENSE, as every single post does
        async with transaction():
            await rebate_clawbacks.lock_accounts(b)
            b_locked.set()
            await asyncio.sleep(1.0)  # the batch's fallback meanwhile holds REBATE_EXPENSE and waits for b
            await rebate_clawbacks.take_back(SYSTEM, form=Form.REBATE_CREDIT, customer_id=b, rebate_id=9, owed_minor=5,
                                             minor_per_point=1, installment_ids=(9,), key="review2-claw-b")

    async def batch() -> None:
        await racing_posted.wait()
        await b_locked.wait()
        async with transaction():
            await ledger.post_many([credit(a, "k-a"), credit(b, "k-b"), credit(c, "k-c")], actor=SYSTEM)

    # Main: "deadlock detected" in one of them
    await asyncio.wait_for(asyncio.gather(racing_writer(), clawback_of_b(), batch()), 30)

    assert (await verify()).problems == ()
