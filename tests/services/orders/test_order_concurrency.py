"""Racing orders on PostgreSQL: no oversell, stock released once, one order per idempotency key.

Every call runs as its own task with its own pooled connection, so the
database decides each race (conditional updates, row locks, the unique
constraint of idempotency keys).
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections import Counter

import pytest

from mall.accounts import sessions
from mall.catalog.models import Variant
from mall.core.clock import clock
from mall.core.errors import DomainError
from mall.infra.idempotency import IdempotencyKey
from mall.orders import creation, lifecycle
from mall.orders.checkout_input import OrderRequest
from mall.orders.models import Order, OrderEvent
from mall.orders.states import OrderStatus
from tests import factories
from tests.timetravel import travel

pytestmark = pytest.mark.postgres_only

DEADLINE = 60


async def race(*calls):
    return await asyncio.wait_for(asyncio.gather(*calls, return_exceptions=True), DEADLINE)


def codes(outcomes) -> Counter:
    return Counter(o.code.value if isinstance(o, DomainError) else type(o).__name__ for o in outcomes)


async def test_fifty_customers_racing_for_ten_get_exactly_ten_orders():
    tea = await factories.variant_of(await factories.product(stock=10))
    buyers = [await factories.customer() for _ in range(50)]
    requests = [OrderRequest(lines=((tea.id, 1),), address_id=(await factories.address(b)).id) for b in buyers]

    outcomes = await race(*(
        creation.create_order(sessions.actor_for(b.user), request=r) for b, r in zip(buyers, requests, strict=True)
    ))

    assert codes(outcomes) == Counter({"Order": 10, "INSUFFICIENT_STOCK": 40})
    after = await Variant.get(id=tea.id)
    assert (after.on_hand, after.reserved) == (10, 10)
    assert await Order.all().count() == 10


async def test_ten_racing_requests_with_one_key_make_one_order():
    buyer = await factories.customer()
    tea = await factories.variant_of(await factories.product(stock=100))
    request = OrderRequest(lines=((tea.id, 1),), address_id=(await factories.address(buyer)).id)
    actor = sessions.actor_for(buyer.user)

    outcomes = await race(*(creation.create_order(actor, request=request, idempotency_key="pay-once") for _ in range(10)))

    orders = [o for o in outcomes if isinstance(o, Order)]
    assert set(codes(outcomes)) <= {"Order", "IDEMPOTENCY_IN_PROGRESS"}
    assert len({o.id for o in orders}) == 1
    assert await Order.all().count() == 1
    assert (await Variant.get(id=tea.id)).reserved == 1
    assert await IdempotencyKey.all().count() == 1


async def test_a_cancel_racing_the_expiry_releases_the_stock_once():
    buyer = await factories.customer()
    tea = await factories.variant_of(await factories.product(stock=10))
    orders = [await factories.order(buyer, (tea.id, 1)) for _ in range(5)]
    await travel(dt.timedelta(minutes=31))
    actor = sessions.actor_for(buyer.user)

    outcomes = await race(
        *(lifecycle.cancel_order(actor, order_id=o.id) for o in orders),
        lifecycle.expire_due_orders(clock.now()), lifecycle.expire_due_orders(clock.now()),
    )

    cancels, expiries = outcomes[:5], outcomes[5:]
    assert all(isinstance(o, Order) or (isinstance(o, DomainError) and o.code.value == "INVALID_STATE") for o in cancels)
    won_by_cancel = sum(isinstance(o, Order) for o in cancels)
    assert won_by_cancel + sum(expiries) == 5
    assert (await Variant.get(id=tea.id)).reserved == 0
    assert await Order.filter(status=OrderStatus.CANCELLED).count() == 5
    assert await OrderEvent.filter(to_status=OrderStatus.CANCELLED).count() == 5


@pytest.mark.parametrize(("held", "racing"), [(4, 2), (3, 10)])
async def test_one_customers_orders_racing_for_the_last_unpaid_places_take_only_those(configure, held, racing):
    configure(order_unpaid_max=5)
    buyer = await factories.customer()
    tea = await factories.variant_of(await factories.product(stock=100))
    address = await factories.address(buyer)
    for _ in range(held):
        await factories.order(buyer, (tea.id, 1), address_id=address.id)
    request = OrderRequest(lines=((tea.id, 1),), address_id=address.id)
    actor = sessions.actor_for(buyer.user)

    outcomes = await race(*(creation.create_order(actor, request=request) for _ in range(racing)))

    assert codes(outcomes) == Counter({"Order": 5 - held, "UNPAID_ORDERS_EXCEEDED": racing - (5 - held)})
    assert await Order.filter(user_id=buyer.user.id).count() == 5
    assert (await Variant.get(id=tea.id)).reserved == 5
