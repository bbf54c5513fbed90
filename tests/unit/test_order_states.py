"""The order state machine (DESIGN §3.4): every move of the full product of states and actors."""

from __future__ import annotations

from itertools import product

import pytest

from mall.core.actors import ActorKind
from mall.core.errors import ErrorCode
from mall.orders.errors import InvalidState
from mall.orders.states import OrderEventType, OrderStatus, transition

PENDING = OrderStatus.PENDING_PAYMENT
PAID = OrderStatus.PAID
SHIPPED = OrderStatus.SHIPPED
DELIVERED = OrderStatus.DELIVERED
COMPLETED = OrderStatus.COMPLETED
CANCELLED = OrderStatus.CANCELLED
CUSTOMER = ActorKind.CUSTOMER
STAFF = ActorKind.STAFF
SYSTEM = ActorKind.SYSTEM

# Written out from DESIGN §3.4, independently of the module's table.
LEGAL = {
    (PENDING, PAID, SYSTEM): OrderEventType.PAID,
    (PENDING, CANCELLED, CUSTOMER): OrderEventType.CANCELLED,
    (PENDING, CANCELLED, STAFF): OrderEventType.CANCELLED,
    (PENDING, CANCELLED, SYSTEM): OrderEventType.EXPIRED,
    (PAID, SHIPPED, STAFF): OrderEventType.SHIPPED,
    (PAID, CANCELLED, STAFF): OrderEventType.CANCELLED,
    (PAID, CANCELLED, SYSTEM): OrderEventType.FULLY_REFUNDED,
    (SHIPPED, DELIVERED, SYSTEM): OrderEventType.DELIVERED,
    (SHIPPED, COMPLETED, CUSTOMER): OrderEventType.RECEIPT_CONFIRMED,
    (SHIPPED, COMPLETED, SYSTEM): OrderEventType.AUTO_COMPLETED,
    (DELIVERED, COMPLETED, CUSTOMER): OrderEventType.RECEIPT_CONFIRMED,
    (DELIVERED, COMPLETED, SYSTEM): OrderEventType.AUTO_COMPLETED,
}


def outcome(current: OrderStatus, target: OrderStatus, actor: ActorKind) -> OrderEventType | InvalidState:
    try:
        move = transition(current, target, by=actor)
    except InvalidState as error:
        return error
    assert (move.source, move.target, move.actor) == (current, target, actor)
    return move.event


def test_exactly_the_listed_moves_are_legal_with_their_events():
    # when every (from, to, actor) of the full product is tried
    outcomes = {triple: outcome(*triple) for triple in product(OrderStatus, OrderStatus, ActorKind)}

    # then the legal ones are exactly those of DESIGN §3.4, each with its event
    legal = {triple: event for triple, event in outcomes.items() if isinstance(event, OrderEventType)}
    assert legal == LEGAL
    assert len(outcomes) - len(legal) == 6 * 6 * 3 - 12


def test_every_illegal_move_is_refused_with_invalid_state_and_a_message():
    for current, target, actor in product(OrderStatus, OrderStatus, ActorKind):
        if (current, target, actor) in LEGAL:
            continue
        with pytest.raises(InvalidState) as refused:
            transition(current, target, by=actor)
        assert refused.value.code is ErrorCode.INVALID_STATE
        assert refused.value.problems[0].code is ErrorCode.INVALID_STATE
        assert refused.value.message.endswith(".")


def test_terminal_states_have_no_way_out():
    for current in (COMPLETED, CANCELLED):
        for target, actor in product(OrderStatus, ActorKind):
            assert isinstance(outcome(current, target, actor), InvalidState)


def test_a_shipped_order_cannot_be_cancelled_by_anyone():
    for actor in ActorKind:
        with pytest.raises(InvalidState) as refused:
            transition(SHIPPED, CANCELLED, by=actor)
        assert refused.value.message == "A SHIPPED order cannot be cancelled."


def test_a_customer_cancels_only_before_payment():
    assert transition(PENDING, CANCELLED, by=CUSTOMER).event is OrderEventType.CANCELLED

    with pytest.raises(InvalidState) as refused:
        transition(PAID, CANCELLED, by=CUSTOMER)

    assert refused.value.message == "A PAID order can be cancelled only by staff or the system."


def test_only_the_system_marks_an_order_paid():
    for actor in (CUSTOMER, STAFF):
        with pytest.raises(InvalidState) as refused:
            transition(PENDING, PAID, by=actor)
        assert refused.value.message == "A PENDING_PAYMENT order can be marked paid only by the system."


def test_a_repeated_move_says_the_order_is_already_there():
    with pytest.raises(InvalidState) as refused:
        transition(PAID, PAID, by=SYSTEM)

    assert refused.value.message == "This order is already PAID."


def test_staff_cannot_ship_an_unpaid_order():
    with pytest.raises(InvalidState) as refused:
        transition(PENDING, SHIPPED, by=STAFF)

    assert refused.value.message == "A PENDING_PAYMENT order cannot be shipped."


def test_delivery_comes_only_from_tracking():
    with pytest.raises(InvalidState) as refused:
        transition(SHIPPED, DELIVERED, by=STAFF)

    assert refused.value.message == "A SHIPPED order can be marked delivered only by the system."
