"""The audit log through GraphQL: every admin action, newest first, MANAGE_STAFF only (DESIGN §3.8)."""

from __future__ import annotations

import base64
import datetime as dt

from mall.audit import services as audit
from mall.core.actors import Actor, Permission
from mall.graphql.relay import encode_id
from tests import factories
from tests.operations import contract

AUDIT_LOG = contract("AuditLog")
STAFF_CREATE = contract("StaffCreate")
STAFF_UPDATE = contract("StaffUpdate")
CUSTOMER_UPDATE = contract("CustomerUpdate")
AUDIT_NODE = "query AuditNode($id: ID!) { node(id: $id) { id ... on AuditRecord { action target } } }"


async def test_audit_log_lists_admin_actions_newest_first_with_actor_and_values(api):
    admin = await factories.staff(Permission.MANAGE_STAFF, Permission.MANAGE_USERS, Permission.MANAGE_ORDERS)
    customer = await factories.customer()
    created = (await api(STAFF_CREATE, {"input": {
        "email": "packer@example.com", "password": "s3cret-staff-pass", "name": "Packer", "permissions": ["MANAGE_ORDERS"],
    }}, token=admin.access_token)).data["staffCreate"]["user"]
    await api(STAFF_UPDATE, {"input": {"userId": created["id"], "permissions": [], "isActive": False}}, token=admin.access_token)
    await api(CUSTOMER_UPDATE, {"input": {"customerId": encode_id("User", customer.user.id), "isActive": False}},
              token=admin.access_token)
    before = dt.datetime.now(dt.UTC)

    result = await api(AUDIT_LOG, {"first": 10}, token=admin.access_token)

    log = result.data["auditLog"]
    nodes = [edge["node"] for edge in log["edges"]]
    actor = {"id": encode_id("User", admin.user.id), "email": admin.login}
    packer_target = base64.b64decode(created["id"]).decode()
    assert [(n["action"], n["actor"], n["oldValue"], n["newValue"]) for n in nodes] == [
        ("customer.update", actor, {"isActive": True}, {"isActive": False}),
        ("staff.update", actor, {"permissions": ["MANAGE_ORDERS"], "isActive": True}, {"permissions": [], "isActive": False}),
        ("staff.create", actor, None, {"email": "packer@example.com", "name": "Packer", "permissions": ["MANAGE_ORDERS"]}),
    ]
    assert nodes[0]["target"] == f"User:{customer.user.id}"
    assert nodes[1]["target"] == nodes[2]["target"] == packer_target
    for node in nodes:
        at = dt.datetime.fromisoformat(node["at"])
        assert node["at"].endswith("+08:00")
        assert dt.timedelta(0) <= before - at < dt.timedelta(seconds=30)
    assert log["pageInfo"] == {"hasNextPage": False, "endCursor": log["edges"][-1]["cursor"]}


async def test_audit_log_pages_and_shows_a_null_actor_for_the_system(api):
    admin = await factories.staff(Permission.MANAGE_STAFF)
    for index in range(3):
        await audit.record(Actor.system(), action="test.system", target=f"Thing:{index}", new={"n": index, "nested": [1, {"a": None}]})

    first = (await api(AUDIT_LOG, {"first": 2}, token=admin.access_token)).data["auditLog"]
    rest = (await api(AUDIT_LOG, {"first": 2, "after": first["pageInfo"]["endCursor"]}, token=admin.access_token)).data["auditLog"]

    assert [e["node"]["target"] for e in first["edges"]] == ["Thing:2", "Thing:1"]
    assert first["pageInfo"]["hasNextPage"] is True
    assert [e["node"]["target"] for e in rest["edges"]] == ["Thing:0"]
    assert rest["pageInfo"]["hasNextPage"] is False
    node = rest["edges"][0]["node"]
    assert (node["actor"], node["oldValue"], node["newValue"]) == (None, None, {"n": 0, "nested": [1, {"a": None}]})


async def test_audit_log_is_forbidden_without_manage_staff(api):
    admin = await factories.staff(Permission.MANAGE_STAFF)
    await audit.record(Actor.system(), action="test.system", target="Thing:1")
    customer = await factories.customer()
    member = await factories.staff(Permission.MANAGE_USERS, Permission.MANAGE_FINANCE)

    for account in (customer, member):
        result = await api(AUDIT_LOG, token=account.access_token)

        assert result.error_codes == ["FORBIDDEN"]
        assert result.errors[0]["message"] == "This needs the MANAGE_STAFF permission."
        assert result.body["data"] == {"auditLog": None}
    assert (await api(AUDIT_LOG)).error_codes == ["UNAUTHENTICATED"]
    assert len((await api(AUDIT_LOG, token=admin.access_token)).data["auditLog"]["edges"]) == 1


async def test_an_audit_record_is_a_node_only_for_manage_staff(api):
    admin = await factories.staff(Permission.MANAGE_STAFF)
    member = await factories.staff(Permission.MANAGE_USERS)
    record = await audit.record(Actor.system(), action="test.system", target="Thing:7")
    record_id = encode_id("AuditRecord", record.id)

    seen = await api(AUDIT_NODE, {"id": record_id}, token=admin.access_token)
    hidden = await api(AUDIT_NODE, {"id": record_id}, token=member.access_token)

    assert seen.data == {"node": {"id": record_id, "action": "test.system", "target": "Thing:7"}}
    assert hidden.body == {"data": {"node": None}}
