"""Baseline 2: a bare Starlette endpoint (no GraphQL, no ORM) serving the same rows.

The response of query (a), ``Products(first: 20)``, is built once from the
database rows by ``bench_lib.inproc`` (checked equal to the real app's) and
kept as a Python dict; each request reads its body and JSON-encodes the dict
(with orjson when installed, as the GraphQL view does; else the standard
library's json with the same compact, non-ASCII output).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

try:
    import orjson

    def encode(data: object) -> bytes:
        return orjson.dumps(data)

    ENCODER = "orjson"
except ImportError:  # pragma: no cover
    def encode(data: object) -> bytes:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()

    ENCODER = "json"

DATA: dict[str, object] = json.loads(Path(os.environ["BENCH_BARE_DATA"]).read_text(encoding="utf-8"))


async def graphql(request: Request) -> Response:
    await request.body()
    return Response(encode(DATA), media_type="application/graphql-response+json")


async def healthz(request: Request) -> Response:
    return PlainTextResponse("ok")


app = Starlette(routes=[Route("/graphql", graphql, methods=["POST"]), Route("/healthz", healthz)])
