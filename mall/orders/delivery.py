"""Tracking updates on shipments (DESIGN §3.4, §3.7): record the scans; a delivery moves the order.

``record_update`` is what every verified push reaches: a real provider's
through the push endpoint, the sandbox's through ``sandboxTrackingPush``
(both by ``flows/tracking.py``). In one transaction it locks the order, then
the shipment (the order first, as every order change does), adds the scans
not recorded yet — a push is a snapshot that repeats earlier scans, and
providers retry, so the same push twice records once — and sets the
shipment's status from the newest snapshot. A DELIVERED parcel moves a
SHIPPED order to DELIVERED by the system, with its order event and outbox
row. An order in any other state (already DELIVERED, COMPLETED by the
customer, CANCELLED) keeps its state: the scans are recorded all the same,
since they are the carrier's facts, but they move nothing.
"""

from __future__ import annotations

from mall.core.actors import Actor
from mall.core.clock import clock
from mall.core.errors import NotFound
from mall.infra.transactions import transaction
from mall.logistics.providers.base import TrackingState, TrackingUpdate
from mall.orders import journal
from mall.orders.models import Order, Shipment, ShipmentEvent, ShipmentStatus
from mall.orders.states import OrderStatus, transition

# The shipment table's vocabulary predates tracking: EXCEPTION is stored as PROBLEM.
SHIPMENT_STATUSES = {
    TrackingState.IN_TRANSIT: ShipmentStatus.IN_TRANSIT,
    TrackingState.DELIVERED: ShipmentStatus.DELIVERED,
    TrackingState.EXCEPTION: ShipmentStatus.PROBLEM,
    TrackingState.RETURNED: ShipmentStatus.RETURNED,
}


async def record_update(update: TrackingUpdate) -> Shipment:
    """Record a verified tracking update on the shipment it names; ``NotFound`` when we shipped no such parcel.

    One parcel may carry several orders' shipments: each is updated.
    Returns the newest of them.
    """
    found = await Shipment.filter(carrier=update.carrier, tracking_number=update.tracking_number).order_by(
        "id").values_list("id", "order_id")
    if not found:
        raise NotFound("No shipment has this carrier and tracking number.", field="trackingNumber")
    updated = []
    async with transaction():
        for shipment_id, order_id in found:
            order = await Order.filter(id=order_id).select_for_update().get()
            shipment = await Shipment.filter(id=shipment_id).select_for_update().get()
            await _record_scans(shipment, update)
            if update.state is TrackingState.DELIVERED and order.status is OrderStatus.SHIPPED:
                await _deliver(order, note=f"{update.carrier} {update.tracking_number}")
            updated.append(shipment)
    return updated[-1]


async def _record_scans(shipment: Shipment, update: TrackingUpdate) -> None:
    recorded = await ShipmentEvent.filter(shipment_id=shipment.id).values_list("at", "status", "description")
    seen = set(recorded)
    new = [
        ShipmentEvent(shipment_id=shipment.id, at=event.at, status=SHIPMENT_STATUSES[event.state],
                      description=event.description)
        for event in update.events
        if (event.at, SHIPMENT_STATUSES[event.state], event.description) not in seen
    ]
    if new:
        await ShipmentEvent.bulk_create(new)
    newest_recorded = max((at for at, _, _ in recorded), default=None)
    # A snapshot older than what is recorded (pushes may arrive out of order) leaves the status alone.
    if newest_recorded is None or update.events[-1].at >= newest_recorded:
        shipment.status = SHIPMENT_STATUSES[update.state]
        shipment.updated_at = clock.now()
        await shipment.save(update_fields=("status", "updated_at"))


async def _deliver(order: Order, *, note: str) -> None:
    system = Actor.system()
    move = transition(order.status, OrderStatus.DELIVERED, by=system.kind)
    now = clock.now()
    changes = {"status": OrderStatus.DELIVERED, "updated_at": now, "delivered_at": now}
    # The row is locked on PostgreSQL; the condition keeps SQLite as safe.
    if not await Order.filter(id=order.id, status=order.status).update(**changes):
        return
    source = order.status
    for name, value in changes.items():
        setattr(order, name, value)
    await journal.record(order, event_type=move.event.value, source=source, target=OrderStatus.DELIVERED,
                         actor=system, note=note)
