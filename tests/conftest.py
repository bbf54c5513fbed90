"""Test setup: one database per run, migrated by the real aerich history.

Without ``MALL_TEST_POSTGRES`` the suite runs on a fresh SQLite file. With it
(an admin URL such as ``postgres://postgres@127.0.0.1:5432/postgres``) the
suite creates its own database ``mall_test_<random>``, uses Redis at
``MALL_TEST_REDIS`` under a random key prefix, and removes both at the end.
"""

from __future__ import annotations

import os
import tempfile
import uuid

_RUN = uuid.uuid4().hex[:12]
_POSTGRES_ADMIN = os.environ.get("MALL_TEST_POSTGRES")
_REDIS = os.environ.get("MALL_TEST_REDIS")
_TMP = tempfile.mkdtemp(prefix="mall-test-")

# Settings are read from the environment: set them before anything imports mall.
os.environ.update(
    {
        "MALL_SECRET_KEY": "test-only-signing-key-" + _RUN,
        "MALL_SANDBOX": "true",
        "MALL_LOG_LEVEL": "WARNING",
        # argon2id at its cheapest: the tests check behaviour, not hashing cost.
        "MALL_PASSWORD_HASH_TIME_COST": "1",
        "MALL_PASSWORD_HASH_MEMORY_KIB": "8",
        "MALL_PASSWORD_HASH_PARALLELISM": "1",
    }
)
if _POSTGRES_ADMIN:
    base, _, _ = _POSTGRES_ADMIN.rpartition("/")
    os.environ["MALL_DATABASE_URL"] = f"{base}/mall_test_{_RUN}"
    if not _REDIS:
        raise RuntimeError("MALL_TEST_POSTGRES needs MALL_TEST_REDIS: the production shape is PostgreSQL + Redis")
    os.environ["MALL_REDIS_URL"] = _REDIS
    os.environ["MALL_REDIS_PREFIX"] = f"mall-test-{_RUN}:"
else:
    os.environ["MALL_DATABASE_URL"] = f"sqlite://{_TMP}/mall-test.db"
    os.environ.pop("MALL_REDIS_URL", None)

pytest_plugins = ["tests.fixtures"]
