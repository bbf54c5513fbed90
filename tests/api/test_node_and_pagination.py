"""Relay conventions (DESIGN §4): node(id:) visibility, page sizes and cursors."""

from __future__ import annotations

import base64
import json

import pytest

from mall.core.actors import Permission
from mall.core.paging import Ordering
from mall.graphql.relay import encode_id
from tests import factories
from tests.operations import contract

NODE = """
query Node($id: ID!) {
  node(id: $id) {
    __typename id
    ... on User { email isStaff addresses { id } sessions { id } }
    ... on Address { recipient city }
    ... on Session { userAgent current }
  }
}"""
ADDRESS_CREATE = contract("AddressCreate")
LOGOUT = contract("Logout")
CUSTOMERS = contract("Customers")
CUSTOMERS_EITHER_WAY = """
query CustomersEitherWay($first: Int, $after: String, $last: Int, $before: String) {
  customers(first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { node { email } }
  }
}"""
MY_SESSIONS = "query MySessions { me { sessions { id current } } }"
ADDRESS = {
    "recipient": "李雷", "phone": "13912345678", "province": "上海市", "city": "上海市",
    "district": "浦东新区", "street": "世纪大道 100 号", "postalCode": "200120",
}


def _cursor(raw: str) -> str:
    """A cursor of the admin lists' ordering (newest id first) holding these raw values."""
    values = [Ordering.of(("-id", int)).tag, *json.loads(raw)]
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode()


async def _address(api, token: str) -> str:
    result = await api(ADDRESS_CREATE, {"input": ADDRESS}, token=token)
    assert result.data["addressCreate"]["userErrors"] == []
    return result.data["addressCreate"]["address"]["id"]


async def _session_id(api, account: factories.Account) -> str:
    sessions = (await api(MY_SESSIONS, token=account.access_token)).data["me"]["sessions"]
    [current] = [s["id"] for s in sessions if s["current"]]
    return current


# --- node(id:) --------------------------------------------------------------


async def test_node_returns_your_own_user_address_and_session(api):
    account = await factories.customer(email="own@example.com")
    address_id = await _address(api, account.access_token)
    session_id = await _session_id(api, account)
    user_id = encode_id("User", account.user.id)

    user = await api(NODE, {"id": user_id}, token=account.access_token)
    address = await api(NODE, {"id": address_id}, token=account.access_token)
    session = await api(NODE, {"id": session_id}, token=account.access_token)

    assert user.data["node"] == {
        "__typename": "User", "id": user_id, "email": "own@example.com", "isStaff": False,
        "addresses": [{"id": address_id}], "sessions": [{"id": session_id}],
    }
    assert address.data["node"] == {"__typename": "Address", "id": address_id, "recipient": "李雷", "city": "上海市"}
    assert session.data["node"] == {"__typename": "Session", "id": session_id, "userAgent": "pytest", "current": True}


async def test_node_hides_another_customers_objects(api):
    owner = await factories.customer()
    other = await factories.customer()
    address_id = await _address(api, owner.access_token)
    ids = [encode_id("User", owner.user.id), address_id, await _session_id(api, owner)]

    for global_id in ids:
        as_other = await api(NODE, {"id": global_id}, token=other.access_token)
        anonymous = await api(NODE, {"id": global_id})

        assert as_other.body == {"data": {"node": None}}
        assert anonymous.body == {"data": {"node": None}}


async def test_node_hides_a_revoked_session(api):
    account = await factories.customer()
    session_id = await _session_id(api, account)
    second = await factories.customer(email=None, mobile="13800001111")
    await api(LOGOUT, {"input": {"sessionId": session_id}}, token=account.access_token)

    result = await api(NODE, {"id": session_id}, token=second.access_token)

    assert result.body == {"data": {"node": None}}


async def test_staff_with_manage_users_see_a_customers_user_node(api):
    customer = await factories.customer(email="seen@example.com")
    address_id = await _address(api, customer.access_token)
    admin = await factories.staff(Permission.MANAGE_USERS)
    unrelated_staff = await factories.staff(Permission.MANAGE_ORDERS)
    user_id = encode_id("User", customer.user.id)

    seen = await api(NODE, {"id": user_id}, token=admin.access_token)
    not_seen = await api(NODE, {"id": user_id}, token=unrelated_staff.access_token)
    address = await api(NODE, {"id": address_id}, token=admin.access_token)

    # Addresses are shown to MANAGE_USERS; sessions only ever to their owner.
    assert seen.data["node"] == {
        "__typename": "User", "id": user_id, "email": "seen@example.com", "isStaff": False,
        "addresses": [{"id": address_id}], "sessions": None,
    }
    assert not_seen.body == {"data": {"node": None}}
    assert address.body == {"data": {"node": None}}


async def test_a_staff_user_node_needs_manage_staff(api):
    member = await factories.staff(Permission.MANAGE_ORDERS)
    user_admin = await factories.staff(Permission.MANAGE_USERS)
    staff_admin = await factories.staff(Permission.MANAGE_STAFF)
    member_id = encode_id("User", member.user.id)

    by_user_admin = await api(NODE, {"id": member_id}, token=user_admin.access_token)
    by_staff_admin = await api(NODE, {"id": member_id}, token=staff_admin.access_token)

    assert by_user_admin.body == {"data": {"node": None}}
    assert by_staff_admin.data["node"]["email"] == member.login


async def test_a_malformed_id_is_bad_user_input(api):
    account = await factories.customer()

    for bad in ("not an id", "VXNlcjp4", base64.b64encode(b"User").decode(), "", "x" * 300):
        result = await api(NODE, {"id": bad}, token=account.access_token)

        assert result.status == 200
        assert result.error_codes == ["BAD_USER_INPUT"], bad
        assert result.errors[0]["message"] == f"{bad!r} is not a valid ID."
        assert result.errors[0]["path"] == ["node"]
        assert result.body["data"] == {"node": None}


async def test_an_id_whose_pk_has_non_ascii_digits_is_bad_user_input_not_a_server_error(api):
    # "²" and "①" pass str.isdigit() but int() refuses them.
    account = await factories.customer()

    for pk in ("²", "①"):
        global_id = base64.b64encode(f"User:{pk}".encode()).decode()

        result = await api(NODE, {"id": global_id}, token=account.access_token)

        assert (pk, result.error_codes) == (pk, ["BAD_USER_INPUT"])
        assert result.body["data"] == {"node": None}


async def test_an_id_of_an_unknown_type_or_a_missing_row_is_null(api):
    account = await factories.customer()

    for global_id in (encode_id("Nope", 1), encode_id("Product", 1), encode_id("User", 999_999), encode_id("Address", 999_999)):
        result = await api(NODE, {"id": global_id}, token=account.access_token)

        assert (global_id, result.body) == (global_id, {"data": {"node": None}})


# --- page sizes and cursors -------------------------------------------------


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        pytest.param({"first": -1}, "first and last must be between 0 and 100.", id="first-negative"),
        pytest.param({"first": 101}, "first and last must be between 0 and 100.", id="first-too-big"),
        pytest.param({"last": -1}, "first and last must be between 0 and 100.", id="last-negative"),
        pytest.param({"last": 101}, "first and last must be between 0 and 100.", id="last-too-big"),
        pytest.param({"first": 1, "last": 1}, "Pass either first or last, not both.", id="first-and-last"),
        pytest.param({"first": 1, "after": "zzz"}, "'zzz' is not a valid cursor for this list.", id="bad-after"),
        pytest.param({"last": 1, "before": "zzz"}, "'zzz' is not a valid cursor for this list.", id="bad-before"),
    ],
)
async def test_bad_page_arguments_are_bad_user_input(api, variables, message):
    admin = await factories.staff(Permission.MANAGE_USERS)
    await factories.customer()

    result = await api(CUSTOMERS_EITHER_WAY, variables, token=admin.access_token)

    assert result.status == 200
    assert result.errors == [{
        "message": message, "locations": [{"line": 3, "column": 3}], "path": ["customers"],
        "extensions": {"code": "BAD_USER_INPUT"},
    }]
    assert result.body["data"] == {"customers": None}


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param('{"id": 1}', id="object"),
        pytest.param("[1, 2]", id="too-many-keys"),
        pytest.param("[null]", id="null"),
        pytest.param("[true]", id="boolean"),
        pytest.param('["abc"]', id="string-for-an-integer-key"),
        pytest.param("[99999999999999999999999]", id="integer-out-of-range"),
        pytest.param('[{"t": "2026-01-01T00:00:00+08:00"}]', id="datetime-for-an-integer-key"),
        pytest.param('[{"t": "yesterday"}]', id="bad-datetime"),
    ],
)
async def test_a_tampered_cursor_is_bad_user_input_not_a_server_error(api, raw):
    admin = await factories.staff(Permission.MANAGE_USERS)
    await factories.customer()
    cursor = _cursor(raw)

    result = await api(CUSTOMERS, {"first": 5, "after": cursor}, token=admin.access_token)

    assert result.error_codes == ["BAD_USER_INPUT"], result.errors
    assert result.errors[0]["message"] == f"{cursor!r} is not a valid cursor for this list."


async def test_the_page_size_bounds_are_inclusive(api):
    admin = await factories.staff(Permission.MANAGE_USERS)
    for index in range(3):
        await factories.customer(email=f"c{index}@example.com")

    hundred = await api(CUSTOMERS, {"first": 100}, token=admin.access_token)
    zero = await api(CUSTOMERS, {"first": 0}, token=admin.access_token)
    default = await api(CUSTOMERS, token=admin.access_token)

    assert len(hundred.data["customers"]["edges"]) == 3
    assert zero.data["customers"]["edges"] == []
    assert zero.data["customers"]["totalCount"] == 3
    assert zero.data["customers"]["pageInfo"]["endCursor"] is None
    assert len(default.data["customers"]["edges"]) == 3


async def test_first_zero_still_says_whether_a_next_page_exists(api):
    # Relay's connection spec: hasNextPage is true when more edges exist than `first`.
    admin = await factories.staff(Permission.MANAGE_USERS)
    await factories.customer()

    result = await api(CUSTOMERS, {"first": 0}, token=admin.access_token)

    assert result.data["customers"]["pageInfo"] == {"hasNextPage": True, "endCursor": None}


async def test_the_default_page_is_twenty(api):
    admin = await factories.staff(Permission.MANAGE_USERS)
    for index in range(21):
        await factories.customer(email=f"c{index}@example.com")

    result = await api(CUSTOMERS, token=admin.access_token)

    page = result.data["customers"]
    assert len(page["edges"]) == 20
    assert page["edges"][0]["node"]["email"] == "c20@example.com"
    assert page["pageInfo"]["hasNextPage"] is True
    assert page["totalCount"] == 21
