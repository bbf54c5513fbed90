"""GraphQL over HTTP (DESIGN §4, §5): status codes, media types, methods, limits, GraphiQL, probes, CORS."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator

import httpx

from mall.app import create_app
from mall.core.actors import Permission
from mall.settings import get_settings
from tests import factories
from tests.operations import contract

GRAPHQL_RESPONSE = "application/graphql-response+json"
GQL = {"Accept": GRAPHQL_RESPONSE}
LEGACY = {"Accept": "application/json"}

SHOP_SETTINGS = contract("ShopSettings")
REGISTER = contract("Register")
LOGIN = contract("Login")
CUSTOMERS = contract("Customers")
INVALID_QUERY = "{ shopSettings { nope } }"
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def _json_body(response: httpx.Response) -> dict:
    return json.loads(response.content)


def _lenient_client() -> httpx.AsyncClient:
    """A client that reports an unhandled server error as a 500 instead of raising it."""
    app = create_app(get_settings(), manage_database=False, configure_logging=False)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app, raise_app_exceptions=False), base_url="http://mall.test")


# --- status codes and media types -------------------------------------------


async def test_a_validation_error_is_400_with_no_data_for_graphql_response_json(api):
    response = await api.http.post("/graphql", json={"query": INVALID_QUERY}, headers=GQL)

    assert response.status_code == 400
    assert response.headers["content-type"] == GRAPHQL_RESPONSE
    body = _json_body(response)
    assert "data" not in body
    assert [e["message"] for e in body["errors"]] == ["Cannot query field 'nope' on type 'ShopSettings'."]


async def test_a_validation_error_is_200_with_no_data_for_legacy_json(api):
    response = await api.http.post("/graphql", json={"query": INVALID_QUERY}, headers=LEGACY)

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    body = _json_body(response)
    assert "data" not in body
    assert [e["message"] for e in body["errors"]] == ["Cannot query field 'nope' on type 'ShopSettings'."]


async def test_wildcards_and_no_accept_header_answer_legacy_json(api):
    for accept in ("*/*", "application/*", None):
        headers = {"Accept": accept} if accept else {}
        request = api.http.build_request("POST", "/graphql", json={"query": INVALID_QUERY}, headers=headers)
        if accept is None:
            del request.headers["accept"]

        response = await api.http.send(request)

        assert (accept, response.status_code, response.headers["content-type"]) == (accept, 200, "application/json")


async def test_the_preferred_media_type_wins_by_quality(api):
    response = await api.http.post(
        "/graphql", json={"query": INVALID_QUERY}, headers={"Accept": f"application/json;q=0.5, {GRAPHQL_RESPONSE}"}
    )

    assert (response.status_code, response.headers["content-type"]) == (400, GRAPHQL_RESPONSE)


async def test_a_syntax_error_is_400(api):
    response = await api.http.post("/graphql", json={"query": "{ shopSettings { currency "}, headers=GQL)

    assert response.status_code == 400
    body = _json_body(response)
    assert "data" not in body
    assert body["errors"][0]["message"].startswith("Syntax Error:")


async def test_bad_variables_are_400(api):
    unknown_type = await api.http.post(
        "/graphql", json={"query": "query Q($first: Nope) { __typename }", "variables": {"first": 1}}, headers=GQL
    )
    bad_value = await api.http.post(
        "/graphql", json={"query": CUSTOMERS, "variables": {"first": "ten"}}, headers=GQL
    )
    missing_required = await api.http.post(
        "/graphql", json={"query": REGISTER, "variables": {}}, headers=GQL
    )
    not_an_object = await api.http.post(
        "/graphql", json={"query": SHOP_SETTINGS, "variables": [1, 2]}, headers=GQL
    )

    for response in (unknown_type, bad_value, missing_required, not_an_object):
        assert response.status_code == 400, response.text
        assert "data" not in _json_body(response)
    assert "Unknown type 'Nope'" in unknown_type.text
    assert [e["message"] for e in _json_body(bad_value)["errors"]] == [
        "Variable '$first' has invalid value: Int cannot represent non-integer value: 'ten'"
    ]
    assert "$input" in missing_required.text


async def test_a_request_without_a_query_is_400_not_a_server_error():
    async with _lenient_client() as http:
        get = await http.get("/graphql", headers=GQL)
        post = await http.post("/graphql", json={"variables": {}}, headers=GQL)
        null = await http.post("/graphql", json={"query": None}, headers=GQL)

    for response in (get, post, null):
        assert response.status_code == 400, response.text
        assert response.headers["content-type"] == GRAPHQL_RESPONSE
        assert "errors" in _json_body(response)


async def test_a_query_that_is_not_a_string_is_400(api):
    response = await api.http.post("/graphql", json={"query": 5}, headers=GQL)

    assert response.status_code == 400
    assert _json_body(response) == {"errors": [{"message": "The GraphQL operation's `query` must be a string or null, if provided."}]}


# --- methods ----------------------------------------------------------------


async def test_a_query_over_get_works(api):
    response = await api.http.get(
        "/graphql",
        params={"query": "query Q($first: Int) { shopSettings { currency } customers(first: $first) { totalCount } }",
                "variables": json.dumps({"first": 1})},
        headers=GQL,
    )
    simple = await api.http.get("/graphql", params={"query": SHOP_SETTINGS}, headers=GQL)

    # customers needs a sign-in: a field error, so still 200 with the error.
    assert response.status_code == 200
    assert _json_body(response)["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert simple.status_code == 200
    assert simple.headers["content-type"] == GRAPHQL_RESPONSE
    assert _json_body(simple)["data"]["shopSettings"]["currency"] == "CNY"


async def test_a_mutation_over_get_is_405_and_changes_nothing(api):
    variables = {"input": {"email": "via-get@example.com", "password": "s3cret-pass"}}

    response = await api.http.get("/graphql", params={"query": REGISTER, "variables": json.dumps(variables)}, headers=GQL)

    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert _json_body(response) == {"errors": [{"message": "Mutations need POST."}]}
    login = await api(LOGIN, {"input": {"login": "via-get@example.com", "password": "s3cret-pass"}})
    assert login.data["tokenCreate"]["userErrors"][0]["code"] == "INVALID_CREDENTIALS"
    admin = await factories.staff(Permission.MANAGE_USERS)
    assert (await api(CUSTOMERS, token=admin.access_token)).data["customers"]["totalCount"] == 0


async def test_other_methods_are_405(api):
    for method in ("PUT", "PATCH", "DELETE"):
        response = await api.http.request(method, "/graphql", json={"query": SHOP_SETTINGS}, headers=GQL)

        assert (method, response.status_code, response.headers["allow"]) == (method, 405, "GET, POST")


async def test_a_subscription_over_http_is_400_with_a_clear_message(api):
    # There is no Subscription type yet; the operation type alone decides.
    for method, kwargs in (("POST", {"json": {"query": "subscription S { x }"}}),
                           ("GET", {"params": {"query": "subscription S { x }"}})):
        response = await api.http.request(method, "/graphql", headers=GQL, **kwargs)

        assert response.status_code == 400
        assert _json_body(response) == {"errors": [{
            "message": "Subscriptions are served over WebSocket at this path (graphql-transport-ws or graphql-ws).",
        }]}


async def test_a_non_json_post_is_415(api):
    for content_type in ("text/plain", "application/x-www-form-urlencoded", "application/graphql"):
        response = await api.http.post(
            "/graphql", content=json.dumps({"query": SHOP_SETTINGS}), headers={**GQL, "Content-Type": content_type}
        )

        assert (content_type, response.status_code) == (content_type, 415)
        assert _json_body(response) == {"errors": [{"message": "Send the GraphQL request as application/json."}]}


async def test_a_json_content_type_with_charset_is_accepted(api):
    response = await api.http.post(
        "/graphql", content=json.dumps({"query": SHOP_SETTINGS}),
        headers={**GQL, "Content-Type": "application/json; charset=utf-8"},
    )

    assert response.status_code == 200
    assert _json_body(response)["data"]["shopSettings"]["timeZone"] == "Asia/Shanghai"


async def test_malformed_json_is_400(api):
    response = await api.http.post(
        "/graphql", content=b'{"query": "{ __typename }"', headers={**GQL, "Content-Type": "application/json"}
    )

    assert response.status_code == 400
    assert response.headers["content-type"] == GRAPHQL_RESPONSE
    assert list(_json_body(response)) == ["errors"]


NOT_AN_OBJECT = "A GraphQL request is a JSON object (query, variables, operationName, extensions)."
DEEP_VARIABLES = '{"a":' * 2000 + "null" + "}" * 2000


async def _post_raw(http: httpx.AsyncClient, body: bytes, headers: dict[str, str]) -> httpx.Response:
    return await http.post("/graphql", content=body, headers={**headers, "Content-Type": "application/json"})


async def test_a_json_body_that_is_not_an_object_is_400_in_the_negotiated_media_type():
    async with _lenient_client() as http:
        for accept in (GQL, LEGACY):
            for body in (b'"x"', b"null", b"12", b"true", b"[1]"):
                response = await _post_raw(http, body, accept)

                assert (body, response.status_code) == (body, 400), response.text
                assert response.headers["content-type"] == accept["Accept"]
                assert _json_body(response) == {"errors": [{"message": NOT_AN_OBJECT}]}


async def test_an_empty_batch_is_400_when_batching_is_off():
    async with _lenient_client() as http:
        response = await _post_raw(http, b"[]", GQL)

    assert response.status_code == 400
    assert _json_body(response) == {"errors": [{"message": "Batching is not enabled"}]}


async def test_variables_nested_thousands_of_levels_deep_are_400():
    post_body = ('{"query": "{ __typename }", "variables": ' + DEEP_VARIABLES + "}").encode()
    just_too_deep = '{"a":' * 64 + "null" + "}" * 64
    async with _lenient_client() as http:
        post = await _post_raw(http, post_body, GQL)
        get = await http.get("/graphql", params={"query": "{ __typename }", "variables": DEEP_VARIABLES}, headers=GQL)
        over_the_limit = await http.get("/graphql", params={"query": "{ __typename }", "variables": just_too_deep},
                                        headers=GQL)
        within = await http.get("/graphql", params={"query": "{ __typename }", "variables": just_too_deep[5:-1]},
                                headers=GQL)

    assert (post.status_code, get.status_code, over_the_limit.status_code) == (400, 400, 400)
    assert _json_body(post) == {"errors": [{"message": "The request body must be valid JSON."}]}  # past orjson's 1,024
    assert _json_body(get) == {"errors": [{"message": "The variables and extensions parameters must be valid JSON."}]}
    assert _json_body(over_the_limit) == {"errors": [{"message": "The request nests JSON more than 64 levels deep."}]}
    assert within.status_code == 200
    assert _json_body(within) == {"data": {"__typename": "Query"}}


async def test_a_lone_surrogate_in_a_variable_or_the_query_is_400():
    async with _lenient_client() as http:
        in_variable = await _post_raw(http, b'{"query": "{ __typename }", "variables": {"x": "\\ud800"}}', GQL)
        in_query = await _post_raw(http, b'{"query": "{ __typename } # \\udfff"}', LEGACY)
        over_get = await http.get("/graphql", params={"query": "{ __typename }", "variables": '{"x": "\\ud800"}'},
                                  headers=GQL)

    for response in (in_variable, in_query):
        assert response.status_code == 400, response.text
        assert _json_body(response) == {"errors": [{"message": "The request body must be valid JSON."}]}
    assert in_variable.headers["content-type"] == GRAPHQL_RESPONSE
    assert in_query.headers["content-type"] == "application/json"
    assert over_get.status_code == 400
    assert _json_body(over_get) == {"errors": [{"message": "The variables and extensions parameters must be valid JSON."}]}


async def test_an_unacceptable_accept_header_is_406(api):
    for accept in ("text/plain", "application/xml, text/html;q=0.5", f"{GRAPHQL_RESPONSE};q=0"):
        response = await api.http.post("/graphql", json={"query": SHOP_SETTINGS}, headers={"Accept": accept})

        assert (accept, response.status_code) == (accept, 406)
        assert _json_body(response) == {
            "errors": [{"message": "Acceptable: application/graphql-response+json, application/json."}]
        }


async def test_a_batch_is_refused_by_default(api):
    response = await api.http.post("/graphql", json=[{"query": SHOP_SETTINGS}, {"query": SHOP_SETTINGS}], headers=GQL)

    assert response.status_code == 400
    assert "data" not in _json_body(response)
    assert _json_body(response)["errors"]


# --- body size --------------------------------------------------------------


async def test_a_body_over_the_limit_is_413(configure, make_api):
    configure(max_request_bytes=2048)
    api = make_api()
    padding = " " * 2100

    declared = await api.http.post("/graphql", json={"query": SHOP_SETTINGS + padding}, headers=GQL)

    async def chunks() -> AsyncIterator[bytes]:
        yield json.dumps({"query": SHOP_SETTINGS}).encode()[:-1]
        for _ in range(5):
            yield b" " * 500
        yield b"}"

    streamed = await api.http.post("/graphql", content=chunks(), headers={**GQL, "Content-Type": "application/json"})
    fits = await api.http.post("/graphql", json={"query": SHOP_SETTINGS + " " * 1500}, headers=GQL)

    for response in (declared, streamed):
        assert response.status_code == 413
        assert _json_body(response) == {"errors": [{"message": "The request body is too large."}]}
        assert response.headers["x-request-id"]
    # The streamed body declares no length: the limit is enforced while reading.
    assert "content-length" not in streamed.request.headers
    assert fits.status_code == 200
    assert _json_body(fits)["data"]["shopSettings"]["currency"] == "CNY"


# --- GraphiQL ---------------------------------------------------------------


async def test_graphiql_is_served_from_our_own_assets(api):
    page = await api.http.get("/graphql", headers={"Accept": BROWSER_ACCEPT})
    asset = await api.http.get("/graphql/static/graphiql.min.js")

    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "graphiql" in page.text.lower()
    assert "/graphql/static/graphiql.min.js" in page.text
    assert "unpkg" not in page.text
    assert asset.status_code == 200
    assert asset.headers["content-type"].startswith("text/javascript")
    assert len(asset.content) > 100_000
    # Every script and stylesheet the page loads comes from us, and is there.
    references = [url for url in re.findall(r'(?:src|href)="([^"]+)"', page.text) if not url.startswith("data:")]
    assert len(references) >= 5
    for url in references:
        assert url.startswith("/graphql/static/"), url
        response = await api.http.get(url)
        assert (url, response.status_code) == (url, 200)


async def test_graphiql_can_be_switched_off(configure, make_api):
    configure(graphiql=False)
    api = make_api()

    html_only = await api.http.get("/graphql", headers={"Accept": "text/html"})
    browser = await api.http.get("/graphql", headers={"Accept": BROWSER_ACCEPT})

    assert html_only.status_code in (400, 404, 406)
    assert browser.status_code in (400, 404)
    for response in (html_only, browser):
        assert "text/html" not in response.headers["content-type"]
        assert "graphiql" not in response.text.lower()


async def test_graphiql_is_off_without_the_sandbox_unless_turned_on(configure, make_api):
    configure(sandbox=False)  # graphiql left unset, as in .env.example
    production = await make_api().http.get("/graphql", headers={"Accept": BROWSER_ACCEPT})
    configure(sandbox=False, graphiql=True)
    turned_on = await make_api().http.get("/graphql", headers={"Accept": BROWSER_ACCEPT})

    assert production.status_code in (400, 404)
    assert "graphiql" not in production.text.lower()
    assert turned_on.status_code == 200
    assert turned_on.headers["content-type"].startswith("text/html")


async def test_the_graphiql_page_forbids_inline_code_foreign_sources_and_framing(api):
    page = await api.http.get("/graphql", headers={"Accept": BROWSER_ACCEPT})

    policy = dict(part.strip().split(" ", 1) for part in page.headers["content-security-policy"].split(";"))
    assert policy == {
        "default-src": "'none'", "script-src": "'self'", "style-src": "'self'", "img-src": "'self' data:",
        "font-src": "'self' data:", "connect-src": "'self'", "base-uri": "'none'", "form-action": "'none'",
        "frame-ancestors": "'none'",
    }
    assert page.headers["x-frame-options"] == "DENY"
    # Nothing inline for the policy to block: every script and style is a file of ours.
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", page.text) == []
    assert "<style" not in page.text
    assert ' style="' not in page.text
    assert re.findall(r'<script[^>]*src="([^"]+)"', page.text)[-1] == "/graphql/static/mall-graphiql.js"


async def test_graphiql_neither_stores_headers_nor_takes_them_from_the_url(api):
    page = await api.http.get("/graphql", headers={"Accept": BROWSER_ACCEPT})
    script = await api.http.get("/graphql/static/mall-graphiql.js")

    assert 'data-graphql-url="/graphql"' in page.text
    assert script.status_code == 200
    assert "shouldPersistHeaders: false" in script.text
    assert "shouldPersistHeaders: true" not in script.text
    # Only the query and the variables are read from the URL (a shared link cannot plant a token).
    assert 'if (key === "q" || key === "variables")' in script.text
    assert "parameters.headers" not in script.text


async def test_the_graphiql_template_itself_is_not_served(api):
    response = await api.http.get("/graphql/static/graphiql.html")

    assert response.status_code == 404


# --- probes and request ids -------------------------------------------------


async def test_health_and_readiness(api, settings):
    health = await api.http.get("/healthz")
    ready = await api.http.get("/readyz")

    assert (health.status_code, health.json()) == (200, {"status": "ok"})
    assert ready.status_code == 200
    expected = {"database": "ok"} if settings.is_sqlite else {"database": "ok", "redis": "ok"}
    assert ready.json() == {"status": "ok", "checks": expected}


async def test_a_sane_request_id_is_echoed_and_a_bad_one_replaced(api):
    kept = await api.http.post("/graphql", json={"query": SHOP_SETTINGS}, headers={**GQL, "X-Request-Id": "req-42.abc_DEF"})
    replaced = await api.http.get("/healthz", headers={"X-Request-Id": "x y\n"})
    too_long = await api.http.get("/healthz", headers={"X-Request-Id": "a" * 65})
    fresh = await api.http.get("/healthz")

    assert kept.headers["x-request-id"] == "req-42.abc_DEF"
    for response in (replaced, too_long, fresh):
        request_id = response.headers["x-request-id"]
        assert len(request_id) == 32 and all(c in "0123456789abcdef" for c in request_id)
    assert replaced.headers["x-request-id"] != fresh.headers["x-request-id"]


# --- CORS -------------------------------------------------------------------


async def test_cors_allows_only_the_configured_origins(configure, make_api):
    configure(allowed_origins=["https://shop.example.com"])
    api = make_api()
    preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization, content-type"}

    allowed = await api.http.options("/graphql", headers={"Origin": "https://shop.example.com", **preflight})
    refused = await api.http.options("/graphql", headers={"Origin": "https://evil.example.com", **preflight})
    simple = await api.http.post("/graphql", json={"query": SHOP_SETTINGS}, headers={**GQL, "Origin": "https://shop.example.com"})
    foreign = await api.http.post("/graphql", json={"query": SHOP_SETTINGS}, headers={**GQL, "Origin": "https://evil.example.com"})

    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == "https://shop.example.com"
    assert "POST" in allowed.headers["access-control-allow-methods"]
    assert "authorization" in allowed.headers["access-control-allow-headers"].lower()
    assert refused.status_code == 400
    assert "access-control-allow-origin" not in refused.headers
    assert simple.headers["access-control-allow-origin"] == "https://shop.example.com"
    assert "x-request-id" in simple.headers["access-control-expose-headers"].lower()
    assert "access-control-allow-origin" not in foreign.headers


async def test_cors_allows_no_origin_by_default(api):
    response = await api.http.options(
        "/graphql", headers={"Origin": "https://shop.example.com", "Access-Control-Request-Method": "POST"}
    )

    # No origin configured: no CORS layer at all; the preflight is just a method GraphQL refuses.
    assert response.status_code == 405
    assert "access-control-allow-origin" not in response.headers
