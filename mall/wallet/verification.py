"""Checking the whole ledger: ``mall ledger verify`` and the staff ``ledgerCheck`` (DESIGN §3.5).

Each rule is one SQL statement over every row, so each sees one consistent
snapshot of the ledger while entries keep being posted, and the work stays
in the database however long the ledger grows:

- every entry has at least two postings, summing to zero per unit;
- every account's cached balance, debits and credits equal what its postings add up to;
- every posting's balance-after equals the account's postings up to it (a running sum);
- every posting names its account's customer (the copy a statement reads);
- no customer account is below zero;
- a customer's HELD money, per order and per withdrawal it was held for, is
  never below zero, and is zero once captured, released or paid out (one
  HELD account serves every hold: this is what tells them apart);
- per customer, the points lots' remaining points add up to the POINTS account's balance;
- every lot's remaining points are what it was granted plus its moves (spent, given back, expired).

At most ``MAX_PROBLEMS`` problems are listed per rule, so a badly broken
ledger still gives a bounded answer that says where to look.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tortoise import connections

from mall.wallet.journal import Cause

MAX_PROBLEMS = 100


@dataclass(frozen=True, slots=True)
class LedgerReport:
    """What was checked and what is wrong (nothing, when ``ok``)."""

    entries_checked: int
    accounts_checked: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True, slots=True)
class _Rule:
    sql: str
    describe: Callable[[dict[str, Any]], str]


# Entries on HELD by the object they hold for; the closing ones leave nothing held for it.
_HOLDS_FOR = {Cause.ORDER_HOLD: "order", Cause.ORDER_PAYMENT: "order", Cause.ORDER_RELEASE: "order",
              Cause.WITHDRAWAL_HOLD: "withdrawal", Cause.WITHDRAWAL_PAYOUT: "withdrawal",
              Cause.WITHDRAWAL_RELEASE: "withdrawal"}
_CLOSING = (Cause.ORDER_PAYMENT, Cause.ORDER_RELEASE, Cause.WITHDRAWAL_PAYOUT, Cause.WITHDRAWAL_RELEASE)
_HOLDER = "CASE e.cause " + " ".join(f"WHEN '{cause}' THEN '{holder}'" for cause, holder in _HOLDS_FOR.items()) + " END"
_CLOSING_SQL = ", ".join(f"'{cause}'" for cause in _CLOSING)
_HOLDING_SQL = ", ".join(f"'{cause}'" for cause in _HOLDS_FOR)

_RULES = (
    _Rule(
        "SELECT p.entry_id, a.unit, SUM(p.amount_minor) AS total FROM ledger_postings p "
        "JOIN ledger_accounts a ON a.id = p.account_id GROUP BY p.entry_id, a.unit "
        "HAVING SUM(p.amount_minor) <> 0 ORDER BY p.entry_id, a.unit",
        lambda r: f"entry {r['entry_id']}: its {r['unit']} postings sum to {int(r['total'])}, not 0",
    ),
    _Rule(
        "SELECT e.id, COUNT(p.id) AS postings FROM ledger_entries e LEFT JOIN ledger_postings p ON p.entry_id = e.id "
        "GROUP BY e.id HAVING COUNT(p.id) < 2 ORDER BY e.id",
        lambda r: f"entry {r['id']}: {int(r['postings'])} posting(s), fewer than two",
    ),
    _Rule(
        "SELECT a.account_key, a.balance_minor, a.debit_minor, a.credit_minor, "
        "COALESCE(SUM(p.amount_minor), 0) AS posted, "
        "COALESCE(SUM(CASE WHEN p.amount_minor < 0 THEN -p.amount_minor ELSE 0 END), 0) AS debits, "
        "COALESCE(SUM(CASE WHEN p.amount_minor > 0 THEN p.amount_minor ELSE 0 END), 0) AS credits "
        "FROM ledger_accounts a LEFT JOIN ledger_postings p ON p.account_id = a.id "
        "GROUP BY a.id, a.account_key, a.balance_minor, a.debit_minor, a.credit_minor "
        "HAVING a.balance_minor <> COALESCE(SUM(p.amount_minor), 0) "
        "OR a.debit_minor <> COALESCE(SUM(CASE WHEN p.amount_minor < 0 THEN -p.amount_minor ELSE 0 END), 0) "
        "OR a.credit_minor <> COALESCE(SUM(CASE WHEN p.amount_minor > 0 THEN p.amount_minor ELSE 0 END), 0) "
        "ORDER BY a.id",
        lambda r: (
            f"account {r['account_key']}: cached balance {r['balance_minor']} (debits {r['debit_minor']}, credits "
            f"{r['credit_minor']}), its postings sum to {int(r['posted'])} (debits {int(r['debits'])}, "
            f"credits {int(r['credits'])})"
        ),
    ),
    _Rule(
        "SELECT r.id, a.account_key, r.balance_after_minor, r.running FROM ("
        "SELECT p.id, p.account_id, p.balance_after_minor, SUM(p.amount_minor) OVER "
        "(PARTITION BY p.account_id ORDER BY p.id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running "
        "FROM ledger_postings p) r JOIN ledger_accounts a ON a.id = r.account_id "
        "WHERE r.running <> r.balance_after_minor ORDER BY r.id",
        lambda r: (
            f"posting {r['id']} on {r['account_key']}: balance after it {r['balance_after_minor']}, "
            f"the account's postings up to it sum to {int(r['running'])}"
        ),
    ),
    _Rule(
        "SELECT p.id, a.account_key, p.customer_id FROM ledger_postings p JOIN ledger_accounts a ON a.id = p.account_id "
        "WHERE p.customer_id <> a.customer_id OR (p.customer_id IS NULL) <> (a.customer_id IS NULL) ORDER BY p.id",
        lambda r: f"posting {r['id']} on {r['account_key']} names customer {r['customer_id']}",
    ),
    _Rule(
        "SELECT account_key, balance_minor FROM ledger_accounts "
        "WHERE customer_id IS NOT NULL AND balance_minor < 0 ORDER BY id",
        lambda r: f"account {r['account_key']}: a customer account at {r['balance_minor']}, below zero",
    ),
    _Rule(
        "SELECT a.account_key, h.holder, h.cause_id, h.held, h.closings FROM ("
        f"SELECT p.account_id, {_HOLDER} AS holder, e.cause_id, SUM(p.amount_minor) AS held, "
        f"SUM(CASE WHEN e.cause IN ({_CLOSING_SQL}) THEN 1 ELSE 0 END) AS closings "
        "FROM ledger_postings p JOIN ledger_entries e ON e.id = p.entry_id "
        "JOIN ledger_accounts ha ON ha.id = p.account_id "
        f"WHERE ha.code = 'HELD' AND ha.customer_id IS NOT NULL AND e.cause IN ({_HOLDING_SQL}) "
        f"GROUP BY p.account_id, {_HOLDER}, e.cause_id) h JOIN ledger_accounts a ON a.id = h.account_id "
        "WHERE h.held < 0 OR (h.closings > 0 AND h.held <> 0) ORDER BY a.id, h.holder, h.cause_id",
        lambda r: (
            f"account {r['account_key']}: {int(r['held'])} held for {r['holder']} {r['cause_id']}"
            + (" after it was closed" if int(r["closings"]) and int(r["held"]) > 0 else ", below zero")
        ),
    ),
    _Rule(
        "SELECT a.account_key, a.balance_minor, COALESCE(l.remaining, 0) AS in_lots FROM ledger_accounts a "
        "LEFT JOIN (SELECT customer_id, SUM(remaining) AS remaining FROM points_lots GROUP BY customer_id) l "
        "ON l.customer_id = a.customer_id WHERE a.customer_id IS NOT NULL AND a.code = 'POINTS' "
        "AND a.balance_minor <> COALESCE(l.remaining, 0) ORDER BY a.id",
        lambda r: (f"account {r['account_key']}: holds {r['balance_minor']} points, its lots "
                   f"{int(r['in_lots'])}"),
    ),
    _Rule(
        "SELECT l.customer_id, SUM(l.remaining) AS in_lots FROM points_lots l WHERE NOT EXISTS (SELECT 1 FROM "
        "ledger_accounts a WHERE a.customer_id = l.customer_id AND a.code = 'POINTS') "
        "GROUP BY l.customer_id HAVING SUM(l.remaining) <> 0 ORDER BY l.customer_id",
        lambda r: f"customer {r['customer_id']}: points lots hold {int(r['in_lots'])} points without a POINTS account",
    ),
    _Rule(
        "SELECT l.id, l.granted, l.remaining, COALESCE(SUM(m.points), 0) AS moved FROM points_lots l "
        "LEFT JOIN points_lot_moves m ON m.lot_id = l.id GROUP BY l.id, l.granted, l.remaining "
        "HAVING l.remaining <> l.granted + COALESCE(SUM(m.points), 0) ORDER BY l.id",
        lambda r: (f"points lot {r['id']}: {r['remaining']} remaining, granted {r['granted']} and moved "
                   f"{int(r['moved'])}"),
    ),
)


async def verify() -> LedgerReport:
    """Check every rule over the whole ledger."""
    connection = connections.get("default")
    problems: list[str] = []
    for rule in _RULES:
        rows = await connection.execute_query_dict(f"{rule.sql} LIMIT {MAX_PROBLEMS + 1}")
        problems.extend(rule.describe(row) for row in rows[:MAX_PROBLEMS])
        if len(rows) > MAX_PROBLEMS:
            problems.append(f"… more like the above not listed (at most {MAX_PROBLEMS} per rule)")
    entries = await connection.execute_query_dict("SELECT COUNT(*) AS n FROM ledger_entries")
    accounts = await connection.execute_query_dict("SELECT COUNT(*) AS n FROM ledger_accounts")
    return LedgerReport(
        entries_checked=int(entries[0]["n"]), accounts_checked=int(accounts[0]["n"]), problems=tuple(problems)
    )
