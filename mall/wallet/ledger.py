"""``post``: the one writer of ledger rows (DESIGN §3.5).

Every value movement is one call: an idempotency key, a cause, a memo and
the legs (``journal``). Inside the caller's ``transaction()`` (as a
savepoint, so a refusal undoes only this entry) it:

1. refuses what ``journal.check`` refuses, before touching a row;
2. answers an entry already written under the key: the same one if its
   fingerprint matches (a retry), ``EntryMismatch`` otherwise;
3. writes the entry, claiming its key: of two writers racing with one key,
   the second waits on the unique index until the first commits, then
   fails on it; its savepoint rolls back and it answers the first's entry;
4. finds or creates each account (on first use, a race settled by the
   account's unique key);
5. updates each account's cached totals with ONE conditional UPDATE —
   never read-then-write: a customer account changes only if it stays
   within 0 … ``MAX_AMOUNT`` (``InsufficientFunds`` / ``BalanceLimitExceeded``
   otherwise), and the CHECK constraint of migration 7 stands behind it;
   ``RETURNING`` gives the balance after, stored on the posting;
6. writes the postings.

Accounts are updated in one total order, so two entries never wait on each
other's rows crosswise: customer accounts first, then system accounts, each
by ascending id. System accounts are few and shared by every entry of their
kind; locking them last means an entry waiting for a busy customer account
does not hold up everyone else behind a system account meanwhile.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tortoise import connections
from tortoise.exceptions import IntegrityError

from mall.core.actors import Actor
from mall.core.clock import clock
from mall.infra.transactions import transaction
from mall.wallet import journal
from mall.wallet.chart import MAX_AMOUNT, AccountRef
from mall.wallet.errors import BalanceLimitExceeded, EntryMismatch, InsufficientFunds, InvalidEntry
from mall.wallet.journal import Cause, Draft, Leg
from mall.wallet.models import JournalEntry, LedgerAccount, Posting


@dataclass(frozen=True, slots=True)
class PostedLeg:
    """A posting as written: its id, account, amount and the account's balance just after it."""

    posting_id: int
    account: AccountRef
    amount: int
    balance_after: int


@dataclass(frozen=True, slots=True)
class Posted:
    """An entry as written (``created``) or as found under its key (a retry)."""

    entry_id: int
    created: bool
    legs: tuple[PostedLeg, ...]

    def leg(self, account: AccountRef) -> PostedLeg:
        return next(leg for leg in self.legs if leg.account == account)


async def post(
    *, key: str, cause: Cause, legs: Sequence[Leg], actor: Actor, cause_id: int | None = None, memo: str = ""
) -> Posted:
    """Write one balanced entry, or answer the one already written under ``key``."""
    draft = journal.check(Draft(key=key, cause=cause, cause_id=cause_id, legs=tuple(legs), memo=memo))
    fingerprint = journal.fingerprint(draft)
    existing = await _existing(draft.key, fingerprint)
    if existing is not None:
        return existing
    try:
        async with transaction():
            return await _write(draft, fingerprint, actor)
    except IntegrityError:
        # Another writer committed this key first (our savepoint is undone): answer theirs.
        existing = await _existing(draft.key, fingerprint)
        if existing is None:
            raise
        return existing


async def _write(draft: Draft, fingerprint: str, actor: Actor) -> Posted:
    # The key first: a second writer of it waits here for our commit and then fails on the unique key,
    # rather than queueing for the accounts and being refused for funds our entry already moved.
    entry = await JournalEntry.create(
        idempotency_key=draft.key, fingerprint=fingerprint, cause=draft.cause.value, cause_id=draft.cause_id,
        memo=draft.memo, actor_kind=actor.kind.value, actor_id=actor.user_id, created_at=clock.now(),
    )
    rows = await _accounts([leg.account for leg in draft.legs])
    amounts = {leg.account: leg.amount for leg in draft.legs}
    ordered = sorted(rows.items(), key=lambda item: (not item[0].is_customer, item[1].id))
    balances = {ref: await _apply(row, ref, amounts[ref]) for ref, row in ordered}
    written = []
    for ref, row in ordered:  # posting ids ascend per account in lock order: balance_after reads as a running sum
        posting = await Posting.create(
            entry_id=entry.id, account_id=row.id, customer_id=ref.customer_id, amount_minor=amounts[ref],
            balance_after_minor=balances[ref],
        )
        written.append(PostedLeg(posting.id, ref, amounts[ref], balances[ref]))
    return Posted(entry_id=entry.id, created=True, legs=tuple(written))


async def find(key: str) -> Posted | None:
    """The entry written under ``key``, if any (for callers whose cause is made per attempt)."""
    entry = await JournalEntry.get_or_none(idempotency_key=key)
    return await _posted(entry) if entry is not None else None


async def _existing(key: str, fingerprint: str) -> Posted | None:
    entry = await JournalEntry.get_or_none(idempotency_key=key)
    if entry is None:
        return None
    if entry.fingerprint != fingerprint:
        raise EntryMismatch("This idempotency key was used for another ledger entry.")
    return await _posted(entry)


async def _posted(entry: JournalEntry) -> Posted:
    postings = await Posting.filter(entry_id=entry.id).select_related("account").order_by("id")
    legs = tuple(
        PostedLeg(p.id, AccountRef(p.account.customer_id, p.account.code), p.amount_minor, p.balance_after_minor)
        for p in postings
    )
    return Posted(entry_id=entry.id, created=False, legs=legs)


async def _accounts(refs: Sequence[AccountRef]) -> dict[AccountRef, LedgerAccount]:
    """The account row of each ref, created on first use."""
    found = {row.account_key: row for row in await LedgerAccount.filter(account_key__in=[ref.key for ref in refs])}
    return {ref: found.get(ref.key) or await _create(ref) for ref in refs}


async def _create(ref: AccountRef) -> LedgerAccount:
    try:
        async with transaction():
            return await LedgerAccount.create(
                account_key=ref.key, customer_id=ref.customer_id, code=ref.code, unit=ref.unit.value, created_at=clock.now()
            )
    except IntegrityError:
        row = await LedgerAccount.get_or_none(account_key=ref.key)
        if row is None:  # not a race on the key: the customer does not exist
            raise InvalidEntry(f"There is no customer {ref.customer_id} to hold {ref}.") from None
        return row


_CHANGE = ("UPDATE ledger_accounts SET balance_minor = balance_minor + %s, debit_minor = debit_minor + %s, "
           "credit_minor = credit_minor + %s WHERE id = %s")
_WITHIN_BOUNDS = " AND balance_minor + %s >= 0 AND balance_minor + %s <= %s"


async def _apply(row: LedgerAccount, ref: AccountRef, amount: int) -> int:
    """Add ``amount`` to the account in one conditional UPDATE; the balance after it."""
    values: list[int] = [amount, max(-amount, 0), max(amount, 0), row.id]
    sql = _CHANGE
    if ref.is_customer:
        sql += _WITHIN_BOUNDS
        values += [amount, amount, MAX_AMOUNT[ref.unit]]
    result = await _execute(sql + " RETURNING balance_minor", values)
    if not result:
        if amount < 0:
            raise InsufficientFunds(f"The {ref.code} account holds less than {-amount}.")
        raise BalanceLimitExceeded(f"The {ref.code} account would hold more than {MAX_AMOUNT[ref.unit]}.")
    return int(result[0]["balance_minor"])


async def _execute(sql: str, values: list[int]) -> list[dict[str, int]]:
    connection = connections.get("default")  # the current transaction's, inside transaction()
    if connection.capabilities.dialect == "postgres":
        parts = sql.split("%s")
        sql = "".join(part + (f"${index + 1}" if index < len(parts) - 1 else "") for index, part in enumerate(parts))
    else:
        sql = sql.replace("%s", "?")
    return await connection.execute_query_dict(sql, values)
