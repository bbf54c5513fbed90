"""Rebate rules through the API (DESIGN §3.6, §3.8): rebateRuleCreate, rebateRuleUpdate, rebateRules, node.

Every kind created and read back; every nonsense refused with userErrors and
nothing stored; MANAGE_REBATES required; the status moves staff may make
(ENDED is final, EXHAUSTED is the system's, a raised budget reopens an
EXHAUSTED rule); each change audited and the cached anonymous catalog expired.
"""

from __future__ import annotations

from typing import Any

import pytest

from mall.audit.models import AuditRecord
from mall.core.actors import Permission
from mall.graphql.relay import decode_id, encode_id
from mall.rebates.models import RebateRule
from tests import factories
from tests.api.catalog.test_response_cache import CATEGORIES, cached_read, fresh_read
from tests.api.rebates.scene import FIXED_RATIO, RULE_CREATE, RULES, create, created, detail, manager, update

KINDS: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "fixed ratio": (
        {**FIXED_RATIO, "budget": "5000", "perCustomerCap": "200.50", "priority": 5, "stackable": False},
        {"kind": "FIXED_RATIO", "ratio": "0.1000", "budget": {"amount": "5000.00"},
         "budgetRemaining": {"amount": "5000.00"}, "perCustomerCap": {"amount": "200.50"}, "priority": 5,
         "stackable": False, "tiers": [], "threshold": None, "installmentCount": 1},
    ),
    "tiered whole": (
        {"name": "Tiers", "kind": "TIERED", "tierMode": "WHOLE", "payoutForm": "POINTS",
         "tiers": [{"from": "0", "rate": "0.02"}, {"from": "100", "rate": "0.05"}, {"from": "500.50", "rate": "0.08"}]},
        {"kind": "TIERED", "tierMode": "WHOLE", "ratio": None, "payoutForm": "POINTS",
         "tiers": [{"from": {"amount": "0.00"}, "rate": "0.0200"}, {"from": {"amount": "100.00"}, "rate": "0.0500"},
                   {"from": {"amount": "500.50"}, "rate": "0.0800"}]},
    ),
    "tiered progressive": (
        {"name": "Slices", "kind": "TIERED", "tierMode": "PROGRESSIVE", "payoutForm": "REBATE_CREDIT",
         "tiers": [{"from": "0", "rate": "0.01"}, {"from": "300", "rate": "0.1"}]},
        {"kind": "TIERED", "tierMode": "PROGRESSIVE",
         "tiers": [{"from": {"amount": "0.00"}, "rate": "0.0100"}, {"from": {"amount": "300.00"}, "rate": "0.1000"}]},
    ),
    "threshold repeating": (
        {"name": "每满300返50", "kind": "THRESHOLD", "threshold": "300", "reward": "50", "repeat": True,
         "payoutForm": "VOUCHER", "voucherValidDays": 30, "voucherMinSpend": "100"},
        {"kind": "THRESHOLD", "threshold": {"amount": "300.00"}, "reward": {"amount": "50.00"}, "repeat": True,
         "payoutForm": "VOUCHER", "voucherValidDays": 30, "voucherMinSpend": {"amount": "100.00"}},
    ),
    "full return in installments": (
        {"name": "全返", "kind": "FULL_RETURN", "ratio": "1.00", "payoutForm": "REBATE_CREDIT", "installmentCount": 12,
         "period": "MONTH", "scope": {"kind": "CATEGORIES", "ids": [encode_id("Category", 7)]},
         "startsAt": "2026-12-01T00:00:00+08:00", "endsAt": "2027-01-01T00:00:00+08:00", "marginCapShare": "0.5"},
        {"kind": "FULL_RETURN", "ratio": "1.0000", "installmentCount": 12, "period": "MONTH",
         "scope": {"kind": "CATEGORIES", "ids": [encode_id("Category", 7)]}, "startsAt": "2026-12-01T00:00:00+08:00",
         "endsAt": "2027-01-01T00:00:00+08:00", "marginCapShare": "0.5000"},
    ),
}


@pytest.mark.parametrize("kind", KINDS)
async def test_each_kind_is_created_draft_and_read_back_with_its_terms(api, kind):
    staff = await manager()
    terms, expected = KINDS[kind]

    payload = await create(api, staff, **terms)
    rule = await detail(api, staff, payload["rule"]["id"])

    assert payload["userErrors"] == []
    assert payload["rule"] == {"id": rule["id"], "name": terms["name"], "kind": terms["kind"], "status": "DRAFT"}
    assert {key: rule[key] for key in expected} == expected
    assert (rule["version"], rule["name"]) == (1, terms["name"])


async def test_terms_a_kind_does_not_use_are_not_kept(api):
    staff = await manager()

    rule_id = await created(api, staff, **FIXED_RATIO, threshold="300", tiers=[{"from": "0", "rate": "0.5"}],
                            voucherValidDays=3)
    rule = await detail(api, staff, rule_id)

    assert (rule["threshold"], rule["tiers"], rule["voucherValidDays"], rule["ratio"]) == (None, [], None, "0.1000")


BAD_INPUT: dict[str, tuple[dict[str, Any], list[tuple[list[str], str]]]] = {
    "ratio below 0.01": ({**FIXED_RATIO, "ratio": "0.009"}, [(["input", "ratio"], "INVALID")]),
    "ratio above 1.00": ({**FIXED_RATIO, "ratio": "1.01"}, [(["input", "ratio"], "INVALID")]),
    "no ratio": ({**FIXED_RATIO, "ratio": None}, [(["input", "ratio"], "REQUIRED")]),
    "tiers not increasing": (
        {"name": "T", "kind": "TIERED", "tierMode": "WHOLE", "payoutForm": "POINTS",
         "tiers": [{"from": "100", "rate": "0.05"}, {"from": "100", "rate": "0.08"}]},
        [(["input", "tiers", "1", "from"], "INVALID")]),
    "a tier paying over 100%": (
        {"name": "T", "kind": "TIERED", "tierMode": "PROGRESSIVE", "payoutForm": "POINTS",
         "tiers": [{"from": "0", "rate": "1.5"}]},
        [(["input", "tiers", "0", "rate"], "INVALID")]),
    "threshold of 0": (
        {"name": "T", "kind": "THRESHOLD", "threshold": "0", "reward": "10", "payoutForm": "POINTS"},
        [(["input", "threshold"], "INVALID")]),
    "reward over the threshold (more than 100%)": (
        {"name": "T", "kind": "THRESHOLD", "threshold": "100", "reward": "100.01", "payoutForm": "POINTS"},
        [(["input", "reward"], "INVALID")]),
    "no installment": ({**FIXED_RATIO, "installmentCount": 0}, [(["input", "installmentCount"], "INVALID")]),
    "installments without a period": ({**FIXED_RATIO, "installmentCount": 3}, [(["input", "period"], "REQUIRED")]),
    "end before start": (
        {**FIXED_RATIO, "startsAt": "2026-12-02T00:00:00+08:00", "endsAt": "2026-12-01T00:00:00+08:00"},
        [(["input", "endsAt"], "INVALID")]),
    "negative budget": ({**FIXED_RATIO, "budget": "-1"}, [(["input", "budget"], "INVALID")]),
    "negative cap": ({**FIXED_RATIO, "perCustomerCap": "-0.01"}, [(["input", "perCustomerCap"], "INVALID")]),
    "fractions of a fen": ({**FIXED_RATIO, "budget": "10.001"}, [(["input", "budget"], "INVALID")]),
    "voucher without validity": ({**FIXED_RATIO, "payoutForm": "VOUCHER"},
                                 [(["input", "voucherValidDays"], "REQUIRED")]),
    "voucher valid for over ten years": ({**FIXED_RATIO, "payoutForm": "VOUCHER", "voucherValidDays": 3651},
                                         [(["input", "voucherValidDays"], "LIMIT_EXCEEDED")]),
    "priority out of range": ({**FIXED_RATIO, "priority": 1_000_001}, [(["input", "priority"], "INVALID")]),
    "too many installments": ({**FIXED_RATIO, "installmentCount": 367, "period": "DAY"},
                              [(["input", "installmentCount"], "LIMIT_EXCEEDED")]),
    "scope without ids": ({**FIXED_RATIO, "scope": {"kind": "PRODUCTS", "ids": []}},
                          [(["input", "scope", "ids"], "REQUIRED")]),
    "scope with another type's id": ({**FIXED_RATIO, "scope": {"kind": "PRODUCTS", "ids": [encode_id("User", 1)]}},
                                     [(["input", "scope"], "INVALID")]),
    "margin share above 1": ({**FIXED_RATIO, "marginCapShare": "1.5"}, [(["input", "marginCapShare"], "INVALID")]),
    "blank name": ({**FIXED_RATIO, "name": "  "}, [(["input", "name"], "REQUIRED")]),
    "several at once": (
        {**FIXED_RATIO, "ratio": "2", "budget": "-5", "installmentCount": 0},
        [(["input", "ratio"], "INVALID"), (["input", "installmentCount"], "INVALID"), (["input", "budget"], "INVALID")]),
}


@pytest.mark.parametrize("case", BAD_INPUT)
async def test_nonsense_is_refused_with_user_errors_and_nothing_stored(api, case):
    staff = await manager()
    terms, expected = BAD_INPUT[case]

    payload = await create(api, staff, **terms)

    assert payload["rule"] is None
    assert [(e["field"], e["code"]) for e in payload["userErrors"]] == expected
    assert await RebateRule.all().count() == 0
    assert not await AuditRecord.filter(action__startswith="rebate_rule").exists()


async def test_an_update_is_judged_as_the_whole_rule_and_refused_whole(api):
    staff = await manager()
    rule_id = await created(api, staff)

    switched = await update(api, staff, rule_id, kind="THRESHOLD", name="Renamed")
    inverted = await update(api, staff, rule_id, startsAt="2027-01-02T00:00:00Z", endsAt="2027-01-01T00:00:00Z")
    cleared = await update(api, staff, rule_id, kind=None)
    rule = await detail(api, staff, rule_id)

    assert [(e["field"], e["code"]) for e in switched["userErrors"]] == [
        (["input", "threshold"], "REQUIRED"), (["input", "reward"], "REQUIRED")]
    assert [(e["field"], e["code"]) for e in inverted["userErrors"]] == [(["input", "endsAt"], "INVALID")]
    assert [(e["field"], e["code"]) for e in cleared["userErrors"]] == [(["input", "kind"], "REQUIRED")]
    assert (rule["name"], rule["kind"], rule["startsAt"], rule["version"]) == ("Spring 10%", "FIXED_RATIO", None, 1)


async def test_staff_need_manage_rebates(api):
    rule_id = await created(api, await manager())
    outsiders = {"customer": await factories.customer(),
                 "staff without MANAGE_REBATES": await factories.staff(Permission.MANAGE_PRODUCTS)}

    for who, account in outsiders.items():
        made = await create(api, account, **FIXED_RATIO)
        changed = await update(api, account, rule_id, status="ACTIVE")
        listed = await api(RULES, {"first": 5}, token=account.access_token)
        seen = await detail(api, account, rule_id)

        assert [e["code"] for e in made["userErrors"] + changed["userErrors"]] == ["PERMISSION_DENIED"] * 2, who
        assert (listed.body["data"]["rebateRules"], listed.error_codes, seen) == (None, ["FORBIDDEN"], None), who
    anonymous = await api(RULES, {"first": 5})
    anonymous_create = (await api(RULE_CREATE, {"input": FIXED_RATIO})).data["rebateRuleCreate"]
    assert anonymous.error_codes == ["UNAUTHENTICATED"]
    assert [e["code"] for e in anonymous_create["userErrors"]] == ["UNAUTHENTICATED"]
    stored = await RebateRule.get(id=decode_id(rule_id, "RebateRule", field="id"))
    assert (await RebateRule.all().count(), stored.status, stored.version) == (1, "DRAFT", 1)


async def test_an_edit_bumps_the_version_and_is_audited_with_what_changed(api):
    staff = await manager()
    rule_id = await created(api, staff, **FIXED_RATIO, budget="1000")
    pk = decode_id(rule_id, "RebateRule", field="id")

    activated = await update(api, staff, rule_id, status="ACTIVE", ratio="0.15", budget="1200", description="Raised")
    rule = await detail(api, staff, rule_id)

    assert activated == {"rule": {"id": rule_id, "status": "ACTIVE"}, "userErrors": []}
    assert (rule["ratio"], rule["budget"], rule["budgetRemaining"], rule["version"], rule["description"]) == (
        "0.1500", {"amount": "1200.00"}, {"amount": "1200.00"}, 2, "Raised")
    made, changed = await AuditRecord.filter(target=f"RebateRule:{pk}").order_by("id")
    assert (made.action, made.actor_id, made.new_value["ratio"], made.new_value["budget"], made.new_value["status"]) == (
        "rebate_rule.create", staff.user.id, "0.1000", "1000.00", "DRAFT")
    assert (changed.action, changed.old_value, changed.new_value) == ("rebate_rule.update", {
        "ratio": "0.1000", "budget": "1000.00", "description": "", "status": "DRAFT",
    }, {"ratio": "0.1500", "budget": "1200.00", "description": "Raised", "status": "ACTIVE"})


async def test_an_ended_rule_cannot_be_edited_or_reopened(api):
    staff = await manager()
    rule_id = await created(api, staff)
    assert (await update(api, staff, rule_id, status="ENDED"))["userErrors"] == []

    for changes in ({"name": "Again"}, {"status": "ACTIVE"}, {"status": "ENDED"}, {"ratio": "5"}):
        payload = await update(api, staff, rule_id, **changes)

        assert payload["rule"] is None
        assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [(["input", "ruleId"], "INVALID_STATE")]
    rule = await detail(api, staff, rule_id)
    assert (rule["name"], rule["status"], rule["ratio"], rule["version"]) == ("Spring 10%", "ENDED", "0.1000", 2)
    assert await AuditRecord.filter(action="rebate_rule.update").count() == 1


async def test_staff_cannot_set_exhausted_nor_take_a_rule_back_to_draft(api):
    staff = await manager()
    rule_id = await created(api, staff, **FIXED_RATIO, budget="100")
    await update(api, staff, rule_id, status="ACTIVE")

    exhausted = await update(api, staff, rule_id, status="EXHAUSTED")
    drafted = await update(api, staff, rule_id, status="DRAFT")
    paused = await update(api, staff, rule_id, status="PAUSED")

    assert [(e["field"], e["code"]) for e in exhausted["userErrors"]] == [(["input", "status"], "INVALID")]
    assert [(e["field"], e["code"]) for e in drafted["userErrors"]] == [(["input", "status"], "INVALID_STATE")]
    assert paused == {"rule": {"id": rule_id, "status": "PAUSED"}, "userErrors": []}


async def exhaust(rule_id: str, *, reserved_minor: int) -> None:
    """What payments reserving the whole budget do: nothing left, and the system marks the rule EXHAUSTED."""
    pk = decode_id(rule_id, "RebateRule", field="id")
    rule = await RebateRule.get(id=pk)
    assert rule.budget_minor == reserved_minor
    await RebateRule.filter(id=pk).update(budget_remaining_minor=0, status="EXHAUSTED")


async def test_raising_the_budget_of_an_exhausted_rule_makes_it_active_again(api):
    staff = await manager()
    rule_id = await created(api, staff, **FIXED_RATIO, budget="100")
    await update(api, staff, rule_id, status="ACTIVE")
    await exhaust(rule_id, reserved_minor=10000)

    reactivated_without_budget = await update(api, staff, rule_id, status="ACTIVE")
    below_reserved = await update(api, staff, rule_id, budget="99.99")
    renamed = await update(api, staff, rule_id, name="Still exhausted")
    raised = await update(api, staff, rule_id, budget="150")
    rule = await detail(api, staff, rule_id)

    assert [(e["field"], e["code"]) for e in reactivated_without_budget["userErrors"]] == [
        (["input", "status"], "INVALID_STATE")]
    assert [(e["field"], e["code"]) for e in below_reserved["userErrors"]] == [(["input", "budget"], "INVALID")]
    assert renamed["rule"] == {"id": rule_id, "status": "EXHAUSTED"}
    assert raised == {"rule": {"id": rule_id, "status": "ACTIVE"}, "userErrors": []}
    assert (rule["budget"], rule["budgetRemaining"]) == ({"amount": "150.00"}, {"amount": "50.00"})


async def test_lowering_the_budget_to_what_is_reserved_exhausts_an_active_rule(api):
    staff = await manager()
    rule_id = await created(api, staff, **FIXED_RATIO, budget="100")
    await update(api, staff, rule_id, status="ACTIVE")
    pk = decode_id(rule_id, "RebateRule", field="id")
    await RebateRule.filter(id=pk).update(budget_remaining_minor=4000)  # 60.00 reserved by rebates

    lowered = await update(api, staff, rule_id, budget="60")
    unbounded = await update(api, staff, rule_id, budget=None)
    rule = await detail(api, staff, rule_id)

    assert lowered["rule"] == {"id": rule_id, "status": "EXHAUSTED"}
    assert unbounded["rule"] == {"id": rule_id, "status": "ACTIVE"}
    assert (rule["budget"], rule["budgetRemaining"]) == (None, None)


async def test_a_rule_change_expires_the_cached_anonymous_catalog_once_committed(api):
    staff = await manager()
    await factories.category(name="茶叶")
    await cached_read(api, CATEGORIES)

    rule_id = await created(api, staff)
    after_create = await fresh_read(api, CATEGORIES)
    refused = await update(api, staff, rule_id, ratio="3")
    after_refusal = await api.http.post("/graphql", json={"query": CATEGORIES, "variables": {}},
                                        headers={"Accept": "application/graphql-response+json"})
    await update(api, staff, rule_id, status="ACTIVE")
    after_update = await fresh_read(api, CATEGORIES)

    assert [c["name"] for c in after_create["categories"]] == ["茶叶"]
    assert refused["userErrors"] != []
    assert after_refusal.headers.get("x-mall-cache") == "hit"  # nothing committed, nothing expired
    assert after_update == after_create


async def test_the_list_pages_newest_first_and_filters_by_status(api):
    staff = await manager()
    ids = [await created(api, staff, **{**FIXED_RATIO, "name": f"Rule {n}"}) for n in range(5)]
    for rule_id in ids[1:4]:
        await update(api, staff, rule_id, status="ACTIVE")
    await update(api, staff, ids[2], status="PAUSED")

    first = (await api(RULES, {"first": 2}, token=staff.access_token)).data["rebateRules"]
    rest = (await api(RULES, {"first": 10, "after": first["pageInfo"]["endCursor"]},
                      token=staff.access_token)).data["rebateRules"]
    active = (await api(RULES, {"first": 10, "status": "ACTIVE"}, token=staff.access_token)).data["rebateRules"]
    too_many = await api(RULES, {"first": 101}, token=staff.access_token)

    assert [e["node"]["id"] for e in first["edges"] + rest["edges"]] == ids[::-1]
    assert (first["pageInfo"]["hasNextPage"], rest["pageInfo"]["hasNextPage"]) == (True, False)
    assert [(e["node"]["id"], e["node"]["status"]) for e in active["edges"]] == [(ids[3], "ACTIVE"), (ids[1], "ACTIVE")]
    node = first["edges"][0]["node"]
    assert {k: node[k] for k in ("name", "kind", "priority", "stackable", "budget", "startsAt", "endsAt")} == {
        "name": "Rule 4", "kind": "FIXED_RATIO", "priority": 0, "stackable": True, "budget": None, "startsAt": None,
        "endsAt": None}
    assert too_many.error_codes == ["BAD_USER_INPUT"]


async def test_an_unknown_or_malformed_rule_id_is_a_user_error(api):
    staff = await manager()

    missing = await update(api, staff, encode_id("RebateRule", 999), name="X")
    wrong_type = await update(api, staff, encode_id("Product", 1), name="X")

    assert [(e["field"], e["code"]) for e in missing["userErrors"]] == [(["input", "ruleId"], "NOT_FOUND")]
    assert [(e["field"], e["code"]) for e in wrong_type["userErrors"]] == [(["input", "ruleId"], "INVALID")]
