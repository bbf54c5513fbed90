"""The after-sale state machine (DESIGN §3.4): every move of the full product of kinds, states and actors."""

from __future__ import annotations

from itertools import product

import pytest

from mall.core.actors import ActorKind
from mall.core.errors import ErrorCode
from mall.orders.after_sales import AfterSaleKind, AfterSaleStatus, after_sale_transition
from mall.orders.errors import InvalidState

REFUND_ONLY = AfterSaleKind.REFUND_ONLY
RETURN_REFUND = AfterSaleKind.RETURN_REFUND
EXCHANGE = AfterSaleKind.EXCHANGE
REQUESTED = AfterSaleStatus.REQUESTED
APPROVED = AfterSaleStatus.APPROVED
REJECTED = AfterSaleStatus.REJECTED
CANCELLED = AfterSaleStatus.CANCELLED
RETURN_SHIPPED = AfterSaleStatus.RETURN_SHIPPED
RETURN_RECEIVED = AfterSaleStatus.RETURN_RECEIVED
REFUNDING = AfterSaleStatus.REFUNDING
REFUNDED = AfterSaleStatus.REFUNDED
REFUND_FAILED = AfterSaleStatus.REFUND_FAILED
EXCHANGE_SHIPPED = AfterSaleStatus.EXCHANGE_SHIPPED
CUSTOMER = ActorKind.CUSTOMER
STAFF = ActorKind.STAFF
SYSTEM = ActorKind.SYSTEM

OPENING = {(REQUESTED, APPROVED, STAFF), (REQUESTED, REJECTED, STAFF), (REQUESTED, CANCELLED, CUSTOMER)}
REFUND_END = {
    (REFUNDING, REFUNDED, SYSTEM), (REFUNDING, REFUND_FAILED, SYSTEM), (REFUND_FAILED, REFUNDING, STAFF),
    (REFUND_FAILED, REFUNDED, SYSTEM),  # the provider confirms a refund it had reported failed
}
# Written out path by path from DESIGN §3.4, independently of the module's table.
LEGAL = {
    REFUND_ONLY: OPENING | {(APPROVED, REFUNDING, STAFF)} | REFUND_END
    # the order cancelled by staff, everything refunded with it
    | {(REQUESTED, CANCELLED, SYSTEM), (APPROVED, CANCELLED, SYSTEM), (REFUND_FAILED, CANCELLED, SYSTEM)},
    RETURN_REFUND: OPENING
    | {
        (APPROVED, RETURN_SHIPPED, CUSTOMER),
        (RETURN_SHIPPED, RETURN_RECEIVED, STAFF),
        (RETURN_RECEIVED, REFUNDING, STAFF),
    }
    | REFUND_END,
    EXCHANGE: OPENING
    | {
        (APPROVED, RETURN_SHIPPED, CUSTOMER),
        (RETURN_SHIPPED, RETURN_RECEIVED, STAFF),
        (RETURN_RECEIVED, EXCHANGE_SHIPPED, STAFF),
    },
}


def is_legal(kind: AfterSaleKind, current: AfterSaleStatus, target: AfterSaleStatus, actor: ActorKind) -> bool:
    try:
        move = after_sale_transition(kind, current, target, by=actor)
    except InvalidState as error:
        assert error.code is ErrorCode.INVALID_STATE
        assert error.message.endswith(".")
        return False
    assert (move.kind, move.source, move.target, move.actor) == (kind, current, target, actor)
    return True


def test_exactly_the_listed_moves_are_legal_per_kind():
    for kind in AfterSaleKind:
        # when every (from, to, actor) is tried for this kind
        legal = {
            (current, target, actor)
            for current, target, actor in product(AfterSaleStatus, AfterSaleStatus, ActorKind)
            if is_legal(kind, current, target, actor)
        }

        # then the legal ones are exactly that kind's path
        assert legal == LEGAL[kind], kind


def test_final_states_have_no_way_out():
    for kind, current in product(AfterSaleKind, (REJECTED, CANCELLED, REFUNDED, EXCHANGE_SHIPPED)):
        for target, actor in product(AfterSaleStatus, ActorKind):
            assert not is_legal(kind, current, target, actor)


def test_the_customer_cancels_only_while_requested():
    with pytest.raises(InvalidState) as refused:
        after_sale_transition(RETURN_REFUND, APPROVED, CANCELLED, by=CUSTOMER)

    assert refused.value.message == "An after-sale of kind RETURN_REFUND in state APPROVED cannot be cancelled."


def test_a_refund_only_request_has_nothing_to_ship_back():
    with pytest.raises(InvalidState) as refused:
        after_sale_transition(REFUND_ONLY, APPROVED, RETURN_SHIPPED, by=CUSTOMER)

    assert refused.value.message == (
        "An after-sale of kind REFUND_ONLY in state APPROVED cannot be marked as shipped back."
    )


def test_only_staff_approve():
    with pytest.raises(InvalidState) as refused:
        after_sale_transition(EXCHANGE, REQUESTED, APPROVED, by=CUSTOMER)

    assert refused.value.message == "An after-sale of kind EXCHANGE in state REQUESTED can be approved only by staff."


def test_a_repeated_move_says_the_after_sale_is_already_there():
    with pytest.raises(InvalidState) as refused:
        after_sale_transition(REFUND_ONLY, REFUNDED, REFUNDED, by=SYSTEM)

    assert refused.value.message == "This after-sale is already REFUNDED."
