"""The ASGI application, ``mall.app:app``: wiring only (nothing imports this module)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Sequence
from functools import partial

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles

from mall.core.clock import clock
from mall.graphql.schema import build_schema
from mall.graphql.view import GraphQLView
from mall.http import callbacks, graphiql, health, tracking_push
from mall.http.middleware import BodyLimit, RequestContext
from mall.infra import db, logs, sqlcount, transactions, wiring
from mall.jobs.registry import Job, registry
from mall.jobs.runner import Runner, in_background
from mall.jobs.schedule import register_mall_jobs
from mall.settings import Settings, get_settings

GRAPHQL_PATH = "/graphql"
ASSETS_PATH = "/graphql/static"


def configure(settings: Settings, *, logging: bool = True) -> None:
    """Process-wide wiring that does not need the event loop."""
    if logging:
        logs.configure(level=settings.log_level, json_format=settings.log_format == "json")
    clock.configure(time_zone=settings.time_zone)
    if settings.debug:
        sqlcount.enable()
    wiring.check_deployment(settings)
    wiring.configure(settings)


def create_app(
    settings: Settings | None = None,
    *,
    manage_database: bool = True,
    configure_logging: bool = True,
    jobs: Sequence[Job] | None = None,
) -> Starlette:
    """Build the app. Tests connect the ORM themselves and keep pytest's log capture.

    The lifespan runs ``jobs`` in the background; by default, the registered
    jobs when the app manages its database and the settings put the jobs in
    ``mall serve`` (the embedded shape), else none.
    """
    settings = settings or get_settings()
    if jobs is None:
        jobs = register_mall_jobs(registry).all() if manage_database and settings.jobs_in_serve else ()
    configure(settings, logging=configure_logging)
    page = partial(graphiql.graphiql_response, graphql_url=GRAPHQL_PATH, assets_url=ASSETS_PATH + "/")
    view = GraphQLView(build_schema(settings), settings=settings, graphiql_page=page if settings.graphiql_enabled else None)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if manage_database:
            await db.connect(settings)
        try:
            async with in_background(Runner(jobs), every=settings.jobs_interval_seconds):
                yield
        finally:
            await transactions.settle()
            if manage_database:
                await db.disconnect()
            await wiring.close()

    routes = [
        Route("/healthz", health.healthz),
        Route("/readyz", health.readyz),
        Route(callbacks.PATH, callbacks.payment_callback, methods=["POST"]),
        Route(callbacks.REFUND_PATH, callbacks.refund_callback, methods=["POST"]),
        Mount(ASSETS_PATH, StaticFiles(directory=graphiql.STATIC_DIR), name="graphiql-assets"),
        Route(GRAPHQL_PATH, view, methods=["GET", "POST", "PUT", "PATCH", "DELETE"]),
        WebSocketRoute(GRAPHQL_PATH, view),
        Route(tracking_push.PATH, tracking_push.tracking_push, methods=["POST"]),
    ]
    middleware = [
        Middleware(RequestContext, clock_paths=(GRAPHQL_PATH, callbacks.PREFIX, tracking_push.PREFIX)),
        Middleware(BodyLimit, max_bytes=settings.max_request_bytes),
    ]
    if settings.allowed_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=settings.allowed_origins,
                allow_methods=["GET", "POST"],
                allow_headers=["authorization", "content-type", "x-request-id"],
                expose_headers=["x-request-id"],
                max_age=600,
            )
        )
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)


def __getattr__(name: str) -> Starlette:
    # ``mall.app:app`` is built on first access, so importing this module
    # (tests, the CLI) does not read the environment as a side effect.
    if name == "app":
        application = create_app()
        globals()["app"] = application
        return application
    raise AttributeError(name)
