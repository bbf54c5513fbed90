"""Who sees which orders and after-sales, and the lists they page through: a customer their own, staff with MANAGE_ORDERS any."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from mall.core.actors import Actor, Permission
from mall.core.paging import Ordering
from mall.infra.pages import QuerySetSource
from mall.orders.after_sales import OPEN_STATUSES, AfterSaleKind, AfterSaleStatus
from mall.orders.models import AfterSale, Order
from mall.orders.states import OrderStatus

# Newest first; ids grow with creation, so the id alone orders them and keys the page.
NEWEST_FIRST = Ordering.of(("-id", int))
MAX_NUMBER_LENGTH = 32


@dataclass(frozen=True, slots=True)
class OrderFilter:
    """Staff filters; each unset one matches every order."""

    statuses: Sequence[OrderStatus] = ()
    customer_id: int | None = None
    number: str | None = None
    created_from: dt.datetime | None = None
    created_to: dt.datetime | None = None


def sees_every_order(actor: Actor) -> bool:
    return actor.has(Permission.MANAGE_ORDERS)


async def visible_order(actor: Actor, order_id: int) -> Order | None:
    """The order if ``actor`` may see it: its customer, or staff with MANAGE_ORDERS."""
    if sees_every_order(actor):
        return await Order.get_or_none(id=order_id)
    if actor.user_id is None:
        return None
    return await Order.get_or_none(id=order_id, user_id=actor.user_id)


async def own_order_by_number(user_id: int, number: str) -> Order | None:
    if len(number) > MAX_NUMBER_LENGTH:
        return None
    return await Order.get_or_none(number=number, user_id=user_id)


def own_orders(user_id: int, *, statuses: Sequence[OrderStatus] = ()) -> QuerySetSource[Order]:
    """A customer's orders, newest first, optionally only in ``statuses``."""
    query = Order.filter(user_id=user_id)
    if statuses:
        query = query.filter(status__in=list(statuses))
    return QuerySetSource(query, NEWEST_FIRST)


_SETTLED_ORDERS = (OrderStatus.COMPLETED, OrderStatus.CANCELLED)


async def has_business_in_progress(user_id: int) -> bool:
    """Whether the customer has an order not yet completed or cancelled, or an after-sale not yet settled."""
    if await Order.filter(user_id=user_id).exclude(status__in=list(_SETTLED_ORDERS)).exists():
        return True
    return await AfterSale.filter(order__user_id=user_id, status__in=list(OPEN_STATUSES)).exists()


def all_orders(actor: Actor, given: OrderFilter) -> QuerySetSource[Order]:
    """Every order matching ``given``, newest first (staff with MANAGE_ORDERS)."""
    actor.require(Permission.MANAGE_ORDERS)
    query = Order.all()
    if given.statuses:
        query = query.filter(status__in=list(given.statuses))
    if given.customer_id is not None:
        query = query.filter(user_id=given.customer_id)
    if given.number is not None:
        query = query.filter(number=given.number[:MAX_NUMBER_LENGTH])
    if given.created_from is not None:
        query = query.filter(created_at__gte=given.created_from)
    if given.created_to is not None:
        query = query.filter(created_at__lt=given.created_to)
    return QuerySetSource(query, NEWEST_FIRST)


@dataclass(frozen=True, slots=True)
class AfterSaleFilter:
    """Staff filters of after-sales; each unset one matches every after-sale."""

    statuses: Sequence[AfterSaleStatus] = ()
    kind: AfterSaleKind | None = None
    order_id: int | None = None


def own_after_sales(user_id: int) -> QuerySetSource[AfterSale]:
    """A customer's after-sales, newest first."""
    return QuerySetSource(AfterSale.filter(customer_id=user_id), NEWEST_FIRST)


def all_after_sales(actor: Actor, given: AfterSaleFilter) -> QuerySetSource[AfterSale]:
    """Every after-sale matching ``given``, newest first (staff with MANAGE_ORDERS)."""
    actor.require(Permission.MANAGE_ORDERS)
    query = AfterSale.all()
    if given.statuses:
        query = query.filter(status__in=list(given.statuses))
    if given.kind is not None:
        query = query.filter(kind=given.kind)
    if given.order_id is not None:
        query = query.filter(order_id=given.order_id)
    return QuerySetSource(query, NEWEST_FIRST)
