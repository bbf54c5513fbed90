"""The rebate kill switches (DESIGN §3.6 safeguards): pause new rebates; separately, pause releases.

One row (id 1), absent until staff first set it: both switches off.
"""

from __future__ import annotations

from dataclasses import dataclass

from mall.rebates.models import RebateSwitches

ROW_ID = 1


@dataclass(frozen=True, slots=True)
class Switches:
    pause_new_rebates: bool = False
    pause_releases: bool = False


async def current() -> Switches:
    row = await RebateSwitches.get_or_none(id=ROW_ID)
    if row is None:
        return Switches()
    return Switches(pause_new_rebates=row.pause_new_rebates, pause_releases=row.pause_releases)
