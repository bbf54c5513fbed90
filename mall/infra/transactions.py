"""The unit of work: one transaction that nests, with work that runs after the commit.

``async with transaction():`` opens a database transaction; a block inside
another joins it (as a savepoint, so an inner failure that the outer block
catches undoes only the inner writes). ``on_commit(callback)`` registers
async work — cache invalidation, event publishing, provider calls — that
runs once, after the OUTERMOST block commits, and never on rollback. A
service cannot know whether its own block is the outermost one, which is
why it must never do such work at the end of that block itself.

``run_to_completion(awaitable)`` runs work that opens transactions in a task
its caller cannot cancel: a client that disconnects (or a torn-down
WebSocket operation) would otherwise cancel Tortoise between taking a
connection (or SQLite's lock) and starting the transaction, and leave it
taken for good (STACK-NOTES, Tortoise). A ``transaction()`` block cannot
shield itself (its body is the caller's code), so the rule is at the doors:
every way in that runs a service which writes — the mutation runner today;
provider callbacks, webhooks and jobs as they come — calls it through
``run_to_completion``.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any, TypeVar

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

_log = logging.getLogger(__name__)

T = TypeVar("T")
AfterCommit = Callable[[], Awaitable[None]]


@dataclass(eq=False)
class _Block:
    parent: _Block | None
    after_commit: list[AfterCommit] = field(default_factory=list)


_current: contextvars.ContextVar[_Block | None] = contextvars.ContextVar("mall_transaction", default=None)


@contextlib.asynccontextmanager
async def transaction() -> AsyncIterator[BaseDBAsyncClient]:
    """A transaction, or a savepoint inside the enclosing one."""
    parent = _current.get()
    block = _Block(parent)
    token = _current.set(block)
    try:
        async with in_transaction() as connection:
            yield connection
    finally:
        _current.reset(token)
    # Reached only when the block committed (or, nested, released its savepoint).
    if parent is not None:
        parent.after_commit.extend(block.after_commit)
    else:
        await _run(block.after_commit)


def in_transaction_block() -> bool:
    """Whether the caller runs inside ``transaction()``."""
    return _current.get() is not None


def on_commit(callback: AfterCommit) -> None:
    """Run ``callback`` after the outermost transaction commits; dropped if it rolls back.

    Outside any transaction there is nothing to wait for: a caller there has
    no commit to follow, so this refuses rather than guess.
    """
    block = _current.get()
    if block is None:
        raise RuntimeError("on_commit() needs an open transaction()")
    block.after_commit.append(callback)


async def _run(callbacks: list[AfterCommit]) -> None:
    # The change is committed whatever happens here: a failing callback is
    # logged, never turned into an error for the caller, and never stops the
    # callbacks after it.
    for callback in callbacks:
        try:
            await callback()
        except Exception:
            _log.exception("after-commit work failed: %r", callback)


_running: set[asyncio.Task[Any]] = set()


async def run_to_completion(work: Coroutine[Any, Any, T]) -> T:
    """Await ``work`` in a task that cancelling the caller does not cancel.

    If the caller is cancelled, ``work`` still finishes (commits or rolls
    back, releasing its connection) and its outcome is logged if it failed.
    The set of running tasks holds at most one entry per in-flight request.
    """
    task = asyncio.ensure_future(work)
    _running.add(task)
    task.add_done_callback(_finished)
    return await asyncio.shield(task)


def _finished(task: asyncio.Task[Any]) -> None:
    _running.discard(task)
    if not task.cancelled() and task.exception() is not None:
        # Retrieved here so an abandoned failure is not reported as "never retrieved";
        # a caller still waiting receives it through the shield as usual.
        _log.debug("shielded work failed", exc_info=task.exception())


async def settle() -> None:
    """Wait until the work of ``run_to_completion`` callers that went away has finished.

    Shutdown calls this before closing the database, so that work still
    commits or rolls back instead of losing its connection mid-way.
    """
    while _running:
        await asyncio.wait(list(_running))
