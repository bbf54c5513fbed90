"""Versioned caches: cached responses stay valid until their data's version moves.

Each scope ("catalog") has a version number; writers bump it after they
commit, and cached entries are keyed by the version they were computed at,
so a bump makes every older entry unreachable at once, in every process.
In the production shape versions and entries live in Redis (shared by all
API processes); in the embedded shape, in this process.

Bounds (``MALL_RESPONSE_CACHE_*``), so that no client can flood the cache:

- an entry larger than ``max_bytes / 64`` is never stored;
- each owner (client address) may store at most ``entries_per_client`` new
  entries, and at most ``max_bytes / 16`` bytes, per TTL window; past that
  its answers are served, not stored — so one client alone cannot fill the
  window's bytes and switch the cache off for everyone;
- in process, keys and bodies held total at most ``max_bytes`` (least
  recently used entries go first);
- in Redis, the bytes stored by everyone in one TTL window total at most
  ``max_bytes``. Entries live one TTL, so the live ones were stored within
  two windows: Redis holds at most ``2 × max_bytes`` of bodies (64 MiB by
  default), whatever the number of clients.

The cache is an optimisation and fails open: when Redis cannot be reached a
lookup answers "unavailable" (the caller runs uncached), a store is skipped,
and the failure is logged at most once per ``_LOG_EVERY_SECONDS``.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from typing import Protocol

from redis.asyncio import Redis
from redis.exceptions import RedisError

from mall.infra import redis
from mall.settings import get_settings

_log = logging.getLogger(__name__)

ENTRY_SHARE = 64  # an entry may take at most 1/64 of the cache's bytes
OWNER_SHARE = 16  # one owner may store at most 1/16 of the cache's bytes per window
_MEMORY_MAX_OWNERS = 10_000  # budgets remembered in process (oldest forgotten first)
_LOG_EVERY_SECONDS = 60.0


class _Memory:
    def __init__(self) -> None:
        self.versions: dict[str, int] = {}
        self.entries: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self.bytes = 0
        self.budgets: OrderedDict[str, tuple[float, int, int]] = OrderedDict()

    async def version(self, scope: str) -> int:
        return self.versions.get(scope, 0)

    async def bump(self, scope: str) -> None:
        self.versions[scope] = self.versions.get(scope, 0) + 1

    async def get(self, key: str) -> bytes | None:
        entry = self.entries.get(key)
        if entry is None:
            return None
        if entry[0] <= time.monotonic():
            self._drop(key)
            return None
        self.entries.move_to_end(key)
        return entry[1]

    async def lookup(self, scope: str, digest: str) -> tuple[int, bytes | None]:
        version = await self.version(scope)
        return version, await self.get(f"{scope}:{version}:{digest}")

    def _spend(self, owner: str, window: int, size: int, bounds: _Bounds) -> bool:
        now = time.monotonic()
        ends, entries, spent = self.budgets.pop(owner, (now + window, 0, 0))
        if ends <= now:
            ends, entries, spent = now + window, 0, 0
        self.budgets[owner] = (ends, entries + 1, spent + size)
        while len(self.budgets) > _MEMORY_MAX_OWNERS:
            self.budgets.popitem(last=False)
        return entries < bounds.per_owner and spent + size <= bounds.per_owner_bytes

    def _drop(self, key: str) -> None:
        _, value = self.entries.pop(key)
        self.bytes -= len(key) + len(value)

    async def put(self, key: str, value: bytes, ttl: int, owner: str | None, bounds: _Bounds) -> bool:
        if owner is not None and not self._spend(owner, bounds.window, len(value), bounds):
            return False
        if key in self.entries:
            self._drop(key)
        self.entries[key] = (time.monotonic() + ttl, value)
        self.bytes += len(key) + len(value)
        while self.bytes > bounds.max_bytes:
            self._drop(next(iter(self.entries)))
        return True


# One round trip: read the scope's version and the entry stored under it.
_LOOKUP = """
local version = redis.call('GET', KEYS[1]) or '0'
return {version, redis.call('GET', ARGV[1] .. version .. ':' .. ARGV[2])}
"""

# One round trip: spend the owner's budget (when given) and the window's bytes, then store.
# KEYS: entry, owner entry counter (or ''), window bytes, owner byte counter (or '');
# ARGV: value, ttl, owner entries allowed, window bytes allowed, owner bytes allowed, window.
_PUT = """
local ttl = tonumber(ARGV[2])
local window = tonumber(ARGV[6])
local size = string.len(ARGV[1])
if KEYS[2] ~= '' then
  local used = redis.call('INCR', KEYS[2])
  if used == 1 then redis.call('EXPIRE', KEYS[2], window) end
  if used > tonumber(ARGV[3]) then return 0 end
  local spent = redis.call('INCRBY', KEYS[4], size)
  if spent == size then redis.call('EXPIRE', KEYS[4], window) end
  if spent > tonumber(ARGV[5]) then return 0 end
end
local total = redis.call('INCRBY', KEYS[3], size)
if total == size then redis.call('EXPIRE', KEYS[3], window) end
if total > tonumber(ARGV[4]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ttl)
return 1
"""


class _Redis:
    def __init__(self, client: Redis) -> None:
        self.client = client

    async def bump(self, scope: str) -> None:
        await self.client.incr(redis.key("cache-version", scope))

    async def put(self, key: str, value: bytes, ttl: int, owner: str | None, bounds: _Bounds) -> bool:
        owner_key = redis.key("cache-budget", owner) if owner is not None else ""
        owner_bytes_key = redis.key("cache-budget-bytes", owner) if owner is not None else ""
        keys = (redis.key("cache", key), owner_key, redis.key("cache-window-bytes"), owner_bytes_key)
        stored = await self.client.eval(
            _PUT, 4, *keys, value, ttl, bounds.per_owner, bounds.max_bytes, bounds.per_owner_bytes, bounds.window
        )
        return bool(stored)

    async def lookup(self, scope: str, digest: str) -> tuple[int, bytes | None]:
        version, value = await self.client.eval(
            _LOOKUP, 1, redis.key("cache-version", scope), redis.key("cache", scope) + ":", digest
        )
        return int(version), value


class _Bounds:
    def __init__(self, window: int) -> None:
        self.window = window  # budgets are spent per window of the configured TTL, whatever an entry's own
        settings = get_settings()
        self.max_bytes = settings.response_cache_max_bytes
        self.per_owner = settings.response_cache_entries_per_client
        self.per_owner_bytes = self.max_bytes // OWNER_SHARE


class Backend(Protocol):
    async def bump(self, scope: str) -> None: ...
    async def lookup(self, scope: str, digest: str) -> tuple[int, bytes | None]: ...
    async def put(self, key: str, value: bytes, ttl: int, owner: str | None, bounds: _Bounds) -> bool: ...


_backend: Backend = _Memory()
_last_logged = float("-inf")
_unlogged = 0


def configure(client: Redis | None) -> None:
    """Choose the backend once, at start-up: Redis when the deployment has it, else this process."""
    global _backend
    _backend = _Redis(client) if client is not None else _Memory()


def _unavailable(action: str, error: Exception) -> None:
    """Log a failing backend, at most once a minute (every request would fail alike)."""
    global _last_logged, _unlogged
    now = time.monotonic()
    if now - _last_logged < _LOG_EVERY_SECONDS:
        _unlogged += 1
        return
    _log.warning("response cache unavailable (%s failed: %s: %s); serving uncached (%d failures not logged)",
                 action, type(error).__name__, error, _unlogged)
    _last_logged, _unlogged = now, 0


async def bump(scope: str) -> None:
    """Invalidate every cached entry of ``scope`` (call after the change commits).

    Raises when the backend fails: after-commit work logs that, and the
    entries a failed bump leaves stale expire with their TTL.
    """
    await _backend.bump(scope)


async def lookup(scope: str, digest: str) -> tuple[int, bytes | None] | None:
    """The scope's current version, and the entry for ``digest`` at that version if cached;
    None when the cache is unavailable (logged): answer uncached."""
    try:
        return await _backend.lookup(scope, digest)
    except (RedisError, OSError) as error:
        _unavailable("lookup", error)
        return None


async def store(scope: str, version: int, digest: str, value: bytes, *, ttl: int, owner: str | None = None,
                window: int | None = None) -> bool:
    """Keep ``value`` for ``digest`` as computed at ``version`` (stale versions are never read).

    ``owner`` (the client address) spends its budget of new entries; whether
    the value was stored is returned. Nothing is stored past the bounds in the
    module's docstring, or when the backend fails (logged). ``window`` (at
    least ``ttl``; default ``ttl``) is the budgets' window: entries kept
    shorter than the configured TTL must not reset the budgets sooner, or
    the bounds would no longer hold.
    """
    bounds = _Bounds(max(ttl, window or ttl))
    if len(value) > bounds.max_bytes // ENTRY_SHARE:
        return False
    try:
        return await _backend.put(f"{scope}:{version}:{digest}", value, ttl, owner, bounds)
    except (RedisError, OSError) as error:
        _unavailable("store", error)
        return False


def memory_bytes() -> int:
    """Bytes of keys and bodies the in-process backend holds (0 with Redis)."""
    return _backend.bytes if isinstance(_backend, _Memory) else 0


def reset_memory() -> None:
    """Forget in-process entries, versions and budgets (tests)."""
    global _last_logged, _unlogged
    if isinstance(_backend, _Memory):
        _backend.versions.clear()
        _backend.entries.clear()
        _backend.budgets.clear()
        _backend.bytes = 0
    _last_logged, _unlogged = float("-inf"), 0
