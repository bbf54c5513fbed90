"""What every order change writes beside itself: an order event and an outbox row, in its transaction."""

from __future__ import annotations

from mall.core.actors import Actor
from mall.core.clock import clock
from mall.infra import outbox
from mall.orders.models import Order, OrderEvent
from mall.orders.states import OrderStatus

CREATED = "CREATED"  # the event of a new order; every later one is a move of orders/states.py


async def record(
    order: Order, *, event_type: str, source: OrderStatus | None, target: OrderStatus, actor: Actor, note: str = ""
) -> OrderEvent:
    """An order event and its outbox row ("order.created" or "order.status_changed")."""
    at = clock.now()
    event = await OrderEvent.create(
        order_id=order.id, type=event_type, from_status=source, to_status=target,
        actor_kind=actor.kind, actor_id=actor.user_id, note=note, at=at,
    )
    await outbox.append(
        topic="order.created" if source is None else "order.status_changed",
        aggregate_type="Order", aggregate_id=order.id, customer_id=order.user_id,
        payload={
            "orderId": order.id, "number": order.number, "type": event_type,
            "fromStatus": source.value if source else None, "toStatus": target.value,
            "actorKind": actor.kind.value, "at": at.isoformat(),
        },
    )
    return event
