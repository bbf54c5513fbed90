"""Racing tracking pushes on PostgreSQL: a push delivered many times at once records once.

Each push runs as its own task with its own pooled connection; the order and
shipment row locks of orders/delivery.py decide the race.
"""

from __future__ import annotations

import asyncio

import pytest

from mall.accounts import sessions
from mall.core.actors import Permission
from mall.core.clock import clock
from mall.flows import tracking
from mall.logistics.providers import sandbox_provider
from mall.logistics.providers.base import TrackingProviderKind, TrackingState
from mall.orders import lifecycle
from mall.orders.models import Order, OrderEvent, ShipmentEvent
from mall.orders.states import OrderStatus
from tests import factories

pytestmark = pytest.mark.postgres_only


async def test_twenty_identical_pushes_at_once_record_one_scan_and_one_delivery():
    order = await factories.paid(await factories.order(await factories.customer()))
    clerk = await factories.staff(Permission.MANAGE_ORDERS)
    await lifecycle.ship_order(sessions.actor_for(clerk.user), order_id=order.id, carrier="SF", tracking_number="SF1234567890")
    headers, body = sandbox_provider().build_push(
        carrier="SF", tracking_number="SF1234567890", state=TrackingState.DELIVERED, description="已签收", at=clock.now())

    outcomes = await asyncio.wait_for(asyncio.gather(*(
        tracking.receive_push(TrackingProviderKind.SANDBOX, headers=headers, body=body) for _ in range(20)
    ), return_exceptions=True), 60)

    assert [type(outcome).__name__ for outcome in outcomes] == ["Shipment"] * 20
    assert await ShipmentEvent.all().count() == 1
    assert await OrderEvent.filter(order_id=order.id, type="DELIVERED").count() == 1
    assert (await Order.get(id=order.id)).status is OrderStatus.DELIVERED
