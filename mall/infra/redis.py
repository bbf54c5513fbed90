"""The Redis connection of the production shape (DESIGN §2).

Absent in the embedded shape: callers get ``None`` and use their in-process
equivalent. Every key Mall writes starts with ``MALL_REDIS_PREFIX``.
"""

from __future__ import annotations

from redis.asyncio import Redis

_client: Redis | None = None
_url: str | None = None
_prefix = "mall:"


def configure(url: str | None, *, prefix: str) -> None:
    """Point at ``url`` (None: no Redis). Keeps the existing pool when the URL is unchanged."""
    global _client, _prefix, _url
    _prefix = prefix
    if url == _url and (_client is not None or url is None):
        return
    _client = Redis.from_url(url, decode_responses=False) if url else None
    _url = url


def client() -> Redis | None:
    return _client


def key(*parts: str) -> str:
    return _prefix + ":".join(parts)


async def close() -> None:
    global _client, _url
    if _client is not None:
        await _client.aclose()
    _client, _url = None, None
