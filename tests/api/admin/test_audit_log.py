"""The audit log through GraphQL: every admin action, newest first, MANAGE_STAFF only (DESIGN §3.8)."""

from __future__ import annotations

import base64
import datetime as dt

from mall.audit import services as audit
from mall.audit.models import AuditRecord
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


VARIANT_CREATE = contract("VariantCreate")
VARIANT_UPDATE = contract("VariantUpdate")
STOCK_ADJUST = contract("StockAdjust")
AUDIT_VALUES_NODE = "query AuditValues($id: ID!) { node(id: $id) { ... on AuditRecord { action oldValue newValue } } }"


async def test_cost_prices_and_on_hand_stock_in_the_audit_log_need_manage_products(api):
    manager = await factories.staff(Permission.MANAGE_PRODUCTS)
    product = await factories.product()
    created = (await api(VARIANT_CREATE, {"input": {
        "productId": encode_id("Product", product.id), "sku": "AUDIT-1", "title": "Big", "price": "20.00",
        "costPrice": "8.00", "stock": 5,
    }}, token=manager.access_token)).data["variantCreate"]
    variant_id = created["variant"]["id"]
    await api(VARIANT_UPDATE, {"input": {"variantId": variant_id, "price": "21.00", "costPrice": "9.50"}},
              token=manager.access_token)
    await api(STOCK_ADJUST, {"input": {"variantId": variant_id, "delta": 3, "reason": "count"}}, token=manager.access_token)
    staff_only = await factories.staff(Permission.MANAGE_STAFF)
    both = await factories.staff(Permission.MANAGE_STAFF, Permission.MANAGE_PRODUCTS)

    def values(result):
        return [(e["node"]["action"], e["node"]["oldValue"], e["node"]["newValue"])
                for e in result.data["auditLog"]["edges"] if e["node"]["target"].startswith("ProductVariant:")]

    hidden = values(await api(AUDIT_LOG, {"first": 10}, token=staff_only.access_token))
    shown = values(await api(AUDIT_LOG, {"first": 10}, token=both.access_token))

    pk = int(base64.b64decode(variant_id).decode().split(":")[1])
    assert hidden == [
        ("stock.adjust", {}, {"delta": 3}),
        ("variant.update", {"price_minor": 2000}, {"price_minor": 2100}),
        ("variant.create", None, {"productId": product.id, "sku": "AUDIT-1", "price": 2000}),
    ]
    assert shown == [
        ("stock.adjust", {"onHand": 5}, {"onHand": 8, "delta": 3}),
        ("variant.update", {"price_minor": 2000, "cost_minor": 800}, {"price_minor": 2100, "cost_minor": 950}),
        ("variant.create", None, {"productId": product.id, "sku": "AUDIT-1", "price": 2000, "stock": 5}),
    ]
    update = await AuditRecord.filter(action="variant.update", target=f"ProductVariant:{pk}").first()
    node = await api(AUDIT_VALUES_NODE, {"id": encode_id("AuditRecord", update.id)}, token=staff_only.access_token)
    assert node.data == {"node": {"action": "variant.update", "oldValue": {"price_minor": 2000},
                                  "newValue": {"price_minor": 2100}}}
