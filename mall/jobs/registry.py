"""The jobs a process runs: ``registry``, filled by ``mall.jobs.schedule.register_mall_jobs``
(expire unpaid orders, complete unconfirmed ones, reconcile payments and top-ups, settle PAYING
withdrawals) where jobs run."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

JobFunction = Callable[[dt.datetime], Awaitable[int]]


@dataclass(frozen=True, slots=True)
class Job:
    """A scheduled job.

    ``run(now)`` must be idempotent (two workers, or a run repeated after a
    crash, never handle an item twice) and bounded: one batch of items per
    call, or batches under a time budget well inside the lock (points
    expiry, rebate releases), each in a short transaction, so one run never
    holds a transaction or its lock for long. Whatever is left waits for the
    next due time. The runner holds the job's lock for ``lock_ttl`` and renews it
    every third of that while ``run`` goes on.
    """

    name: str
    run: JobFunction
    interval: dt.timedelta
    lock_ttl: dt.timedelta = dt.timedelta(seconds=60)

    def __post_init__(self) -> None:
        if self.interval < dt.timedelta(seconds=1):
            raise ValueError(f"job {self.name!r}: the interval must be at least a second")
        if self.lock_ttl < dt.timedelta(seconds=1):
            raise ValueError(f"job {self.name!r}: the lock's ttl must be at least a second")

    def due_slot(self, now: dt.datetime) -> int:
        """Which due time ``now`` falls in: intervals counted from the epoch, the same in every process."""
        return int(now.timestamp() // self.interval.total_seconds())


class Registry:
    """Jobs by name, in the order they were registered."""

    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}

    def register(self, job: Job) -> Job:
        if job.name in self._jobs:
            raise ValueError(f"a job named {job.name!r} is already registered")
        self._jobs[job.name] = job
        return job

    def get(self, name: str) -> Job | None:
        return self._jobs.get(name)

    def all(self) -> tuple[Job, ...]:
        return tuple(self._jobs.values())


registry = Registry()
"""The process's jobs: what ``mall worker``, ``mall serve`` (embedded) and ``mall jobs run`` run."""
