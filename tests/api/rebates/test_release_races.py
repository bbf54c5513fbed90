"""Two workers run the rebate jobs at once (PostgreSQL): each rebate is activated once and each installment
released once — one ledger entry, one outbox event — whoever gets there first."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from mall.core.clock import clock
from mall.flows import rebate_releases
from mall.infra.outbox import OutboxEvent
from mall.rebates import releasing
from mall.rebates.models import Rebate, RebateInstallment
from mall.wallet.models import JournalEntry
from mall.wallet.verification import verify
from tests import factories
from tests.api.rebates.releases import completed, goods, later
from tests.api.rebates.scene import active_rule, manager, ordered, pay

pytestmark = pytest.mark.postgres_only

BUYERS = 6
DEADLINE = 60


async def _released_events() -> int:
    return await OutboxEvent.filter(topic="rebate.changed", payload__contains={"type": "INSTALLMENT_RELEASED"}).count()


async def test_two_workers_activate_and_release_each_rebate_once(api):
    staff = await manager()
    await active_rule(api, staff, name="Credit", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT",
                      installmentCount=2, period="DAY")
    await active_rule(api, staff, name="Points", kind="FIXED_RATIO", ratio="0.05", payoutForm="POINTS",
                      installmentCount=2, period="DAY")
    tea = await goods("40.00", stock=BUYERS)
    buyers = [await factories.customer() for _ in range(BUYERS)]
    for buyer in buyers:
        order = await ordered(buyer, (tea.id, 1))
        await pay(api, buyer, order)
        await completed(api, buyer, order)
    await later(dt.timedelta(days=7, minutes=1))
    now = clock.now()

    activated = await asyncio.wait_for(asyncio.gather(
        rebate_releases.activate_due(now), rebate_releases.activate_due(now)), DEADLINE)

    assert sum(activated) == 2 * BUYERS
    assert await OutboxEvent.filter(topic="rebate.changed", payload__contains={"toStatus": "ACTIVE",
                                                                               "type": "STATUS_CHANGED"}).count() == 12
    # Both workers hold the same batch: the rebate locks make the second find it claimed
    due = await releasing.due(now)
    assert len(due) == 2 * BUYERS
    released = await asyncio.wait_for(asyncio.gather(
        rebate_releases.release_batch(due, now), rebate_releases.release_batch(due, now)), DEADLINE)

    assert sorted(released) == [0, 2 * BUYERS]
    assert await JournalEntry.filter(cause="REBATE_RELEASE").count() == 2 * BUYERS
    assert await _released_events() == 2 * BUYERS

    await later(dt.timedelta(days=1))
    now = clock.now()
    released = await asyncio.wait_for(asyncio.gather(
        rebate_releases.release_due(now), rebate_releases.release_due(now)), DEADLINE)

    assert sum(released) == 2 * BUYERS
    assert await JournalEntry.filter(cause="REBATE_RELEASE").count() == 4 * BUYERS
    assert await _released_events() == 4 * BUYERS
    assert set(await Rebate.all().values_list("status", flat=True)) == {"COMPLETED"}
    assert set(await RebateInstallment.all().values_list("status", flat=True)) == {"RELEASED"}
    assert sorted(await Rebate.all().values_list("released_minor", flat=True)) == [200] * BUYERS + [400] * BUYERS
    assert (await verify()).problems == ()
