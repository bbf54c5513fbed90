"""What rebates add up to (DESIGN §3.6): a customer's summary and the liability per rule, in aggregate SQL.

The words, for a customer's summary and a rule's liability alike:

- **earned**: the current amounts of every rebate not CANCELLED (refunds
  lower a rebate's amount, so earned never counts what was taken back);
- **pending**: the amounts of PENDING rebates (order paid, not yet eligible);
- **outstanding**: what ACTIVE rebates have not released yet (their
  SCHEDULED installments);
- **released**: the value released to the customer so far (after
  unrecovered clawbacks were deducted from releases);
- **clawedBack**: what refunds took back of value already released;
- **unrecovered**: what a clawback could not take and later releases have
  not absorbed yet: owed by the customer, still outstanding.

Each is one statement grouped by status (and rule), plus one over the
SCHEDULED installments of ACTIVE rebates: never a loop over rebates.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tortoise.functions import Sum

from mall.rebates.models import Rebate, RebateInstallment, RebateRule
from mall.rebates.statuses import InstallmentStatus, RebateStatus, RuleStatus


@dataclass(slots=True)
class Totals:
    """The words above, in fen."""

    earned_minor: int = 0
    pending_minor: int = 0
    outstanding_minor: int = 0
    released_minor: int = 0
    clawed_back_minor: int = 0
    unrecovered_minor: int = 0

    def add(self, row: dict[str, Any]) -> None:
        """Add one ``(status)`` group of rebates."""
        status = RebateStatus(row["status"])
        amount = _int(row["amount"])
        if status is not RebateStatus.CANCELLED:
            self.earned_minor += amount
        if status is RebateStatus.PENDING:
            self.pending_minor += amount
        self.released_minor += _int(row["released"])
        self.clawed_back_minor += _int(row["clawed_back"])
        self.unrecovered_minor += _int(row["unrecovered"])


def _int(value: Any) -> int:
    return 0 if value is None else int(value)  # PostgreSQL sums BIGINTs as NUMERIC


_SUMS = {"amount": Sum("amount_minor"), "released": Sum("released_minor"),
         "clawed_back": Sum("clawed_back_minor"), "unrecovered": Sum("unrecovered_minor")}


async def customer_summaries(customer_ids: Iterable[int]) -> dict[int, Totals]:
    """Each customer's rebates added up (every id answered, zeros when none): two statements however many."""
    ids = list(customer_ids)
    found = {customer_id: Totals() for customer_id in ids}
    if not ids:
        return found
    rows = await Rebate.filter(customer_id__in=ids).annotate(**_SUMS).group_by("customer_id", "status").values(
        "customer_id", "status", *_SUMS)
    for row in rows:
        found[row["customer_id"]].add(row)
    outstanding = await RebateInstallment.filter(
        customer_id__in=ids, status=InstallmentStatus.SCHEDULED.value, rebate__status=RebateStatus.ACTIVE.value,
    ).annotate(outstanding=Sum("amount_minor")).group_by("customer_id").values("customer_id", "outstanding")
    for row in outstanding:
        found[row["customer_id"]].outstanding_minor = _int(row["outstanding"])
    return found


async def liability(rule_ids: Iterable[int]) -> dict[int, Totals]:
    """Each rule's rebates added up (every id of ``rule_ids`` answered, zeros when it has none): two statements."""
    ids = list(rule_ids)
    found = {rule_id: Totals() for rule_id in ids}
    if not ids:
        return found
    rows = await Rebate.filter(rule_id__in=ids).annotate(**_SUMS).group_by("rule_id", "status").values(
        "rule_id", "status", *_SUMS)
    for row in rows:
        found[row["rule_id"]].add(row)
    outstanding = await RebateInstallment.filter(
        rebate__rule_id__in=ids, status=InstallmentStatus.SCHEDULED.value, rebate__status=RebateStatus.ACTIVE.value,
    ).annotate(outstanding=Sum("amount_minor")).group_by("rebate__rule_id").values("rebate__rule_id", "outstanding")
    for row in outstanding:
        found[row["rebate__rule_id"]].outstanding_minor = _int(row["outstanding"])
    return found


async def liability_by_rule() -> list[tuple[RebateRule, Totals]]:
    """Every rule that has left DRAFT (only those can have rebates), newest first, with its rebates added up."""
    rules = await RebateRule.exclude(status=RuleStatus.DRAFT.value).order_by("-id")
    found = await liability(rule.id for rule in rules)
    return [(rule, found[rule.id]) for rule in rules]
