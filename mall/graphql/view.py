"""GraphQL over HTTP and WebSocket, following the GraphQL-over-HTTP spec.

Stock Strawberry always answers ``application/json`` with status 200. This
view negotiates ``application/graphql-response+json``: a request error
(syntax, validation, bad variables: nothing executed) then answers 400 with
no ``data``; field errors keep 200. A mutation over GET answers 405, a
subscription over HTTP a clear 400, a non-JSON body 415. Malformed requests
get a JSON ``errors`` body in the negotiated media type: a body that is not a
JSON object, JSON nested too deep or a lone surrogate answers 400.

This module is the one bridge between Strawberry and Starlette.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import orjson
from cross_web import AsyncHTTPRequestAdapter, HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError, MissingQueryError
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData, process_result
from strawberry.schema.exceptions import (
    CannotGetOperationTypeError,
    InvalidOperationTypeError,
)
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL, GRAPHQL_WS_PROTOCOL
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType
from strawberry.types.unset import UNSET, UnsetType

from mall.catalog.reads import available_by_id
from mall.core.clock import clock
from mall.core.net import client_address, throttle_key
from mall.graphql import response_cache, websocket
from mall.graphql.context import Context
from mall.graphql.fresh_stock import Entry, entry_for
from mall.infra import cache, logs
from mall.settings import Settings, get_settings

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"
# Far deeper than any real input type; deep enough JSON breaks recursive code
# (encoders, validators) downstream.
MAX_JSON_DEPTH = 64
_ALLOWED = {"GET": {OperationType.QUERY}, "POST": {OperationType.QUERY, OperationType.MUTATION}}


class MethodNotAllowed(HTTPException):
    def __init__(self, reason: str, allow: str) -> None:
        super().__init__(405, reason)
        self.allow = allow


_MEDIA_CHOICES = {GRAPHQL_RESPONSE: GRAPHQL_RESPONSE, JSON: JSON, "application/*": JSON, "*/*": JSON}


def negotiate(accept: str | None) -> str | None:
    """The response media type for an Accept header; None when no JSON type is acceptable.

    No header means legacy ``application/json``; wildcards too, so only a
    client that names ``application/graphql-response+json`` gets its status codes.
    """
    if not accept or not accept.strip():
        return JSON
    ranked = []
    for position, part in enumerate(accept.split(",")):
        media, *params = (p.strip().lower() for p in part.split(";"))
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0 and media in _MEDIA_CHOICES:
            explicit = media in (GRAPHQL_RESPONSE, JSON)
            ranked.append((quality, explicit, -position, _MEDIA_CHOICES[media]))
    return max(ranked)[3] if ranked else None


def is_request_error(result: ExecutionResult) -> bool:
    """Nothing was executed: every error precedes execution (none has a path)."""
    return result.data is None and bool(result.errors) and all(e.path is None for e in result.errors)


class NestedTooDeep(json.JSONDecodeError):
    """JSON deeper than ``MAX_JSON_DEPTH``: refused like malformed JSON."""


def _depth_exceeds(value: object, limit: int) -> bool:
    """Whether JSON ``value`` nests lists or objects more than ``limit`` levels (no recursion)."""
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        if depth > limit:
            return True
        pending.extend((child, depth + 1) for child in children)
    return False


def _cache_owner(request: Request) -> str:
    """Whose budget a cache entry spends: the client address (as the context computes
    it), an IPv6 client's whole /64."""
    peer = request.client.host if request.client else None
    return throttle_key(client_address(peer, request.headers.get("x-forwarded-for"), get_settings().trusted_proxies))


def _error_body(message: str) -> bytes:
    return json.dumps({"errors": [{"message": message}]}, ensure_ascii=False).encode()


class GraphQLView(GraphQL):  # type: ignore[type-arg]
    def __init__(self, schema: Any, *, settings: Settings, graphiql_page: Callable[[], Response] | None) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if graphiql_page else None,
            allow_queries_via_get=True,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL, GRAPHQL_WS_PROTOCOL),
            connection_init_wait_timeout=dt.timedelta(seconds=settings.websocket_init_timeout_seconds),
            max_subscriptions_per_connection=settings.max_subscriptions_per_connection,
            allowed_origins=settings.allowed_origins,
        )
        self._graphiql_page = graphiql_page
        self._max_websockets = settings.max_websockets
        self._open_websockets = 0

    graphql_transport_ws_handler_class = websocket.TransportWSHandler
    graphql_ws_handler_class = websocket.LegacyWSHandler

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "websocket":
            await self._websocket(scope, receive, send)
            return
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = Request(scope=scope, receive=receive)
        media_type = negotiate(request.headers.get("accept"))
        if media_type is None and not self._wants_ide(request):
            response = Response(_error_body("Acceptable: application/graphql-response+json, application/json."),
                                status_code=406, media_type=JSON)
        else:
            request.state.media_type = media_type or JSON
            try:
                response = await self._checked_run(request)
            except ClientDisconnect:
                return  # the client left before sending its whole request: nobody to answer
            except HTTPException as exc:
                response = Response(_error_body(exc.reason), status_code=exc.status_code, media_type=request.state.media_type)
                if isinstance(exc, MethodNotAllowed):
                    response.headers["Allow"] = exc.allow
        await response(scope, receive, send)

    async def _websocket(self, scope: Any, receive: Any, send: Any) -> None:
        """Serve a WebSocket unless this process already holds its maximum."""
        if self._open_websockets >= self._max_websockets:
            subprotocol = websocket.pick_subprotocol(scope.get("subprotocols", []), self.websocket_subprotocols)
            await websocket.close_busy(receive, send, subprotocol=subprotocol)
            return
        self._open_websockets += 1
        try:
            await super().__call__(scope, receive, send)
        finally:
            self._open_websockets -= 1

    def _wants_ide(self, request: Request) -> bool:
        return self._graphiql_page is not None and request.method == "GET" and "text/html" in request.headers.get("accept", "")

    async def _checked_run(self, request: Request) -> Response:
        if request.method not in _ALLOWED:
            raise MethodNotAllowed("GraphQL answers GET (queries) and POST.", allow="GET, POST")
        if request.method == "POST":
            content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if content_type != JSON:
                raise HTTPException(415, "Send the GraphQL request as application/json.")
        key = await self._cache_key(request, await self._payload(request))
        found = await cache.lookup(response_cache.SCOPE, key) if key is not None else None
        if key is None or found is None:
            return await self.run(request)  # not cacheable, or the cache is unavailable (logged)
        # The version is read before executing: a change committed meanwhile
        # bumps it, so what is stored below is never served as current.
        version, cached = found
        entry = Entry.load(cached) if cached is not None else None
        if entry is not None:
            body = entry.filled(await available_by_id(set(entry.variant_ids)))
            if body is not None:
                return Response(body, media_type=request.state.media_type, headers={"X-Mall-Cache": "hit"})
        # Not stored over an entry that names a variant gone since (its deletion's invalidation is on its way),
        # so no entry is made for it either: the stock holes are marked only when the answer may be stored.
        if entry is None:
            request.state.stock_marks = []
        started = clock.now()  # what the answer shows may change at the next rule window boundary after this
        response = await self.run(request)
        made = getattr(request.state, "cache_entry", None)
        if response.status_code == 200 and not getattr(request.state, "had_errors", True) and made is not None:
            new_entry, stock_now = made
            if new_entry.filled(stock_now) == bytes(response.body):  # what a hit serves is what was sent
                ttl = await response_cache.entry_ttl(started, version)
                if ttl > 0:
                    await cache.store(response_cache.SCOPE, version, key, new_entry.dump(), ttl=ttl,
                                      owner=_cache_owner(request), window=get_settings().response_cache_ttl_seconds)
        response.headers["X-Mall-Cache"] = "miss"
        return response

    async def _payload(self, request: Request) -> object:
        """The request as JSON, checked before anything reads it: an object (a list of
        objects is a batch), no deeper than ``MAX_JSON_DEPTH``, no lone surrogates
        (orjson refuses them, as it refuses more than 1,024 levels). Anything else is 400."""
        try:
            if request.method == "GET":
                params: dict[str, object] = dict(request.query_params)
                for name in ("variables", "extensions"):
                    if params.get(name):
                        params[name] = self.decode_json(str(params[name]))
                payload: object = params
            else:
                payload = self.decode_json(await request.body())
        except NestedTooDeep as exc:
            raise HTTPException(400, f"The request nests JSON more than {MAX_JSON_DEPTH} levels deep.") from exc
        except json.JSONDecodeError as exc:
            where = "The variables and extensions parameters" if request.method == "GET" else "The request body"
            raise HTTPException(400, f"{where} must be valid JSON.") from exc
        requests = payload if isinstance(payload, list) else [payload]
        if not all(isinstance(item, dict) for item in requests):
            raise HTTPException(400, "A GraphQL request is a JSON object (query, variables, operationName, extensions).")
        if _depth_exceeds(payload, MAX_JSON_DEPTH):  # GET: the parameters around the decoded variables count too
            raise HTTPException(400, f"The request nests JSON more than {MAX_JSON_DEPTH} levels deep.")
        return payload

    async def _cache_key(self, request: Request, payload: object) -> str | None:
        """Anonymous catalog reads only (no Authorization header at all)."""
        if not get_settings().response_cache or "authorization" in request.headers:
            return None
        return response_cache.request_key(payload, self.schema._schema)

    async def execute_single(  # noqa: PLR0917
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response,
        context: Context,
        root_value: Any,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        try:
            return await self.schema.execute(
                request_data.query,
                root_value=root_value,
                variable_values=request_data.variables,
                context_value=context,
                operation_name=request_data.operation_name,
                allowed_operation_types=_ALLOWED[request_adapter.method],
                operation_extensions=request_data.extensions,
            )
        except MissingQueryError as exc:
            raise HTTPException(400, "No GraphQL query found in the request.") from exc
        except CannotGetOperationTypeError as exc:
            raise HTTPException(400, exc.as_http_error_reason()) from exc
        except InvalidOperationTypeError as exc:
            if exc.operation_type is OperationType.SUBSCRIPTION:
                raise HTTPException(
                    400, "Subscriptions are served over WebSocket at this path (graphql-transport-ws or graphql-ws)."
                ) from exc
            raise MethodNotAllowed("Mutations need POST.", allow="POST") from exc

    async def process_result(self, request: Request, result: ExecutionResult) -> GraphQLHTTPResponse:
        body = process_result(result)
        request.state.had_errors = bool(result.errors)
        marks = getattr(request.state, "stock_marks", None)
        if marks is not None and not result.errors:
            request.state.cache_entry = entry_for(dict(body), marks)
        if is_request_error(result):
            # Per the GraphQL spec, no data entry when execution never started.
            body.pop("data", None)
            if request.state.media_type == GRAPHQL_RESPONSE:
                request.state.status_code = 400
        return body

    async def get_sub_response(self, request: Request | WebSocket) -> Response:
        sub_response = await super().get_sub_response(request)
        sub_response.mall_request = request  # type: ignore[attr-defined]
        return sub_response

    def create_response(self, response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse], sub_response: Response) -> Response:
        request: Request = sub_response.mall_request  # type: ignore[attr-defined]
        response = Response(
            orjson.dumps(response_data),
            status_code=getattr(request.state, "status_code", 200),
            media_type=request.state.media_type,
        )
        response.headers.raw.extend(sub_response.headers.raw)
        return response

    def encode_json(self, data: object) -> str:
        # A str, so WebSocket messages go out as text frames (browser clients need that).
        return orjson.dumps(data).decode()

    def decode_json(self, data: str | bytes) -> object:
        """Every JSON Mall reads — HTTP bodies and parameters, WebSocket messages — held
        to one depth bound; a WebSocket message past it closes the socket (4400)."""
        value = orjson.loads(data)
        if _depth_exceeds(value, MAX_JSON_DEPTH):
            raise NestedTooDeep(f"JSON nested more than {MAX_JSON_DEPTH} levels deep", "", 0)
        return value

    async def render_graphql_ide(self, request: Request) -> Response:
        assert self._graphiql_page is not None
        return self._graphiql_page()

    async def get_context(self, request: Request | WebSocket, response: Any = None) -> Context:
        headers = request.headers
        peer = request.client.host if request.client else None
        return Context(
            request_id=logs.request_id.get(),
            client_ip=client_address(peer, headers.get("x-forwarded-for"), get_settings().trusted_proxies),
            user_agent=headers.get("user-agent", "")[:300],
            authorization=headers.get("authorization"),
            connection_params={} if isinstance(request, WebSocket) else None,
            # The list the view gave this request if its response may be cached.
            stock_marks=None if isinstance(request, WebSocket) else getattr(request.state, "stock_marks", None),
        )

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        """Refuse a connection whose payload carries a bad token (4403); anonymous ones may stay."""
        await context.viewer()
        if context.token_error is not None:
            raise ConnectionRejectionError({"message": context.token_error.message})
        return UNSET
