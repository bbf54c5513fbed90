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


async def test_a_full_refund_with_points_and_another_customer_s_checkout_with_points_never_deadlock(
        api, monkeypatch, configure):
    """A full refund of a PAID order gives points back (POINTS_REDEEMED, one shop-wide row) and may then release
    the order's stock; a checkout reserves stock, then takes points. The refund takes the stock first."""
    from decimal import Decimal

    from mall.catalog import stock
    from mall.core.actors import Permission
    from tests.api.payments.scene import gid
    from tests.api.refunds.test_after_sales import AFTER_SALE_APPROVE, AFTER_SALE_REFUND, as_staff, ask
    from tests.api.wallet.funds_scene import CART_LINES_ADD, funded_buyer, pay
    from tests.api.wallet.points_scene import create, give_points

    configure(free_shipping_threshold=Decimal("0.01"))
    variant = await factories.variant_of(await factories.product(prices=("25.00",), stock=50))
    refunded_buyer = await funded_buyer(api, balance="100.00")
    await give_points(api, refunded_buyer, 5000)
    await api(CART_LINES_ADD, {"input": {"lines": [{"variantId": gid("ProductVariant", variant.id), "quantity": 2}]}},
              token=refunded_buyer.access_token)
    address = await factories.address(refunded_buyer)
    created = await create(api, refunded_buyer, {"addressId": gid("Address", address.id)}, 1000, useWalletFunds=True)
    assert created["userErrors"] == []
    assert (await pay(api, refunded_buyer, created["order"]["id"]))["userErrors"] == []
    order = await Order.get(number=created["order"]["number"])
    after_sale = (await ask(api, refunded_buyer, order, kind="REFUND_ONLY", quantity=2))["afterSale"]["id"]
    assert (await as_staff(api, AFTER_SALE_APPROVE, after_sale))["userErrors"] == []
    other = await factories.customer()
    await give_points(api, other, 5000)
    other_address = await factories.address(other)

    checkout_reserved = asyncio.Event()
    real_reserve = stock.reserve

    async def reserve_then_wait(variant_id: int, quantity: int) -> bool:
        reserved = await real_reserve(variant_id, quantity)
        checkout_reserved.set()
        await asyncio.sleep(0.5)  # hold the variant row while the refund moves
        return reserved

    monkeypatch.setattr(stock, "reserve", reserve_then_wait)

    async def refund_once_the_checkout_holds_stock() -> dict:
        await asyncio.wait_for(checkout_reserved.wait(), DEADLINE)
        return await as_staff(api, AFTER_SALE_REFUND, after_sale, Permission.MANAGE_FINANCE)

    refunded, ordered = await asyncio.wait_for(asyncio.gather(
        refund_once_the_checkout_holds_stock(),
        factories.order(other, (variant.id, 1), address_id=other_address.id, points_to_use=500),
        return_exceptions=True), DEADLINE)

    assert not isinstance(refunded, BaseException) and refunded["userErrors"] == [], refunded
    assert isinstance(ordered, Order), ordered
    assert (await Order.get(id=order.id)).status.value == "CANCELLED"
    await assert_ledger_sound()
