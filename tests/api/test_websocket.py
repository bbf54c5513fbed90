"""GraphQL over WebSocket (DESIGN §3.9): graphql-transport-ws and legacy graphql-ws, token in the payload."""

from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import wsproto
from httpx_ws import WebSocketDisconnect, aconnect_ws
from httpx_ws.transport import ASGIWebSocketTransport

from mall.app import create_app
from mall.graphql.relay import encode_id
from mall.settings import get_settings
from tests import factories
from tests.operations import contract

TRANSPORT_WS = "graphql-transport-ws"
LEGACY_WS = "graphql-ws"
ME = "{ me { id email } }"
LOGOUT = contract("Logout")
TIMEOUT = 5


@contextlib.asynccontextmanager
async def _ws_client() -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client whose transport also speaks WebSocket to the ASGI app.

    A context manager, not a fixture: the transport's task group must be
    entered and left in the same task (pytest-asyncio runs a fixture's setup
    and teardown in different tasks).
    """
    app = create_app(get_settings(), manage_database=False, configure_logging=False)
    async with ASGIWebSocketTransport(app=app) as transport:
        async with httpx.AsyncClient(transport=transport, base_url="http://mall.test") as client:
            yield client


@contextlib.asynccontextmanager
async def _connect(subprotocol: str) -> AsyncIterator[Any]:
    async with _ws_client() as client, aconnect_ws("/graphql", client, subprotocols=[subprotocol]) as ws:
        yield ws


async def _receive(ws: Any) -> dict[str, Any]:
    """The next protocol message, whichever kind of data frame carries it."""
    event = await ws.receive(timeout=TIMEOUT)
    assert isinstance(event, wsproto.events.TextMessage | wsproto.events.BytesMessage), event
    return json.loads(event.data)


async def test_graphql_transport_ws_runs_a_query_for_the_token_holder():
    account = await factories.customer(email="ws@example.com")

    async with _connect(TRANSPORT_WS) as ws:
        assert ws.subprotocol == TRANSPORT_WS
        await ws.send_json({"type": "connection_init", "payload": {"authorization": f"Bearer {account.access_token}"}})
        assert await _receive(ws) == {"type": "connection_ack"}

        await ws.send_json({"id": "q1", "type": "subscribe", "payload": {"query": ME}})

        assert await _receive(ws) == {
            "id": "q1", "type": "next",
            "payload": {"data": {"me": {"id": encode_id("User", account.user.id), "email": "ws@example.com"}}},
        }
        assert await _receive(ws) == {"id": "q1", "type": "complete"}


async def test_protocol_messages_are_text_frames():
    # graphql-ws clients (browsers) JSON.parse the frame's data; a binary frame arrives as a Blob.
    async with _connect(TRANSPORT_WS) as ws:
        await ws.send_json({"type": "connection_init"})

        event = await ws.receive(timeout=TIMEOUT)

    assert isinstance(event, wsproto.events.TextMessage), event
    assert json.loads(event.data) == {"type": "connection_ack"}


async def test_the_authorization_key_may_be_capitalised():
    account = await factories.customer()

    async with _connect(TRANSPORT_WS) as ws:
        await ws.send_json({"type": "connection_init", "payload": {"Authorization": f"Bearer {account.access_token}"}})
        assert await _receive(ws) == {"type": "connection_ack"}
        await ws.send_json({"id": "1", "type": "subscribe", "payload": {"query": ME}})

        message = await _receive(ws)

    assert message["payload"]["data"]["me"]["id"] == encode_id("User", account.user.id)


async def test_a_bad_token_closes_the_socket_with_4403(api):
    account = await factories.customer()
    revoked = await factories.customer()
    assert (await api(LOGOUT, {"input": {}}, token=revoked.access_token)).data["tokenRevoke"]["revoked"] is True

    for token in ("not-a-token", account.access_token[:-4] + "AAAA", revoked.access_token):
        async with _connect(TRANSPORT_WS) as ws:
            await ws.send_json({"type": "connection_init", "payload": {"authorization": f"Bearer {token}"}})

            with pytest.raises(WebSocketDisconnect) as closed:
                await _receive(ws)

        assert closed.value.code == 4403


async def test_an_anonymous_connection_is_acknowledged_and_me_is_null():
    async with _connect(TRANSPORT_WS) as ws:
        await ws.send_json({"type": "connection_init"})
        assert await _receive(ws) == {"type": "connection_ack"}

        await ws.send_json({"id": "anon", "type": "subscribe", "payload": {"query": ME}})

        assert await _receive(ws) == {"id": "anon", "type": "next", "payload": {"data": {"me": None}}}
        assert await _receive(ws) == {"id": "anon", "type": "complete"}


async def test_subscribing_before_connection_init_closes_with_4401():
    async with _connect(TRANSPORT_WS) as ws:
        await ws.send_json({"id": "early", "type": "subscribe", "payload": {"query": ME}})

        with pytest.raises(WebSocketDisconnect) as closed:
            await _receive(ws)

    assert closed.value.code == 4401


async def test_field_errors_over_the_socket_follow_the_http_rules():
    customer = await factories.customer()

    async with _connect(TRANSPORT_WS) as ws:
        await ws.send_json({"type": "connection_init", "payload": {"authorization": f"Bearer {customer.access_token}"}})
        assert await _receive(ws) == {"type": "connection_ack"}
        await ws.send_json({"id": "c", "type": "subscribe", "payload": {"query": "{ customers { totalCount } }"}})

        message = await _receive(ws)

    assert message["type"] == "next"
    assert [e["extensions"]["code"] for e in message["payload"]["errors"]] == ["FORBIDDEN"]


async def test_legacy_graphql_ws_acknowledges_the_connection():
    account = await factories.customer()

    async with _connect(LEGACY_WS) as ws:
        assert ws.subprotocol == LEGACY_WS
        await ws.send_json({"type": "connection_init", "payload": {"authorization": f"Bearer {account.access_token}"}})

        assert await _receive(ws) == {"type": "connection_ack"}

        await ws.send_json({"type": "connection_terminate"})
        with pytest.raises(WebSocketDisconnect):
            await _receive(ws)


async def test_legacy_graphql_ws_refuses_a_bad_token():
    async with _connect(LEGACY_WS) as ws:
        await ws.send_json({"type": "connection_init", "payload": {"authorization": "Bearer not-a-token"}})

        message = await _receive(ws)
        with pytest.raises(WebSocketDisconnect):
            await _receive(ws)

    assert message["type"] == "connection_error"


async def test_an_unknown_subprotocol_is_refused():
    async with _connect("chat") as ws:
        with pytest.raises(WebSocketDisconnect) as closed:
            await _receive(ws)

    assert closed.value.code == 4406
