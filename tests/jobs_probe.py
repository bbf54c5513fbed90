"""``mall`` with two jobs of the tests registered, run in a child process by tests/services/test_jobs.py.

``boom`` always fails; ``offset-hours`` reports how many hours ahead of real
time it was run (the sandbox clock, as the CLI read it from the database).
"""

from __future__ import annotations

import datetime as dt
import sys

from mall import cli
from mall.core.clock import clock
from mall.jobs.registry import Job, registry


async def boom(now: dt.datetime) -> int:
    raise RuntimeError("boom")


async def offset_hours(now: dt.datetime) -> int:
    return round((now - clock.real_now()) / dt.timedelta(hours=1))


if __name__ == "__main__":
    registry.register(Job("boom", boom, interval=dt.timedelta(minutes=1)))
    registry.register(Job("offset-hours", offset_hours, interval=dt.timedelta(minutes=1)))
    sys.exit(cli.main(sys.argv[1:]))
