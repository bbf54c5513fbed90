"""What the wallet tests share: walletAdjust as the admin console sends it, and a look at the ledger."""

from __future__ import annotations

import secrets
from typing import Any

from mall.core.actors import Permission
from mall.graphql.relay import encode_id
from mall.wallet.models import JournalEntry, LedgerAccount, Posting
from mall.wallet.verification import verify
from tests import factories
from tests.operations import contract

WALLET_ADJUST = contract("WalletAdjust")
WALLET_VIEW = contract("WalletView")


def adjust_input(customer: factories.Account, amount: str, *, asset: str = "BALANCE", reason: str = "Goodwill",
                 key: str | None = None, **changes: Any) -> dict[str, Any]:
    return {"input": {"customerId": encode_id("User", customer.user.id), "asset": asset, "amount": amount,
                      "reason": reason, "idempotencyKey": key or secrets.token_hex(8), **changes}}


async def adjust(api, staff: factories.Account, customer: factories.Account, amount: str, **options: Any) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """walletAdjust by ``staff``: its payload."""
    result = await api(WALLET_ADJUST, adjust_input(customer, amount, **options), token=staff.access_token)
    return result.data["walletAdjust"]


async def finance() -> factories.Account:
    return await factories.staff(Permission.MANAGE_FINANCE)


async def ledger_rows() -> tuple[int, int, int]:
    """How many accounts, entries and postings the ledger holds."""
    return await LedgerAccount.all().count(), await JournalEntry.all().count(), await Posting.all().count()


async def assert_ledger_sound() -> None:
    report = await verify()
    assert report.problems == ()
