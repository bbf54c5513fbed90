"""The kill switches (DESIGN §3.6 safeguards): set with a reason and audited with old and new values, refused
without a reason or MANAGE_REBATES; pausing new rebates stops rebates at payment."""

from __future__ import annotations

import asyncio

import pytest

from mall.core.actors import Permission
from tests import factories
from tests.api.rebates.reading import SWITCHES, SWITCHES_SET, goods, my_rebates, paid_order
from tests.api.rebates.scene import active_rule, manager

AUDIT = """
query { auditLog(first: 20) { edges { node { action target oldValue newValue reason actor { id } } } } }
"""


async def _set(api, staff, **input):  # type: ignore[no-untyped-def]
    return (await api(SWITCHES_SET, {"input": input}, token=staff.access_token)).data["rebateSwitchesSet"]


async def _audit(api) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    auditor = await factories.staff(Permission.MANAGE_STAFF)
    edges = (await api(AUDIT, {}, token=auditor.access_token)).data["auditLog"]["edges"]
    return [edge["node"] for edge in edges if edge["node"]["action"] == "rebate_switches.set"]


async def test_switches_are_set_and_audited_with_old_and_new_values(api):
    staff = await manager()
    assert (await api(SWITCHES, {}, token=staff.access_token)).data["rebateSwitches"] == {
        "pauseNewRebates": False, "pauseReleases": False}

    paused = await _set(api, staff, pauseNewRebates=True, reason="Budget review")
    released = await _set(api, staff, pauseReleases=True, pauseNewRebates=False, reason="Audit of releases")

    assert paused == {"switches": {"pauseNewRebates": True, "pauseReleases": False}, "userErrors": []}
    assert released == {"switches": {"pauseNewRebates": False, "pauseReleases": True}, "userErrors": []}
    assert (await api(SWITCHES, {}, token=staff.access_token)).data["rebateSwitches"] == {
        "pauseNewRebates": False, "pauseReleases": True}
    staff_id = (await api("query { me { id } }", {}, token=staff.access_token)).data["me"]["id"]
    assert await _audit(api) == [
        {"action": "rebate_switches.set", "target": "RebateSwitches:1", "reason": "Audit of releases",
         "oldValue": {"pauseNewRebates": True, "pauseReleases": False},
         "newValue": {"pauseNewRebates": False, "pauseReleases": True}, "actor": {"id": staff_id}},
        {"action": "rebate_switches.set", "target": "RebateSwitches:1", "reason": "Budget review",
         "oldValue": {"pauseNewRebates": False}, "newValue": {"pauseNewRebates": True}, "actor": {"id": staff_id}},
    ]


async def test_switches_need_a_reason_and_manage_rebates(api):
    staff = await manager()
    for reason in ("", "   "):
        refused = await _set(api, staff, pauseNewRebates=True, reason=reason)
        assert refused == {"switches": None, "userErrors": [
            {"field": ["input", "reason"], "code": "REQUIRED", "message": "This field is required."}]}
    customer, finance = await factories.customer(), await factories.staff(Permission.MANAGE_FINANCE)
    for someone in (customer, finance):
        refused = await _set(api, someone, pauseNewRebates=True, reason="Because")
        assert refused["switches"] is None
        assert [e["code"] for e in refused["userErrors"]] == ["PERMISSION_DENIED"]
    anonymous = (await api(SWITCHES_SET, {"input": {"pauseNewRebates": True, "reason": "x"}})).data
    assert [e["code"] for e in anonymous["rebateSwitchesSet"]["userErrors"]] == ["UNAUTHENTICATED"]
    # Nothing changed, nothing audited
    assert (await api(SWITCHES, {}, token=staff.access_token)).data["rebateSwitches"] == {
        "pauseNewRebates": False, "pauseReleases": False}
    assert await _audit(api) == []


async def test_pausing_new_rebates_stops_rebates_at_payment(api):
    staff = await manager()
    await active_rule(api, staff, name="Ten", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT")
    tea = await goods("10.00")
    buyer = await factories.customer()
    assert (await _set(api, staff, pauseNewRebates=True, reason="Stop"))["userErrors"] == []

    await paid_order(api, buyer, (tea.id, 1))
    assert (await my_rebates(api, buyer))["rebates"]["totalCount"] == 0

    assert (await _set(api, staff, pauseNewRebates=False, reason="Go on"))["userErrors"] == []
    await paid_order(api, buyer, (tea.id, 2))
    amounts = [e["node"]["amount"]["amount"] for e in (await my_rebates(api, buyer))["rebates"]["edges"]]
    assert amounts == ["2.00"]


@pytest.mark.postgres_only
async def test_staff_setting_the_switches_at_once_all_succeed_on_one_row(api):
    staff = [await manager() for _ in range(8)]

    answers = await asyncio.wait_for(asyncio.gather(*(
        _set(api, member, pauseNewRebates=n % 2 == 0, reason=f"try {n}") for n, member in enumerate(staff)
    )), timeout=60)

    assert all(answer["userErrors"] == [] for answer in answers)
    records = await _audit(api)
    assert len(records) == 8
    # Each saw what the one before it left: replaying the audited changes in order ends where the row is
    state = {"pauseNewRebates": False, "pauseReleases": False}
    for record in reversed(records):
        assert {key: state[key] for key in record["oldValue"]} == record["oldValue"]
        state.update(record["newValue"])
    assert (await api(SWITCHES, {}, token=staff[0].access_token)).data["rebateSwitches"] == state
