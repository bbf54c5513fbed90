"""GraphQL over WebSocket (DESIGN §3.9): graphql-transport-ws and legacy graphql-ws, token in the payload."""

from __future__ import annotations

import json

import pytest
import wsproto
from httpx_ws import WebSocketDisconnect

from tests import factories
from tests.operations import contract
from tests.websocket import LEGACY_WS, TIMEOUT, TRANSPORT_WS, connect, initialise, receive, viewer_app

VIEWER = "subscription { viewerEmail }"
LOGOUT = contract("Logout")


async def test_graphql_transport_ws_runs_a_subscription_for_the_token_holder():
    account = await factories.customer(email="ws@example.com")

    async with connect(TRANSPORT_WS, viewer_app()) as ws:
        assert ws.subprotocol == TRANSPORT_WS
        await ws.send_json({"type": "connection_init", "payload": {"authorization": f"Bearer {account.access_token}"}})
        assert await receive(ws) == {"type": "connection_ack"}

        await ws.send_json({"id": "s1", "type": "subscribe", "payload": {"query": VIEWER}})

        assert await receive(ws) == {"id": "s1", "type": "next", "payload": {"data": {"viewerEmail": "ws@example.com"}}}
        assert await receive(ws) == {"id": "s1", "type": "complete"}


async def test_protocol_messages_are_text_frames():
    # graphql-ws clients (browsers) JSON.parse the frame's data; a binary frame arrives as a Blob.
    async with connect(TRANSPORT_WS) as ws:
        await ws.send_json({"type": "connection_init"})

        event = await ws.receive(timeout=TIMEOUT)

    assert isinstance(event, wsproto.events.TextMessage), event
    assert json.loads(event.data) == {"type": "connection_ack"}


async def test_the_authorization_key_may_be_capitalised():
    account = await factories.customer()

    async with connect(TRANSPORT_WS, viewer_app()) as ws:
        await ws.send_json({"type": "connection_init", "payload": {"Authorization": f"Bearer {account.access_token}"}})
        assert await receive(ws) == {"type": "connection_ack"}
        await ws.send_json({"id": "1", "type": "subscribe", "payload": {"query": VIEWER}})

        message = await receive(ws)

    assert message["payload"]["data"] == {"viewerEmail": account.user.email}


async def test_a_bad_token_closes_the_socket_with_4403(api):
    account = await factories.customer()
    revoked = await factories.customer()
    assert (await api(LOGOUT, {"input": {}}, token=revoked.access_token)).data["tokenRevoke"]["revoked"] is True

    for token in ("not-a-token", account.access_token[:-4] + "AAAA", revoked.access_token):
        async with connect(TRANSPORT_WS) as ws:
            await ws.send_json({"type": "connection_init", "payload": {"authorization": f"Bearer {token}"}})

            with pytest.raises(WebSocketDisconnect) as closed:
                await receive(ws)

        assert closed.value.code == 4403


async def test_an_anonymous_connection_is_acknowledged_and_sees_no_viewer():
    async with connect(TRANSPORT_WS, viewer_app()) as ws:
        await ws.send_json({"type": "connection_init"})
        assert await receive(ws) == {"type": "connection_ack"}

        await ws.send_json({"id": "anon", "type": "subscribe", "payload": {"query": VIEWER}})

        assert await receive(ws) == {"id": "anon", "type": "next", "payload": {"data": {"viewerEmail": None}}}
        assert await receive(ws) == {"id": "anon", "type": "complete"}


async def test_subscribing_before_connection_init_closes_with_4401():
    async with connect(TRANSPORT_WS) as ws:
        await ws.send_json({"id": "early", "type": "subscribe", "payload": {"query": VIEWER}})

        with pytest.raises(WebSocketDisconnect) as closed:
            await receive(ws)

    assert closed.value.code == 4401


async def test_field_errors_over_the_socket_follow_the_http_rules():
    customer = await factories.customer()

    async with connect(TRANSPORT_WS, viewer_app()) as ws:
        await initialise(ws, customer.access_token)
        await ws.send_json({"id": "c", "type": "subscribe", "payload": {"query": "subscription { staffOnly }"}})

        message = await receive(ws)

    assert message["type"] == "next"
    assert [e["extensions"]["code"] for e in message["payload"]["errors"]] == ["FORBIDDEN"]


async def test_legacy_graphql_ws_acknowledges_the_connection():
    account = await factories.customer()

    async with connect(LEGACY_WS) as ws:
        assert ws.subprotocol == LEGACY_WS
        await ws.send_json({"type": "connection_init", "payload": {"authorization": f"Bearer {account.access_token}"}})

        assert await receive(ws) == {"type": "connection_ack"}

        await ws.send_json({"type": "connection_terminate"})
        with pytest.raises(WebSocketDisconnect):
            await receive(ws)


async def test_legacy_graphql_ws_refuses_a_bad_token():
    async with connect(LEGACY_WS) as ws:
        await ws.send_json({"type": "connection_init", "payload": {"authorization": "Bearer not-a-token"}})

        message = await receive(ws)
        with pytest.raises(WebSocketDisconnect):
            await receive(ws)

    assert message["type"] == "connection_error"


async def test_an_unknown_subprotocol_is_refused():
    async with connect("chat") as ws:
        with pytest.raises(WebSocketDisconnect) as closed:
            await receive(ws)

    assert closed.value.code == 4406
