"""Fixed-window counters for throttling (logins, registrations, payment passwords).

Counters live in Redis in the production shape, so every API process sees the
same count; in the embedded shape (one process) they live in memory.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Protocol

from redis.asyncio import Redis

from mall.infra import redis


@dataclass(frozen=True, slots=True)
class Window:
    """At most ``limit`` hits per ``seconds``."""

    limit: int
    seconds: int


class _MemoryCounters:
    def __init__(self) -> None:
        self._counts: dict[str, tuple[int, float]] = {}

    async def hit(self, key: str, seconds: int) -> int:
        now = time.monotonic()
        hits, expires = self._counts.get(key, (0, 0.0))
        if expires <= now:
            hits, expires = 0, now + seconds
        self._counts[key] = (hits + 1, expires)
        if len(self._counts) > 100_000:
            self._counts = {k: v for k, v in self._counts.items() if v[1] > now}
        return hits + 1

    async def give_back(self, key: str) -> None:
        hits, expires = self._counts.get(key, (0, 0.0))
        if hits > 0:
            self._counts[key] = (hits - 1, expires)

    async def reset(self, key: str) -> None:
        self._counts.pop(key, None)


_GIVE_BACK = """
local hits = tonumber(redis.call('GET', KEYS[1]) or '0')
if hits > 0 then return redis.call('DECR', KEYS[1]) end
return 0
"""


class _RedisCounters:
    async def hit(self, key: str, seconds: int) -> int:
        client = redis.client()
        assert client is not None
        full_key = redis.key("rl", key)
        async with client.pipeline(transaction=True) as pipe:
            pipe.incr(full_key)
            pipe.expire(full_key, seconds, nx=True)
            hits, _ = await pipe.execute()
        return int(hits)

    async def give_back(self, key: str) -> None:
        client = redis.client()
        assert client is not None
        # Decrement only a live counter that is above zero, atomically.
        await client.eval(_GIVE_BACK, 1, redis.key("rl", key))

    async def reset(self, key: str) -> None:
        client = redis.client()
        assert client is not None
        await client.delete(redis.key("rl", key))


class Counters(Protocol):
    async def hit(self, key: str, seconds: int) -> int: ...
    async def give_back(self, key: str) -> None: ...
    async def reset(self, key: str) -> None: ...


_backend: Counters = _MemoryCounters()


def configure(client: Redis | None) -> None:
    """Choose the backend once, at start-up: Redis when the deployment has it, else this process."""
    global _backend
    _backend = _RedisCounters() if client is not None else _MemoryCounters()


async def attempt(key: str, window: Window) -> bool:
    """Count one attempt against ``key``; False once this window's limit is passed.

    Counting before the guarded work (not after a failure) keeps the limit
    exact under parallel attempts.
    """
    return await _backend.hit(key, window.seconds) <= window.limit


async def give_back(key: str) -> None:
    """Uncount one attempt (it turned out to be legitimate)."""
    await _backend.give_back(key)


async def reset(key: str) -> None:
    await _backend.reset(key)


def reset_memory() -> None:
    """Forget in-process counters (tests; a fresh embedded process)."""
    if isinstance(_backend, _MemoryCounters):
        _backend._counts.clear()
