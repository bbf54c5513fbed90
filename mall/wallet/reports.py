"""The trial balance (DESIGN §3.8): debits, credits and balance per account, from the cached totals.

System accounts are listed one by one; customer accounts are added up per
asset (``customers:BALANCE``, …), so the report has a bounded number of rows
however many customers there are. Within each unit the balances sum to zero
when the ledger balances (``verification`` says where it does not).
"""

from __future__ import annotations

from dataclasses import dataclass

from tortoise import connections

from mall.wallet.chart import Unit


@dataclass(frozen=True, slots=True)
class TrialBalanceLine:
    """One account (or all customers' accounts of one asset): totals in the unit's integers."""

    account: str
    unit: Unit
    debit: int
    credit: int
    balance: int


async def trial_balance() -> list[TrialBalanceLine]:
    """Customers' accounts per asset, then system accounts by code; money before points."""
    rows = await connections.get("default").execute_query_dict(
        "SELECT account, unit, SUM(debit_minor) AS debit, SUM(credit_minor) AS credit, SUM(balance_minor) AS balance "
        "FROM (SELECT CASE WHEN customer_id IS NULL THEN 'system:' ELSE 'customers:' END || code AS account, unit, "
        "debit_minor, credit_minor, balance_minor FROM ledger_accounts) accounts GROUP BY account, unit"
    )
    lines = [
        TrialBalanceLine(account=row["account"], unit=Unit(row["unit"]), debit=int(row["debit"]),
                         credit=int(row["credit"]), balance=int(row["balance"]))
        for row in rows
    ]
    return sorted(lines, key=lambda line: (line.unit != Unit.MONEY, line.account.startswith("system:"), line.account))
