"""The Redis connection of the production shape (DESIGN §2).

Absent in the embedded shape: callers get ``None`` and use their in-process
equivalent. Every key Mall writes starts with ``MALL_REDIS_PREFIX``.
"""

from __future__ import annotations

from redis.asyncio import ConnectionPool, Redis

_client: Redis | None = None
_url: str | None = None
_prefix = "mall:"


def connect(url: str, *, max_connections: int = 100, timeout: float = 2.0) -> Redis:
    """A client whose pool and waits are bounded: at most ``max_connections`` sockets,
    and no connect or read waits longer than ``timeout`` — a Redis that drops
    packets fails fast instead of hanging every request that touches the cache
    or a rate limit. Past the pool's bound an operation fails at once (the cache
    then serves uncached; a rate limit, guarding money and accounts, refuses):
    redis-py's blocking pool would wait instead, but costs ~10 µs more per
    operation on the cache's hot path (measured), and one operation in flight
    per request makes the bound a matter of hundreds of concurrent requests."""
    pool = ConnectionPool.from_url(
        url, max_connections=max_connections,
        socket_timeout=timeout, socket_connect_timeout=timeout, decode_responses=False,
    )
    return Redis(connection_pool=pool)


def configure(url: str | None, *, prefix: str, max_connections: int = 100, timeout: float = 2.0) -> None:
    """Point at ``url`` (None: no Redis). Keeps the existing pool when the URL is unchanged."""
    global _client, _prefix, _url
    _prefix = prefix
    if url == _url and (_client is not None or url is None):
        return
    _client = connect(url, max_connections=max_connections, timeout=timeout) if url else None
    _url = url


def client() -> Redis | None:
    return _client


def key(*parts: str) -> str:
    return _prefix + ":".join(parts)


async def close() -> None:
    global _client, _url
    if _client is not None:
        await _client.aclose()
        # A client handed its pool does not own it: close the pool's sockets too.
        await _client.connection_pool.disconnect()
    _client, _url = None, None
