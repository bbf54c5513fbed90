"""Job locks on the deployment's backend (in process on SQLite, Redis with PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import pytest

from mall.infra import locks, redis

TTL = dt.timedelta(seconds=30)


async def test_a_lock_is_held_by_one_holder_at_a_time():
    first = await locks.acquire("job:a:run", TTL)

    second = await locks.acquire("job:a:run", TTL)
    released = await first.release()
    third = await locks.acquire("job:a:run", TTL)

    assert (first is not None, second, released, third is not None) == (True, None, True, True)


@pytest.mark.postgres_only
async def test_a_redis_lock_expires_with_its_ttl_and_only_its_holder_renews_or_releases_it():
    client = redis.client()
    key = redis.key("lock", "job:a:run")
    slow = await locks.acquire("job:a:run", TTL)

    assert 0 < await client.pttl(key) <= 30_000  # a dead holder blocks the job for at most its TTL
    assert await client.pexpire(key, 0) == 1  # its TTL runs out now (a non-positive expiry deletes the key)
    newcomer = await locks.acquire("job:a:run", TTL)

    assert newcomer is not None
    assert await slow.renew() is False
    assert await slow.release() is False
    assert await client.get(key) == newcomer.token.encode()
    assert await newcomer.renew() is True
    assert await newcomer.release() is True
    assert await client.get(key) is None
