"""Error masking and query limits (DESIGN §4): bugs are masked, the client's mistakes are not."""

from __future__ import annotations

import logging

import pytest

import mall.graphql.shop.queries
from tests import factories
from tests.operations import contract

GQL = {"Accept": "application/graphql-response+json"}
SHOP_SETTINGS = contract("ShopSettings")
ME = "query Me { me { id email } }"
DEEP = "query Deep { me { sessions { id } } }"  # depth 2
DEEPER = "query Deeper { customers { edges { node { id } } } }"  # depth 4
INTROSPECTION = "{ __schema { types { name } } }"


def _boom() -> None:
    raise RuntimeError("database password is hunter2")


# --- masking ----------------------------------------------------------------


async def test_an_unexpected_exception_is_masked_with_the_request_id(api, monkeypatch, caplog):
    monkeypatch.setattr(mall.graphql.shop.queries, "get_settings", _boom)
    caplog.set_level(logging.ERROR, logger="mall.graphql")

    result = await api(SHOP_SETTINGS)

    assert result.status == 200
    assert result.body["data"] is None  # shopSettings is non-null, so the error nulls data
    assert result.errors == [{
        "message": "Unexpected error.",
        "locations": [{"line": 2, "column": 3}],  # where print_ast puts shopSettings in contract("ShopSettings")
        "path": ["shopSettings"],
        "extensions": {"code": "INTERNAL_SERVER_ERROR", "requestId": result.headers["x-request-id"]},
    }]
    assert "hunter2" not in str(result.body)
    assert "RuntimeError" not in str(result.body)
    # ...but it is logged, with the original exception.
    [record] = [r for r in caplog.records if r.name == "mall.graphql"]
    assert "hunter2" in record.getMessage()
    assert record.exc_info is not None and record.exc_info[0] is RuntimeError


async def test_a_masked_error_keeps_the_client_request_id_and_spares_other_fields(api, monkeypatch):
    account = await factories.customer()
    monkeypatch.setattr(mall.graphql.shop.queries, "get_settings", _boom)

    result = await api("query Both { me { email } shopSettings { currency } }", token=account.access_token,
                       headers={"X-Request-Id": "support-ticket-1234"})

    assert result.headers["x-request-id"] == "support-ticket-1234"
    assert result.error_codes == ["INTERNAL_SERVER_ERROR"]
    assert result.errors[0]["extensions"]["requestId"] == "support-ticket-1234"
    assert result.body["data"] is None


async def test_deliberate_errors_are_not_masked(api):
    account = await factories.customer()

    forbidden = await api("{ customers { totalCount } }", token=account.access_token)
    bad_input = await api('{ node(id: "not base64!") { id } }')

    assert forbidden.errors[0]["message"] == "This needs the MANAGE_USERS permission."
    assert forbidden.error_codes == ["FORBIDDEN"]
    assert bad_input.error_codes == ["BAD_USER_INPUT"]
    assert bad_input.errors[0]["message"] == "'not base64!' is not a valid ID."


# --- validation messages and suggestions ------------------------------------


async def test_validation_errors_name_the_field_without_suggestions(api):
    result = await api("{ shopSetting { currency } }")

    assert result.status == 400
    assert result.body == {"errors": [{
        "message": "Cannot query field 'shopSetting' on type 'Query'.", "locations": [{"line": 1, "column": 3}],
    }]}


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        pytest.param("query Q($id: Nod!) { node(id: $id) { id } }", {"id": "x"}, id="type"),
        pytest.param("{ customers(frist: 1) { totalCount } }", None, id="argument"),
        pytest.param('mutation M { staffCreate(input: {email: "a@example.com", password: "s3cret-pass", '
                     "permissions: [MANAGE_STAF]}) { userErrors { code } } }", None, id="enum-value"),
        pytest.param('mutation M { staffCreate(input: {emial: "a@example.com", password: "s3cret-pass", '
                     "permissions: []}) { userErrors { code } } }", None, id="input-field"),
    ],
)
async def test_no_suggestions_of_any_kind_outside_debug(api, query, variables):
    # Field suggestions are off outside debug; any other "Did you mean" would
    # still let a client map the schema with introspection switched off.
    result = await api(query, variables)

    assert result.status == 400
    assert result.errors, result.body
    assert [e["message"] for e in result.errors if "Did you mean" in e["message"]] == []


async def test_debug_mode_suggests_field_names(configure, make_api):
    configure(debug=True)
    api = make_api()

    result = await api("{ shopSetting { currency } }")

    assert result.status == 400
    assert result.errors[0]["message"] == "Cannot query field 'shopSetting' on type 'Query'. Did you mean 'shopSettings'?"


# --- limits -----------------------------------------------------------------


async def test_the_depth_limit_refuses_deep_queries(api, configure):
    admin = await factories.staff(superuser=True)
    configure(max_query_depth=3)

    deep = await api(DEEP, token=admin.access_token)
    deeper = await api(DEEPER, token=admin.access_token)
    via_fragment = await api(
        "query ViaFragment { customers { ...Edges } } fragment Edges on UserConnection { edges { node { id } } }",
        token=admin.access_token,
    )

    assert deep.status == 200
    assert deep.data["me"]["sessions"]
    for result, name in ((deeper, "Deeper"), (via_fragment, "ViaFragment")):
        assert result.status == 400
        assert "data" not in result.body
        assert [e["message"] for e in result.errors] == [f"'{name}' exceeds the maximum query depth of 3."]


async def test_introspection_does_not_count_towards_depth(api, configure):
    configure(max_query_depth=2)

    result = await api("{ __schema { queryType { fields { type { ofType { name } } } } } }")

    assert result.status == 200
    assert result.data["__schema"]["queryType"]["fields"]


async def test_the_alias_limit(api, configure):
    configure(max_aliases=2)

    two = await api("{ a: shopSettings { currency } b: shopSettings { timeZone } }")
    three = await api("{ a: shopSettings { currency } b: shopSettings { timeZone } c: shopSettings { currency } }")
    nested = await api("query Nested { a: shopSettings { x: currency y: timeZone } }")

    assert two.data == {"a": {"currency": "CNY"}, "b": {"timeZone": "Asia/Shanghai"}}
    for result in (three, nested):
        assert result.status == 400
        assert "data" not in result.body
        assert [e["message"] for e in result.errors] == ["Operations may use at most 2 aliases."]


async def test_the_token_limit(configure, make_api):
    configure(max_query_tokens=100)
    api = make_api()

    small = await api("{ shopSettings { currency } }")
    big = await api("{ " + " ".join("__typename" for _ in range(120)) + " }")

    assert small.data == {"shopSettings": {"currency": "CNY"}}
    assert big.status == 400
    assert "data" not in big.body
    assert [e["message"] for e in big.errors] == ["Syntax Error: Document contains more than 100 tokens. Parsing aborted."]


async def test_introspection_is_on_with_the_sandbox(api):
    result = await api(INTROSPECTION)

    names = {t["name"] for t in result.data["__schema"]["types"]}
    assert {"Query", "Mutation", "User", "UserErrorCode", "Money"} <= names


async def test_introspection_can_be_switched_off(configure, make_api):
    configure(introspection=False)
    api = make_api()

    schema = await api(INTROSPECTION)
    type_query = await api('{ __type(name: "User") { name } }')
    typename = await api("{ __typename shopSettings { currency } }")

    for result in (schema, type_query):
        assert result.status == 400
        assert "data" not in result.body
        assert result.errors[0]["message"].startswith("GraphQL introspection has been disabled")
    assert typename.data == {"__typename": "Query", "shopSettings": {"currency": "CNY"}}


async def test_introspection_is_off_without_the_sandbox_unless_turned_on(configure, make_api):
    configure(sandbox=False)  # introspection left unset, as in .env.example
    production = await make_api()(INTROSPECTION)
    configure(sandbox=False, introspection=True)
    turned_on = await make_api()(INTROSPECTION)

    assert production.status == 400
    assert production.errors[0]["message"].startswith("GraphQL introspection has been disabled")
    assert "Query" in {t["name"] for t in turned_on.data["__schema"]["types"]}


async def test_batching_is_refused_by_default_and_allowed_in_debug(api, configure, make_api):
    refused = await api.http.post("/graphql", json=[{"query": ME}, {"query": ME}], headers=GQL)
    configure(debug=True)
    debug_api = make_api()
    allowed = await debug_api.http.post("/graphql", json=[{"query": ME}, {"query": "{ __typename }"}], headers=GQL)

    assert refused.status_code == 400
    assert refused.json() == {"errors": [{"message": "Batching is not enabled"}]}
    assert allowed.status_code == 200
    assert allowed.json() == [{"data": {"me": None}}, {"data": {"__typename": "Query"}}]
