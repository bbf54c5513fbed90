"""Running jobs when due, once per due time and one at a time across every process.

Each job's due times are the multiples of its interval on the clock (the
sandbox clock when it is moved), so every process agrees on them. For each
due time a runner takes the job's run lock (``job:<name>:run``; held, and
renewed, while the job runs), then claims the due time itself
(``job:<name>:due:<slot>``, never released, lapsing after two intervals):
the lock keeps two runs of a job from overlapping, the claim keeps a second
runner from repeating a due time the first has finished. A job that fails is
logged with its name and retried at its next due time; it never stops the
other jobs or the loop.

Jobs run one after another in the runner's own task (no task per job), each
through ``run_to_completion``: stopping the runner lets the job in flight
finish instead of cancelling it inside a transaction.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from typing import Literal

from mall.core.clock import clock
from mall.infra import locks
from mall.infra.transactions import run_to_completion
from mall.jobs.registry import Job
from mall.sandbox import services as sandbox

_log = logging.getLogger(__name__)

Status = Literal["ran", "failed", "busy", "not due"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one job did on one look."""

    job: str
    status: Status
    handled: int = 0

    def __str__(self) -> str:
        if self.status == "ran":
            return f"{self.job}: handled {self.handled}"
        if self.status == "busy":
            return f"{self.job}: busy (another process is running it)"
        return f"{self.job}: {self.status}"


class Runner:
    """Runs ``jobs`` when due. Each runner remembers the due times it has seen done."""

    def __init__(self, jobs: Sequence[Job]) -> None:
        self.jobs = tuple(jobs)
        self._done: dict[str, int] = {}  # job name -> the last due slot seen done (one entry per job)

    async def tick(self) -> list[Outcome]:
        """Look once: run every job whose current due time no runner has claimed yet."""
        await _refresh_clock()
        now = clock.now()
        return [await self._run_if_due(job, now) for job in self.jobs]

    async def run_now(self) -> list[Outcome]:
        """Run every job once at the clock's time, due or not (``mall jobs run``); a job running elsewhere is busy."""
        await _refresh_clock(force=True)
        now = clock.now()
        outcomes = []
        for job in self.jobs:
            try:
                lease = await locks.acquire(_run_lock(job), job.lock_ttl)
            except Exception:
                _log.exception("job %s: could not take its lock", job.name)
                outcomes.append(Outcome(job.name, "failed"))
                continue
            outcomes.append(Outcome(job.name, "busy") if lease is None else await _run_holding(job, lease, now))
        return outcomes

    async def run_until(self, stop: asyncio.Event, *, every: float) -> None:
        """Look every ``every`` seconds until ``stop`` is set; the job in flight then finishes first."""
        while not stop.is_set():
            try:
                await self.tick()
            except Exception:  # tick handles each job's failures; this guards the loop itself
                _log.exception("jobs: a look at the jobs failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), every)

    async def _run_if_due(self, job: Job, now: dt.datetime) -> Outcome:
        slot = job.due_slot(now)
        if self._done.get(job.name) == slot:
            return Outcome(job.name, "not due")
        try:
            lease = await locks.acquire(_run_lock(job), job.lock_ttl)
            if lease is None:
                return Outcome(job.name, "busy")  # looked at again on the next tick
            if await locks.acquire(f"job:{job.name}:due:{slot}", 2 * job.interval) is None:
                await lease.release()
                self._done[job.name] = slot
                return Outcome(job.name, "not due")
        except Exception:
            _log.exception("job %s: could not take its lock", job.name)
            return Outcome(job.name, "failed")
        self._done[job.name] = slot
        return await _run_holding(job, lease, now)


@contextlib.asynccontextmanager
async def in_background(runner: Runner, *, every: float) -> AsyncIterator[None]:
    """Run ``runner`` in a background task for the duration of the block (``mall serve`` embedded).

    Leaving the block stops it after the job in flight finishes. No jobs, no task.
    """
    if not runner.jobs:
        yield
        return
    stop = asyncio.Event()
    task = asyncio.create_task(runner.run_until(stop, every=every), name="mall-jobs")
    try:
        yield
    finally:
        stop.set()
        await task


async def _run_holding(job: Job, lease: locks.Lease, now: dt.datetime) -> Outcome:
    keeper = asyncio.create_task(_keep_renewing(lease, job.name))
    try:
        handled = await run_to_completion(job.run(now))
    except asyncio.CancelledError:
        # The job goes on, shielded: its lock lapses after its TTL rather than being released under it.
        keeper.cancel()
        raise
    except Exception:
        _log.exception("job %s failed", job.name)
        outcome = Outcome(job.name, "failed")
    else:
        outcome = Outcome(job.name, "ran", handled)
    keeper.cancel()
    try:
        await lease.release()
    except Exception:
        _log.exception("job %s: could not release its lock (it lapses after its TTL)", job.name)
    return outcome


async def _keep_renewing(lease: locks.Lease, job: str) -> None:
    every = lease.ttl.total_seconds() / 3
    while True:
        await asyncio.sleep(every)
        try:
            renewed = await lease.renew()
        except Exception:
            _log.exception("job %s: could not renew its lock", job)
            continue
        if not renewed:
            _log.error("job %s: its lock lapsed before the run ended; another runner may start it", job)
            return


async def _refresh_clock(*, force: bool = False) -> None:
    try:
        await sandbox.refresh(force=force)
    except Exception:
        _log.exception("jobs: could not read the sandbox clock; keeping the offset last read")


def _run_lock(job: Job) -> str:
    return f"job:{job.name}:run"
