"""Choosing the infrastructure once, at start-up (DESIGN §2).

The production shape shares Redis between processes for cache versions and
entries, rate-limit counters, job locks and (later) events; the embedded
shape keeps them in its one process. Each module holds the backend chosen
here; nothing asks "is there Redis?" per call.
"""

from __future__ import annotations

from mall.infra import cache, locks, ratelimit, redis
from mall.settings import Settings


class DeploymentError(Exception):
    """The settings describe a deployment Mall refuses to run."""


def check_deployment(settings: Settings) -> None:
    """PostgreSQL without Redis would let each host keep its own cache versions and
    counters: refused unless the operator declares a single-process deployment."""
    if not settings.is_sqlite and settings.redis_url is None and not settings.single_process:
        raise DeploymentError(
            "PostgreSQL needs MALL_REDIS_URL: several API processes or hosts must share cache versions, "
            "rate-limit counters and events. For exactly one process, set MALL_SINGLE_PROCESS=true."
        )


def configure(settings: Settings) -> None:
    """Connect Redis (when configured) and choose every backend."""
    redis.configure(settings.redis_url, prefix=settings.redis_prefix,
                    max_connections=settings.redis_pool_max, timeout=settings.redis_timeout_seconds)
    client = redis.client()
    cache.configure(client)
    ratelimit.configure(client)
    locks.configure(client)


async def close() -> None:
    await redis.close()
