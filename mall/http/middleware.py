"""ASGI middleware: request ids, body size limit, the shared sandbox clock."""

from __future__ import annotations

import re
import uuid
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mall.infra import logs, sqlcount
from mall.sandbox import services as sandbox

_SAFE_ID = re.compile(r"[A-Za-z0-9._\-]{1,64}")


class RequestContext:
    """Give each request an id (a sane incoming ``X-Request-Id`` or a new one), echo it,
    bring the sandbox clock up to date before anything reads the time, and,
    when SQL counting is on, say how many statements the request ran
    (``X-Mall-SQL-Statements``)."""

    def __init__(self, app: ASGIApp, *, clock_paths: tuple[str, ...] = ()) -> None:
        self.app = app
        # Only these paths (or, ending in "/", path prefixes) read the time;
        # probes and static files must not depend on the database.
        self.clock_paths = clock_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        incoming = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming if _SAFE_ID.fullmatch(incoming) else uuid.uuid4().hex
        token = logs.request_id.set(request_id)
        try:
            with sqlcount.counting() as statements:
                if _reads_time(scope["path"], self.clock_paths):
                    await sandbox.refresh()
                    statements[0] = 0  # the shared clock's read is not the request's

                async def send_with_id(message: Message) -> None:
                    if message["type"] == "http.response.start":
                        headers = [*message.get("headers", []), (b"x-request-id", request_id.encode())]
                        if sqlcount.enabled():
                            headers.append((b"x-mall-sql-statements", str(statements[0]).encode()))
                        message["headers"] = headers
                    await send(message)

                await self.app(scope, receive, send_with_id)
        except BaseException:
            # uvicorn logs "Exception in ASGI application" once this returns: that
            # line keeps the id (uvicorn runs each request in a task of its own).
            raise
        else:
            logs.request_id.reset(token)


def _reads_time(path: str, clock_paths: tuple[str, ...]) -> bool:
    return any(path == known or (known.endswith("/") and path.startswith(known)) for known in clock_paths)


class BodyLimit:
    """Refuse request bodies over ``max_bytes`` with 413 before anyone reads them whole."""

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await _too_large(send)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _TooLarge()
            return message

        try:
            await self.app(scope, limited_receive, send)
        except _TooLarge:
            await _too_large(send)


class _TooLarge(Exception):
    pass


async def _too_large(send: Any) -> None:
    body = b'{"errors":[{"message":"The request body is too large."}]}'
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
