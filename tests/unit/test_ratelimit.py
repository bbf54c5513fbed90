"""In-process rate-limit counters: constant work per hit however many keys are live, bounded in entries."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest

from mall.infra import counters, ratelimit, redis

WINDOW = ratelimit.Window(limit=5, seconds=900)


@pytest.fixture
async def in_process() -> AsyncIterator[None]:
    """The embedded shape's counters, whichever backend this test run uses."""
    ratelimit.configure(None)
    yield
    ratelimit.configure(redis.client())


async def lines_run(work: Callable[[], Awaitable[object]]) -> int:
    """How many lines of Python ``work`` executes (a loop over every key would count each one)."""
    executed = 0

    def trace(frame, event, arg):  # type: ignore[no-untyped-def]
        nonlocal executed
        if event == "line":
            executed += 1
        return trace

    sys.settrace(trace)
    try:
        await work()
    finally:
        sys.settrace(None)
    return executed


async def ten_new_keys(tag: str) -> None:
    for n in range(10):
        await ratelimit.attempt(f"probe:{tag}:{n}", WINDOW)


async def test_a_hit_does_the_same_work_with_100k_live_keys_as_with_a_thousand(in_process):
    for n in range(1_000):
        await ratelimit.attempt(f"live:{n}", WINDOW)
    with_a_thousand = await lines_run(lambda: ten_new_keys("a"))

    for n in range(1_000, 100_001):
        await ratelimit.attempt(f"live:{n}", WINDOW)
    with_100k = await lines_run(lambda: ten_new_keys("b"))

    # At the bound each new key also pushes the oldest out: a few lines more, never a scan.
    assert with_100k < 2 * with_a_thousand


async def test_counters_past_the_bound_push_the_oldest_windows_out():
    storage = counters.BoundedMemoryStorage(max_keys=3)

    counts = [await storage.incr(key, 900) for key in ["a", "b", "a", "c", "d", "e"]]

    assert counts == [1, 1, 2, 1, 1, 1]
    assert len(storage) == 3
    assert [await storage.get(key) for key in "abcde"] == [0, 0, 1, 1, 1]


async def test_expired_counters_are_dropped_as_new_windows_start(monkeypatch):
    now = 1_000.0
    monkeypatch.setattr(counters, "monotonic", lambda: now)
    storage = counters.BoundedMemoryStorage(max_keys=100)
    for key in ["a", "b", "c"]:
        await storage.incr(key, 60)

    now += 61
    await storage.incr("d", 60)
    await storage.incr("a", 60)

    assert len(storage) == 2
    assert [await storage.get(key) for key in "abcd"] == [1, 0, 0, 1]


async def test_giving_back_never_leaves_a_credit_for_the_next_window(in_process):
    await ratelimit.give_back("never-hit")

    assert [await ratelimit.hit("never-hit", WINDOW) for _ in range(2)] == [1, 2]
