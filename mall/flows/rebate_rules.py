"""rebateRuleCreate, rebateRuleUpdate and rebateSwitchesSet: the cached catalog reads expire with them.

Products show the rules that would apply to them (rebateHints) in the
cached anonymous catalog, so a rule change expires those reads once it
commits — never before, never when it is refused. The catalog owns that
cache scope; rebates sit beside the catalog and do not import it, so the
two meet here.
"""

from __future__ import annotations

from mall.catalog.invalidation import catalog_changed
from mall.core.actors import Actor
from mall.infra.transactions import transaction
from mall.rebates import rules, switches
from mall.rebates.drafts import RuleChanges
from mall.rebates.rules import RebateRule
from mall.rebates.statuses import RuleStatus


async def rule_create(actor: Actor, changes: RuleChanges) -> RebateRule:
    async with transaction():
        rule = await rules.create(actor, changes)
        catalog_changed()
    return rule


async def rule_update(actor: Actor, rule_id: int, changes: RuleChanges, status: RuleStatus | None) -> RebateRule:
    async with transaction():
        rule = await rules.update(actor, rule_id, changes, status)
        catalog_changed()
    return rule


async def switches_set(
    actor: Actor, *, pause_new_rebates: bool | None, pause_releases: bool | None, reason: str | None,
) -> switches.Switches:
    """Pausing new rebates hides every hint (and resuming shows them again), so the cache expires too."""
    async with transaction():
        found = await switches.switches_set(actor, pause_new_rebates=pause_new_rebates,
                                            pause_releases=pause_releases, reason=reason)
        catalog_changed()
    return found
