"""Idempotency keys on order creation (Stripe's semantics): once per request, refused when reused otherwise."""

from __future__ import annotations

import datetime as dt

import pytest

from mall.accounts import sessions
from mall.catalog import variants
from mall.catalog.models import Variant
from mall.core.actors import Actor
from mall.core.clock import clock
from mall.core.errors import DomainError, ErrorCode, Problem
from mall.core.idempotency import request_fingerprint
from mall.infra.idempotency import IdempotencyKey, KeyState
from mall.orders import creation
from mall.orders.checkout_input import OrderRequest
from mall.orders.models import Order
from tests import factories
from tests.timetravel import travel


async def a_request(buyer, *, quantity: int = 1, stock: int = 10) -> OrderRequest:
    home = await factories.address(buyer)
    tea = await factories.variant_of(await factories.product(prices=("25.00",), stock=stock))
    return OrderRequest(lines=((tea.id, quantity),), address_id=home.id)


async def test_the_same_key_and_request_returns_the_first_order_and_holds_stock_once():
    buyer = await factories.customer()
    actor = sessions.actor_for(buyer.user)
    request = await a_request(buyer, quantity=2)

    first = await creation.create_order(actor, request=request, idempotency_key="checkout-1")
    again = await creation.create_order(actor, request=request, idempotency_key="checkout-1")

    assert again.id == first.id
    assert await Order.all().count() == 1
    assert (await Variant.get(id=request.lines[0][0])).reserved == 2
    key = await IdempotencyKey.get(key="checkout-1")
    assert (key.user_id, key.operation, key.state, key.result) == (buyer.user.id, "orderCreate", KeyState.DONE, {"orderId": first.id})
    assert key.expires_at - key.created_at == dt.timedelta(hours=24)


async def test_the_same_key_with_another_request_is_a_mismatch():
    buyer = await factories.customer()
    actor = sessions.actor_for(buyer.user)
    request = await a_request(buyer)
    await creation.create_order(actor, request=request, idempotency_key="checkout-1")

    with pytest.raises(DomainError) as refused:
        await creation.create_order(actor, request=OrderRequest(lines=((request.lines[0][0], 3),),
                                                                address_id=request.address_id),
                                    idempotency_key="checkout-1")

    assert refused.value.problems == [Problem(
        ErrorCode.IDEMPOTENCY_MISMATCH, "This idempotency key was used with a different request.", ("idempotencyKey",))]
    assert await Order.all().count() == 1


async def test_a_key_is_scoped_to_its_caller():
    buyer, other = await factories.customer(), await factories.customer()
    request = await a_request(buyer)
    mine = await creation.create_order(sessions.actor_for(buyer.user), request=request, idempotency_key="k")
    other_request = await a_request(other)

    theirs = await creation.create_order(sessions.actor_for(other.user), request=other_request, idempotency_key="k")

    assert theirs.id != mine.id and theirs.user_id == other.user.id


async def test_a_request_in_flight_with_the_key_is_refused_not_run_twice():
    buyer = await factories.customer()
    request = await a_request(buyer)
    now = clock.now()
    # What a first request holds while it runs: its claim, IN_PROGRESS.
    await IdempotencyKey.create(
        user_id=buyer.user.id, operation="orderCreate", key="checkout-1",
        fingerprint=request_fingerprint("orderCreate", request.payload()), state=KeyState.IN_PROGRESS,
        created_at=now, expires_at=now + dt.timedelta(hours=24),
    )

    with pytest.raises(DomainError) as refused:
        await creation.create_order(sessions.actor_for(buyer.user), request=request, idempotency_key="checkout-1")

    assert refused.value.problems == [Problem(
        ErrorCode.IDEMPOTENCY_IN_PROGRESS, "A request with this idempotency key is still in progress.",
        ("idempotencyKey",))]
    assert await Order.all().count() == 0


async def test_a_refused_request_frees_its_key_for_a_corrected_retry():
    buyer = await factories.customer()
    actor = sessions.actor_for(buyer.user)
    request = await a_request(buyer, quantity=3, stock=2)
    with pytest.raises(DomainError):
        await creation.create_order(actor, request=request, idempotency_key="checkout-1")
    assert await IdempotencyKey.all().count() == 0
    await variants.stock_adjust(Actor.system(), variant_id=request.lines[0][0], delta=5, reason="restock")

    order = await creation.create_order(actor, request=request, idempotency_key="checkout-1")

    assert order.status.value == "PENDING_PAYMENT"
    assert await IdempotencyKey.filter(state=KeyState.DONE).count() == 1


async def test_an_expired_key_may_be_used_again():
    buyer = await factories.customer()
    actor = sessions.actor_for(buyer.user)
    request = await a_request(buyer)
    first = await creation.create_order(actor, request=request, idempotency_key="checkout-1")
    await travel(dt.timedelta(hours=24, minutes=1))

    second = await creation.create_order(actor, request=OrderRequest(lines=((request.lines[0][0], 2),),
                                                                     address_id=request.address_id),
                                         idempotency_key="checkout-1")

    assert second.id != first.id
    assert await IdempotencyKey.all().values_list("result", flat=True) == [{"orderId": second.id}]


async def test_a_malformed_key_is_refused():
    buyer = await factories.customer()
    request = await a_request(buyer)

    with pytest.raises(DomainError) as refused:
        await creation.create_order(sessions.actor_for(buyer.user), request=request, idempotency_key="x" * 65)

    assert refused.value.problems == [Problem(
        ErrorCode.INVALID, "An idempotency key is 1 to 64 printable ASCII characters, no spaces.", ("idempotencyKey",))]
