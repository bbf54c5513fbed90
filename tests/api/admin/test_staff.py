"""Staff administration through GraphQL: staffCreate, staffUpdate and the staff list (DESIGN §3.8)."""

from __future__ import annotations

import base64

from mall.core.actors import Permission
from mall.graphql.relay import encode_id
from tests import factories
from tests.operations import contract

STAFF_CREATE = contract("StaffCreate")
STAFF_UPDATE = contract("StaffUpdate")
STAFF = contract("Staff")
AUDIT_LOG = contract("AuditLog")
LOGIN = contract("Login")
ME = "query Me { me { id email isStaff permissions } }"

NEW_PASSWORD = "s3cret-staff-pass"


def _pk(global_id: str) -> int:
    type_name, _, pk = base64.b64decode(global_id).decode().partition(":")
    assert type_name == "User"
    return int(pk)


async def _audit_nodes(api, token: str) -> list[dict]:
    result = await api(AUDIT_LOG, {"first": 50}, token=token)
    return [edge["node"] for edge in result.data["auditLog"]["edges"]]


async def _staff_emails(api) -> list[str]:
    admin = await factories.staff(superuser=True)
    result = await api(STAFF, {"first": 100}, token=admin.access_token)
    return [edge["node"]["email"] for edge in result.data["staff"]["edges"] if edge["node"]["email"] != admin.login]


# --- staffCreate ------------------------------------------------------------


async def test_staff_create_by_a_manage_staff_holder_creates_an_audited_staff_account(api):
    creator = await factories.staff(Permission.MANAGE_STAFF, Permission.MANAGE_ORDERS, Permission.MANAGE_USERS)

    result = await api(STAFF_CREATE, {"input": {
        "email": "Ops.Lead@Example.com", "password": NEW_PASSWORD, "name": "王芳",
        "permissions": ["MANAGE_USERS", "MANAGE_ORDERS"],
    }}, token=creator.access_token)

    payload = result.data["staffCreate"]
    assert payload["userErrors"] == []
    assert payload["user"]["permissions"] == ["MANAGE_ORDERS", "MANAGE_USERS"]
    pk = _pk(payload["user"]["id"])
    login = (await api(LOGIN, {"input": {"login": "ops.lead@example.com", "password": NEW_PASSWORD}})).data["tokenCreate"]
    assert login["userErrors"] == []
    me = await api(ME, token=login["accessToken"])
    assert me.data["me"] == {
        "id": payload["user"]["id"], "email": "ops.lead@example.com", "isStaff": True,
        "permissions": ["MANAGE_ORDERS", "MANAGE_USERS"],
    }
    [record] = await _audit_nodes(api, creator.access_token)
    assert record["actor"] == {"id": encode_id("User", creator.user.id), "email": creator.login}
    assert record["action"] == "staff.create"
    assert record["target"] == f"User:{pk}"
    assert record["oldValue"] is None
    assert record["newValue"] == {"email": "ops.lead@example.com", "name": "王芳", "permissions": ["MANAGE_ORDERS", "MANAGE_USERS"]}


async def test_staff_create_cannot_grant_a_permission_the_creator_lacks(api):
    creator = await factories.staff(Permission.MANAGE_STAFF, Permission.MANAGE_ORDERS)

    result = await api(STAFF_CREATE, {"input": {
        "email": "finance@example.com", "password": NEW_PASSWORD, "name": "Finance",
        "permissions": ["MANAGE_ORDERS", "MANAGE_FINANCE", "MANAGE_REBATES"],
    }}, token=creator.access_token)

    assert result.data["staffCreate"] == {
        "user": None,
        "userErrors": [{
            "field": ["input", "permissions"], "code": "PERMISSION_OUT_OF_SCOPE",
            "message": "You cannot grant or remove permissions you do not hold: MANAGE_FINANCE, MANAGE_REBATES.",
        }],
    }
    assert await _staff_emails(api) == [creator.login]
    assert await _audit_nodes(api, creator.access_token) == []


async def test_staff_create_without_manage_staff_is_permission_denied_and_creates_nothing(api):
    customer = await factories.customer()
    other_staff = await factories.staff(Permission.MANAGE_USERS, Permission.MANAGE_ORDERS)
    variables = {"input": {"email": "sneaky@example.com", "password": NEW_PASSWORD, "name": "", "permissions": []}}

    for account in (customer, other_staff):
        result = await api(STAFF_CREATE, variables, token=account.access_token)

        assert result.data["staffCreate"] == {
            "user": None,
            "userErrors": [{"field": None, "code": "PERMISSION_DENIED", "message": "This needs the MANAGE_STAFF permission."}],
        }
    assert await _staff_emails(api) == [other_staff.login]
    login = await api(LOGIN, {"input": {"login": "sneaky@example.com", "password": NEW_PASSWORD}})
    assert login.data["tokenCreate"]["userErrors"][0]["code"] == "INVALID_CREDENTIALS"


async def test_staff_create_anonymously_is_unauthenticated(api):
    result = await api(STAFF_CREATE, {"input": {"email": "anon@example.com", "password": NEW_PASSWORD, "permissions": []}})

    assert result.data["staffCreate"] == {
        "user": None,
        "userErrors": [{"field": None, "code": "UNAUTHENTICATED", "message": "You need to sign in."}],
    }
    assert await _staff_emails(api) == []


async def test_staff_create_with_a_weak_password_or_a_taken_email_is_refused(api):
    creator = await factories.staff(Permission.MANAGE_STAFF)
    customer = await factories.customer(email="taken@example.com")

    weak = await api(STAFF_CREATE, {"input": {"email": "new@example.com", "password": "short1", "permissions": []}},
                     token=creator.access_token)
    taken = await api(STAFF_CREATE, {"input": {"email": "TAKEN@example.com", "password": NEW_PASSWORD, "permissions": []}},
                      token=creator.access_token)
    bad_email = await api(STAFF_CREATE, {"input": {"email": "not-an-email", "password": NEW_PASSWORD, "permissions": []}},
                          token=creator.access_token)

    assert weak.data["staffCreate"] == {
        "user": None,
        "userErrors": [{"field": ["input", "password"], "code": "PASSWORD_TOO_WEAK", "message": "Use at least 8 characters."}],
    }
    assert taken.data["staffCreate"] == {
        "user": None,
        "userErrors": [{"field": ["input", "email"], "code": "DUPLICATE", "message": "An account with this email already exists."}],
    }
    assert [(e["field"], e["code"]) for e in bad_email.data["staffCreate"]["userErrors"]] == [(["input", "email"], "INVALID")]
    assert await _staff_emails(api) == [creator.login]
    # The customer who owns the email is untouched: still a customer, still signed in.
    me = await api(ME, token=customer.access_token)
    assert me.data["me"]["isStaff"] is False
    assert await _audit_nodes(api, creator.access_token) == []


# --- staffUpdate ------------------------------------------------------------


async def test_staff_update_changes_permissions_and_audits_old_and_new(api):
    admin = await factories.staff(Permission.MANAGE_STAFF, Permission.MANAGE_ORDERS, Permission.MANAGE_USERS)
    member = await factories.staff(Permission.MANAGE_ORDERS)
    member_id = encode_id("User", member.user.id)

    result = await api(STAFF_UPDATE, {"input": {"userId": member_id, "permissions": ["MANAGE_USERS"]}},
                       token=admin.access_token)

    assert result.data["staffUpdate"] == {"user": {"id": member_id, "permissions": ["MANAGE_USERS"]}, "userErrors": []}
    me = await api(ME, token=member.access_token)
    assert me.data["me"]["permissions"] == ["MANAGE_USERS"]
    [record] = await _audit_nodes(api, admin.access_token)
    assert record["actor"] == {"id": encode_id("User", admin.user.id), "email": admin.login}
    assert record["action"] == "staff.update"
    assert record["target"] == f"User:{member.user.id}"
    assert record["oldValue"] == {"permissions": ["MANAGE_ORDERS"]}
    assert record["newValue"] == {"permissions": ["MANAGE_USERS"]}


async def test_staff_update_cannot_grant_a_permission_the_actor_lacks(api):
    admin = await factories.staff(Permission.MANAGE_STAFF, Permission.MANAGE_ORDERS)
    member = await factories.staff(Permission.MANAGE_ORDERS)

    result = await api(STAFF_UPDATE, {"input": {
        "userId": encode_id("User", member.user.id), "permissions": ["MANAGE_ORDERS", "MANAGE_FINANCE"],
    }}, token=admin.access_token)

    assert result.data["staffUpdate"] == {
        "user": None,
        "userErrors": [{
            "field": ["input", "permissions"], "code": "PERMISSION_OUT_OF_SCOPE",
            "message": "You cannot grant or remove permissions you do not hold: MANAGE_FINANCE.",
        }],
    }
    assert (await api(ME, token=member.access_token)).data["me"]["permissions"] == ["MANAGE_ORDERS"]
    assert await _audit_nodes(api, admin.access_token) == []


async def test_staff_update_deactivating_signs_the_member_out(api):
    admin = await factories.staff(Permission.MANAGE_STAFF, Permission.MANAGE_ORDERS)
    member = await factories.staff(Permission.MANAGE_ORDERS)
    member_id = encode_id("User", member.user.id)
    assert (await api(ME, token=member.access_token)).data["me"]["id"] == member_id

    result = await api(STAFF_UPDATE, {"input": {"userId": member_id, "isActive": False}}, token=admin.access_token)

    assert result.data["staffUpdate"] == {"user": {"id": member_id, "permissions": ["MANAGE_ORDERS"]}, "userErrors": []}
    me = await api(ME, token=member.access_token)
    assert me.error_codes == ["UNAUTHENTICATED"]
    assert me.body["data"] == {"me": None}
    login = await api(LOGIN, {"input": {"login": member.login, "password": member.password}})
    assert login.data["tokenCreate"]["userErrors"] == [
        {"field": None, "code": "ACCOUNT_DISABLED", "message": "This account has been disabled."}
    ]
    [record] = await _audit_nodes(api, admin.access_token)
    assert (record["action"], record["target"]) == ("staff.update", f"User:{member.user.id}")
    assert (record["oldValue"], record["newValue"]) == ({"isActive": True}, {"isActive": False})


async def test_staff_cannot_deactivate_themselves_or_drop_their_own_manage_staff(api):
    admin = await factories.staff(Permission.MANAGE_STAFF, Permission.MANAGE_USERS)
    admin_id = encode_id("User", admin.user.id)

    deactivate = await api(STAFF_UPDATE, {"input": {"userId": admin_id, "isActive": False}}, token=admin.access_token)
    demote = await api(STAFF_UPDATE, {"input": {"userId": admin_id, "permissions": ["MANAGE_USERS"]}}, token=admin.access_token)

    assert deactivate.data["staffUpdate"] == {
        "user": None,
        "userErrors": [{"field": ["input", "isActive"], "code": "CANNOT_MODIFY_SELF", "message": "You cannot deactivate yourself."}],
    }
    assert demote.data["staffUpdate"] == {
        "user": None,
        "userErrors": [{
            "field": ["input", "permissions"], "code": "CANNOT_MODIFY_SELF",
            "message": "You cannot remove your own MANAGE_STAFF permission.",
        }],
    }
    me = await api(ME, token=admin.access_token)
    assert me.data["me"]["permissions"] == ["MANAGE_STAFF", "MANAGE_USERS"]
    assert await _audit_nodes(api, admin.access_token) == []


async def test_staff_may_change_their_own_other_permissions(api):
    admin = await factories.staff(Permission.MANAGE_STAFF, Permission.MANAGE_USERS)
    admin_id = encode_id("User", admin.user.id)

    result = await api(STAFF_UPDATE, {"input": {"userId": admin_id, "permissions": ["MANAGE_STAFF"]}}, token=admin.access_token)

    assert result.data["staffUpdate"] == {"user": {"id": admin_id, "permissions": ["MANAGE_STAFF"]}, "userErrors": []}


async def test_staff_update_of_a_customer_or_a_malformed_id_is_refused(api):
    admin = await factories.staff(Permission.MANAGE_STAFF)
    customer = await factories.customer()

    customer_id = await api(STAFF_UPDATE, {"input": {"userId": encode_id("User", customer.user.id), "isActive": False}},
                            token=admin.access_token)
    malformed = await api(STAFF_UPDATE, {"input": {"userId": "not-an-id", "isActive": False}}, token=admin.access_token)
    wrong_type = await api(STAFF_UPDATE, {"input": {"userId": encode_id("Address", customer.user.id), "isActive": False}},
                           token=admin.access_token)

    assert customer_id.data["staffUpdate"] == {
        "user": None,
        "userErrors": [{"field": ["input", "userId"], "code": "NOT_FOUND", "message": "No such staff member."}],
    }
    invalid = {
        "user": None,
        "userErrors": [{"field": ["input", "userId"], "code": "INVALID", "message": "Expected an ID of type User."}],
    }
    assert malformed.data["staffUpdate"] == invalid
    assert wrong_type.data["staffUpdate"] == invalid
    assert (await api(ME, token=customer.access_token)).data["me"]["id"] == encode_id("User", customer.user.id)


async def test_staff_update_without_manage_staff_is_permission_denied(api):
    member = await factories.staff(Permission.MANAGE_ORDERS)
    other = await factories.staff(Permission.MANAGE_ORDERS)

    result = await api(STAFF_UPDATE, {"input": {"userId": encode_id("User", other.user.id), "isActive": False}},
                       token=member.access_token)
    anonymous = await api(STAFF_UPDATE, {"input": {"userId": encode_id("User", other.user.id), "isActive": False}})

    assert result.data["staffUpdate"] == {
        "user": None,
        "userErrors": [{"field": None, "code": "PERMISSION_DENIED", "message": "This needs the MANAGE_STAFF permission."}],
    }
    assert anonymous.data["staffUpdate"]["userErrors"] == [
        {"field": None, "code": "UNAUTHENTICATED", "message": "You need to sign in."}
    ]
    assert (await api(ME, token=other.access_token)).data["me"]["isStaff"] is True


# --- staff list -------------------------------------------------------------


async def test_staff_list_shows_staff_newest_first_and_no_customers(api):
    admin = await factories.staff(Permission.MANAGE_STAFF)
    older = await factories.staff(Permission.MANAGE_ORDERS)
    await factories.customer()
    newer = await factories.staff(Permission.MANAGE_FINANCE, Permission.MANAGE_USERS)

    result = await api(STAFF, {"first": 2}, token=admin.access_token)

    page = result.data["staff"]
    assert page["totalCount"] == 3
    assert [edge["node"] for edge in page["edges"]] == [
        {"id": encode_id("User", newer.user.id), "email": newer.login, "name": "Test Staff",
         "permissions": ["MANAGE_FINANCE", "MANAGE_USERS"]},
        {"id": encode_id("User", older.user.id), "email": older.login, "name": "Test Staff", "permissions": ["MANAGE_ORDERS"]},
    ]
    assert page["pageInfo"] == {"hasNextPage": True, "endCursor": page["edges"][-1]["cursor"]}
    rest = (await api(STAFF, {"first": 2, "after": page["pageInfo"]["endCursor"]}, token=admin.access_token)).data["staff"]
    assert [edge["node"]["email"] for edge in rest["edges"]] == [admin.login]
    assert rest["pageInfo"]["hasNextPage"] is False


async def test_staff_list_is_forbidden_without_manage_staff_and_needs_a_sign_in(api):
    customer = await factories.customer()
    member = await factories.staff(Permission.MANAGE_USERS)

    for account in (customer, member):
        result = await api(STAFF, token=account.access_token)

        assert result.status == 200
        assert result.error_codes == ["FORBIDDEN"]
        assert result.errors[0]["message"] == "This needs the MANAGE_STAFF permission."
        assert result.errors[0]["path"] == ["staff"]
        # staff is nullable, so the error leaves the rest of the response intact.
        assert result.body["data"] == {"staff": None}
    anonymous = await api(STAFF)
    assert anonymous.error_codes == ["UNAUTHENTICATED"]
    assert anonymous.body["data"] == {"staff": None}


async def test_staff_update_cannot_touch_a_member_holding_permissions_beyond_the_actor(api):
    # Saleor's rule (OUT_OF_SCOPE_USER): a MANAGE_STAFF holder may not lock out
    # someone with more power than themselves, such as the superuser.
    admin = await factories.staff(Permission.MANAGE_STAFF)
    owner = await factories.staff(superuser=True)

    result = await api(STAFF_UPDATE, {"input": {"userId": encode_id("User", owner.user.id), "isActive": False}},
                       token=admin.access_token)

    payload = result.data["staffUpdate"]
    assert payload["user"] is None
    assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [(["input", "userId"], "PERMISSION_OUT_OF_SCOPE")]
    assert (await api(ME, token=owner.access_token)).data["me"]["isStaff"] is True
