"""Forged cursors whose values are out of range are refused (DESIGN §4), on both databases.

Each cursor here keeps the tag of a real cursor of the list, so it is the
values themselves that must be checked before they reach the database.
"""

from __future__ import annotations

import base64
import json

import pytest

from mall.core.actors import Permission
from tests import factories

PRODUCTS_NEWEST = """
query Newest($first: Int, $after: String, $last: Int, $before: String) {
  products(first: $first, after: $after, last: $last, before: $before, sort: {field: NEWEST}) {
    pageInfo { endCursor }
    edges { node { title } }
  }
}"""
CUSTOMERS = """
query Customers($first: Int, $after: String, $last: Int, $before: String) {
  customers(first: $first, after: $after, last: $last, before: $before) {
    pageInfo { endCursor }
    edges { node { email } }
  }
}"""
AUDIT_LOG = """
query AuditLog($first: Int, $after: String, $last: Int, $before: String) {
  auditLog(first: $first, after: $after, last: $last, before: $before) {
    pageInfo { endCursor }
    edges { node { action } }
  }
}"""
MOMENT = {"t": "2030-01-01T00:00:00+00:00"}


def forge(real_cursor: str, raw_values: str) -> str:
    """``real_cursor`` with its values replaced by ``raw_values`` (JSON text, so NaN can be written)."""
    tag = json.loads(base64.urlsafe_b64decode(real_cursor))[0]
    return base64.urlsafe_b64encode(f"[{json.dumps(tag)}, {raw_values}]".encode()).decode()


def directions(cursor: str) -> list[dict[str, object]]:
    return [{"first": 5, "after": cursor}, {"last": 5, "before": cursor}]


def refused(result, cursor: str, field: str) -> None:
    assert result.status == 200
    assert [{k: e[k] for k in ("message", "extensions", "path")} for e in result.errors] == [{
        "message": f"{cursor!r} is not a valid cursor for this list.",
        "extensions": {"code": "BAD_USER_INPUT"},
        "path": [field],
    }]


@pytest.mark.parametrize(
    "created_at",
    [
        pytest.param('{"t": "0000-01-01T00:00:00+00:00"}', id="year-0"),
        pytest.param('{"t": "10000-01-01T00:00:00+00:00"}', id="year-10000"),
        pytest.param('{"t": "9999-12-31T23:59:59-01:00"}', id="past-year-9999-in-utc"),
        pytest.param('{"t": "0001-01-01T00:00:00+01:00"}', id="before-year-1-in-utc"),
        pytest.param('{"t": "2030-01-01T00:00:00"}', id="naive"),
        pytest.param('{"t": "2030-01-01"}', id="date-only"),
        pytest.param("1.5", id="float"),
        pytest.param("NaN", id="nan"),
        pytest.param("Infinity", id="infinity"),
        pytest.param("1893456000", id="int"),
    ],
)
async def test_a_forged_newest_products_cursor_with_a_bad_date_is_bad_user_input(api, created_at):
    for index in range(2):
        await factories.product(title=f"Tea {index}")
    real = (await api(PRODUCTS_NEWEST, {"first": 1})).data["products"]["pageInfo"]["endCursor"]
    cursor = forge(real, f"{created_at}, 1")

    for variables in directions(cursor):
        result = await api(PRODUCTS_NEWEST, variables)

        refused(result, cursor, "products")
        assert result.body["data"] is None


@pytest.mark.parametrize(
    "product_id",
    [
        pytest.param("9223372036854775808", id="beyond-bigint"),
        pytest.param("-9223372036854775809", id="below-bigint"),
        pytest.param("1e400", id="huge-float"),
        pytest.param("NaN", id="nan"),
        pytest.param("2.0", id="float"),
    ],
)
async def test_a_forged_newest_products_cursor_with_a_bad_id_is_bad_user_input(api, product_id):
    await factories.product(title="Tea")
    real = (await api(PRODUCTS_NEWEST, {"first": 1})).data["products"]["pageInfo"]["endCursor"]
    cursor = forge(real, f"{json.dumps(MOMENT)}, {product_id}")

    for variables in directions(cursor):
        refused(await api(PRODUCTS_NEWEST, variables), cursor, "products")


async def test_the_extreme_dates_a_cursor_may_hold_are_accepted(api):
    # In range at both ends: the page is simply empty or whole, not an error.
    await factories.product(title="Tea")
    real = (await api(PRODUCTS_NEWEST, {"first": 1})).data["products"]["pageInfo"]["endCursor"]
    earliest = forge(real, '{"t": "0001-01-01T00:00:00+00:00"}, 1')
    latest = forge(real, '{"t": "9999-12-31T23:59:59.999999+00:00"}, 1')

    after_earliest = await api(PRODUCTS_NEWEST, {"first": 5, "after": earliest})
    after_latest = await api(PRODUCTS_NEWEST, {"first": 5, "after": latest})

    assert after_earliest.data["products"]["edges"] == []
    assert after_latest.data["products"]["edges"] == [{"node": {"title": "Tea"}}]


@pytest.mark.parametrize(
    "raw_id",
    [
        pytest.param("9223372036854775808", id="beyond-bigint"),
        pytest.param("-9223372036854775809", id="below-bigint"),
        pytest.param("1" + "0" * 400, id="huge"),
        pytest.param("1.5", id="float"),
        pytest.param("NaN", id="nan"),
        pytest.param("-Infinity", id="minus-infinity"),
        pytest.param('{"t": "9999-12-31T23:59:59-01:00"}', id="date"),
        pytest.param('"7"', id="string"),
    ],
)
@pytest.mark.parametrize(("query", "field"), [(CUSTOMERS, "customers"), (AUDIT_LOG, "auditLog")])
async def test_a_forged_admin_list_cursor_with_a_bad_id_is_bad_user_input(api, query, field, raw_id):
    admin = await factories.staff(Permission.MANAGE_USERS, Permission.MANAGE_STAFF)
    await factories.customer()
    await factories.product()  # an audit record
    real = (await api(query, {"first": 1}, token=admin.access_token)).data[field]["pageInfo"]["endCursor"]
    cursor = forge(real, raw_id)

    for variables in directions(cursor):
        refused(await api(query, variables, token=admin.access_token), cursor, field)


async def test_the_extreme_ids_a_cursor_may_hold_are_accepted(api):
    admin = await factories.staff(Permission.MANAGE_USERS)
    customer = await factories.customer()
    real = (await api(CUSTOMERS, {"first": 1}, token=admin.access_token)).data["customers"]["pageInfo"]["endCursor"]

    below_largest = await api(CUSTOMERS, {"first": 5, "after": forge(real, "9223372036854775807")}, token=admin.access_token)
    below_smallest = await api(CUSTOMERS, {"first": 5, "after": forge(real, "-9223372036854775808")}, token=admin.access_token)

    assert below_largest.data["customers"]["edges"] == [{"node": {"email": customer.user.email}}]
    assert below_smallest.data["customers"]["edges"] == []
