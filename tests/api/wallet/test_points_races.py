"""Racing points on PostgreSQL: parallel spends never take more than the lots hold, and two expiry workers expire
each lot once."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from mall.core.actors import Actor
from mall.core.clock import clock
from mall.core.errors import ErrorCode
from mall.orders.models import Order
from mall.wallet import points
from mall.wallet.chart import SystemCode
from mall.wallet.journal import Cause
from mall.wallet.models import PointsLot, PointsLotMove
from tests import factories
from tests.api.wallet.funds_scene import wallet_of
from tests.api.wallet.points_scene import give_points
from tests.api.wallet.scene import assert_ledger_sound

pytestmark = pytest.mark.postgres_only

DEADLINE = 60


async def test_ten_parallel_orders_paying_with_points_never_overspend_one_customers_lots(api, configure):
    configure(order_unpaid_max=50)
    buyer = await factories.customer()
    await give_points(api, buyer, 1000, 1000, 500)
    tea = await factories.variant_of(await factories.product(prices=("25.00",), stock=100))
    address = await factories.address(buyer)

    outcomes = await asyncio.wait_for(asyncio.gather(*(
        factories.order(buyer, (tea.id, 2), address_id=address.id, points_to_use=700) for _ in range(10)
    ), return_exceptions=True), DEADLINE)

    won = [o for o in outcomes if isinstance(o, Order)]
    assert len(won) == 2500 // 700
    # Refused when planned (the lots no longer held it) or by the ledger under the account's lock: one code.
    assert all(getattr(o, "code", None) is ErrorCode.INSUFFICIENT_FUNDS for o in outcomes if o not in won), outcomes
    assert sum(order.points_used for order in await Order.filter(user_id=buyer.user.id)) == 3 * 700
    assert (await wallet_of(buyer)).points == 2500 - 3 * 700
    assert sum(lot.remaining for lot in await PointsLot.filter(customer_id=buyer.user.id)) == 400
    await assert_ledger_sound()


async def test_ten_parallel_spends_of_one_customers_points_take_exactly_what_the_lots_hold(api):
    buyer = await factories.customer()
    await give_points(api, buyer, 300, 300, 400)

    async def spend(n: int) -> object:
        return await points.spend(Actor.system(), customer_id=buyer.user.id, points=300, key=f"race:{n}",
                                  cause=Cause.ADJUSTMENT, cause_id=None, destination=SystemCode.POINTS_ADJUSTMENTS)

    outcomes = await asyncio.wait_for(asyncio.gather(*(spend(n) for n in range(10)), return_exceptions=True), DEADLINE)

    refused = [o for o in outcomes if isinstance(o, BaseException)]
    assert len(refused) == 10 - 1000 // 300
    assert all(getattr(o, "code", None) is ErrorCode.INSUFFICIENT_FUNDS for o in refused), refused
    assert sorted(lot.remaining for lot in await PointsLot.filter(customer_id=buyer.user.id)) == [0, 0, 100]
    await assert_ledger_sound()


async def test_two_expiry_workers_at_once_expire_each_lot_once(api):
    buyers = [await factories.customer() for _ in range(4)]
    for buyer in buyers:
        await give_points(api, buyer, *range(10, 60, 5))  # ten lots each, a day apart
    later = clock.now() + dt.timedelta(days=400)

    counts = await asyncio.wait_for(asyncio.gather(points.expire_due(later, batch=25), points.expire_due(later, batch=25),
                                                   points.expire_due(later, batch=25)), DEADLINE)
    rest = 0
    while done := await points.expire_due(later):  # whatever the three batches left
        rest += done

    assert sum(counts) + rest == 40  # each lot counted by one worker alone
    assert await PointsLot.filter(remaining__gt=0).count() == 0
    assert await PointsLotMove.filter(kind=points.EXPIRE).count() == 40  # one each, however the workers met
    assert [(await wallet_of(buyer)).points for buyer in buyers] == [0, 0, 0, 0]
    await assert_ledger_sound()
