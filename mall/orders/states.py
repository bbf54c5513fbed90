"""The order state machine of DESIGN §3.4: every legal move, who may make it, what it records.

    PENDING_PAYMENT ──PAID (system: payment verified)──▶ PAID ──SHIPPED (staff)──▶ SHIPPED
          │                                               │                          │ DELIVERED (system: tracking)
          │ CANCELLED (customer, staff)                   │ CANCELLED (staff)         ▼
          │ EXPIRED (system: unpaid past the timeout)      │ FULLY_REFUNDED (system)  DELIVERED
          ▼                                               ▼                          │
      CANCELLED ◀─────────────────────────────────────────┘      SHIPPED or DELIVERED ──▶ COMPLETED
                                                     RECEIPT_CONFIRMED (customer), AUTO_COMPLETED (system)

The system marks an order PAID whichever channel settled it (a verified
provider callback, or the wallet capture of ``orderPay`` when nothing external
is due): the customer's request is not itself proof of payment. The system
cancels an unpaid order only by expiry and a paid one only when it has been
fully refunded before shipping, so the event follows from the state and the
actor. A staff cancel of a paid order leaves the refund to its caller.
Moving an order to the state it is already in is refused too: callers that
must be idempotent (callbacks, jobs) check before they ask.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from mall.core.actors import ActorKind
from mall.orders.errors import InvalidState


class OrderStatus(enum.Enum):
    PENDING_PAYMENT = "PENDING_PAYMENT"
    PAID = "PAID"
    SHIPPED = "SHIPPED"
    DELIVERED = "DELIVERED"
    COMPLETED = "COMPLETED"
    CANCELLED = "CANCELLED"


class RefundStatus(enum.Enum):
    """How much of what was paid has been refunded; it sits beside the order status."""

    NONE = "NONE"
    PARTIAL = "PARTIAL"
    FULL = "FULL"


class OrderEventType(enum.Enum):
    """What an order event records; each legal move records exactly one."""

    PAID = "PAID"
    SHIPPED = "SHIPPED"
    DELIVERED = "DELIVERED"
    RECEIPT_CONFIRMED = "RECEIPT_CONFIRMED"
    AUTO_COMPLETED = "AUTO_COMPLETED"
    CANCELLED = "CANCELLED"
    EXPIRED = "EXPIRED"
    FULLY_REFUNDED = "FULLY_REFUNDED"


@dataclass(frozen=True, slots=True)
class OrderMove:
    """One legal move of an order: from where, to where, by whom, and the event it records."""

    source: OrderStatus
    target: OrderStatus
    actor: ActorKind
    event: OrderEventType


ORDER_MOVES: dict[tuple[OrderStatus, OrderStatus, ActorKind], OrderMove] = {
    (move.source, move.target, move.actor): move
    for move in (
        OrderMove(OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, ActorKind.SYSTEM, OrderEventType.PAID),
        OrderMove(OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED, ActorKind.CUSTOMER, OrderEventType.CANCELLED),
        OrderMove(OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED, ActorKind.STAFF, OrderEventType.CANCELLED),
        OrderMove(OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED, ActorKind.SYSTEM, OrderEventType.EXPIRED),
        OrderMove(OrderStatus.PAID, OrderStatus.SHIPPED, ActorKind.STAFF, OrderEventType.SHIPPED),
        OrderMove(OrderStatus.PAID, OrderStatus.CANCELLED, ActorKind.STAFF, OrderEventType.CANCELLED),
        OrderMove(OrderStatus.PAID, OrderStatus.CANCELLED, ActorKind.SYSTEM, OrderEventType.FULLY_REFUNDED),
        OrderMove(OrderStatus.SHIPPED, OrderStatus.DELIVERED, ActorKind.SYSTEM, OrderEventType.DELIVERED),
        OrderMove(OrderStatus.SHIPPED, OrderStatus.COMPLETED, ActorKind.CUSTOMER, OrderEventType.RECEIPT_CONFIRMED),
        OrderMove(OrderStatus.SHIPPED, OrderStatus.COMPLETED, ActorKind.SYSTEM, OrderEventType.AUTO_COMPLETED),
        OrderMove(OrderStatus.DELIVERED, OrderStatus.COMPLETED, ActorKind.CUSTOMER, OrderEventType.RECEIPT_CONFIRMED),
        OrderMove(OrderStatus.DELIVERED, OrderStatus.COMPLETED, ActorKind.SYSTEM, OrderEventType.AUTO_COMPLETED),
    )
}

_VERBS = {
    OrderStatus.PENDING_PAYMENT: "put back to pending payment",
    OrderStatus.PAID: "marked paid",
    OrderStatus.SHIPPED: "shipped",
    OrderStatus.DELIVERED: "marked delivered",
    OrderStatus.COMPLETED: "completed",
    OrderStatus.CANCELLED: "cancelled",
}
_WHO = {ActorKind.CUSTOMER: "the customer", ActorKind.STAFF: "staff", ActorKind.SYSTEM: "the system"}


def transition(current: OrderStatus, target: OrderStatus, *, by: ActorKind) -> OrderMove:
    """The move from ``current`` to ``target`` by an actor of kind ``by``, or ``InvalidState``.

    The returned move names the event the caller records (with the actor,
    the time and a note). Nothing here checks permissions or money: the
    service does, before it asks.
    """
    move = ORDER_MOVES.get((current, target, by))
    if move is not None:
        return move
    raise InvalidState(_refusal(current, target, by))


def _refusal(current: OrderStatus, target: OrderStatus, by: ActorKind) -> str:
    verb = _VERBS[target]
    if current is target:
        return f"This order is already {current.value}."
    allowed = [actor for actor in ActorKind if (current, target, actor) in ORDER_MOVES]
    if allowed:
        who = " or ".join(_WHO[actor] for actor in allowed)
        return f"A {current.value} order can be {verb} only by {who}."
    return f"A {current.value} order cannot be {verb}."
