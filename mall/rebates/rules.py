"""Rebate rules for staff (DESIGN §3.6, §3.8): create, update, list, get. MANAGE_REBATES, each change audited.

A rule is created DRAFT; ``update`` takes any of its terms and a status
(``statuses.after_edit`` decides the moves). Every edit bumps ``version`` and
never touches rebates already made (they keep a snapshot). The budget left
to reserve follows the budget: what is already reserved stays reserved, so
a budget below it is refused. What a change expires elsewhere (the cached
catalog reads showing rules as hints) is ``flows.rebate_rules``' business.
"""

from __future__ import annotations

from typing import Any

from mall.accounts import acting
from mall.audit import services as audit
from mall.core.actors import Actor, Permission
from mall.core.clock import clock
from mall.core.errors import ErrorCode, InvalidInput, NotFound, Problem
from mall.core.money import minor_to_decimal
from mall.core.paging import Ordering
from mall.infra.pages import QuerySetSource
from mall.infra.transactions import transaction
from mall.rebates import drafts, statuses
from mall.rebates.drafts import RuleChanges
from mall.rebates.errors import RuleStateInvalid
from mall.rebates.models import RebateRule  # re-exported: only the rebates domain imports its models
from mall.rebates.statuses import RuleStatus

_NEWEST_FIRST = Ordering.of(("-id", int))


async def create(actor: Actor, changes: RuleChanges) -> RebateRule:
    """``rebateRuleCreate``: a DRAFT rule with all of its budget left to reserve."""
    actor.require(Permission.MANAGE_REBATES)
    terms = drafts.merged(drafts.NEW_RULE, changes, creating=True)
    async with transaction():
        staff = await acting.require(actor, Permission.MANAGE_REBATES)
        now = clock.now()
        rule = await RebateRule.create(
            **drafts.columns(terms), budget_remaining_minor=terms["budget_minor"], status=RuleStatus.DRAFT.value,
            version=1, created_at=now, updated_at=now,
        )
        await audit.record(staff, action="rebate_rule.create", target=f"RebateRule:{rule.id}",
                           new={**drafts.auditable(terms), "status": RuleStatus.DRAFT.value})
    return rule


async def update(actor: Actor, rule_id: int, changes: RuleChanges, status: RuleStatus | None = None) -> RebateRule:
    """``rebateRuleUpdate``: new terms and/or status for a rule that has not ENDED."""
    actor.require(Permission.MANAGE_REBATES)
    async with transaction():
        staff = await acting.require(actor, Permission.MANAGE_REBATES)
        # Locked: a payment reserving from the budget waits, so "already reserved" cannot move under us.
        rule = await RebateRule.filter(id=rule_id).select_for_update().first()
        if rule is None:
            raise NotFound("No such rebate rule.", field="ruleId")
        current = RuleStatus(rule.status)
        if current is RuleStatus.ENDED:  # before judging the terms: nothing about an ended rule can change
            raise RuleStateInvalid("An ended rule cannot be changed or reopened.", field="ruleId")
        before = drafts.terms_of(rule)
        terms = drafts.merged(before, changes)
        remaining = _remaining_after(rule, terms["budget_minor"])
        new_status = statuses.after_edit(current, status, budget_remaining_minor=remaining)
        old_view = {**drafts.auditable(before), "status": current.value}
        new_view = {**drafts.auditable(terms), "status": new_status.value}
        old, new = audit.changes(old_view, new_view)
        if new:
            await RebateRule.filter(id=rule_id).update(
                **drafts.columns(terms), budget_remaining_minor=remaining, status=new_status.value,
                version=rule.version + 1, updated_at=clock.now(),
            )
        await audit.record(staff, action="rebate_rule.update", target=f"RebateRule:{rule_id}", old=old, new=new)
    return await RebateRule.get(id=rule_id)


def _remaining_after(rule: RebateRule, budget_minor: int | None) -> int | None:
    """What is left to reserve under ``budget_minor``: the new budget less what rebates already reserved."""
    if budget_minor is None:
        return None
    # An unbounded rule reserves nothing, so a first budget is all left to reserve.
    reserved = 0 if rule.budget_minor is None else rule.budget_minor - (rule.budget_remaining_minor or 0)
    if budget_minor < reserved:
        raise InvalidInput([Problem(
            ErrorCode.INVALID, f"Rebates already reserved {minor_to_decimal(reserved)} of this budget; it cannot be "
            "lower.", ("budget",))])
    return budget_minor - reserved


def listed(status: RuleStatus | None = None) -> QuerySetSource[RebateRule]:
    """Every rule (of one status), newest first."""
    query = RebateRule.all() if status is None else RebateRule.filter(status=status.value)
    return QuerySetSource(query, _NEWEST_FIRST)


async def get(rule_id: int) -> RebateRule | None:
    return await RebateRule.get_or_none(id=rule_id)


async def visible(actor: Actor, rule_id: int) -> RebateRule | None:
    """The rule with all its terms, if ``actor`` may see it: staff with MANAGE_REBATES (customers see rules only
    through hints, previews and their rebates' snapshots)."""
    return await get(rule_id) if actor.has(Permission.MANAGE_REBATES) else None


def terms(rule: RebateRule) -> dict[str, Any]:
    """A stored rule's terms (money in fen, rates as Decimal), as the API shows them."""
    return drafts.terms_of(rule)


async def any_rule() -> bool:
    """Whether any rule exists (the demo seeds one only into an empty mall)."""
    return await RebateRule.exists()
