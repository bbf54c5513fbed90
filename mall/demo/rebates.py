"""A demo rebate campaign, so the storefront's previews and hints have something to show."""

from __future__ import annotations

from decimal import Decimal

from mall.core.actors import Actor
from mall.flows import rebate_rules
from mall.rebates import rules
from mall.rebates.drafts import RuleChanges
from mall.rebates.statuses import RuleStatus
from mall.rebates.terms import PayoutForm, Period, RuleKind

NAME = "消费返 10% · 10% back"


async def seed_rebates() -> list[str]:
    if await rules.any_rule():
        return ["Demo rebate rule: exists (or other rules do)"]
    system = Actor.system()
    rule = await rebate_rules.rule_create(system, RuleChanges(
        name=NAME, description="Spend and get 10% back as rebate credit, in 3 monthly parts.",
        kind=RuleKind.FIXED_RATIO, ratio=Decimal("0.10"), payout_form=PayoutForm.REBATE_CREDIT,
        installment_count=3, period=Period.MONTH, per_customer_cap=Decimal("500"), budget=Decimal("100000"),
    ))
    await rebate_rules.rule_update(system, rule.id, RuleChanges(), RuleStatus.ACTIVE)
    return [f"Demo rebate rule (created, ACTIVE): {NAME}"]
