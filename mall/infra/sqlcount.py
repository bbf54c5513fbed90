"""Counting SQL statements per request: N+1 is a bug, and this is how it shows.

Tortoise logs each statement at DEBUG on ``tortoise.db_client``; while
counting is on, a handler adds them up for the current task's request. It
is off unless asked for (debug mode, tests, the benchmark): formatting a log
record per statement is not free.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import Iterator

_LOGGER = logging.getLogger("tortoise.db_client")
_current: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar("sql_statements", default=None)


class _Counter(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        tally = _current.get()
        # Statements are logged as "%s: %s" (query, values) or bare (scripts);
        # pool messages ("Created connection pool …") carry other arguments.
        if tally is not None and (record.msg == "%s: %s" or not record.args):
            tally[0] += 1


_handler = _Counter(level=logging.DEBUG)


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
