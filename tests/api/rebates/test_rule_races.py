"""Racing rebateRuleUpdate on PostgreSQL: parallel edits of one rule each land (none lost), an ENDED rule
takes no edit after it ended, the version counts exactly the edits made, and a budget edit racing
reservations keeps what they reserved."""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest
from tortoise.expressions import F

from mall.audit.models import AuditRecord
from mall.graphql.relay import decode_id
from mall.rebates.models import RebateRule
from tests.api.rebates.scene import FIXED_RATIO, RULE_UPDATE, created, detail, manager

pytestmark = pytest.mark.postgres_only

DEADLINE = 60
EDITS = {"name": "Summer", "ratio": "0.2", "budget": "800", "priority": 9, "description": "Bigger",
         "stackable": False, "perCustomerCap": "30", "status": "ACTIVE"}


async def test_parallel_edits_of_different_terms_all_land(api):
    # One staff member each: a staff row is locked while its own edit runs, and would queue them.
    editors = [await manager() for _ in EDITS]
    rule_id = await created(api, editors[0])

    answers = await asyncio.wait_for(asyncio.gather(*(
        api(RULE_UPDATE, {"input": {"ruleId": rule_id, key: value}}, token=editor.access_token)
        for editor, (key, value) in zip(editors, EDITS.items(), strict=True)
    )), DEADLINE)
    rule = await detail(api, editors[0], rule_id)

    assert [a.data["rebateRuleUpdate"]["userErrors"] for a in answers] == [[]] * len(EDITS)
    assert {key: rule[key] for key in EDITS} == {
        "name": "Summer", "ratio": "0.2000", "budget": {"amount": "800.00"}, "priority": 9, "description": "Bigger",
        "stackable": False, "perCustomerCap": {"amount": "30.00"}, "status": "ACTIVE"}
    assert (rule["version"], rule["budgetRemaining"]) == (1 + len(EDITS), {"amount": "800.00"})
    pk = decode_id(rule_id, "RebateRule", field="id")
    assert await AuditRecord.filter(target=f"RebateRule:{pk}", action="rebate_rule.update").count() == len(EDITS)


async def test_an_end_racing_edits_leaves_the_rule_ended_with_only_the_edits_before_it(api):
    editors = [await manager() for _ in range(10)]
    rule_id = await created(api, editors[0], **FIXED_RATIO)
    changes = [{"status": "ENDED"}, *({"name": f"Name {n}"} for n in range(9))]

    answers = await asyncio.wait_for(asyncio.gather(*(
        api(RULE_UPDATE, {"input": {"ruleId": rule_id, **change}}, token=editor.access_token)
        for editor, change in zip(editors, changes, strict=True)
    )), DEADLINE)
    rule = await detail(api, editors[0], rule_id)

    payloads = [a.data["rebateRuleUpdate"] for a in answers]
    outcomes = Counter(tuple(e["code"] for e in p["userErrors"]) for p in payloads)
    landed = outcomes[()]
    assert payloads[0]["userErrors"] == []
    assert set(outcomes) <= {(), ("INVALID_STATE",)}
    assert (rule["status"], rule["version"]) == ("ENDED", 1 + landed)
    pk = decode_id(rule_id, "RebateRule", field="id")
    assert await AuditRecord.filter(target=f"RebateRule:{pk}", action="rebate_rule.update").count() == landed


async def reserve(pk: int, minor: int) -> bool:
    """What a payment will do (a later slice): take ``minor`` from what is left, by one conditional UPDATE."""
    return bool(await RebateRule.filter(id=pk, budget_remaining_minor__gte=minor).update(
        budget_remaining_minor=F("budget_remaining_minor") - minor))


async def test_budget_edits_racing_reservations_never_lose_what_was_reserved(api):
    editors = [await manager() for _ in range(5)]
    rule_id = await created(api, editors[0], **FIXED_RATIO, budget="100")
    pk = decode_id(rule_id, "RebateRule", field="id")
    budgets = ["50", "80", "120", "150", "200"]

    results = await asyncio.wait_for(asyncio.gather(
        *(reserve(pk, 1000) for _ in range(20)),
        *(api(RULE_UPDATE, {"input": {"ruleId": rule_id, "budget": budget}}, token=editor.access_token)
          for editor, budget in zip(editors, budgets, strict=True)),
    ), DEADLINE)

    reserved = 1000 * sum(1 for taken in results[:20] if taken)
    payloads = [answer.data["rebateRuleUpdate"] for answer in results[20:]]
    assert {tuple((tuple(e["field"]), e["code"]) for e in p["userErrors"]) for p in payloads} <= {
        (), ((("input", "budget"), "INVALID"),)}
    rule = await RebateRule.get(id=pk)
    assert rule.budget_minor - rule.budget_remaining_minor == reserved
    assert 0 <= rule.budget_remaining_minor <= rule.budget_minor
    landed = sum(1 for p in payloads if not p["userErrors"])
    assert rule.version == 1 + landed
    # The budget never fell below 50.00, so at least five reservations fit; 200.00 is never below what is reserved.
    assert reserved >= 5000 and payloads[-1]["userErrors"] == []
