"""WebSocket helpers for the tests, and a test-only schema with subscriptions.

The API has no subscription yet (the real-time issue adds them), so the
per-operation rules are proven on ``viewer_app()``: the real view, the real
schema extensions and settings, and a ``Subscription`` reporting the viewer.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncGenerator, AsyncIterator
from typing import Any

import httpx
import strawberry
import wsproto
from httpx_ws import aconnect_ws
from httpx_ws.transport import ASGIWebSocketTransport
from starlette.applications import Starlette
from starlette.routing import WebSocketRoute

from mall.app import create_app
from mall.graphql.accounts.loaders import UserByIdLoader
from mall.graphql.context import Info
from mall.graphql.errors import Forbidden
from mall.graphql.schema import MallSchema, Query, build_schema
from mall.graphql.view import GraphQLView
from mall.settings import get_settings

TRANSPORT_WS = "graphql-transport-ws"
LEGACY_WS = "graphql-ws"
TIMEOUT = 5


@strawberry.type
class Subscription:
    @strawberry.subscription
    async def viewer_email(self, info: Info) -> AsyncGenerator[str | None, None]:
        """The viewer's email, read through this operation's user loader; null when anonymous."""
        viewer = await info.context.viewer()
        user = await info.context.loader(UserByIdLoader).load(viewer.user.id) if viewer else None
        yield user.email if user else None

    @strawberry.subscription
    async def staff_only(self, info: Info) -> AsyncGenerator[bool, None]:
        viewer = await info.context.viewer()
        if viewer is None or not viewer.user.is_staff:
            raise Forbidden("Staff only.")
        yield True


def viewer_app() -> Starlette:
    """The GraphQL view over the real schema's extensions and a test ``Subscription``."""
    settings = get_settings()
    real = build_schema(settings)
    schema = MallSchema(query=Query, subscription=Subscription, extensions=real.extensions, config=real.config)
    return Starlette(routes=[WebSocketRoute("/graphql", GraphQLView(schema, settings=settings, graphiql_page=None))])


@contextlib.asynccontextmanager
async def ws_client(app: Any = None) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client whose transport also speaks WebSocket to the ASGI app (the real one by default).

    A context manager, not a fixture: the transport's task group must be
    entered and left in the same task (pytest-asyncio runs a fixture's setup
    and teardown in different tasks).
    """
    app = app or create_app(get_settings(), manage_database=False, configure_logging=False)
    async with ASGIWebSocketTransport(app=app) as transport:
        async with httpx.AsyncClient(transport=transport, base_url="http://mall.test") as client:
            yield client


@contextlib.asynccontextmanager
async def connect(subprotocol: str, app: Any = None) -> AsyncIterator[Any]:
    async with ws_client(app) as client, aconnect_ws("/graphql", client, subprotocols=[subprotocol]) as ws:
        yield ws


async def receive(ws: Any) -> dict[str, Any]:
    """The next protocol message, whichever kind of data frame carries it."""
    event = await ws.receive(timeout=TIMEOUT)
    assert isinstance(event, wsproto.events.TextMessage | wsproto.events.BytesMessage), event
    return json.loads(event.data)


async def initialise(ws: Any, token: str | None = None) -> None:
    """Send ``connection_init`` (with the token, if any) and expect the acknowledgement."""
    payload = {"authorization": f"Bearer {token}"} if token else {}
    await ws.send_json({"type": "connection_init", "payload": payload})
    assert await receive(ws) == {"type": "connection_ack"}
