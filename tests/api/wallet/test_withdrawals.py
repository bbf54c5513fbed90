"""Withdrawals through GraphQL: held at withdrawalCreate, paid out or released by staff (DESIGN §3.5, §4)."""

from __future__ import annotations

import pytest

from mall.audit.models import AuditRecord
from mall.core.actors import Permission
from mall.graphql.relay import encode_id
from mall.payments.errors import ProviderRejected, ProviderUnavailable
from mall.payments.providers.base import PayoutResult, PayoutStatus
from mall.payments.providers.sandbox import SandboxProvider
from mall.wallet import reports
from mall.wallet.models import JournalEntry, Withdrawal
from mall.wallet.statements import WalletBalances, balances
from tests import factories
from tests.api.wallet.scene import assert_ledger_sound, finance, ledger_rows
from tests.api.wallet.withdrawal_scene import (
    MY_WITHDRAWALS,
    WITHDRAWALS,
    decide,
    saver,
    withdraw,
    withdrawal_gid,
)


async def _system(code: str) -> int:
    lines = {line.account: line.balance for line in await reports.trial_balance()}
    return lines.get(f"system:{code}", 0)


async def test_a_withdrawal_holds_its_amount_and_states_fee_and_payout(api):
    buyer = await saver(api, "100.00")

    payload = await withdraw(api, buyer, "50.00")

    assert payload["userErrors"] == []
    withdrawal = payload["withdrawal"]
    assert (withdrawal["status"], withdrawal["amount"]["amount"], withdrawal["fee"]["amount"],
            withdrawal["payout"]["amount"]) == ("REQUESTED", "50.00", "1.00", "49.00")
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=5000, held=5000)}
    hold = await JournalEntry.get(cause="WITHDRAWAL_HOLD")
    assert hold.cause_id == (await Withdrawal.get()).id
    await assert_ledger_sound()


async def test_the_fee_is_the_rate_rounded_up_when_above_the_minimum_fee(api):
    buyer = await saver(api, "1000.00")

    payload = await withdraw(api, buyer, "500.01")

    # ceil(50001 × 0.006) = ceil(300.006) = 301 fen.
    assert (payload["withdrawal"]["fee"]["amount"], payload["withdrawal"]["payout"]["amount"]) == ("3.01", "497.00")
    await assert_ledger_sound()


async def test_approval_pays_out_once_and_posts_the_payout_and_the_fee(api, monkeypatch):
    buyer = await saver(api, "100.00")
    staff = await finance()
    asked: list[str] = []
    real_payout = SandboxProvider.payout

    async def counting(self, request):  # type: ignore[no-untyped-def]
        asked.append(request.payout_no)
        assert request.amount_minor == 4900
        return await real_payout(self, request)

    monkeypatch.setattr(SandboxProvider, "payout", counting)
    created = (await withdraw(api, buyer, "50.00"))["withdrawal"]

    first = await decide(api, staff, created["id"], note="Checked")
    entries = await JournalEntry.all().count()
    second = await decide(api, staff, created["id"])

    assert first == {"withdrawal": {"id": created["id"], "status": "PAID_OUT"}, "userErrors": []}
    assert second == first
    assert len(asked) == 1
    assert await JournalEntry.all().count() == entries
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=5000)}
    assert (await _system("WITHDRAWAL_FEES"), await _system("WITHDRAWALS_PAYABLE"),
            await _system("PAYMENT_CLEARING")) == (100, 0, 4900)
    record = await AuditRecord.get(action="withdrawal.approved")
    assert (record.target, record.reason, record.actor_id) == (f"Withdrawal:{(await Withdrawal.get()).id}", "Checked",
                                                               staff.user.id)
    await assert_ledger_sound()


async def test_rejection_releases_the_hold_and_a_rejected_withdrawal_cannot_be_approved(api):
    buyer = await saver(api, "100.00")
    staff = await finance()
    created = (await withdraw(api, buyer, "30.00"))["withdrawal"]

    rejected = await decide(api, staff, created["id"], reject=True, note="Account name mismatch")
    again = await decide(api, staff, created["id"], reject=True)
    approve = await decide(api, staff, created["id"])

    assert rejected["withdrawal"]["status"] == again["withdrawal"]["status"] == "REJECTED"
    assert approve["withdrawal"] is None
    assert [e["code"] for e in approve["userErrors"]] == ["INVALID_STATE"]
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=10000)}
    assert await JournalEntry.filter(cause="WITHDRAWAL_RELEASE").count() == 1
    await assert_ledger_sound()


@pytest.mark.parametrize("answer", ["refused", "failed"])
async def test_a_payout_the_provider_refuses_fails_the_withdrawal_and_releases_the_hold(api, monkeypatch, answer):
    buyer = await saver(api, "100.00")
    staff = await finance()

    async def refusing(self, request):  # type: ignore[no-untyped-def]
        if answer == "refused":
            raise ProviderRejected("Payee account frozen")
        return PayoutResult(payout_no=request.payout_no, payout_id="x1", amount_minor=request.amount_minor,
                            status=PayoutStatus.FAILED)

    monkeypatch.setattr(SandboxProvider, "payout", refusing)
    created = (await withdraw(api, buyer, "40.00"))["withdrawal"]

    payload = await decide(api, staff, created["id"])

    again = await decide(api, staff, created["id"])  # approving a failed one again changes nothing

    assert payload == {"withdrawal": {"id": created["id"], "status": "FAILED"}, "userErrors": []}
    assert again == payload
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=10000)}
    assert await _system("WITHDRAWAL_FEES") == 0
    await assert_ledger_sound()


async def test_an_unreachable_provider_leaves_the_withdrawal_approved_and_approving_again_pays_it(api, monkeypatch):
    buyer = await saver(api, "100.00")
    staff = await finance()
    real_payout = SandboxProvider.payout
    numbers: list[str] = []

    async def down(self, request):  # type: ignore[no-untyped-def]
        numbers.append(request.payout_no)
        raise ProviderUnavailable("timeout")

    monkeypatch.setattr(SandboxProvider, "payout", down)
    created = (await withdraw(api, buyer, "40.00"))["withdrawal"]
    unreachable = await decide(api, staff, created["id"])
    status_between = (await Withdrawal.get()).status

    async def back(self, request):  # type: ignore[no-untyped-def]
        numbers.append(request.payout_no)
        return await real_payout(self, request)

    monkeypatch.setattr(SandboxProvider, "payout", back)
    paid = await decide(api, staff, created["id"])

    assert [e["code"] for e in unreachable["userErrors"]] == ["PAYMENT_PROVIDER_UNAVAILABLE"]
    assert status_between == "APPROVED"
    assert paid["withdrawal"]["status"] == "PAID_OUT"
    assert len(numbers) == 2 and numbers[0] == numbers[1]  # the same payout number: the provider deduplicates
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=6000)}
    await assert_ledger_sound()


async def test_a_provider_this_process_cannot_ask_refuses_the_approval_before_anything_changes(api, configure):
    buyer = await saver(api, "100.00")
    staff = await finance()
    created = (await withdraw(api, buyer, "40.00"))["withdrawal"]
    configure(sandbox=False)

    refused = await decide(api, staff, created["id"])
    status_between = (await Withdrawal.get()).status
    configure(sandbox=True)
    paid = await decide(api, staff, created["id"])

    assert [e["code"] for e in refused["userErrors"]] == ["SANDBOX_DISABLED"]
    assert status_between == "REQUESTED"  # not approved, not claimed: staff may still reject it
    assert paid["withdrawal"]["status"] == "PAID_OUT"
    await assert_ledger_sound()


@pytest.mark.parametrize("amount", ["-10.00", "0", "0.00", "10.001", "9.99", "1.00", "100000000000.01",
                                    "1e30"])
async def test_bad_amounts_are_refused_and_nothing_is_held(api, amount):
    buyer = await saver(api, "100.00")
    before = await ledger_rows()

    payload = await withdraw(api, buyer, amount)

    assert payload["withdrawal"] is None
    assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [(["input", "amount"], "INVALID")]
    assert await ledger_rows() == before
    assert await Withdrawal.all().count() == 0
    await assert_ledger_sound()


async def test_more_than_the_balance_is_refused_and_nothing_is_held(api):
    buyer = await saver(api, "100.00")
    before = await ledger_rows()

    payload = await withdraw(api, buyer, "100.01")

    assert [e["code"] for e in payload["userErrors"]] == ["INSUFFICIENT_FUNDS"]
    assert (await ledger_rows(), await Withdrawal.all().count()) == (before, 0)
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=10000)}


async def test_rebate_credit_is_not_withdrawable_unless_the_shop_allows_it(api, configure):
    buyer = await saver(api, "100.00", asset="REBATE_CREDIT")

    refused = await withdraw(api, buyer, "50.00")
    configure(rebate_credit_withdrawable=True)
    allowed = await withdraw(api, buyer, "50.00")
    rejected = await decide(api, await finance(), allowed["withdrawal"]["id"], reject=True)

    assert [e["code"] for e in refused["userErrors"]] == ["INSUFFICIENT_FUNDS"]
    assert allowed["userErrors"] == [] and rejected["userErrors"] == []
    # Released back to the account it came from: still rebate credit, not stored value.
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(rebate_credit=10000)}
    await assert_ledger_sound()


async def test_withdrawable_rebate_credit_is_taken_after_the_balance(api, configure):
    configure(rebate_credit_withdrawable=True)
    buyer = await saver(api, "30.00")
    await saver_credit(api, buyer, "30.00")

    payload = await withdraw(api, buyer, "50.00")

    assert payload["userErrors"] == []
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(held=5000, rebate_credit=1000)}
    await assert_ledger_sound()


async def saver_credit(api, buyer, amount: str) -> None:  # type: ignore[no-untyped-def]
    from tests.api.wallet.scene import adjust

    assert (await adjust(api, await finance(), buyer, amount, asset="REBATE_CREDIT"))["userErrors"] == []


async def test_a_wrong_payment_password_is_refused_and_nothing_is_held(api):
    buyer = await saver(api, "100.00")

    payload = await withdraw(api, buyer, "50.00", password="000000")

    assert payload == {"withdrawal": None, "userErrors": [
        {"field": ["input", "paymentPassword"], "code": "PAYMENT_PASSWORD_INVALID", "message": "The payment password is wrong."}]}
    assert await Withdrawal.all().count() == 0
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=10000)}


async def test_without_a_payment_password_nothing_can_be_withdrawn(api):
    buyer = await factories.customer()

    payload = await withdraw(api, buyer, "50.00")

    assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [(["input", "paymentPassword"], "PAYMENT_PASSWORD_INVALID")]


async def test_the_same_key_makes_one_withdrawal_and_other_input_under_it_is_refused(api):
    buyer = await saver(api, "100.00")

    first = await withdraw(api, buyer, "20.00", key="w-1")
    again = await withdraw(api, buyer, "20.00", key="w-1")
    other = await withdraw(api, buyer, "30.00", key="w-1")

    assert again == first
    assert [e["code"] for e in other["userErrors"]] == ["IDEMPOTENCY_MISMATCH"]
    assert await Withdrawal.all().count() == 1
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=8000, held=2000)}


async def test_a_retry_after_the_request_key_expired_still_answers_the_same_withdrawal(api):
    from mall.infra.idempotency import IdempotencyKey

    buyer = await saver(api, "100.00")
    first = await withdraw(api, buyer, "20.00", key="w-2")
    await IdempotencyKey.all().delete()  # what purge_expired does after 24 hours

    again = await withdraw(api, buyer, "20.00", key="w-2")
    other = await withdraw(api, buyer, "25.00", key="w-2")

    assert again == first
    assert [e["code"] for e in other["userErrors"]] == ["IDEMPOTENCY_MISMATCH"]
    assert await JournalEntry.filter(cause="WITHDRAWAL_HOLD").count() == 1


async def test_open_withdrawals_per_customer_are_bounded(api, configure):
    configure(withdrawal_open_max=2)
    buyer = await saver(api, "100.00")

    answers = [await withdraw(api, buyer, "10.00") for _ in range(3)]

    assert [[e["code"] for e in a["userErrors"]] for a in answers] == [[], [], ["LIMIT_EXCEEDED"]]
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=8000, held=2000)}


async def test_wechat_pay_needs_a_bound_account_and_alipay_an_account(api):
    buyer = await saver(api, "100.00")

    wechat = await withdraw(api, buyer, "20.00", provider="WECHAT_PAY")
    alipay = await withdraw(api, buyer, "20.00", provider="ALIPAY")

    assert [(e["field"], e["code"]) for e in wechat["userErrors"]] == [(["input", "provider"], "INVALID")]
    assert [(e["field"], e["code"]) for e in alipay["userErrors"]] == [(["input", "account"], "REQUIRED")]
    assert await Withdrawal.all().count() == 0


async def test_customers_see_their_own_withdrawals_and_finance_staff_the_queue_by_status(api):
    buyer = await saver(api, "100.00")
    other = await saver(api, "100.00")
    staff = await finance()
    mine = (await withdraw(api, buyer, "20.00"))["withdrawal"]
    theirs = (await withdraw(api, other, "30.00"))["withdrawal"]
    await decide(api, staff, theirs["id"], reject=True)

    listed = await api(MY_WITHDRAWALS, {"first": 10}, token=buyer.access_token)
    requested = await api(WITHDRAWALS, {"first": 10, "status": "REQUESTED"}, token=staff.access_token)
    everything = await api(WITHDRAWALS, {"first": 10}, token=staff.access_token)
    by_customer = await api(WITHDRAWALS, {"first": 10}, token=buyer.access_token)

    assert [e["node"]["id"] for e in listed.data["me"]["withdrawals"]["edges"]] == [mine["id"]]
    assert listed.data["me"]["withdrawals"]["edges"][0]["node"]["provider"] == "SANDBOX"
    assert [(e["node"]["id"], e["node"]["customer"]["id"]) for e in requested.data["withdrawals"]["edges"]] == [
        (mine["id"], encode_id("User", buyer.user.id))]
    assert [e["node"]["status"] for e in everything.data["withdrawals"]["edges"]] == ["REJECTED", "REQUESTED"]
    assert by_customer.error_codes == ["FORBIDDEN"]


async def test_only_finance_staff_decide(api):
    buyer = await saver(api, "100.00")
    created = (await withdraw(api, buyer, "20.00"))["withdrawal"]
    orders_staff = await factories.staff(Permission.MANAGE_ORDERS)

    by_customer = await decide(api, buyer, created["id"])
    by_other_staff = await decide(api, orders_staff, created["id"], reject=True)

    assert [e["code"] for e in by_customer["userErrors"]] == ["PERMISSION_DENIED"]
    assert [e["code"] for e in by_other_staff["userErrors"]] == ["PERMISSION_DENIED"]
    assert (await Withdrawal.get()).status == "REQUESTED"


async def test_an_unknown_withdrawal_is_not_found(api):
    payload = await decide(api, await finance(), withdrawal_gid(999))

    assert [e["code"] for e in payload["userErrors"]] == ["NOT_FOUND"]
