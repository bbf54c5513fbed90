"""Named locks bounded in time, for scheduled jobs (DESIGN §2).

``acquire(name, ttl)`` returns a ``Lease`` or None when someone else holds
the name. A lease lapses by itself after ``ttl``, so a worker that dies
holding one blocks its job for at most that long; its holder renews it while
the work goes on, and only the holder (its random token) can renew or
release it — a holder whose lease lapsed and was taken by another cannot
release the newcomer's.

The production shape keeps locks in Redis (``SET key token NX PX ttl``,
renewal and release by token-checked scripts), shared by every worker and
API process; the embedded shape, in this process. Chosen once in
``infra/wiring.py``. PostgreSQL's ``pg_try_advisory_xact_lock`` was the
alternative: it would hold a transaction (and a pooled connection) open for
the whole run, which is what bounded job batches are meant to avoid.
"""

from __future__ import annotations

import datetime as dt
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from redis.asyncio import Redis

from mall.infra import redis

# Both compare the token first, so a lapsed holder never touches a newcomer's lock.
_RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0"
_RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"


class Backend(Protocol):
    async def acquire(self, name: str, token: str, ttl_ms: int) -> bool: ...

    async def renew(self, name: str, token: str, ttl_ms: int) -> bool: ...

    async def release(self, name: str, token: str) -> bool: ...


class MemoryLocks:
    """Locks in this process. ``now`` (monotonic seconds) is injectable so tests can let a TTL pass.

    Entries are dropped once expired, at every acquire: what is held at any
    moment is what was acquired within one TTL, a few per job.
    """

    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        self.now = now
        self._held: dict[str, tuple[str, float]] = {}  # name -> (token, expires at)

    async def acquire(self, name: str, token: str, ttl_ms: int) -> bool:
        now = self.now()
        for held in [held for held, (_, expires_at) in self._held.items() if expires_at <= now]:
            del self._held[held]
        if name in self._held:
            return False
        self._held[name] = (token, now + ttl_ms / 1000)
        return True

    async def renew(self, name: str, token: str, ttl_ms: int) -> bool:
        now = self.now()
        held = self._held.get(name)
        if held is None or held[0] != token or held[1] <= now:
            return False
        self._held[name] = (token, now + ttl_ms / 1000)
        return True

    async def release(self, name: str, token: str) -> bool:
        held = self._held.get(name)
        if held is None or held[0] != token:
            return False
        del self._held[name]
        return True


class RedisLocks:
    """Locks shared by every process through Redis, under ``MALL_REDIS_PREFIX`` + ``lock:``."""

    def __init__(self, client: Redis) -> None:
        self._client = client
        self._renew = client.register_script(_RENEW)
        self._release = client.register_script(_RELEASE)

    async def acquire(self, name: str, token: str, ttl_ms: int) -> bool:
        return bool(await self._client.set(redis.key("lock", name), token, nx=True, px=ttl_ms))

    async def renew(self, name: str, token: str, ttl_ms: int) -> bool:
        return bool(await self._renew(keys=[redis.key("lock", name)], args=[token, ttl_ms]))

    async def release(self, name: str, token: str) -> bool:
        return bool(await self._release(keys=[redis.key("lock", name)], args=[token]))


_backend: Backend = MemoryLocks()


def configure(client: Redis | None) -> None:
    """Choose the backend once, at start-up: Redis when the deployment has it, else this process."""
    global _backend
    _backend = RedisLocks(client) if client is not None else MemoryLocks()


def backend() -> Backend:
    return _backend


@dataclass(frozen=True, slots=True)
class Lease:
    """A held lock: renew it before ``ttl`` passes, release it when done."""

    name: str
    token: str
    ttl: dt.timedelta

    async def renew(self) -> bool:
        """Hold the lock for another ``ttl``; False if it lapsed (someone else may hold it now)."""
        return await _backend.renew(self.name, self.token, _ms(self.ttl))

    async def release(self) -> bool:
        """Let go; False if the lease had already lapsed."""
        return await _backend.release(self.name, self.token)


async def acquire(name: str, ttl: dt.timedelta) -> Lease | None:
    """Take the lock ``name`` for at most ``ttl`` unless someone holds it (then None)."""
    token = secrets.token_hex(16)
    if not await _backend.acquire(name, token, _ms(ttl)):
        return None
    return Lease(name, token, ttl)


def _ms(ttl: dt.timedelta) -> int:
    milliseconds = ttl // dt.timedelta(milliseconds=1)
    if milliseconds < 1:
        raise ValueError("a lock's ttl must be at least a millisecond")
    return milliseconds
