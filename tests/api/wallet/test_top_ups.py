"""walletTopUp: a provider payment into BALANCE, credited once by its signed callback (DESIGN §3.5, §3.7, §4)."""

from __future__ import annotations

import asyncio
import secrets
from typing import Any

import pytest

from mall.core.clock import clock
from mall.payments.providers import provider
from mall.payments.providers.base import PaymentNotice, PaymentStatus, ProviderKind
from mall.payments.providers.sandbox import SandboxProvider
from mall.wallet.models import JournalEntry, TopUp
from mall.wallet.statements import WalletBalances, balances
from tests import factories
from tests.api.payments.scene import CALLBACK_URL, simulate
from tests.api.wallet.scene import assert_ledger_sound, ledger_rows
from tests.operations import contract

WALLET_TOP_UP = contract("WalletTopUp")


def top_up_input(amount: str, *, key: str | None = None, **changes: Any) -> dict[str, Any]:
    return {"input": {"amount": amount, "provider": "SANDBOX", "channel": "NATIVE",
                      "idempotencyKey": key or secrets.token_hex(8), **changes}}


async def top_up(api, buyer, amount: str, **options: Any) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return (await api(WALLET_TOP_UP, top_up_input(amount, **options), token=buyer.access_token)).data["walletTopUp"]


async def signed(row: TopUp, **changes: Any) -> tuple[dict[str, str], bytes]:
    fields = {"trade_no": row.trade_number, "transaction_id": "4200000001" + row.trade_number[-10:],
              "amount_minor": row.amount_minor, "currency": row.currency, "merchant_id": SandboxProvider.merchant_id,
              "status": PaymentStatus.SUCCESS, "paid_at": clock.now(), **changes}
    return await provider(ProviderKind.SANDBOX).build_callback(PaymentNotice(**fields))


async def test_a_top_up_opens_a_payment_and_its_simulated_payment_credits_the_balance(api):
    buyer = await factories.customer()

    opened = await top_up(api, buyer, "88.80")
    paid = await simulate(api, buyer.access_token, opened["payment"]["id"])

    assert opened["userErrors"] == []
    assert (opened["payment"]["status"], opened["payment"]["amount"]["amount"]) == ("PENDING", "88.80")
    assert opened["payment"]["clientParams"]
    assert paid["userErrors"] == [] and paid["payment"]["status"] == "SUCCEEDED"
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=8880)}
    entry = await JournalEntry.get(cause="TOP_UP")
    assert entry.cause_id == (await TopUp.get()).id
    await assert_ledger_sound()


async def test_twenty_identical_callbacks_credit_once(api):
    buyer = await factories.customer()
    await top_up(api, buyer, "50.00")
    headers, body = await signed(await TopUp.get())

    responses = await asyncio.gather(*(api.http.post(CALLBACK_URL, content=body, headers=headers) for _ in range(20)))

    assert {r.status_code for r in responses} == {204}
    assert await JournalEntry.filter(cause="TOP_UP").count() == 1
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=5000)}
    await assert_ledger_sound()


async def test_money_of_another_amount_is_acknowledged_not_credited_and_sent_back(api, caplog):
    buyer = await factories.customer()
    await top_up(api, buyer, "50.00")
    row = await TopUp.get()

    headers, body = await signed(row, amount_minor=5001)
    response = await api.http.post(CALLBACK_URL, content=body, headers=headers)

    assert response.status_code == 204
    fresh = await TopUp.get()
    assert (fresh.status, fresh.amount_minor) == ("REFUND_PENDING", 5001)
    assert await ledger_rows() == (0, 0, 0)
    assert any(r.levelname == "ERROR" and "refunding it in full" in r.getMessage() for r in caplog.records)


async def test_a_failed_payment_credits_nothing(api):
    buyer = await factories.customer()
    opened = await top_up(api, buyer, "20.00")

    failed = await simulate(api, buyer.access_token, opened["payment"]["id"], outcome="FAILURE")

    assert failed["payment"]["status"] == "FAILED"
    assert await ledger_rows() == (0, 0, 0)


async def test_the_same_key_answers_the_same_payment_and_other_input_is_refused(api):
    buyer = await factories.customer()

    first = await top_up(api, buyer, "20.00", key="t-1")
    again = await top_up(api, buyer, "20.00", key="t-1")
    other = await top_up(api, buyer, "30.00", key="t-1")

    assert again == first
    assert [e["code"] for e in other["userErrors"]] == ["IDEMPOTENCY_MISMATCH"]
    assert await TopUp.all().count() == 1


@pytest.mark.parametrize("amount", ["-1.00", "0", "0.99", "1.001", "50000.01", "1e30"])
async def test_bad_amounts_are_refused_and_nothing_is_opened(api, amount):
    buyer = await factories.customer()

    payload = await top_up(api, buyer, amount)

    assert payload["payment"] is None
    assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [(["input", "amount"], "INVALID")]
    assert await TopUp.all().count() == 0


async def test_unpaid_top_ups_per_customer_are_bounded(api, configure):
    configure(top_up_pending_max=2)
    buyer = await factories.customer()

    answers = [await top_up(api, buyer, "10.00") for _ in range(3)]

    assert [[e["code"] for e in a["userErrors"]] for a in answers] == [[], [], ["LIMIT_EXCEEDED"]]


async def test_someone_elses_top_up_cannot_be_simulated(api):
    buyer = await factories.customer()
    stranger = await factories.customer()
    opened = await top_up(api, buyer, "10.00")

    payload = await simulate(api, stranger.access_token, opened["payment"]["id"])

    assert [e["code"] for e in payload["userErrors"]] == ["NOT_FOUND"]
    assert await ledger_rows() == (0, 0, 0)


async def test_signed_out_callers_cannot_top_up(api):
    result = await api(WALLET_TOP_UP, top_up_input("10.00"))

    assert [e["code"] for e in result.data["walletTopUp"]["userErrors"]] == ["UNAUTHENTICATED"]
