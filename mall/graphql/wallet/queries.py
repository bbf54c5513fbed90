"""Ledger reports for staff (MANAGE_FINANCE), and a customer's wallet and statement lines."""

from __future__ import annotations

import strawberry

from mall.core.actors import Permission
from mall.graphql.context import Info
from mall.graphql.permissions import require_permission
from mall.graphql.wallet.types import LedgerCheck, TrialBalanceLine, WalletEntryType
from mall.wallet import reports, statements, verification


async def visible_wallet_entry(info: Info, pk: int) -> WalletEntryType | None:
    """``node(id:)`` for a statement line: the customer's own, or any for MANAGE_FINANCE."""
    viewer = await info.context.viewer()
    if viewer is None:
        return None
    actor = await info.context.actor()
    owner = None if actor.has(Permission.MANAGE_FINANCE) else viewer.user.id
    line = await statements.line(pk, customer_id=owner)
    return WalletEntryType.from_line(line) if line else None


# Nullable, so a FORBIDDEN here leaves the rest of the response intact.
@strawberry.type
class WalletQueries:
    @strawberry.field(description="Check the whole ledger now: every entry balances per unit, every cached balance "
                      "equals the sum of its postings, no customer account is below zero. MANAGE_FINANCE.")
    async def ledger_check(self, info: Info) -> LedgerCheck | None:
        await require_permission(info, Permission.MANAGE_FINANCE)
        return LedgerCheck.from_report(await verification.verify())

    @strawberry.field(description="Debits, credits and balance per system account and per customer asset (all "
                      "customers together), money first. MANAGE_FINANCE.")
    async def ledger_trial_balance(self, info: Info) -> list[TrialBalanceLine] | None:
        await require_permission(info, Permission.MANAGE_FINANCE)
        return [TrialBalanceLine.from_line(line) for line in await reports.trial_balance()]
