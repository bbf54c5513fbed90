"""``post`` and ``post_many``: the only writers of ledger rows (DESIGN §3.5).

Every value movement is one entry: an idempotency key, a cause, a memo and
the legs (``journal``). ``post`` writes one; ``post_many`` writes a batch
with a bounded number of statements, under the same invariants (its
docstring says how). Inside the caller's ``transaction()`` (as a savepoint,
so a refusal undoes only this entry) ``post``:

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


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry of a ``post_many`` batch: what ``post`` takes, as a value."""

    key: str
    cause: Cause
    legs: tuple[Leg, ...]
    cause_id: int | None = None
    memo: str = ""


_UNBOUNDED = 2**62  # a system account's cached balance has no bounds of its own


async def post_many(entries: Sequence[Entry], *, actor: Actor) -> list[Posted]:
    """``post`` for a batch, in order, with a bounded number of statements (PostgreSQL; one by one elsewhere).

    Every invariant of ``post`` holds: each entry is checked and balances, its
    key is claimed once (entries found under their keys are answered, a
    differing one is ``EntryMismatch``), accounts are locked customers first
    then system, by id, and each account's cached totals change in ONE
    conditional UPDATE for the whole batch, its postings' ``balance_after``
    a running sum in posting id order, no customer account outside 0 …
    ``MAX_AMOUNT`` after any posting (``InsufficientFunds`` /
    ``BalanceLimitExceeded``, the whole batch undone). Keys are claimed
    first, in key order, so two batches sharing keys never wait on each
    other crosswise. A key another writer commits first fails the batch's
    savepoint (undoing its locks with it); the batch then answers the
    winner's entries and writes the rest as a batch again, so the lock order
    holds across all its entries on every path. The entries' ids ascend by
    key; their postings follow the batch's order.
    Rows go in and out as arrays (``unnest``): one parameter per column
    however large the batch. Lookups by a list of values join ``unnest`` of
    it rather than ``col = ANY(list)``: that one, planned as a scan with the
    list as a filter, costs rows × list entries once the table is large.
    """
    drafts = [journal.check(Draft(key=e.key, cause=e.cause, cause_id=e.cause_id, legs=tuple(e.legs), memo=e.memo))
              for e in entries]
    keys = [draft.key for draft in drafts]
    if len(set(keys)) != len(keys):
        raise InvalidEntry("A batch posts each idempotency key once.")
    if not drafts:
        return []
    connection = connections.get("default")
    if connection.capabilities.dialect != "postgres":
        async with transaction():
            return [await post(key=d.key, cause=d.cause, cause_id=d.cause_id, legs=d.legs, actor=actor, memo=d.memo)
                    for d in drafts]
    fingerprints = {draft.key: journal.fingerprint(draft) for draft in drafts}
    answers = await _answers(connection, keys, fingerprints)
    fresh = [draft for draft in drafts if draft.key not in answers]
    while fresh:
        try:
            async with transaction() as inner:
                written = await _write_many(inner, fresh, fingerprints, actor)
        except IntegrityError:
            # Our savepoint is undone, and with it every lock it took. Either racing writers committed some of
            # our keys (answer theirs and write the rest as a batch again: entries first, then all accounts in
            # lock order; a fallback to ``post`` per entry would lock a customer after a system account), or
            # an account of no customer was refused.
            taken = await _answers(connection, [draft.key for draft in fresh], fingerprints)
            if not taken:
                await _refuse_missing_customer([leg.account for draft in fresh for leg in draft.legs])
                raise
            answers.update(taken)
            fresh = [draft for draft in fresh if draft.key not in answers]
            continue
        answers.update({draft.key: posted for draft, posted in zip(fresh, written, strict=True)})
        break
    return [answers[key] for key in keys]


async def _answers(connection, keys: Sequence[str], fingerprints: dict[str, str]) -> dict[str, Posted]:  # type: ignore[no-untyped-def]
    """The entries already written under ``keys`` (``EntryMismatch`` if one differs), by key."""
    entry_ids: dict[str, int] = {}
    for row in await connection.execute_query_dict(
            "SELECT e.id, e.idempotency_key, e.fingerprint FROM unnest($1::text[]) AS k(key) "
            "JOIN ledger_entries AS e ON e.idempotency_key = k.key", [list(keys)]):
        if row["fingerprint"] != fingerprints[row["idempotency_key"]]:
            raise EntryMismatch("This idempotency key was used for another ledger entry.")
        entry_ids[row["idempotency_key"]] = row["id"]
    if not entry_ids:
        return {}
    # Their postings in one query, however many entries answer (a retried batch answers them all).
    legs: dict[int, list[PostedLeg]] = {}
    for p in await Posting.filter(entry_id__in=list(entry_ids.values())).select_related("account").order_by("id"):
        legs.setdefault(p.entry_id, []).append(
            PostedLeg(p.id, AccountRef(p.account.customer_id, p.account.code), p.amount_minor, p.balance_after_minor))
    return {key: Posted(entry_id=entry_id, created=False, legs=tuple(legs.get(entry_id, ())))
            for key, entry_id in entry_ids.items()}


class _Undo(Exception):
    """Rolls back a savepoint whose writes were only a probe."""


async def _refuse_missing_customer(refs: Sequence[AccountRef]) -> None:
    """``InvalidEntry`` naming the customer who does not exist to hold one of ``refs``, as ``post`` would; the
    accounts this creates on the way are undone (in a savepoint), so a probe leaves no rows behind."""
    try:
        async with transaction():
            await _accounts(sorted(set(refs), key=lambda ref: ref.key))
            raise _Undo
    except _Undo:
        pass


async def _write_many(connection, drafts: Sequence[Draft], fingerprints: dict[str, str],  # type: ignore[no-untyped-def]
                      actor: Actor) -> list[Posted]:
    now = clock.now()
    # Keys first, as ``post`` claims its key before any account, and in key order: two batches sharing keys wait
    # on the unique index in one order, never crosswise. Entry ids so ascend by key; postings keep batch order.
    entry_rows = await _insert(
        connection, "ledger_entries",
        (("idempotency_key", "text"), ("fingerprint", "text"), ("cause", "text"), ("cause_id", "bigint"),
         ("memo", "text"), ("actor_kind", "text"), ("actor_id", "bigint"), ("created_at", "timestamptz")),
        [(d.key, fingerprints[d.key], d.cause.value, d.cause_id, d.memo, actor.kind.value, actor.user_id, now)
         for d in sorted(drafts, key=lambda d: d.key)], returning="id, idempotency_key")
    entry_of = {row["idempotency_key"]: int(row["id"]) for row in entry_rows}
    entry_ids = [entry_of[d.key] for d in drafts]
    ids = await _accounts_many(connection, [leg.account for draft in drafts for leg in draft.legs], now)
    ordered = sorted(ids.items(), key=lambda item: (not item[0].is_customer, item[1]))
    rank = {ref: index for index, (ref, _) in enumerate(ordered)}
    totals: dict[AccountRef, list[int]] = {ref: [0, 0, 0] for ref, _ in ordered}  # change, debits, credits
    for draft in drafts:
        for leg in draft.legs:
            total = totals[leg.account]
            total[0] += leg.amount
            total[1] += max(-leg.amount, 0)
            total[2] += max(leg.amount, 0)
    after = await _apply_many(connection, ordered, totals)
    running = {ref: after[ref] - totals[ref][0] for ref, _ in ordered}
    postings: list[tuple[int, int, int | None, int, int]] = []
    for entry_id, draft in zip(entry_ids, drafts, strict=True):
        for leg in sorted(draft.legs, key=lambda leg: rank[leg.account]):
            running[leg.account] += leg.amount
            balance = running[leg.account]
            if leg.account.is_customer and not 0 <= balance <= MAX_AMOUNT[leg.account.unit]:
                if balance < 0:
                    raise InsufficientFunds(f"The {leg.account.code} account holds less than {-leg.amount}.")
                raise BalanceLimitExceeded(f"The {leg.account.code} account would hold more than "
                                           f"{MAX_AMOUNT[leg.account.unit]}.")
            postings.append((entry_id, ids[leg.account], leg.account.customer_id, leg.amount, balance))
    # Inserted in this order, so posting ids ascend per account as the running balances do.
    posting_rows = await _insert(
        connection, "ledger_postings",
        (("entry_id", "bigint"), ("account_id", "bigint"), ("customer_id", "bigint"), ("amount_minor", "bigint"),
         ("balance_after_minor", "bigint")), postings, returning="id, entry_id, account_id")
    posting_of = {(int(row["entry_id"]), int(row["account_id"])): int(row["id"]) for row in posting_rows}
    by_id = {account_id: ref for ref, account_id in ordered}
    legs_of: dict[int, list[PostedLeg]] = {entry_id: [] for entry_id in entry_ids}
    for entry_id, account_id, _, amount, balance in postings:
        legs_of[entry_id].append(PostedLeg(posting_of[(entry_id, account_id)], by_id[account_id], amount, balance))
    return [Posted(entry_id=entry_id, created=True, legs=tuple(legs_of[entry_id])) for entry_id in entry_ids]


async def _insert(connection, table: str, columns: tuple[tuple[str, str], ...], rows: Sequence[tuple], *,  # type: ignore[no-untyped-def]
                  returning: str | None = None, conflict: str = "") -> list[dict]:
    """``rows`` into ``table`` in one statement (PostgreSQL): each column one typed array, ``unnest`` in order."""
    arrays = [list(column) for column in zip(*rows, strict=True)] if rows else [[] for _ in columns]
    sql = (f"INSERT INTO {table} ({', '.join(name for name, _ in columns)}) SELECT * FROM unnest("
           + ", ".join(f"${n}::{kind}[]" for n, (_, kind) in enumerate(columns, start=1)) + f"){conflict}")
    if returning:
        return await connection.execute_query_dict(f"{sql} RETURNING {returning}", arrays)
    await connection.execute_query(sql, arrays)
    return []


async def _accounts_many(connection, refs: Sequence[AccountRef], now) -> dict[AccountRef, int]:  # type: ignore[no-untyped-def]
    """The account id of each ref; the missing ones created in one statement (a racing creator's row is kept)."""
    unique = list(dict.fromkeys(refs))
    keys = [ref.key for ref in unique]
    select = ("SELECT a.id, a.account_key FROM unnest($1::text[]) AS k(key) "
              "JOIN ledger_accounts AS a ON a.account_key = k.key")
    found = {row["account_key"]: int(row["id"]) for row in await connection.execute_query_dict(select, [keys])}
    # By key, as ``post`` creates them: two creators of the same new accounts wait on each other's keys in one
    # order, never crosswise.
    missing = sorted((ref for ref in unique if ref.key not in found), key=lambda ref: ref.key)
    if missing:
        await _insert(connection, "ledger_accounts",
                      (("account_key", "text"), ("customer_id", "bigint"), ("code", "text"), ("unit", "text"),
                       ("balance_minor", "bigint"), ("debit_minor", "bigint"), ("credit_minor", "bigint"),
                       ("created_at", "timestamptz")),
                      [(ref.key, ref.customer_id, ref.code, ref.unit.value, 0, 0, 0, now) for ref in missing],
                      conflict=" ON CONFLICT (account_key) DO NOTHING")
        found.update({row["account_key"]: int(row["id"]) for row in await connection.execute_query_dict(
            select, [[ref.key for ref in missing]])})
    return {ref: found[ref.key] for ref in unique}


async def _apply_many(connection, ordered: Sequence[tuple[AccountRef, int]],  # type: ignore[no-untyped-def]
                      totals: dict[AccountRef, list[int]]) -> dict[AccountRef, int]:
    """Lock the accounts in order, then add each one's totals in one conditional UPDATE; balances after."""
    ids = [account_id for _, account_id in ordered]
    await connection.execute_query(
        "SELECT id FROM ledger_accounts WHERE id = ANY($1::bigint[]) ORDER BY customer_id IS NULL, id FOR UPDATE", [ids])
    bounds = [(0, MAX_AMOUNT[ref.unit]) if ref.is_customer else (-_UNBOUNDED, _UNBOUNDED) for ref, _ in ordered]
    result = await connection.execute_query_dict(
        "UPDATE ledger_accounts AS a SET balance_minor = a.balance_minor + v.change, "
        "debit_minor = a.debit_minor + v.debits, credit_minor = a.credit_minor + v.credits "
        "FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[]) "
        "AS v(id, change, debits, credits, low, high) "
        "WHERE a.id = v.id AND a.balance_minor + v.change BETWEEN v.low AND v.high RETURNING a.id, a.balance_minor",
        [ids, [totals[ref][0] for ref, _ in ordered], [totals[ref][1] for ref, _ in ordered],
         [totals[ref][2] for ref, _ in ordered], [low for low, _ in bounds], [high for _, high in bounds]])
    balances = {int(row["id"]): int(row["balance_minor"]) for row in result}
    for ref, account_id in ordered:
        if account_id not in balances:
            if totals[ref][0] < 0:
                raise InsufficientFunds(f"The {ref.code} account holds less than {-totals[ref][0]}.")
            raise BalanceLimitExceeded(f"The {ref.code} account would hold more than {MAX_AMOUNT[ref.unit]}.")
    return {ref: balances[account_id] for ref, account_id in ordered}
