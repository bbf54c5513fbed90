"""Every order transition of this slice and every illegal one: stock, events, outbox, and nothing changed on refusal."""

from __future__ import annotations

import datetime as dt

import pytest

from mall.accounts import sessions
from mall.catalog.models import Variant
from mall.core.actors import Actor, Permission
from mall.core.clock import clock
from mall.core.errors import DomainError, ErrorCode, Problem
from mall.infra.outbox import OutboxEvent
from mall.orders import lifecycle
from mall.orders.models import Order, OrderEvent, Shipment
from mall.orders.states import OrderStatus
from tests import factories
from tests.timetravel import travel


async def stock_of(variant_id: int) -> tuple[int, int]:
    variant = await Variant.get(id=variant_id)
    return variant.on_hand, variant.reserved


async def status_of(order) -> OrderStatus:
    return (await Order.get(id=order.id)).status


async def events_of(order) -> list[tuple]:
    rows = await OrderEvent.filter(order_id=order.id).order_by("id")
    return [(row.type, row.from_status, row.to_status, row.actor_kind.value, row.note) for row in rows]


async def setup(stock: int = 10, quantity: int = 2):
    buyer = await factories.customer()
    tea = await factories.variant_of(await factories.product(stock=stock))
    order = await factories.order(buyer, (tea.id, quantity))
    return buyer, tea, order


async def clerk() -> Actor:
    return sessions.actor_for((await factories.staff(Permission.MANAGE_ORDERS)).user)


def refusal(error: pytest.ExceptionInfo[DomainError]) -> list[Problem]:
    return error.value.problems


async def test_the_customer_cancels_before_payment_and_the_stock_comes_back():
    buyer, tea, order = await setup()

    cancelled = await lifecycle.cancel_order(sessions.actor_for(buyer.user), order_id=order.id, reason=" changed my mind ")

    assert cancelled.status is OrderStatus.CANCELLED
    assert (await Order.get(id=order.id)).cancelled_at is not None
    assert await stock_of(tea.id) == (10, 0)
    assert (await events_of(order))[1:] == [
        ("CANCELLED", OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED, "CUSTOMER", "changed my mind")]
    assert await OutboxEvent.all().order_by("id").values_list("topic", flat=True) == [
        "order.created", "order.status_changed"]


async def test_staff_cancel_an_unpaid_order():
    _, tea, order = await setup()

    await lifecycle.cancel_order(await clerk(), order_id=order.id)

    assert await status_of(order) is OrderStatus.CANCELLED
    assert await stock_of(tea.id) == (10, 0)
    assert (await events_of(order))[-1][:4] == ("CANCELLED", OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED, "STAFF")


async def test_cancelling_twice_is_invalid_state_and_releases_nothing_more():
    buyer, tea, order = await setup()
    actor = sessions.actor_for(buyer.user)
    await lifecycle.cancel_order(actor, order_id=order.id)

    with pytest.raises(DomainError) as refused:
        await lifecycle.cancel_order(actor, order_id=order.id)

    assert refusal(refused) == [Problem(ErrorCode.INVALID_STATE, "This order is already CANCELLED.")]
    assert await stock_of(tea.id) == (10, 0)
    assert len(await events_of(order)) == 2


async def test_a_paid_order_is_not_the_customers_to_cancel_and_staff_cannot_cancel_it_without_its_refund():
    buyer, tea, order = await setup()
    await factories.paid(order)

    with pytest.raises(DomainError) as by_customer:
        await lifecycle.cancel_order(sessions.actor_for(buyer.user), order_id=order.id)
    with pytest.raises(DomainError) as by_staff:
        await lifecycle.cancel_order(await clerk(), order_id=order.id)

    assert refusal(by_customer) == [Problem(ErrorCode.INVALID_STATE, "A PAID order can be cancelled only by staff or the system.")]
    assert refusal(by_staff) == [Problem(
        ErrorCode.INVALID_STATE, "Cancelling a paid order needs its refund.")]
    assert await status_of(order) is OrderStatus.PAID
    assert await stock_of(tea.id) == (10, 2)


async def test_another_customers_order_is_not_found():
    _, _, order = await setup()
    stranger = await factories.customer()

    with pytest.raises(DomainError) as cancel:
        await lifecycle.cancel_order(sessions.actor_for(stranger.user), order_id=order.id)
    with pytest.raises(DomainError) as confirm:
        await lifecycle.confirm_receipt(sessions.actor_for(stranger.user), order_id=order.id)

    assert refusal(cancel) == refusal(confirm) == [Problem(ErrorCode.NOT_FOUND, "No such order.", ("orderId",))]
    assert await status_of(order) is OrderStatus.PENDING_PAYMENT


async def test_staff_ship_a_paid_order_and_the_stock_leaves_on_hand():
    _, tea, order = await setup()
    await factories.paid(order)

    shipped = await lifecycle.ship_order(await clerk(), order_id=order.id, carrier="sf", tracking_number="SF1234567890")

    assert shipped.status is OrderStatus.SHIPPED
    assert await stock_of(tea.id) == (8, 0)
    assert await Shipment.filter(order_id=order.id).values_list("carrier", "tracking_number", "status") == [
        ("SF", "SF1234567890", "SHIPPED")]
    assert (await events_of(order))[-1][:4] == ("SHIPPED", OrderStatus.PAID, OrderStatus.SHIPPED, "STAFF")


async def test_shipping_an_unpaid_order_or_shipping_twice_is_invalid_state():
    _, tea, order = await setup()
    staff = await clerk()

    with pytest.raises(DomainError) as unpaid:
        await lifecycle.ship_order(staff, order_id=order.id, carrier="SF", tracking_number="SF1234567890")
    await factories.paid(order)
    await lifecycle.ship_order(staff, order_id=order.id, carrier="SF", tracking_number="SF1234567890")
    with pytest.raises(DomainError) as twice:
        await lifecycle.ship_order(staff, order_id=order.id, carrier="SF", tracking_number="SF1234567891")

    assert refusal(unpaid) == [Problem(ErrorCode.INVALID_STATE, "A PENDING_PAYMENT order cannot be shipped.")]
    assert refusal(twice) == [Problem(ErrorCode.INVALID_STATE, "This order is already SHIPPED.")]
    assert await stock_of(tea.id) == (8, 0)
    assert await Shipment.filter(order_id=order.id).count() == 1


async def test_shipping_needs_a_known_carrier_a_tracking_number_and_the_permission():
    buyer, _, order = await setup()
    await factories.paid(order)

    with pytest.raises(DomainError) as bad:
        await lifecycle.ship_order(await clerk(), order_id=order.id, carrier="DHL", tracking_number="x y")
    with pytest.raises(DomainError) as customer:
        await lifecycle.ship_order(sessions.actor_for(buyer.user), order_id=order.id, carrier="SF", tracking_number="SF1234")

    assert refusal(bad) == [
        Problem(ErrorCode.INVALID, "Unknown carrier; one of SF, YTO, ZTO, STO, YD, JD, EMS, JTSD, DBL, YZPY.", ("carrier",)),
        Problem(ErrorCode.INVALID, "A tracking number is 4 to 40 letters, digits or dashes.", ("trackingNumber",)),
    ]
    assert refusal(customer) == [Problem(ErrorCode.PERMISSION_DENIED, "This needs the MANAGE_ORDERS permission.")]
    assert await status_of(order) is OrderStatus.PAID


async def test_the_customer_confirms_receipt_of_a_shipped_or_delivered_order():
    buyer, _, shipped = await setup()
    _, _, delivered = await setup()
    delivered = await factories.order(buyer)
    for order in (shipped, delivered):
        await factories.paid(order)
        await lifecycle.ship_order(await clerk(), order_id=order.id, carrier="YTO", tracking_number="YT0000001")
    await Order.filter(id=delivered.id).update(status=OrderStatus.DELIVERED)

    for order in (shipped, delivered):
        await lifecycle.confirm_receipt(sessions.actor_for(buyer.user), order_id=order.id)

    assert [await status_of(o) for o in (shipped, delivered)] == [OrderStatus.COMPLETED, OrderStatus.COMPLETED]
    assert (await events_of(shipped))[-1][:4] == ("RECEIPT_CONFIRMED", OrderStatus.SHIPPED, OrderStatus.COMPLETED, "CUSTOMER")
    assert (await events_of(delivered))[-1][:2] == ("RECEIPT_CONFIRMED", OrderStatus.DELIVERED)


async def test_confirming_receipt_before_shipping_or_twice_is_invalid_state():
    buyer, _, order = await setup()
    actor = sessions.actor_for(buyer.user)

    with pytest.raises(DomainError) as early:
        await lifecycle.confirm_receipt(actor, order_id=order.id)
    await factories.paid(order)
    await lifecycle.ship_order(await clerk(), order_id=order.id, carrier="ZTO", tracking_number="ZT0000001")
    await lifecycle.confirm_receipt(actor, order_id=order.id)
    with pytest.raises(DomainError) as twice:
        await lifecycle.confirm_receipt(actor, order_id=order.id)

    assert refusal(early) == [Problem(ErrorCode.INVALID_STATE, "A PENDING_PAYMENT order cannot be completed.")]
    assert refusal(twice) == [Problem(ErrorCode.INVALID_STATE, "This order is already COMPLETED.")]


async def test_unpaid_orders_expire_after_the_timeout_once_and_release_their_stock():
    _, tea, due = await setup(quantity=3)
    await travel(dt.timedelta(minutes=20))
    _, young_tea, young = await setup()
    await travel(dt.timedelta(minutes=31))

    first = await lifecycle.expire_due_orders(clock.now())
    again = await lifecycle.expire_due_orders(clock.now())

    assert (first, again) == (1, 0)
    assert (await status_of(due), await status_of(young)) == (OrderStatus.CANCELLED, OrderStatus.PENDING_PAYMENT)
    assert await stock_of(tea.id) == (10, 0)
    assert await stock_of(young_tea.id) == (10, 2)
    assert (await events_of(due))[-1] == (
        "EXPIRED", OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED, "SYSTEM", "Unpaid past the payment timeout.")


async def test_expiry_leaves_paid_and_cancelled_orders_alone():
    buyer, tea, paid = await setup()
    await factories.paid(paid)
    cancelled = await factories.order(buyer, (tea.id, 1))
    await lifecycle.cancel_order(sessions.actor_for(buyer.user), order_id=cancelled.id)
    await travel(dt.timedelta(hours=1))

    assert await lifecycle.expire_due_orders(clock.now()) == 0

    assert await status_of(paid) is OrderStatus.PAID
    assert await stock_of(tea.id) == (10, 2)
