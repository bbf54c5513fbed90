"""Log lines: one format for Mall's and uvicorn's own lines, each with the request id (DESIGN §5)."""

from __future__ import annotations

import asyncio
import json
import logging
import logging.config
from collections.abc import Iterator

import pytest
import uvicorn
import uvicorn.config

from mall import cli
from mall.http.middleware import RequestContext
from mall.infra import logs
from mall.settings import Settings, use_settings


@pytest.fixture
def restore_logging() -> Iterator[None]:
    """Put back pytest's handlers and uvicorn's loggers after a test configures logging."""
    names = ["", *logs.SERVER_LOGGERS]
    saved = {name: (logging.getLogger(name).handlers[:], logging.getLogger(name).level,
                    logging.getLogger(name).propagate) for name in names}
    yield
    for name, (handlers, level, propagate) in saved.items():
        logger = logging.getLogger(name)
        logger.handlers[:], logger.propagate = handlers, propagate
        logger.setLevel(level)


def _emit_as_uvicorn_does() -> None:
    token = logs.request_id.set("req-42")
    try:
        logging.getLogger("uvicorn.access").info('%s - "%s %s HTTP/%s" %d', "10.0.0.1:5000", "POST", "/graphql", "1.1", 200)
        try:
            raise RuntimeError("boom")
        except RuntimeError:
            logging.getLogger("uvicorn.error").exception("Exception in ASGI application")
    finally:
        logs.request_id.reset(token)


def _json_lines(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_mall_serve_writes_uvicorns_access_and_error_lines_as_json_with_the_request_id(
    monkeypatch, capsys, restore_logging
):
    use_settings(Settings(database_url="sqlite://:memory:", log_level="INFO", log_format="json"))

    def run(app: str, **options: object) -> None:
        # What uvicorn.run does with its options before serving, then two of its lines.
        uvicorn.Config(app, **options).configure_logging()
        _emit_as_uvicorn_does()

    monkeypatch.setattr(uvicorn, "run", run)

    assert cli.main(["serve"]) == 0

    lines = _json_lines(capsys.readouterr().err)
    assert [(line["logger"], line["level"], line["request_id"], line["message"]) for line in lines] == [
        ("uvicorn.access", "INFO", "req-42", '10.0.0.1:5000 - "POST /graphql HTTP/1.1" 200'),
        ("uvicorn.error", "ERROR", "req-42", "Exception in ASGI application"),
    ]
    assert "RuntimeError: boom" in str(lines[1]["exception"])


def test_json_logging_takes_over_uvicorns_own_handlers_when_uvicorn_starts_mall(capsys, restore_logging):
    # `uvicorn mall.app:app` applies uvicorn's default config, then imports the app.
    logging.config.dictConfig(uvicorn.config.LOGGING_CONFIG)
    logs.configure(level="INFO", json_format=True)

    _emit_as_uvicorn_does()

    lines = _json_lines(capsys.readouterr().err)
    assert [(line["logger"], line["request_id"]) for line in lines] == [("uvicorn.access", "req-42"), ("uvicorn.error", "req-42")]


async def test_the_request_id_outlives_an_unhandled_error_for_uvicorns_error_line():
    async def failing_app(scope, receive, send):
        raise RuntimeError("boom")

    middleware = RequestContext(failing_app)

    async def request_task() -> str:
        # uvicorn runs each request in a task of its own and logs the error after the app returns.
        with pytest.raises(RuntimeError):
            await middleware({"type": "http", "path": "/x", "headers": [(b"x-request-id", b"req-7")]}, None, None)
        return logs.request_id.get()

    assert await asyncio.create_task(request_task()) == "req-7"
    assert logs.request_id.get() == "-"
