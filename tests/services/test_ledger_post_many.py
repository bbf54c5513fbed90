"""``ledger.post_many`` and ``rebate_payouts.pay_many`` on a real database: a batch keeps every invariant of
``post`` — balances as running sums, idempotent keys, refusals that change nothing, verify clean."""

from __future__ import annotations

import asyncio

import pytest

from mall.core.actors import Actor
from mall.infra.transactions import transaction
from mall.wallet import ledger, rebate_payouts
from mall.wallet.chart import AccountRef, Asset, SystemCode
from mall.wallet.errors import EntryMismatch, InsufficientFunds, InvalidEntry
from mall.wallet.journal import Cause, transfer
from mall.wallet.models import JournalEntry, LedgerAccount, PointsLot, Posting, Voucher
from mall.wallet.verification import verify
from tests import factories
from tests.services.ledger_scene import ADJUSTMENTS, balance, fund, held

EXPENSE = AccountRef.system(SystemCode.REBATE_EXPENSE)


def _credit(customer_id: int, amount: int, key: str) -> ledger.Entry:
    return ledger.Entry(key=key, cause=Cause.REBATE_RELEASE,
                        legs=transfer(EXPENSE, AccountRef.customer(customer_id, Asset.REBATE_CREDIT), amount))


async def _post_many(entries: list[ledger.Entry]) -> list[ledger.Posted]:
    async with transaction():
        return await ledger.post_many(entries, actor=Actor.system())


async def test_a_batch_posts_each_entry_with_running_balances_and_verifies():
    first, second = await factories.customer(), await factories.customer()
    a, b = first.user.id, second.user.id

    posted = await _post_many([_credit(a, 100, "k1"), _credit(b, 250, "k2"), _credit(a, 40, "k3")])

    assert [p.created for p in posted] == [True, True, True]
    credit_a = AccountRef.customer(a, Asset.REBATE_CREDIT)
    assert [(leg.account, leg.amount, leg.balance_after) for leg in posted[2].legs] == [
        (credit_a, 40, 140), (EXPENSE, -40, -390)]
    assert posted[1].leg(EXPENSE).balance_after == -350
    rows = dict(await LedgerAccount.all().values_list("account_key", "balance_minor"))
    assert rows == {f"customer:{a}:REBATE_CREDIT": 140, f"customer:{b}:REBATE_CREDIT": 250,
                    "system:REBATE_EXPENSE": -390}
    assert (await verify()).problems == ()

    # A retry of the batch (or of part of it, with a new entry) writes only what is new
    again = await _post_many([_credit(b, 250, "k2"), _credit(a, 100, "k1"), _credit(b, 5, "k4")])

    assert [(p.entry_id, p.created) for p in again[:2]] == [(posted[1].entry_id, False), (posted[0].entry_id, False)]
    assert again[2].created is True
    assert await JournalEntry.all().count() == 4
    assert (await verify()).problems == ()


async def test_a_key_reused_for_other_postings_refuses_the_batch():
    buyer = await factories.customer()
    await _post_many([_credit(buyer.user.id, 100, "same")])

    with pytest.raises(EntryMismatch):
        await _post_many([_credit(buyer.user.id, 5, "fresh"), _credit(buyer.user.id, 101, "same")])

    assert await JournalEntry.all().count() == 1


async def test_one_entry_short_of_funds_undoes_the_whole_batch():
    buyer = await factories.customer()
    wallet = balance(buyer.user.id)
    await fund(wallet, 100)
    before = (await JournalEntry.all().count(), await Posting.all().count())

    with pytest.raises(InsufficientFunds):
        await _post_many([
            ledger.Entry(key="hold-1", cause=Cause.ORDER_HOLD, legs=transfer(wallet, held(buyer.user.id), 60)),
            ledger.Entry(key="hold-2", cause=Cause.ORDER_HOLD, legs=transfer(wallet, held(buyer.user.id), 60)),
        ])

    assert (await JournalEntry.all().count(), await Posting.all().count()) == before
    assert dict(await LedgerAccount.filter(customer_id=buyer.user.id).values_list("code", "balance_minor")) == {
        "BALANCE": 100}
    assert (await verify()).problems == ()


async def test_a_batch_never_lets_an_account_dip_below_zero_between_its_postings():
    buyer = await factories.customer()
    wallet = balance(buyer.user.id)

    # Out 60, then in 100: the batch nets to +40, but its first posting would leave the account at -60
    with pytest.raises(InsufficientFunds):
        await _post_many([
            ledger.Entry(key="out", cause=Cause.ORDER_HOLD, legs=transfer(wallet, held(buyer.user.id), 60)),
            ledger.Entry(key="in", cause=Cause.ADJUSTMENT, legs=transfer(ADJUSTMENTS, wallet, 100)),
        ])

    assert await JournalEntry.all().count() == 0


async def test_a_key_twice_in_one_batch_is_refused():
    buyer = await factories.customer()

    with pytest.raises(InvalidEntry):
        await _post_many([_credit(buyer.user.id, 1, "twice"), _credit(buyer.user.id, 2, "twice")])


async def test_payouts_pay_each_installment_once_in_its_form():
    buyer = await factories.customer()
    customer = buyer.user.id
    payouts = [
        rebate_payouts.Payout(installment_id=11, customer_id=customer, form=rebate_payouts.Form.REBATE_CREDIT,
                              amount_minor=300),
        rebate_payouts.Payout(installment_id=12, customer_id=customer, form=rebate_payouts.Form.POINTS,
                              amount_minor=200, points=200),
        rebate_payouts.Payout(installment_id=13, customer_id=customer, form=rebate_payouts.Form.VOUCHER,
                              amount_minor=500, voucher_min_spend_minor=2000, voucher_valid_days=15),
    ]

    async with transaction():
        paid = await rebate_payouts.pay_many(Actor.system(), payouts)
    async with transaction():
        again = await rebate_payouts.pay_many(Actor.system(), payouts)

    assert again == paid
    assert paid[11].entry_id and paid[12].entry_id and paid[13].voucher_id and paid[13].entry_id is None
    keys = set(await JournalEntry.all().values_list("idempotency_key", flat=True))
    assert keys == {"rebate-installment:11", "rebate-installment:12"}
    assert dict(await LedgerAccount.filter(customer_id=customer).values_list("code", "balance_minor")) == {
        "REBATE_CREDIT": 300, "POINTS": 200}
    lot = await PointsLot.get(customer_id=customer)
    assert (lot.granted, lot.remaining, lot.cause, lot.cause_id, lot.entry_id) == (
        200, 200, "REBATE_RELEASE", 12, paid[12].entry_id)
    voucher = await Voucher.get(rebate_installment_id=13)
    assert (voucher.value_minor, voucher.min_spend_minor, voucher.scope_kind, voucher.status, voucher.customer_id) == (
        500, 2000, "ALL", "AVAILABLE", customer)
    assert (voucher.valid_until - voucher.valid_from).days == 15
    assert (await verify()).problems == ()


@pytest.mark.postgres_only
async def test_batches_and_single_posts_over_the_same_accounts_at_once_neither_deadlock_nor_lose_a_fen():
    customers = [(await factories.customer()).user.id for _ in range(6)]
    for customer in customers:
        await fund(balance(customer), 1000)

    async def batch(label: str, order: list[int]) -> None:
        await _post_many([_credit(customer, 7, f"{label}-{customer}") for customer in order]
                         + [ledger.Entry(key=f"{label}-hold-{customer}", cause=Cause.ORDER_HOLD,
                                         legs=transfer(balance(customer), held(customer), 3)) for customer in order])

    async def single(customer: int, n: int) -> None:
        await ledger.post(key=f"single-{customer}-{n}", cause=Cause.REBATE_RELEASE, actor=Actor.system(),
                          legs=transfer(EXPENSE, AccountRef.customer(customer, Asset.REBATE_CREDIT), 1))

    await asyncio.wait_for(asyncio.gather(
        batch("a", customers), batch("b", customers[::-1]), batch("c", customers[2:] + customers[:2]),
        *(single(customer, n) for n in range(3) for customer in customers)), 60)

    credit = dict(await LedgerAccount.filter(code="REBATE_CREDIT").values_list("customer_id", "balance_minor"))
    assert credit == {customer: 3 * 7 + 3 for customer in customers}
    on_hold = dict(await LedgerAccount.filter(code="HELD").values_list("customer_id", "balance_minor"))
    assert on_hold == {customer: 9 for customer in customers}
    assert (await verify()).problems == ()


@pytest.mark.postgres_only
async def test_batches_sharing_keys_in_different_orders_claim_them_in_key_order_and_do_not_deadlock():
    """A transaction writing key "a" then "b" and a batch of ["b", "a"]: were the batch to claim "b" first, it
    would wait for "a" while the transaction waits for "b", crosswise. In key order it waits for "a" holding
    nothing, then answers both entries as the transaction wrote them."""
    first, second = await factories.customer(), await factories.customer()
    a, b = first.user.id, second.user.id
    a_written, batch_waiting = asyncio.Event(), asyncio.Event()

    async def writer() -> None:
        async with transaction():
            await ledger.post_many([_credit(a, 10, "order-a")], actor=Actor.system())
            a_written.set()
            await batch_waiting.wait()
            await asyncio.sleep(0.5)  # the batch meanwhile is inside its insert of the keys
            await ledger.post_many([_credit(b, 20, "order-b")], actor=Actor.system())

    async def batch() -> list[ledger.Posted]:
        await a_written.wait()
        batch_waiting.set()
        return await _post_many([_credit(b, 20, "order-b"), _credit(a, 10, "order-a")])

    _, posted = await asyncio.wait_for(asyncio.gather(writer(), batch()), 30)

    assert [p.created for p in posted] == [False, False]
    assert await JournalEntry.all().count() == 2
    assert (await verify()).problems == ()


async def test_a_batch_naming_a_customer_who_does_not_exist_is_refused_and_leaves_no_rows():
    buyer = await factories.customer()
    missing = buyer.user.id + 1000

    with pytest.raises(InvalidEntry):
        await _post_many([_credit(buyer.user.id, 10, "real"), _credit(missing, 10, "ghost")])

    assert await JournalEntry.all().count() == 0
    assert await LedgerAccount.all().count() == 0
    assert (await verify()).problems == ()
