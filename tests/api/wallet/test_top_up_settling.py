"""Top-ups after walletTopUp: reconciled when their callback never came, closed when unpaid, refunds of another
amount asked again and confirmed, and one payment opened however a replay comes (DESIGN §3.5, §3.7)."""

from __future__ import annotations

import datetime as dt

from mall.core.clock import clock
from mall.flows.reconciliation import Reconciled, reconcile_pending_payments
from mall.payments.errors import ProviderUnavailable
from mall.payments.providers.base import RefundStatus
from mall.payments.providers.sandbox import SandboxProvider
from mall.wallet.models import JournalEntry, TopUp
from mall.wallet.statements import WalletBalances, balances
from tests import factories
from tests.api.payments.scene import CALLBACK_URL
from tests.api.refunds.test_cancel_with_refund import REFUND_CALLBACK_URL
from tests.api.wallet.scene import assert_ledger_sound, ledger_rows
from tests.api.wallet.test_top_ups import signed, top_up
from tests.api.wallet.top_up_scene import paid_at_provider, recording_closes, recording_refunds, refund_notice

LATER = dt.timedelta(minutes=31)  # past MALL_ORDER_PAYMENT_TIMEOUT (30 minutes), the top-up's expiry


async def test_a_top_up_paid_at_the_provider_whose_callback_never_came_is_credited_once(api, monkeypatch):
    buyer = await factories.customer()
    await top_up(api, buyer, "66.00")
    monkeypatch.setattr(SandboxProvider, "query_payment", paid_at_provider(6600))

    early = await reconcile_pending_payments(clock.now())
    first = await reconcile_pending_payments(clock.now() + LATER)
    second = await reconcile_pending_payments(clock.now() + LATER)
    late = await api.http.post(CALLBACK_URL, content=(callback := await signed(await TopUp.get()))[1],
                               headers=callback[0])

    assert (early, first, second) == (Reconciled(), Reconciled(settled=1), Reconciled())
    assert late.status_code == 204  # the callback that finally comes credits nothing more
    assert (await TopUp.get()).status == "SUCCEEDED"
    assert await JournalEntry.filter(cause="TOP_UP").count() == 1
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=6600)}
    await assert_ledger_sound()


async def test_an_unpaid_top_up_is_closed_at_the_provider_first_then_here_once(api, monkeypatch):
    buyer = await factories.customer()
    await top_up(api, buyer, "20.00")
    row = await TopUp.get()
    closed, close = recording_closes()
    monkeypatch.setattr(SandboxProvider, "close_payment", close)

    early = await reconcile_pending_payments(clock.now())
    first = await reconcile_pending_payments(clock.now() + LATER)
    second = await reconcile_pending_payments(clock.now() + LATER)

    assert (early, first, second) == (Reconciled(), Reconciled(closed=1), Reconciled())
    assert closed == [row.trade_number]
    assert (await TopUp.get()).status == "CLOSED"
    assert await ledger_rows() == (0, 0, 0)


async def test_a_top_up_the_provider_cannot_close_stays_pending_for_the_next_run(api, monkeypatch):
    buyer = await factories.customer()
    await top_up(api, buyer, "20.00")

    async def down(self, trade_no):  # type: ignore[no-untyped-def]
        raise ProviderUnavailable("timeout")

    monkeypatch.setattr(SandboxProvider, "close_payment", down)
    result = await reconcile_pending_payments(clock.now() + LATER)

    assert result == Reconciled()
    assert (await TopUp.get()).status == "PENDING"


async def test_money_arriving_for_a_closed_top_up_is_credited_as_orders_credit_a_closed_attempt(api):
    buyer = await factories.customer()
    await top_up(api, buyer, "30.00")
    await reconcile_pending_payments(clock.now() + LATER)
    closed = await TopUp.get()

    headers, body = await signed(closed)
    late = await api.http.post(CALLBACK_URL, content=body, headers=headers)
    again = await api.http.post(CALLBACK_URL, content=body, headers=headers)

    assert closed.status == "CLOSED"
    assert (late.status_code, again.status_code) == (204, 204)
    assert (await TopUp.get()).status == "SUCCEEDED"
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=3000)}
    await assert_ledger_sound()


async def test_the_refund_of_another_amount_is_asked_again_under_one_number_and_its_notice_confirms_it(
        api, monkeypatch):
    buyer = await factories.customer()
    await top_up(api, buyer, "50.00")
    asked, refund = recording_refunds(RefundStatus.PENDING)
    monkeypatch.setattr(SandboxProvider, "refund", refund)
    headers, body = await signed(await TopUp.get(), amount_minor=5001)
    await api.http.post(CALLBACK_URL, content=body, headers=headers)

    retried = await reconcile_pending_payments(clock.now())
    confirmed = await api.http.post(REFUND_CALLBACK_URL, content=(notice := await refund_notice(await TopUp.get()))[1],
                                    headers=notice[0])
    duplicate = await api.http.post(REFUND_CALLBACK_URL, content=notice[1], headers=notice[0])
    after = await reconcile_pending_payments(clock.now())

    row = await TopUp.get()
    assert retried == Reconciled(refunds_asked=1)
    assert asked == [("V" + row.trade_number[1:], 5001)] * 2  # at the callback, then by reconciliation
    assert (confirmed.status_code, duplicate.status_code) == (204, 204)
    assert (row.status, row.amount_minor) == ("REFUNDED", 5001)
    assert after == Reconciled()
    assert await ledger_rows() == (0, 0, 0)
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances()}


async def test_a_refund_the_provider_answers_done_is_refunded_without_a_notice(api, monkeypatch):
    buyer = await factories.customer()
    await top_up(api, buyer, "50.00")
    _, refund = recording_refunds(RefundStatus.SUCCESS)
    monkeypatch.setattr(SandboxProvider, "refund", refund)
    headers, body = await signed(await TopUp.get(), amount_minor=4999)

    await api.http.post(CALLBACK_URL, content=body, headers=headers)

    assert (await TopUp.get()).status == "REFUNDED"


async def test_refund_notices_that_match_no_top_up_refund_are_refused_and_change_nothing(api):
    buyer = await factories.customer()
    await top_up(api, buyer, "50.00")
    headers, body = await signed(await TopUp.get(), amount_minor=5001)
    await api.http.post(CALLBACK_URL, content=body, headers=headers)
    row = await TopUp.get()

    other_amount = await api.http.post(REFUND_CALLBACK_URL, content=(n := await refund_notice(row, amount_minor=5000))[1],
                                       headers=n[0])
    other_number = await api.http.post(REFUND_CALLBACK_URL,
                                       content=(m := await refund_notice(row, refund_no="V" + "9" * 26))[1],
                                       headers=m[0])
    failed = await api.http.post(REFUND_CALLBACK_URL,
                                 content=(f := await refund_notice(row, status=RefundStatus.FAILED))[1], headers=f[0])

    assert (other_amount.status_code, other_number.status_code) == (400, 400)
    assert failed.status_code == 204  # ours, acknowledged: still owed, asked again
    assert (await TopUp.get()).status == "REFUND_PENDING"


async def test_a_replay_after_a_call_ended_without_an_answer_asks_again_for_the_same_trade_number(api, monkeypatch):
    buyer = await factories.customer()
    trade_numbers: list[str] = []
    real = SandboxProvider.create_payment

    async def down(self, request):  # type: ignore[no-untyped-def]
        trade_numbers.append(request.trade_no)
        raise ProviderUnavailable("timeout")

    async def back(self, request):  # type: ignore[no-untyped-def]
        trade_numbers.append(request.trade_no)
        return await real(self, request)

    monkeypatch.setattr(SandboxProvider, "create_payment", down)
    first = await top_up(api, buyer, "10.00", key="t-down")
    monkeypatch.setattr(SandboxProvider, "create_payment", back)
    again = await top_up(api, buyer, "10.00", key="t-down")
    answered = await top_up(api, buyer, "10.00", key="t-down")

    assert [e["code"] for e in first["userErrors"]] == ["PAYMENT_PROVIDER_UNAVAILABLE"]
    assert again["payment"]["clientParams"] and again == answered
    assert len(trade_numbers) == 2 and trade_numbers[0] == trade_numbers[1]
    assert await TopUp.all().count() == 1


async def test_a_replay_while_the_first_call_is_asking_the_provider_answers_the_top_up_as_it_stands(api, monkeypatch):
    buyer = await factories.customer()
    trade_numbers: list[str] = []
    replays: list[dict] = []
    real = SandboxProvider.create_payment

    async def asking(self, request):  # type: ignore[no-untyped-def]
        trade_numbers.append(request.trade_no)
        if len(trade_numbers) == 1:  # the double click, mid-call (once: a replay asking too must not recurse)
            replays.append(await top_up(api, buyer, "10.00", key="t-slow"))
        return await real(self, request)

    monkeypatch.setattr(SandboxProvider, "create_payment", asking)
    first = await top_up(api, buyer, "10.00", key="t-slow")

    assert first["userErrors"] == [] and first["payment"]["clientParams"]
    assert len(trade_numbers) == 1
    assert [(r["payment"]["id"], r["payment"]["status"], r["payment"]["clientParams"]) for r in replays] == [
        (first["payment"]["id"], "PENDING", None)]
