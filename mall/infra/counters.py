"""Rate-limit counters in this process, bounded in entries and O(1) per hit.

Implements the storage interface of the ``limits`` library, so the embedded
shape counts exactly as the Redis storage of the production shape does
(a fixed window that starts at its first hit).
"""

from __future__ import annotations

from time import monotonic, time

from limits.aio.storage import Storage


class BoundedMemoryStorage(Storage):
    """Fixed-window counters in an insertion-ordered dict, at most ``max_keys`` of them.

    A counter moves to the end of the dict when its window starts, so the
    front holds the oldest windows. Each new window drops up to two counters
    from the front that have expired or are beyond the bound: constant work
    per hit, and memory that keys minted faster than they expire cannot grow
    (they push the oldest counters out instead).
    """

    STORAGE_SCHEME = None

    def __init__(self, *, max_keys: int) -> None:
        super().__init__()
        self.max_keys = max_keys
        self._counters: dict[str, tuple[int, float]] = {}  # key -> (count, monotonic expiry)

    def __len__(self) -> int:
        return len(self._counters)

    @property
    def base_exceptions(self) -> tuple[type[Exception], ...]:
        return ()

    async def incr(self, key: str, expiry: float, amount: int = 1) -> int:
        now = monotonic()
        count, expires_at = self._counters.get(key, (0, 0.0))
        started = expires_at <= now
        if started:
            self._counters.pop(key, None)
            count = 0
        count += amount
        if count == amount:
            # As limits' Redis script: a counter that (re)starts from zero starts its window.
            expires_at = now + expiry
        self._counters[key] = (count, expires_at)
        if started:
            self._drop_oldest(now)
        return count

    def _drop_oldest(self, now: float) -> None:
        for _ in range(2):
            oldest = next(iter(self._counters))
            if self._counters[oldest][1] > now and len(self._counters) <= self.max_keys:
                return
            del self._counters[oldest]

    async def get(self, key: str) -> int:
        count, expires_at = self._counters.get(key, (0, 0.0))
        return count if expires_at > monotonic() else 0

    async def get_expiry(self, key: str) -> float:
        _, expires_at = self._counters.get(key, (0, 0.0))
        return time() + max(expires_at - monotonic(), 0.0)

    async def clear(self, key: str) -> None:
        self._counters.pop(key, None)

    async def reset(self) -> int | None:
        count = len(self._counters)
        self.forget()
        return count

    async def check(self) -> bool:
        return True

    def forget(self) -> None:
        """Drop every counter."""
        self._counters.clear()
