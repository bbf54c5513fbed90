"""The one clock every part of Mall reads (DESIGN §3.0).

Real time plus an offset. The sandbox stores the offset in the database so
every process and job sees the same sandbox time; ``mall.sandbox`` loads it
into this clock. Tests move the clock with ``set_offset``/``travel_to``.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

UTC = dt.UTC


class Clock:
    """Aware UTC ``now()`` shifted by an offset, and calendar helpers in the shop's zone."""

    def __init__(self, time_zone: str = "Asia/Shanghai") -> None:
        self._offset = dt.timedelta(0)
        self.zone = ZoneInfo(time_zone)

    def configure(self, *, time_zone: str) -> None:
        self.zone = ZoneInfo(time_zone)

    @property
    def offset(self) -> dt.timedelta:
        return self._offset

    def set_offset(self, offset: dt.timedelta) -> None:
        self._offset = offset

    def real_now(self) -> dt.datetime:
        return dt.datetime.now(UTC)

    def now(self) -> dt.datetime:
        return self.real_now() + self._offset

    def offset_for(self, moment: dt.datetime) -> dt.timedelta:
        """The offset that makes ``now()`` read ``moment`` at this instant."""
        if moment.tzinfo is None:
            raise ValueError("moment must be timezone-aware")
        return moment - self.real_now()

    def local(self, moment: dt.datetime) -> dt.datetime:
        return moment.astimezone(self.zone)


clock = Clock()
