"""GraphQL over WebSocket: subscriptions only, each operation with its own context.

Strawberry's protocol handlers give every operation on a connection the one
context built at the handshake, and run queries and mutations as well. Both
handlers here see the schema through ``_OperationSchema``, the one point
where an operation starts (``stream`` for graphql-transport-ws, ``subscribe``
for graphql-ws): each operation gets a context of its own (fresh loaders,
the token authenticated anew, DESIGN §4), and anything but a subscription is
refused before it executes (queries and mutations go over HTTP).

Legacy graphql-ws connections are closed like graphql-transport-ws ones
when no ``connection_init`` arrives in time.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
from collections.abc import AsyncGenerator
from typing import Any

from graphql import GraphQLError
from strawberry.schema import BaseSchema
from strawberry.schema.exceptions import InvalidOperationTypeError
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import BaseGraphQLTransportWSHandler
from strawberry.subscriptions.protocols.graphql_ws.handlers import BaseGraphQLWSHandler
from strawberry.subscriptions.protocols.graphql_ws.types import ConnectionInitMessage
from strawberry.types.execution import PreExecutionError
from strawberry.types.graphql import OperationType
from strawberry.utils.aio import aclosing

from mall.graphql.context import Context

SUBSCRIPTIONS_ONLY = "WebSocket carries subscriptions only: send queries and mutations over HTTP."
TRY_AGAIN_LATER = 1013  # RFC 6455 registry: the server is overloaded, try again later


class _OperationSchema:
    """The schema as the protocol handlers see it: one context per operation, subscriptions only."""

    def __init__(self, schema: BaseSchema) -> None:
        self._schema = schema

    async def stream(  # noqa: PLR0917 (Strawberry's signature)
        self,
        query: str | None,
        variable_values: dict[str, Any] | None = None,
        context_value: Context | None = None,
        root_value: Any = None,
        operation_name: str | None = None,
        operation_extensions: dict[str, Any] | None = None,
        allowed_operation_types: object = None,
    ) -> AsyncGenerator[Any, None]:
        assert context_value is not None
        results = await self._schema.stream(
            query,
            variable_values=variable_values,
            context_value=context_value.for_operation(),
            root_value=root_value,
            operation_name=operation_name,
            operation_extensions=operation_extensions,
            allowed_operation_types=(OperationType.SUBSCRIPTION,),
        )
        return _explain_refusal(results)

    subscribe = stream


async def _explain_refusal(results: AsyncGenerator[Any, None]) -> AsyncGenerator[Any, None]:
    """Say why a query or mutation was refused (Strawberry says only "mutations are not allowed")."""
    async with aclosing(results):
        async for result in results:
            if isinstance(result, PreExecutionError) and any(
                isinstance(error.original_error, InvalidOperationTypeError) for error in result.errors or ()
            ):
                result.errors = [GraphQLError(SUBSCRIPTIONS_ONLY, extensions={"code": "OPERATION_NOT_SUPPORTED"})]
            yield result


class TransportWSHandler(BaseGraphQLTransportWSHandler[Context, None]):
    """graphql-transport-ws, one context per operation, subscriptions only."""

    def __init__(self, *, schema: BaseSchema, **options: Any) -> None:
        super().__init__(schema=_OperationSchema(schema), **options)  # type: ignore[arg-type]


class LegacyWSHandler(BaseGraphQLWSHandler[Context, None]):
    """Legacy graphql-ws, as above, and closed (4408) when ``connection_init`` does not come in time."""

    def __init__(self, *, schema: BaseSchema, **options: Any) -> None:
        super().__init__(schema=_OperationSchema(schema), **options)  # type: ignore[arg-type]
        self._init_received = False

    async def handle(self) -> None:
        wait: dt.timedelta = self.view.connection_init_wait_timeout  # type: ignore[attr-defined]
        timer = asyncio.create_task(self._close_unless_initialised(wait.total_seconds()))
        try:
            await super().handle()
        finally:
            timer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await timer

    async def handle_connection_init(self, message: ConnectionInitMessage) -> None:
        self._init_received = True
        await super().handle_connection_init(message)

    async def _close_unless_initialised(self, seconds: float) -> None:
        await asyncio.sleep(seconds)
        if not self._init_received:
            await self.websocket.close(code=4408, reason="Connection initialisation timeout")


def pick_subprotocol(offered: list[str], supported: list[str]) -> str | None:
    """The first protocol the client offers that we speak (the client's order is its preference)."""
    return next((protocol for protocol in offered if protocol in supported), None)


async def close_busy(receive: Any, send: Any, *, subprotocol: str | None) -> None:
    """Accept a WebSocket and close it at once with 1013: this process holds its maximum.

    Accepted first so that the client sees the code and reason (a refused
    handshake reads as a network failure).
    """
    await receive()  # websocket.connect
    await send({"type": "websocket.accept", "subprotocol": subprotocol})
    await send({"type": "websocket.close", "code": TRY_AGAIN_LATER, "reason": "Too many connections; try again later."})
