"""The rebate kill switches (DESIGN §3.6 safeguards): pause new rebates; separately, pause releases.

One row (id 1), absent until staff first set it: both switches off. Setting
them (``switches_set``, MANAGE_REBATES) needs a reason and is audited with
the old and new values. The row is created by an insert that ignores a
conflict and then locked, so two staff setting the switches at once never
fail on the insert and the second sees (and audits) the first's values.
"""

from __future__ import annotations

from dataclasses import dataclass

from mall.accounts import acting
from mall.audit import services as audit
from mall.core import text
from mall.core.actors import Actor, Permission
from mall.core.clock import clock
from mall.infra.transactions import transaction
from mall.rebates.models import RebateSwitches

ROW_ID = 1
MAX_REASON_LENGTH = 500


@dataclass(frozen=True, slots=True)
class Switches:
    pause_new_rebates: bool = False
    pause_releases: bool = False


async def current() -> Switches:
    row = await RebateSwitches.get_or_none(id=ROW_ID)
    if row is None:
        return Switches()
    return Switches(pause_new_rebates=row.pause_new_rebates, pause_releases=row.pause_releases)


async def switches_set(
    actor: Actor, *, pause_new_rebates: bool | None, pause_releases: bool | None, reason: str | None,
) -> Switches:
    """``rebateSwitchesSet``: each switch given is set (``None`` leaves it); audited with the reason."""
    actor.require(Permission.MANAGE_REBATES)
    reason = text.clean(reason, field="reason", max_length=MAX_REASON_LENGTH, required=True)
    async with transaction():
        staff = await acting.require(actor, Permission.MANAGE_REBATES)
        await RebateSwitches.bulk_create(
            [RebateSwitches(id=ROW_ID, pause_new_rebates=False, pause_releases=False, updated_at=clock.now())],
            ignore_conflicts=True,
        )
        row = await RebateSwitches.filter(id=ROW_ID).select_for_update().get()
        before = {"pauseNewRebates": row.pause_new_rebates, "pauseReleases": row.pause_releases}
        after = {
            "pauseNewRebates": row.pause_new_rebates if pause_new_rebates is None else pause_new_rebates,
            "pauseReleases": row.pause_releases if pause_releases is None else pause_releases,
        }
        old, new = audit.changes(before, after)
        if new:
            await RebateSwitches.filter(id=ROW_ID).update(
                pause_new_rebates=after["pauseNewRebates"], pause_releases=after["pauseReleases"],
                updated_at=clock.now())
        # Audited even when nothing changed: staff pressing the switch (and why) is itself worth keeping.
        await audit.record(staff, action="rebate_switches.set", target=f"RebateSwitches:{ROW_ID}",
                           old=old, new=new, reason=reason)
    return Switches(pause_new_rebates=after["pauseNewRebates"], pause_releases=after["pauseReleases"])
