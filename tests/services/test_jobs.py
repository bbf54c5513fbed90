"""The job runner: due by the clock, once per due time, one at a time across runners, failures contained."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
import subprocess
import sys
from pathlib import Path

from mall.app import create_app
from mall.core.clock import clock
from mall.infra import locks, wiring
from mall.jobs.registry import Job
from mall.jobs.runner import Outcome, Runner
from mall.settings import get_settings
from tests.timetravel import travel

ROOT = Path(__file__).resolve().parents[2]
HOUR = dt.timedelta(hours=1)
# Due times of an hourly job fall on the hour: ten past is well inside one.
TEN_PAST = dt.datetime(2030, 1, 1, 0, 10, tzinfo=dt.UTC)


async def travel_to(moment: dt.datetime) -> None:
    await travel(moment - clock.real_now())


async def tick_then_open(runner: Runner, gate: asyncio.Event) -> list[Outcome]:
    """A look while another runner's run is held at ``gate``, then open it.

    Fails, rather than hangs, if this runner starts the job too (and still
    opens the gate, so no run is left waiting).
    """
    try:
        async with asyncio.timeout(10):
            return await runner.tick()
    finally:
        gate.set()


class Counting:
    """A job function that records the clock time of each run; ``gate`` (when given) holds each run open."""

    def __init__(self, *, gate: asyncio.Event | None = None, fails: bool = False) -> None:
        self.runs: list[dt.datetime] = []
        self.started = asyncio.Event()
        self.gate = gate
        self.fails = fails

    async def wait_started(self) -> None:
        async with asyncio.timeout(10):  # fail, not hang, if the runner never starts the job
            await self.started.wait()

    async def __call__(self, now: dt.datetime) -> int:
        self.runs.append(now)
        self.started.set()
        if self.gate is not None:
            await self.gate.wait()
        if self.fails:
            raise RuntimeError("the job broke")
        return 3


async def test_a_job_runs_when_due_by_the_clock_and_once_per_due_time():
    count = Counting()
    runner = Runner([Job("count", count, interval=HOUR)])

    await travel_to(TEN_PAST)
    first = await runner.tick()
    again = await runner.tick()
    await travel_to(TEN_PAST + dt.timedelta(minutes=45))
    before_next = await runner.tick()
    await travel_to(TEN_PAST + HOUR)
    next_hour = await runner.tick()

    assert [first, again, before_next, next_hour] == [
        [Outcome("count", "ran", 3)],
        [Outcome("count", "not due")],
        [Outcome("count", "not due")],
        [Outcome("count", "ran", 3)],
    ]
    assert [run.replace(second=0, microsecond=0) for run in count.runs] == [TEN_PAST, TEN_PAST + HOUR]


async def test_two_runners_run_a_due_job_once():
    gate = asyncio.Event()
    count = Counting(gate=gate)
    job = Job("count", count, interval=HOUR)
    one, other = Runner([job]), Runner([job])
    await travel_to(TEN_PAST)

    running = asyncio.create_task(one.tick())
    await count.wait_started()
    while_running = await tick_then_open(other, gate)
    finished = await running
    afterwards = await other.tick()

    assert (finished, while_running, afterwards) == (
        [Outcome("count", "ran", 3)],
        [Outcome("count", "busy")],
        [Outcome("count", "not due")],  # the first runner did this due time
    )
    assert len(count.runs) == 1


async def test_two_runners_racing_run_each_due_time_once():
    count = Counting()
    job = Job("count", count, interval=HOUR)
    runners = [Runner([job]) for _ in range(2)]
    await travel_to(TEN_PAST)

    for _ in range(3):
        await asyncio.gather(*(runner.tick() for runner in runners))

    assert len(count.runs) == 1


async def test_a_job_still_running_at_its_next_due_time_is_not_started_again():
    gate = asyncio.Event()
    count = Counting(gate=gate)
    job = Job("count", count, interval=HOUR)
    slow, other = Runner([job]), Runner([job])
    await travel_to(TEN_PAST)

    running = asyncio.create_task(slow.tick())
    await count.wait_started()
    await travel_to(TEN_PAST + HOUR)
    overlapping = await tick_then_open(other, gate)
    await running
    after_it_ended = await other.tick()

    assert (overlapping, after_it_ended) == ([Outcome("count", "busy")], [Outcome("count", "ran", 3)])
    assert len(count.runs) == 2


async def test_a_failing_job_is_logged_with_its_name_and_the_next_job_still_runs(caplog):
    broken, count = Counting(fails=True), Counting()
    runner = Runner([Job("broken", broken, interval=HOUR), Job("count", count, interval=HOUR)])
    await travel_to(TEN_PAST)

    with caplog.at_level(logging.ERROR, logger="mall.jobs.runner"):
        outcomes = await runner.tick()
    logged = [(r.getMessage(), str(r.exc_info[1])) for r in caplog.records if r.name == "mall.jobs.runner"]
    await travel_to(TEN_PAST + HOUR)
    retried = await runner.tick()

    assert outcomes == [Outcome("broken", "failed"), Outcome("count", "ran", 3)]
    assert logged == [("job broken failed", "the job broke")]
    assert retried == [Outcome("broken", "failed"), Outcome("count", "ran", 3)]  # tried again at its next due time


async def test_the_loop_goes_on_after_failing_jobs_and_stops_when_asked():
    stop = asyncio.Event()
    calls: list[int] = []

    async def fails_twice_then_stops(now: dt.datetime) -> int:
        calls.append(1)
        await travel(clock.offset + HOUR)  # the next look falls in the next due time
        if len(calls) < 3:
            raise RuntimeError("the job broke")
        stop.set()
        return 1

    runner = Runner([Job("flaky", fails_twice_then_stops, interval=HOUR)])
    await travel_to(TEN_PAST)

    async with asyncio.timeout(10):  # fail, not hang, if the loop dies or never gets to stop
        await runner.run_until(stop, every=0)

    assert len(calls) == 3


async def test_serve_runs_jobs_in_its_lifespan_and_at_shutdown_lets_the_job_in_flight_finish(monkeypatch):
    async def keep_the_suites_redis_client() -> None:
        pass

    monkeypatch.setattr(wiring, "close", keep_the_suites_redis_client)
    gate = asyncio.Event()
    count = Counting(gate=gate)
    app = create_app(get_settings(), manage_database=False, configure_logging=False,
                     jobs=[Job("count", count, interval=HOUR)])
    lifespan = app.router.lifespan_context(app)

    await lifespan.__aenter__()
    await count.wait_started()
    shutdown = asyncio.create_task(lifespan.__aexit__(None, None, None))
    for _ in range(20):
        await asyncio.sleep(0)
    waited_for_the_job = not shutdown.done()
    gate.set()
    await shutdown

    assert waited_for_the_job is True
    assert len(count.runs) == 1
    assert await locks.acquire("job:count:run", HOUR) is not None  # the runner ended the run and let go of its lock


def mall_jobs(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tests.jobs_probe", "jobs", "run", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, env=dict(os.environ))


async def test_mall_jobs_run_runs_each_job_once_at_the_sandbox_time_and_reports_failures():
    await travel(5 * HOUR)

    every = mall_jobs()
    one = mall_jobs("--job", "offset-hours")
    unknown = mall_jobs("--job", "nope")

    # Mall's own jobs run too (nothing is due in an empty mall).
    assert (every.returncode, every.stdout) == (1, "boom: failed\noffset-hours: handled 5\norders.expire-unpaid: handled 0\n"
                                                   "orders.complete-unconfirmed: handled 0\npayments.reconcile: handled 0\n"
                                                   "withdrawals.settle-paying: handled 0\n"
                                                   "points.expire-lots: handled 0\n"
                                                   "rebates.activate: handled 0\nrebates.release-due: handled 0\n"
                                                   "idempotency.purge-expired: handled 0\n"
                                                   "cart.purge-abandoned-guest-carts: handled 0\n")
    assert "job boom failed" in every.stderr
    assert (one.returncode, one.stdout) == (0, "offset-hours: handled 5\n")
    assert (unknown.returncode, unknown.stderr) == (
        2, "mall: no job named 'nope' (known: boom, offset-hours, orders.expire-unpaid, orders.complete-unconfirmed, "
        "payments.reconcile, withdrawals.settle-paying, points.expire-lots, rebates.activate, rebates.release-due, "
        "idempotency.purge-expired, "
        "cart.purge-abandoned-guest-carts)\n")
