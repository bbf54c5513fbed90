"""What a customer's wallet holds, and its statement: one line per posting on their accounts.

Reads only; ``ledger`` is the writer. A customer's postings carry
their customer id, so a statement is one index range ``(customer_id, id)``
read newest first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from mall.core.paging import Ordering, PageRequest
from mall.infra.pages import QuerySetSource
from mall.wallet.chart import Asset
from mall.wallet.journal import Cause
from mall.wallet.models import LedgerAccount, Posting

_NEWEST_FIRST = Ordering.of(("-id", int))


@dataclass(frozen=True, slots=True)
class WalletBalances:
    """A customer's balances in the unit of each asset (fen, or points); zero before any posting."""

    balance: int = 0
    held: int = 0
    rebate_credit: int = 0
    points: int = 0


@dataclass(frozen=True, slots=True)
class StatementLine:
    """One posting on a customer's account, with what its entry says."""

    id: int  # the posting's
    customer_id: int
    entry_id: int
    at: dt.datetime
    cause: Cause
    asset: Asset
    amount: int
    balance_after: int
    memo: str


async def balances(customer_ids: Iterable[int]) -> dict[int, WalletBalances]:
    """The balances of each customer, in one query."""
    ids = list(customer_ids)
    found: dict[int, dict[str, int]] = {customer_id: {} for customer_id in ids}
    rows = await LedgerAccount.filter(customer_id__in=ids).values_list("customer_id", "code", "balance_minor")
    for customer_id, code, balance in rows:
        found[customer_id][code] = balance
    return {
        customer_id: WalletBalances(
            balance=codes.get(Asset.BALANCE, 0), held=codes.get(Asset.HELD, 0),
            rebate_credit=codes.get(Asset.REBATE_CREDIT, 0), points=codes.get(Asset.POINTS, 0),
        )
        for customer_id, codes in found.items()
    }


class StatementSource:
    """A customer's statement lines, newest first (a keyset ``PageSource``)."""

    ordering = _NEWEST_FIRST

    def __init__(self, customer_id: int) -> None:
        self._postings = QuerySetSource(
            Posting.filter(customer_id=customer_id).select_related("entry", "account"), _NEWEST_FIRST
        )

    async def fetch(self, request: PageRequest) -> list[StatementLine]:
        return [_line(posting) for posting in await self._postings.fetch(request)]

    async def count(self) -> int:
        return await self._postings.count()


def statement(customer_id: int) -> StatementSource:
    return StatementSource(customer_id)


async def line(posting_id: int, *, customer_id: int | None = None) -> StatementLine | None:
    """One statement line by its posting id; only ``customer_id``'s when given. None for a system posting."""
    query = Posting.filter(id=posting_id, customer_id__not_isnull=True)
    if customer_id is not None:
        query = query.filter(customer_id=customer_id)
    posting = await query.select_related("entry", "account").first()
    return _line(posting) if posting is not None else None


def _line(posting: Posting) -> StatementLine:
    assert posting.customer_id is not None
    return StatementLine(
        id=posting.id, customer_id=posting.customer_id, entry_id=posting.entry_id, at=posting.entry.created_at,
        cause=Cause(posting.entry.cause), asset=Asset(posting.account.code), amount=posting.amount_minor,
        balance_after=posting.balance_after_minor, memo=posting.entry.memo,
    )
