"""The in-process job lock: exclusive, bounded in time, and only its holder lets go."""

from __future__ import annotations

from mall.infra.locks import MemoryLocks


class FakeMonotonic:
    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds


async def test_a_held_lock_is_refused_to_others_until_its_holder_releases_it():
    locks = MemoryLocks()

    assert await locks.acquire("job:a:run", "first", 60_000) is True
    assert await locks.acquire("job:a:run", "second", 60_000) is False
    assert await locks.acquire("job:b:run", "second", 60_000) is True  # other names are independent
    assert await locks.release("job:a:run", "second") is False  # not its holder
    assert await locks.release("job:a:run", "first") is True
    assert await locks.acquire("job:a:run", "second", 60_000) is True


async def test_a_lock_whose_holder_died_is_taken_after_its_ttl():
    time = FakeMonotonic()
    locks = MemoryLocks(now=time)
    await locks.acquire("job:a:run", "dead", 10_000)

    time.seconds += 9.999
    refused = await locks.acquire("job:a:run", "next", 10_000)
    time.seconds += 0.001
    taken = await locks.acquire("job:a:run", "next", 10_000)

    assert (refused, taken) == (False, True)


async def test_renewing_keeps_a_lock_past_its_first_ttl():
    time = FakeMonotonic()
    locks = MemoryLocks(now=time)
    await locks.acquire("job:a:run", "holder", 10_000)

    time.seconds += 9
    renewed = await locks.renew("job:a:run", "holder", 10_000)
    time.seconds += 9

    assert renewed is True
    assert await locks.acquire("job:a:run", "other", 10_000) is False


async def test_a_holder_whose_lock_lapsed_cannot_renew_or_release_the_next_holders_lock():
    time = FakeMonotonic()
    locks = MemoryLocks(now=time)
    await locks.acquire("job:a:run", "slow", 10_000)
    time.seconds += 10
    await locks.acquire("job:a:run", "next", 10_000)

    assert await locks.renew("job:a:run", "slow", 10_000) is False
    assert await locks.release("job:a:run", "slow") is False
    assert await locks.acquire("job:a:run", "third", 10_000) is False  # still the next holder's


async def test_expired_locks_are_forgotten_so_the_in_process_table_stays_bounded():
    time = FakeMonotonic()
    locks = MemoryLocks(now=time)
    for slot in range(1000):
        await locks.acquire(f"job:a:due:{slot}", "runner", 10_000)
        time.seconds += 5

    assert len(locks._held) == 2  # those taken within the last ttl
