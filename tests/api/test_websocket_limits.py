"""Bounds on WebSocket connections: the connection_init wait, and open connections per process."""

from __future__ import annotations

import pytest
from httpx_ws import WebSocketDisconnect, aconnect_ws

from mall.app import create_app
from mall.settings import get_settings
from tests.websocket import LEGACY_WS, TRANSPORT_WS, connect, initialise, receive, ws_client


@pytest.mark.parametrize("subprotocol", [LEGACY_WS, TRANSPORT_WS])
async def test_a_connection_without_connection_init_is_closed_with_4408(configure, subprotocol):
    configure(websocket_init_timeout_seconds=0.05)

    async with connect(subprotocol) as ws:
        with pytest.raises(WebSocketDisconnect) as closed:
            await receive(ws)

    assert (closed.value.code, closed.value.reason) == (4408, "Connection initialisation timeout")


async def test_connections_over_the_cap_are_closed_with_1013_until_one_leaves(configure):
    configure(max_websockets=2)
    app = create_app(get_settings(), manage_database=False, configure_logging=False)

    async with ws_client(app) as client:
        async with aconnect_ws("/graphql", client, subprotocols=[TRANSPORT_WS]) as first:
            await initialise(first)
            async with aconnect_ws("/graphql", client, subprotocols=[TRANSPORT_WS]) as second:
                await initialise(second)
                async with aconnect_ws("/graphql", client, subprotocols=[TRANSPORT_WS]) as third:
                    with pytest.raises(WebSocketDisconnect) as closed:
                        await receive(third)
        async with aconnect_ws("/graphql", client, subprotocols=[TRANSPORT_WS]) as later:
            await initialise(later)

    assert (closed.value.code, closed.value.reason) == (1013, "Too many connections; try again later.")


# graphql-transport-ws closes on a message it cannot read (4400); legacy graphql-ws
# drops such messages, so the connection is never initialised and times out (4408).
@pytest.mark.parametrize(("subprotocol", "code"), [(TRANSPORT_WS, 4400), (LEGACY_WS, 4408)])
async def test_a_message_nesting_json_deeper_than_http_allows_is_never_read(configure, subprotocol, code):
    configure(websocket_init_timeout_seconds=0.2)
    deep_variables = "[" * 100 + "]" * 100

    async with connect(subprotocol) as ws:
        await ws.send_text('{"type": "connection_init", "payload": {"x": ' + deep_variables + "}}")
        with pytest.raises(WebSocketDisconnect) as closed:
            await receive(ws)

    assert closed.value.code == code
