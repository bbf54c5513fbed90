"""What the rebate rule tests share: the admin console's operations, a staff member who manages rebates,
and a full read of a rule."""

from __future__ import annotations

from typing import Any

from mall.core.actors import Permission
from tests import factories
from tests.operations import contract

RULE_CREATE = contract("RebateRuleCreate")
RULE_UPDATE = contract("RebateRuleUpdate")
RULES = contract("RebateRules")

# Every term of a rule, as a staff console's edit form would read it.
RULE_DETAIL = """
query RuleDetail($id: ID!) {
  node(id: $id) {
    id
    ... on AdminRebateRule {
      name description kind status ratio tiers { from { amount } rate } tierMode threshold { amount }
      reward { amount } repeat payoutForm voucherValidDays voucherMinSpend { amount } installmentCount period
      scope { kind ids } startsAt endsAt priority stackable perCustomerCap { amount } budget { amount }
      budgetRemaining { amount } marginCapShare version
    }
  }
}
"""

FIXED_RATIO = {"name": "Spring 10%", "kind": "FIXED_RATIO", "ratio": "0.10", "payoutForm": "REBATE_CREDIT"}


async def manager() -> factories.Account:
    return await factories.staff(Permission.MANAGE_REBATES)


async def create(api, staff: factories.Account, **terms: Any) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """rebateRuleCreate by ``staff``: its payload."""
    answer = await api(RULE_CREATE, {"input": terms}, token=staff.access_token)
    return answer.data["rebateRuleCreate"]


async def created(api, staff: factories.Account, **terms: Any) -> str:  # type: ignore[no-untyped-def]
    """The id of a rule created with ``terms`` (FIXED_RATIO 10% when none are given)."""
    payload = await create(api, staff, **(terms or FIXED_RATIO))
    assert payload["userErrors"] == []
    return payload["rule"]["id"]


async def update(api, staff: factories.Account, rule_id: str, **changes: Any) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    answer = await api(RULE_UPDATE, {"input": {"ruleId": rule_id, **changes}}, token=staff.access_token)
    return answer.data["rebateRuleUpdate"]


async def detail(api, staff: factories.Account, rule_id: str) -> dict[str, Any] | None:  # type: ignore[no-untyped-def]
    return (await api(RULE_DETAIL, {"id": rule_id}, token=staff.access_token)).data["node"]
