"""What the withdrawal tests share: a customer with money and a payment password, and the contract's operations."""

from __future__ import annotations

import secrets
from typing import Any

from mall.accounts import security
from mall.accounts.sessions import actor_for
from mall.graphql.relay import encode_id
from mall.payments.providers import provider
from mall.payments.providers.base import ProviderKind
from mall.payments.providers.sandbox import IN_PROGRESS_PAYEE, SandboxProvider
from mall.wallet import withdrawals
from mall.wallet.models import Withdrawal
from tests import factories
from tests.api.wallet.scene import adjust, finance
from tests.operations import contract

WITHDRAWAL_CREATE = contract("WithdrawalCreate")
WITHDRAWAL_APPROVE = contract("WithdrawalApprove")
WITHDRAWAL_REJECT = contract("WithdrawalReject")
MY_WITHDRAWALS = contract("MyWithdrawals")
WITHDRAWALS = contract("Withdrawals")
PAY_PASSWORD = "135790"


async def saver(api, balance: str = "100.00", *, asset: str = "BALANCE") -> factories.Account:  # type: ignore[no-untyped-def]
    """A customer holding ``balance`` (put there by an audited adjustment) with a payment password."""
    buyer = await factories.customer()
    await security.payment_password_set(actor_for(buyer.user), password=buyer.password, payment_password=PAY_PASSWORD)
    if balance != "0":
        payload = await adjust(api, await finance(), buyer, balance, asset=asset)
        assert payload["userErrors"] == []
    return buyer


def create_input(amount: str, *, key: str | None = None, password: str = PAY_PASSWORD, provider: str = "SANDBOX",
                 **changes: Any) -> dict[str, Any]:
    return {"input": {"amount": amount, "paymentPassword": password, "provider": provider,
                      "idempotencyKey": key or secrets.token_hex(8), **changes}}


async def withdraw(api, buyer: factories.Account, amount: str, **options: Any) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    result = await api(WITHDRAWAL_CREATE, create_input(amount, **options), token=buyer.access_token)
    return result.data["withdrawalCreate"]


async def decide(api, staff: factories.Account, withdrawal_id: str, *, reject: bool = False,  # type: ignore[no-untyped-def]
                 note: str | None = None) -> dict[str, Any]:
    operation, name = (WITHDRAWAL_REJECT, "withdrawalReject") if reject else (WITHDRAWAL_APPROVE, "withdrawalApprove")
    result = await api(operation, {"input": {"withdrawalId": withdrawal_id, "note": note}}, token=staff.access_token)
    return result.data[name]


def withdrawal_gid(pk: int) -> str:
    return encode_id("Withdrawal", pk)


def sandbox() -> SandboxProvider:
    gateway = provider(ProviderKind.SANDBOX)
    assert isinstance(gateway, SandboxProvider)
    return gateway


async def in_progress(api):  # type: ignore[no-untyped-def]
    """A customer with 100.00 whose approved withdrawal of 50.00 the provider accepted but has not finished."""
    buyer = await saver(api, "100.00")
    created = (await withdraw(api, buyer, "50.00", account=IN_PROGRESS_PAYEE))["withdrawal"]
    approved = await decide(api, await finance(), created["id"])
    assert approved["withdrawal"]["status"] == "PAYING"
    return buyer, await Withdrawal.get()


async def crashed(api):  # type: ignore[no-untyped-def]
    """A customer with 100.00 whose withdrawal of 50.00 was claimed (PAYING) by a process that died before asking."""
    buyer = await saver(api, "100.00")
    await withdraw(api, buyer, "50.00")
    row = await Withdrawal.get()
    staff = actor_for((await finance()).user)
    await withdrawals.approve(staff, withdrawal_id=row.id, note="")
    assert await withdrawals.claim_payout(row.id) is not None
    return buyer, await Withdrawal.get()


def counting_payouts(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    sent: list[str] = []
    real = SandboxProvider.payout

    async def counting(self, request):  # type: ignore[no-untyped-def]
        sent.append(request.payout_no)
        return await real(self, request)

    monkeypatch.setattr(SandboxProvider, "payout", counting)
    return sent
