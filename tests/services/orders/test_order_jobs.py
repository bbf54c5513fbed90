"""Mall's scheduled order jobs: unpaid orders expire and unconfirmed ones complete, driven by the clock."""

from __future__ import annotations

import datetime as dt

from mall.accounts import sessions
from mall.catalog.models import Variant
from mall.core.actors import Permission
from mall.core.clock import clock
from mall.jobs.registry import Registry
from mall.jobs.runner import Runner
from mall.jobs.schedule import register_mall_jobs
from mall.orders import lifecycle
from mall.orders.models import Order, OrderEvent
from mall.orders.states import OrderStatus
from tests import factories
from tests.timetravel import travel


async def _shipped_order():
    buyer = await factories.customer()
    tea = await factories.variant_of(await factories.product(stock=5))
    order = await factories.paid(await factories.order(buyer, (tea.id, 1)))
    staff = await factories.staff(Permission.MANAGE_ORDERS)
    await lifecycle.ship_order(sessions.actor_for(staff.user), order_id=order.id, carrier="SF", tracking_number="SF1001")
    return order


async def test_an_unconfirmed_shipped_order_completes_after_the_auto_confirm_days_once():
    order = await _shipped_order()

    await travel(dt.timedelta(days=9, hours=23))
    early = await lifecycle.complete_due_orders(clock.now())
    await travel(dt.timedelta(days=10, minutes=1))
    first = await lifecycle.complete_due_orders(clock.now())
    again = await lifecycle.complete_due_orders(clock.now())

    assert (early, first, again) == (0, 1, 0)
    assert (await Order.get(id=order.id)).status is OrderStatus.COMPLETED
    events = await OrderEvent.filter(order_id=order.id).order_by("id").values_list("type", "actor_kind")
    assert [(kind, str(actor.value)) for kind, actor in events][-1] == ("AUTO_COMPLETED", "SYSTEM")


async def test_the_runner_with_malls_jobs_expires_an_unpaid_order_when_its_time_is_due():
    buyer = await factories.customer()
    tea = await factories.variant_of(await factories.product(stock=5))
    order = await factories.order(buyer, (tea.id, 2))
    runner = Runner(register_mall_jobs(Registry()).all())

    before = {o.job: o.handled for o in await runner.tick()}
    await travel(dt.timedelta(minutes=31))
    after = {o.job: o.handled for o in await runner.tick()}

    assert before["orders.expire-unpaid"] == 0
    assert after["orders.expire-unpaid"] == 1
    assert (await Order.get(id=order.id)).status is OrderStatus.CANCELLED
    assert (await Variant.get(id=tea.id)).reserved == 0
