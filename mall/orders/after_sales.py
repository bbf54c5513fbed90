"""The after-sale (退换货) state machine of DESIGN §3.4, per kind of request.

    REQUESTED ──▶ APPROVED | REJECTED (staff)       REQUESTED ──▶ CANCELLED (customer)
    REFUND_ONLY:    APPROVED ──▶ REFUNDING (staff)
    RETURN_REFUND:  APPROVED ──▶ RETURN_SHIPPED (customer) ──▶ RETURN_RECEIVED (staff) ──▶ REFUNDING (staff)
    EXCHANGE:       APPROVED ──▶ RETURN_SHIPPED (customer) ──▶ RETURN_RECEIVED (staff) ──▶ EXCHANGE_SHIPPED (staff)
    REFUNDING ──▶ REFUNDED | REFUND_FAILED (system: the provider's answer)
    REFUND_FAILED ──▶ REFUNDING (staff: try the refund again)
    REFUND_FAILED ──▶ REFUNDED (system: the provider confirms the refund it had reported failed)

The retry from REFUND_FAILED is this module's reading of DESIGN, which names
no way out of a failed refund: without it money owed to a customer would be
stuck. So is the late confirmation: a provider that reverses its answer has
sent the money, and the after-sale must say so. Each move records an
after-sale event named after its target state.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from mall.core.actors import ActorKind
from mall.orders.errors import InvalidState


class AfterSaleKind(enum.Enum):
    REFUND_ONLY = "REFUND_ONLY"
    RETURN_REFUND = "RETURN_REFUND"
    EXCHANGE = "EXCHANGE"


class AfterSaleStatus(enum.Enum):
    REQUESTED = "REQUESTED"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"
    CANCELLED = "CANCELLED"
    RETURN_SHIPPED = "RETURN_SHIPPED"
    RETURN_RECEIVED = "RETURN_RECEIVED"
    REFUNDING = "REFUNDING"
    REFUNDED = "REFUNDED"
    REFUND_FAILED = "REFUND_FAILED"
    EXCHANGE_SHIPPED = "EXCHANGE_SHIPPED"


# Still deciding what the order keeps: a rebate of the order waits until none is (DESIGN §3.6). REFUND_FAILED
# stays open: money is still owed back. CANCELLED, REJECTED, REFUNDED and EXCHANGE_SHIPPED are final.
# What a staff cancel of the paid order closes with it (CANCELLED by the system): still waiting on a decision or
# a refund, nothing shipped back.
CLOSED_WITH_ORDER = (AfterSaleStatus.REQUESTED, AfterSaleStatus.APPROVED, AfterSaleStatus.REFUND_FAILED)

OPEN_STATUSES = (
    AfterSaleStatus.REQUESTED, AfterSaleStatus.APPROVED, AfterSaleStatus.RETURN_SHIPPED,
    AfterSaleStatus.RETURN_RECEIVED, AfterSaleStatus.REFUNDING, AfterSaleStatus.REFUND_FAILED,
)


@dataclass(frozen=True, slots=True)
class AfterSaleMove:
    """One legal move of an after-sale of some kind: from where, to where, by whom."""

    kind: AfterSaleKind
    source: AfterSaleStatus
    target: AfterSaleStatus
    actor: ActorKind


def _moves() -> dict[tuple[AfterSaleKind, AfterSaleStatus, AfterSaleStatus, ActorKind], AfterSaleMove]:
    every_kind = tuple(AfterSaleKind)
    with_return = (AfterSaleKind.RETURN_REFUND, AfterSaleKind.EXCHANGE)
    refunded = (AfterSaleKind.REFUND_ONLY, AfterSaleKind.RETURN_REFUND)
    status, staff, customer, system = AfterSaleStatus, ActorKind.STAFF, ActorKind.CUSTOMER, ActorKind.SYSTEM
    rules = (
        (every_kind, status.REQUESTED, status.APPROVED, staff),
        (every_kind, status.REQUESTED, status.REJECTED, staff),
        (every_kind, status.REQUESTED, status.CANCELLED, customer),
        ((AfterSaleKind.REFUND_ONLY,), status.APPROVED, status.REFUNDING, staff),
        (with_return, status.APPROVED, status.RETURN_SHIPPED, customer),
        (with_return, status.RETURN_SHIPPED, status.RETURN_RECEIVED, staff),
        ((AfterSaleKind.RETURN_REFUND,), status.RETURN_RECEIVED, status.REFUNDING, staff),
        ((AfterSaleKind.EXCHANGE,), status.RETURN_RECEIVED, status.EXCHANGE_SHIPPED, staff),
        (refunded, status.REFUNDING, status.REFUNDED, system),
        (refunded, status.REFUNDING, status.REFUND_FAILED, system),
        (refunded, status.REFUND_FAILED, status.REFUNDING, staff),
        (refunded, status.REFUND_FAILED, status.REFUNDED, system),
        # A paid order cancelled by staff refunds everything it paid: its open refund-only after-sales close with it.
        *(((AfterSaleKind.REFUND_ONLY,), source, status.CANCELLED, system)
          for source in CLOSED_WITH_ORDER),
    )
    return {
        (kind, source, target, actor): AfterSaleMove(kind, source, target, actor)
        for kinds, source, target, actor in rules
        for kind in kinds
    }


AFTER_SALE_MOVES = _moves()

_VERBS = {
    AfterSaleStatus.REQUESTED: "put back to requested",
    AfterSaleStatus.APPROVED: "approved",
    AfterSaleStatus.REJECTED: "rejected",
    AfterSaleStatus.CANCELLED: "cancelled",
    AfterSaleStatus.RETURN_SHIPPED: "marked as shipped back",
    AfterSaleStatus.RETURN_RECEIVED: "marked as received back",
    AfterSaleStatus.REFUNDING: "refunded",
    AfterSaleStatus.REFUNDED: "marked refunded",
    AfterSaleStatus.REFUND_FAILED: "marked as a failed refund",
    AfterSaleStatus.EXCHANGE_SHIPPED: "sent a replacement",
}
_WHO = {ActorKind.CUSTOMER: "the customer", ActorKind.STAFF: "staff", ActorKind.SYSTEM: "the system"}


def after_sale_transition(
    kind: AfterSaleKind, current: AfterSaleStatus, target: AfterSaleStatus, *, by: ActorKind
) -> AfterSaleMove:
    """The move of a ``kind`` after-sale from ``current`` to ``target`` by ``by``, or ``InvalidState``."""
    move = AFTER_SALE_MOVES.get((kind, current, target, by))
    if move is not None:
        return move
    raise InvalidState(_refusal(kind, current, target, by))


def _refusal(kind: AfterSaleKind, current: AfterSaleStatus, target: AfterSaleStatus, by: ActorKind) -> str:
    if current is target:
        return f"This after-sale is already {current.value}."
    subject = f"An after-sale of kind {kind.value} in state {current.value}"
    verb = _VERBS[target]
    allowed = [actor for actor in ActorKind if (kind, current, target, actor) in AFTER_SALE_MOVES]
    if allowed:
        return f"{subject} can be {verb} only by {' or '.join(_WHO[actor] for actor in allowed)}."
    return f"{subject} cannot be {verb}."
