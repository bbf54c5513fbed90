"""Fixed-window counters for throttling (logins, registrations, payment passwords).

The counting is done through the storage interface of the ``limits`` library:
its Redis storage in the production shape (every API process sees one count;
an atomic INCRBY + EXPIRE script; keys under ``MALL_REDIS_PREFIX`` + ``rl:``,
on the pool of our own Redis client), and in the embedded shape the bounded
in-process storage of ``mall.infra.counters``. (limits' own MemoryStorage
rescans every key after each hit to expire them: about 9 ms a hit with 100k
live keys, measured.)
"""

from __future__ import annotations

from dataclasses import dataclass

from limits.aio.storage import RedisStorage, Storage
from redis.asyncio import Redis

from mall.infra import redis
from mall.infra.counters import BoundedMemoryStorage

# Counters one embedded process keeps at most: a few megabytes. Keys come from
# client addresses and signed-in accounts, so reaching it takes that many addresses.
MEMORY_MAX_KEYS = 100_000


@dataclass(frozen=True, slots=True)
class Window:
    """At most ``limit`` hits per ``seconds``."""

    limit: int
    seconds: int


def _memory() -> BoundedMemoryStorage:
    return BoundedMemoryStorage(max_keys=MEMORY_MAX_KEYS)


_storage: Storage = _memory()


def configure(client: Redis | None) -> None:
    """Choose the backend once, at start-up: Redis when the deployment has it, else this process."""
    global _storage
    if client is None:
        _storage = _memory()
        return
    # The URI only names the kind of server: the connections come from our client's pool.
    _storage = RedisStorage(
        "async+redis://", implementation="redispy", key_prefix=redis.key("rl"),
        connection_pool=client.connection_pool,
    )


async def hit(key: str, window: Window) -> int:
    """Count one hit against ``key``; how many this window holds now, this one included."""
    return await _storage.incr(key, window.seconds)


async def attempt(key: str, window: Window) -> bool:
    """Count one attempt against ``key``; False once this window's limit is passed.

    Counting before the guarded work (not after a failure) keeps the limit
    exact under parallel attempts.
    """
    return await hit(key, window) <= window.limit


async def give_back(key: str) -> None:
    """Uncount one hit (it turned out to be legitimate, or was refused before any work)."""
    if await _storage.incr(key, 1, amount=-1) < 0:
        # The window ended in between: undo, rather than leave a credit for the next one.
        await _storage.incr(key, 1)


async def reset(key: str) -> None:
    """Forget every hit on ``key`` in this window."""
    await _storage.clear(key)


def reset_memory() -> None:
    """Forget in-process counters (tests; a fresh embedded process)."""
    if isinstance(_storage, BoundedMemoryStorage):
        _storage.forget()
