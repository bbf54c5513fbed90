"""Exit 0 when PostgreSQL and Redis answer at the given URLs; say which does not otherwise."""

import asyncio
import sys

import asyncpg
import redis.asyncio as redis


async def main(postgres_url: str, redis_url: str) -> int:
    missing = []
    try:
        connection = await asyncpg.connect(postgres_url.replace("postgres://", "postgresql://", 1), timeout=5)
        await connection.close()
    except (OSError, asyncpg.PostgresError, asyncio.TimeoutError) as exc:
        missing.append(f"PostgreSQL at {postgres_url}: {exc}")
    client = redis.Redis.from_url(redis_url, socket_connect_timeout=5)
    try:
        await client.ping()
    except (OSError, redis.RedisError) as exc:
        missing.append(f"Redis at {redis_url}: {exc}")
    finally:
        await client.aclose()
    for line in missing:
        print("not answering:", line)
    return 1 if missing else 0


sys.exit(asyncio.run(main(sys.argv[1], sys.argv[2])))
