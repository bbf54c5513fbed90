"""Customer administration through GraphQL: the customers list and customerUpdate (DESIGN §3.8)."""

from __future__ import annotations

from mall.core.actors import Permission
from mall.graphql.relay import encode_id
from tests import factories
from tests.operations import contract

CUSTOMERS = contract("Customers")
CUSTOMER_UPDATE = contract("CustomerUpdate")
LOGIN = contract("Login")
REFRESH = contract("Refresh")
ME = "query Me { me { id email isStaff } }"
# Not in the contract: backwards pagination and the audit reason.
CUSTOMERS_BACKWARDS = """
query CustomersBackwards($last: Int, $before: String) {
  customers(last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { email } }
  }
}"""
AUDIT_REASONS = "query AuditReasons { auditLog(first: 10) { edges { node { actor { id } action target oldValue newValue reason } } } }"


def _emails(page: dict) -> list[str]:
    return [edge["node"]["email"] for edge in page["edges"]]


async def _customers(count: int) -> list[factories.Account]:
    return [await factories.customer(email=f"c{index}@example.com") for index in range(count)]


# --- the customers list -----------------------------------------------------


async def test_customers_are_listed_newest_first_without_staff(api):
    admin = await factories.staff(Permission.MANAGE_USERS)
    first = await factories.customer(email="first@example.com", name="First")
    second = await factories.customer(mobile="13912345678", name="Second")

    result = await api(CUSTOMERS, token=admin.access_token)

    page = result.data["customers"]
    assert page["totalCount"] == 2
    nodes = [edge["node"] for edge in page["edges"]]
    assert [{k: v for k, v in node.items() if k != "createdAt"} for node in nodes] == [
        {"id": encode_id("User", second.user.id), "email": None, "mobile": "13912345678", "name": "Second", "isActive": True},
        {"id": encode_id("User", first.user.id), "email": "first@example.com", "mobile": None, "name": "First", "isActive": True},
    ]
    assert all(node["createdAt"].endswith("+08:00") for node in nodes)
    assert page["pageInfo"] == {"hasNextPage": False, "endCursor": page["edges"][-1]["cursor"]}


async def test_customers_search_matches_email_mobile_or_name(api):
    admin = await factories.staff(Permission.MANAGE_USERS)
    await factories.customer(email="li.lei@example.com", name="李雷")
    await factories.customer(mobile="13912345678", name="韩梅梅")
    await factories.customer(email="Wang.Fang@Example.org", mobile="13800001111", name="Wang Fang")

    async def search(term: str) -> list[str | None]:
        page = (await api(CUSTOMERS, {"search": term}, token=admin.access_token)).data["customers"]
        assert page["totalCount"] == len(page["edges"])
        return [edge["node"]["name"] for edge in page["edges"]]

    assert await search("LI.LEI") == ["李雷"]
    assert await search("example.org") == ["Wang Fang"]
    assert await search("1234567") == ["韩梅梅"]
    assert await search("138") == ["Wang Fang"]
    assert await search("梅梅") == ["韩梅梅"]
    assert await search("wang f") == ["Wang Fang"]
    assert await search("example") == ["Wang Fang", "李雷"]
    assert await search("  ") == ["Wang Fang", "韩梅梅", "李雷"]
    assert await search("nobody") == []


async def test_customers_search_treats_like_wildcards_literally(api):
    admin = await factories.staff(Permission.MANAGE_USERS)
    await factories.customer(email="plain@example.com", name="Plain")

    for term in ("%", "_", "p_ain", "p%n"):
        page = (await api(CUSTOMERS, {"search": term}, token=admin.access_token)).data["customers"]

        assert (term, page["totalCount"], page["edges"]) == (term, 0, [])


async def test_customers_paginate_forwards_across_pages(api):
    admin = await factories.staff(Permission.MANAGE_USERS)
    await _customers(5)

    first = (await api(CUSTOMERS, {"first": 2}, token=admin.access_token)).data["customers"]
    second = (await api(CUSTOMERS, {"first": 2, "after": first["pageInfo"]["endCursor"]}, token=admin.access_token)).data["customers"]
    third = (await api(CUSTOMERS, {"first": 2, "after": second["pageInfo"]["endCursor"]}, token=admin.access_token)).data["customers"]

    assert (_emails(first), first["pageInfo"]["hasNextPage"]) == (["c4@example.com", "c3@example.com"], True)
    assert (_emails(second), second["pageInfo"]["hasNextPage"]) == (["c2@example.com", "c1@example.com"], True)
    assert third["pageInfo"] == {"hasNextPage": False, "endCursor": third["edges"][-1]["cursor"]}
    assert _emails(third) == ["c0@example.com"]
    assert [page["totalCount"] for page in (first, second, third)] == [5, 5, 5]
    assert first["pageInfo"]["endCursor"] == first["edges"][-1]["cursor"]


async def test_customers_pages_stay_stable_when_new_customers_sign_up(api):
    admin = await factories.staff(Permission.MANAGE_USERS)
    await _customers(4)
    first = (await api(CUSTOMERS, {"first": 2}, token=admin.access_token)).data["customers"]

    await factories.customer(email="late@example.com")
    second = (await api(CUSTOMERS, {"first": 2, "after": first["pageInfo"]["endCursor"]}, token=admin.access_token)).data["customers"]

    assert _emails(second) == ["c1@example.com", "c0@example.com"]
    assert second["totalCount"] == 5


async def test_customers_paginate_backwards_with_last_and_before(api):
    admin = await factories.staff(Permission.MANAGE_USERS)
    await _customers(5)

    tail = (await api(CUSTOMERS_BACKWARDS, {"last": 2}, token=admin.access_token)).data["customers"]
    middle = (await api(CUSTOMERS_BACKWARDS, {"last": 2, "before": tail["pageInfo"]["startCursor"]},
                        token=admin.access_token)).data["customers"]
    head = (await api(CUSTOMERS_BACKWARDS, {"last": 2, "before": middle["pageInfo"]["startCursor"]},
                      token=admin.access_token)).data["customers"]

    # Backwards pages keep the list's order (newest first) within the page.
    assert _emails(tail) == ["c1@example.com", "c0@example.com"]
    assert tail["pageInfo"]["hasPreviousPage"] is True
    assert _emails(middle) == ["c3@example.com", "c2@example.com"]
    assert middle["pageInfo"] == {
        "hasNextPage": True, "hasPreviousPage": True,
        "startCursor": middle["edges"][0]["cursor"], "endCursor": middle["edges"][-1]["cursor"],
    }
    assert _emails(head) == ["c4@example.com"]
    assert head["pageInfo"]["hasPreviousPage"] is False
    assert tail["totalCount"] == 5


async def test_customers_list_is_forbidden_without_manage_users(api):
    customer = await factories.customer()
    member = await factories.staff(Permission.MANAGE_STAFF, Permission.MANAGE_ORDERS)

    for account in (customer, member):
        result = await api(CUSTOMERS, token=account.access_token)

        assert result.error_codes == ["FORBIDDEN"]
        assert result.errors[0]["message"] == "This needs the MANAGE_USERS permission."
        assert result.body["data"] == {"customers": None}
    anonymous = await api(CUSTOMERS)
    assert anonymous.error_codes == ["UNAUTHENTICATED"]


# --- customerUpdate ---------------------------------------------------------


async def test_deactivating_a_customer_ends_their_sessions_and_blocks_sign_in(api):
    admin = await factories.staff(Permission.MANAGE_USERS)
    customer = await factories.customer(email="bad.actor@example.com")
    other_device = (await api(LOGIN, {"input": {"login": customer.login, "password": customer.password}})).data["tokenCreate"]
    customer_id = encode_id("User", customer.user.id)

    result = await api(CUSTOMER_UPDATE, {"input": {"customerId": customer_id, "isActive": False, "reason": "Chargeback fraud"}},
                       token=admin.access_token)

    assert result.data["customerUpdate"] == {"customer": {"id": customer_id, "isActive": False}, "userErrors": []}
    for token in (customer.access_token, other_device["accessToken"]):
        me = await api(ME, token=token)
        assert me.error_codes == ["UNAUTHENTICATED"]
    refresh = await api(REFRESH, {"input": {"refreshToken": customer.refresh_token}})
    assert refresh.data["tokenRefresh"]["userErrors"][0]["code"] == "INVALID_TOKEN"
    right = await api(LOGIN, {"input": {"login": customer.login, "password": customer.password}})
    assert right.data["tokenCreate"] == {
        "accessToken": None, "refreshToken": None, "user": None,
        "userErrors": [{"field": None, "code": "ACCOUNT_DISABLED", "message": "This account has been disabled."}],
    }
    # Without the right password a disabled account looks like any wrong guess.
    wrong = await api(LOGIN, {"input": {"login": customer.login, "password": "wrong-pass-1"}})
    assert wrong.data["tokenCreate"]["userErrors"] == [
        {"field": None, "code": "INVALID_CREDENTIALS", "message": "Wrong login or password."}
    ]
    listed = (await api(CUSTOMERS, {"search": "bad.actor"}, token=admin.access_token)).data["customers"]
    assert [edge["node"]["isActive"] for edge in listed["edges"]] == [False]
    audit_reader = await factories.staff(Permission.MANAGE_STAFF)
    [record] = (await api(AUDIT_REASONS, token=audit_reader.access_token)).data["auditLog"]["edges"]
    assert record["node"] == {
        "actor": {"id": encode_id("User", admin.user.id)}, "action": "customer.update",
        "target": f"User:{customer.user.id}", "oldValue": {"isActive": True}, "newValue": {"isActive": False},
        "reason": "Chargeback fraud",
    }


async def test_reactivating_a_customer_lets_them_sign_in_again(api):
    admin = await factories.staff(Permission.MANAGE_USERS)
    customer = await factories.customer()
    customer_id = encode_id("User", customer.user.id)
    await api(CUSTOMER_UPDATE, {"input": {"customerId": customer_id, "isActive": False}}, token=admin.access_token)

    result = await api(CUSTOMER_UPDATE, {"input": {"customerId": customer_id, "isActive": True, "reason": "Resolved"}},
                       token=admin.access_token)

    assert result.data["customerUpdate"] == {"customer": {"id": customer_id, "isActive": True}, "userErrors": []}
    login = await api(LOGIN, {"input": {"login": customer.login, "password": customer.password}})
    assert login.data["tokenCreate"]["userErrors"] == []
    assert (await api(ME, token=login.data["tokenCreate"]["accessToken"])).data["me"]["id"] == customer_id
    # The old sessions stay dead: reactivation does not revive them.
    assert (await api(ME, token=customer.access_token)).error_codes == ["UNAUTHENTICATED"]


async def test_customer_update_needs_manage_users_and_changes_nothing_otherwise(api):
    customer = await factories.customer()
    member = await factories.staff(Permission.MANAGE_STAFF, Permission.MANAGE_ORDERS)
    variables = {"input": {"customerId": encode_id("User", customer.user.id), "isActive": False}}

    by_customer = await api(CUSTOMER_UPDATE, variables, token=customer.access_token)
    by_staff = await api(CUSTOMER_UPDATE, variables, token=member.access_token)
    anonymous = await api(CUSTOMER_UPDATE, variables)

    denied = {
        "customer": None,
        "userErrors": [{"field": None, "code": "PERMISSION_DENIED", "message": "This needs the MANAGE_USERS permission."}],
    }
    assert by_customer.data["customerUpdate"] == denied
    assert by_staff.data["customerUpdate"] == denied
    assert anonymous.data["customerUpdate"] == {
        "customer": None, "userErrors": [{"field": None, "code": "UNAUTHENTICATED", "message": "You need to sign in."}],
    }
    assert (await api(ME, token=customer.access_token)).data["me"]["id"] == encode_id("User", customer.user.id)


async def test_customer_update_refuses_staff_ids_malformed_ids_and_long_reasons(api):
    admin = await factories.staff(Permission.MANAGE_USERS)
    other_staff = await factories.staff(Permission.MANAGE_ORDERS)
    customer = await factories.customer()

    staff_target = await api(CUSTOMER_UPDATE, {"input": {"customerId": encode_id("User", other_staff.user.id), "isActive": False}},
                             token=admin.access_token)
    malformed = await api(CUSTOMER_UPDATE, {"input": {"customerId": "???", "isActive": False}}, token=admin.access_token)
    long_reason = await api(CUSTOMER_UPDATE, {"input": {
        "customerId": encode_id("User", customer.user.id), "isActive": False, "reason": "x" * 501,
    }}, token=admin.access_token)

    assert staff_target.data["customerUpdate"] == {
        "customer": None,
        "userErrors": [{"field": ["input", "customerId"], "code": "NOT_FOUND", "message": "No such customer."}],
    }
    assert malformed.data["customerUpdate"] == {
        "customer": None,
        "userErrors": [{"field": ["input", "customerId"], "code": "INVALID", "message": "Expected an ID of type User."}],
    }
    assert long_reason.data["customerUpdate"] == {
        "customer": None,
        "userErrors": [{"field": ["input", "reason"], "code": "INVALID", "message": "Use at most 500 characters."}],
    }
    assert (await api(ME, token=other_staff.access_token)).data["me"]["isStaff"] is True
    assert (await api(ME, token=customer.access_token)).data["me"]["isStaff"] is False
