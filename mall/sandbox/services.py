"""The sandbox clock: staff holding MANAGE_STAFF move it, every process reads it from the database.

Moving the clock changes every time rule at once (token and session expiry,
order deadlines, rebate release, after-sale windows), so it needs the
permission that can already grant any other one.

Each process keeps the offset it last read and re-reads it when it is older
than a second (``refresh``), so a change made in one process reaches the
others within that second; the process that makes the change applies it at
once.
"""

from __future__ import annotations

import datetime as dt
import time

from mall.accounts import acting
from mall.audit import services as audit
from mall.core.actors import Actor, Permission
from mall.core.clock import clock
from mall.core.errors import SandboxDisabled
from mall.infra.transactions import transaction
from mall.sandbox.models import SandboxClock
from mall.settings import get_settings

_REFRESH_SECONDS = 1.0
_last_read = -_REFRESH_SECONDS


async def refresh(*, force: bool = False) -> None:
    """Load the shared offset into this process's clock (at most once a second)."""
    global _last_read
    if not get_settings().sandbox_enabled:
        return
    monotonic = time.monotonic()
    if not force and monotonic - _last_read < _REFRESH_SECONDS:
        return
    # Claimed before the read: the requests arriving meanwhile keep the
    # current offset instead of queueing reads of their own.
    _last_read = monotonic
    row = await SandboxClock.get_or_none(id=1)
    clock.set_offset(dt.timedelta(microseconds=row.offset_us) if row else dt.timedelta(0))


async def clock_set(actor: Actor, *, now: dt.datetime | None) -> dt.datetime:
    """Make the sandbox clock read ``now`` from this moment on; ``None`` returns to real time. MANAGE_STAFF."""
    actor.require(Permission.MANAGE_STAFF)
    if not get_settings().sandbox_enabled:
        raise SandboxDisabled()
    offset = clock.offset_for(now) if now is not None else dt.timedelta(0)
    offset_us = offset // dt.timedelta(microseconds=1)
    async with transaction():
        await acting.require(actor, Permission.MANAGE_STAFF)
        previous = await SandboxClock.get_or_none(id=1)
        await SandboxClock.update_or_create(
            id=1, defaults={"offset_us": offset_us, "set_at": clock.real_now(), "set_by_id": actor.user_id}
        )
        await audit.record(
            actor, action="sandbox.clock_set", target="SandboxClock:1",
            old={"offset": str(dt.timedelta(microseconds=previous.offset_us if previous else 0))},
            new={"offset": str(dt.timedelta(microseconds=offset_us)), "now": now.isoformat() if now else None},
        )
    clock.set_offset(dt.timedelta(microseconds=offset_us))
    return clock.now()
