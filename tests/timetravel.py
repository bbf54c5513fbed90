"""Moving time in tests the way the sandbox does: through the shared clock row.

Setting only this process's offset would be undone within a second, when
the request middleware re-reads the shared offset from the database.
"""

from __future__ import annotations

import datetime as dt

from mall.core.clock import clock
from mall.sandbox.models import SandboxClock


async def travel(by: dt.timedelta) -> None:
    """From now on, every reader of the clock is ``by`` ahead of real time."""
    offset_us = by // dt.timedelta(microseconds=1)
    await SandboxClock.update_or_create(id=1, defaults={"offset_us": offset_us, "set_at": clock.real_now()})
    clock.set_offset(by)
