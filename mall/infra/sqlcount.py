"""Counting SQL statements per request: N+1 is a bug, and this is how it shows.

Tortoise logs each statement at DEBUG on ``tortoise.db_client``; while
counting is on, a handler adds them up for the current task's request. It
is off unless asked for (debug mode, tests, the benchmark): formatting a log
record per statement is not free.

Tortoise logs a statement with its parameters ("%s: %s", query, values):
password hashes, tokens, addresses. A filter on that logger, installed on
import, keeps the statement text only, whatever handler or format follows.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import Iterator

_LOGGER = logging.getLogger("tortoise.db_client")
_current: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar("sql_statements", default=None)


class _WithoutParameters(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        # Statements are logged as "%s: %s" (query, values) or bare (scripts);
        # pool messages ("Created connection pool …") carry other arguments.
        if record.msg == "%s: %s" and isinstance(record.args, tuple) and len(record.args) == 2:
            record.msg, record.args = "%s", (record.args[0],)
            record.sql_statement = True
        elif not record.args:
            record.sql_statement = True
        return True


class _Counter(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        tally = _current.get()
        if tally is not None and getattr(record, "sql_statement", False):
            tally[0] += 1


_handler = _Counter(level=logging.DEBUG)
_LOGGER.addFilter(_WithoutParameters())


def enable() -> None:
    """Start counting (idempotent)."""
    if _handler not in _LOGGER.handlers:
        _LOGGER.addHandler(_handler)
    _LOGGER.setLevel(logging.DEBUG)


def enabled() -> bool:
    return _handler in _LOGGER.handlers


@contextlib.contextmanager
def counting() -> Iterator[list[int]]:
    """Count the statements run in this context: ``with counting() as n: …; n[0]``."""
    tally = [0]
    token = _current.set(tally)
    try:
        yield tally
    finally:
        _current.reset(token)
