"""Racing top-ups on PostgreSQL: one payment opened however many replays race, one credit however the money is
learned of (callbacks and reconciliation at once), one refund confirmation."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections import Counter

import pytest

from mall.core.clock import clock
from mall.flows.reconciliation import reconcile_pending_payments
from mall.payments.providers.sandbox import SandboxProvider
from mall.wallet.models import JournalEntry, TopUp
from mall.wallet.statements import WalletBalances, balances
from tests import factories
from tests.api.payments.scene import CALLBACK_URL
from tests.api.refunds.test_cancel_with_refund import REFUND_CALLBACK_URL
from tests.api.wallet.scene import assert_ledger_sound
from tests.api.wallet.test_top_ups import WALLET_TOP_UP, signed, top_up, top_up_input
from tests.api.wallet.top_up_scene import paid_at_provider, refund_notice

pytestmark = pytest.mark.postgres_only

DEADLINE = 60
LATER = dt.timedelta(minutes=31)


async def test_ten_parallel_top_ups_with_one_key_open_one_payment_at_the_provider(api, monkeypatch):
    buyer = await factories.customer()
    opened: list[str] = []
    real = SandboxProvider.create_payment

    async def slow(self, request):  # type: ignore[no-untyped-def]
        opened.append(request.trade_no)
        await asyncio.sleep(0.6)  # long enough for the staggered replays to arrive while it is asked
        return await real(self, request)

    monkeypatch.setattr(SandboxProvider, "create_payment", slow)
    variables = top_up_input("25.00", key="same-key")

    async def request(delay: float):  # type: ignore[no-untyped-def]
        await asyncio.sleep(delay)  # some while the key is being claimed, most while the provider is asked
        return await api(WALLET_TOP_UP, variables, token=buyer.access_token)

    answers = await asyncio.wait_for(asyncio.gather(*(request(0.05 * n) for n in range(10))), DEADLINE)

    payloads = [answer.data["walletTopUp"] for answer in answers]
    assert len(opened) == 1
    assert len({p["payment"]["id"] for p in payloads if p["payment"]}) == 1
    assert {e["code"] for p in payloads for e in p["userErrors"]} <= {"IDEMPOTENCY_IN_PROGRESS"}
    assert await TopUp.all().count() == 1
    assert (await top_up(api, buyer, "25.00", key="same-key"))["payment"]["clientParams"]


async def test_callbacks_and_reconciliation_at_once_credit_a_top_up_once(api, monkeypatch):
    buyer = await factories.customer()
    await top_up(api, buyer, "40.00")
    headers, body = await signed(await TopUp.get())
    monkeypatch.setattr(SandboxProvider, "query_payment", paid_at_provider(4000))
    later = clock.now() + LATER

    outcomes = await asyncio.wait_for(asyncio.gather(
        *(api.http.post(CALLBACK_URL, content=body, headers=headers) for _ in range(10)),
        *(reconcile_pending_payments(later) for _ in range(3)),
    ), DEADLINE)

    assert {r.status_code for r in outcomes[:10]} == {204}
    assert (await TopUp.get()).status == "SUCCEEDED"
    assert await JournalEntry.filter(cause="TOP_UP").count() == 1
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=4000)}
    await assert_ledger_sound()


async def test_ten_identical_refund_notices_of_a_top_up_confirm_it_once(api):
    buyer = await factories.customer()
    await top_up(api, buyer, "50.00")
    headers, body = await signed(await TopUp.get(), amount_minor=5002)
    await api.http.post(CALLBACK_URL, content=body, headers=headers)
    notice_headers, notice = await refund_notice(await TopUp.get())

    responses = await asyncio.wait_for(asyncio.gather(*(
        api.http.post(REFUND_CALLBACK_URL, content=notice, headers=notice_headers) for _ in range(10)
    )), DEADLINE)

    assert Counter(r.status_code for r in responses) == Counter({204: 10})
    assert (await TopUp.get()).status == "REFUNDED"
    assert await JournalEntry.filter(cause="TOP_UP").count() == 0
