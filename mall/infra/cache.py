"""Versioned caches: cached responses stay valid until their data's version moves.

Each scope ("catalog") has a version number; writers bump it after they
commit, and cached entries are keyed by the version they were computed at,
so a bump makes every older entry unreachable at once, in every process.
In the production shape versions and entries live in Redis (shared by all
API processes); in the embedded shape, in this process.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import Protocol

from redis.asyncio import Redis

from mall.infra import redis

_MEMORY_MAX_ENTRIES = 2048


class _Memory:
    def __init__(self) -> None:
        self.versions: dict[str, int] = {}
        self.entries: OrderedDict[str, tuple[float, bytes]] = OrderedDict()

    async def version(self, scope: str) -> int:
        return self.versions.get(scope, 0)

    async def bump(self, scope: str) -> None:
        self.versions[scope] = self.versions.get(scope, 0) + 1

    async def get(self, key: str) -> bytes | None:
        entry = self.entries.get(key)
        if entry is None:
            return None
        if entry[0] <= time.monotonic():
            del self.entries[key]
            return None
        self.entries.move_to_end(key)
        return entry[1]

    async def lookup(self, scope: str, digest: str) -> tuple[int, bytes | None]:
        version = await self.version(scope)
        return version, await self.get(f"{scope}:{version}:{digest}")

    async def put(self, key: str, value: bytes, ttl: int) -> None:
        self.entries[key] = (time.monotonic() + ttl, value)
        self.entries.move_to_end(key)
        while len(self.entries) > _MEMORY_MAX_ENTRIES:
            self.entries.popitem(last=False)


# One round trip: read the scope's version and the entry stored under it.
_LOOKUP = """
local version = redis.call('GET', KEYS[1]) or '0'
return {version, redis.call('GET', ARGV[1] .. version .. ':' .. ARGV[2])}
"""


class _Redis:
    async def version(self, scope: str) -> int:
        client = redis.client()
        assert client is not None
        raw = await client.get(redis.key("cache-version", scope))
        return int(raw or 0)

    async def bump(self, scope: str) -> None:
        client = redis.client()
        assert client is not None
        await client.incr(redis.key("cache-version", scope))

    async def get(self, key: str) -> bytes | None:
        client = redis.client()
        assert client is not None
        value: bytes | None = await client.get(redis.key("cache", key))
        return value

    async def put(self, key: str, value: bytes, ttl: int) -> None:
        client = redis.client()
        assert client is not None
        await client.set(redis.key("cache", key), value, ex=ttl)

    async def lookup(self, scope: str, digest: str) -> tuple[int, bytes | None]:
        client = redis.client()
        assert client is not None
        version, value = await client.eval(_LOOKUP, 1, redis.key("cache-version", scope), redis.key("cache", scope) + ":", digest)
        return int(version), value


class Backend(Protocol):
    async def bump(self, scope: str) -> None: ...
    async def lookup(self, scope: str, digest: str) -> tuple[int, bytes | None]: ...
    async def put(self, key: str, value: bytes, ttl: int) -> None: ...


_backend: Backend = _Memory()


def configure(client: Redis | None) -> None:
    """Choose the backend once, at start-up: Redis when the deployment has it, else this process."""
    global _backend
    _backend = _Redis() if client is not None else _Memory()


async def bump(scope: str) -> None:
    """Invalidate every cached entry of ``scope`` (call after the change commits)."""
    await _backend.bump(scope)


async def lookup(scope: str, digest: str) -> tuple[int, bytes | None]:
    """The scope's current version, and the entry for ``digest`` at that version if cached."""
    return await _backend.lookup(scope, digest)


async def store(scope: str, version: int, digest: str, value: bytes, *, ttl: int) -> None:
    """Keep ``value`` for ``digest`` as computed at ``version`` (stale versions are never read)."""
    await _backend.put(f"{scope}:{version}:{digest}", value, ttl)


def reset_memory() -> None:
    """Forget in-process entries and versions (tests)."""
    if isinstance(_backend, _Memory):
        _backend.versions.clear()
        _backend.entries.clear()
