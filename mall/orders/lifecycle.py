"""Moving an order through its states (DESIGN §3.4), payments aside: cancel, ship, confirm receipt, expire.

Each move, in one transaction: lock the order row (PostgreSQL), ask
``states.transition`` whether the actor may make it, change the status with
a conditional UPDATE ``… WHERE status = <the status read>`` (which keeps
SQLite, where row locks do nothing, just as safe: a racing move changes no
row and is refused), move the stock it implies, and record its order event
and outbox row. An illegal move is INVALID_STATE with nothing changed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Awaitable, Callable

from mall.catalog import stock
from mall.core.actors import Actor, ActorKind, Permission
from mall.core.clock import clock
from mall.core.errors import ErrorCode, InvalidInput, NotFound, Problem
from mall.infra.transactions import transaction
from mall.logistics.carriers import CARRIERS
from mall.orders import journal, rebating
from mall.orders.after_sales import AfterSaleStatus
from mall.orders.errors import InvalidState
from mall.orders.models import AfterSale, Order, OrderLine, Shipment
from mall.orders.states import OrderStatus, transition
from mall.rebates import lifecycle as rebate_lifecycle
from mall.settings import get_settings
from mall.wallet import order_funds, order_points, vouchers

_TRACKING_NUMBER = re.compile(r"[0-9A-Za-z-]{4,40}")
_TIMESTAMPS = {
    OrderStatus.PAID: "paid_at", OrderStatus.SHIPPED: "shipped_at", OrderStatus.DELIVERED: "delivered_at",
    OrderStatus.COMPLETED: "completed_at", OrderStatus.CANCELLED: "cancelled_at",
}
MAX_REASON = 500
BATCH = 100  # orders one scheduled run moves at most; the rest wait for the next run

StockMove = Callable[[int, int], Awaitable[None]]
RefundStarter = Callable[[Order], Awaitable[None]]


def _no_such_order() -> NotFound:
    return NotFound("No such order.", field="orderId")


async def cancel_order(
    actor: Actor, *, order_id: int, reason: str = "", refund_paid: RefundStarter | None = None
) -> Order:
    """Cancel: the customer before payment, staff (MANAGE_ORDERS) before shipping; the stock held goes back.

    A paid order is cancelled only with ``refund_paid`` (flows/refunds), which
    records the refund of everything paid in this same transaction; without
    it the answer is INVALID_STATE and nothing changes.
    """
    if len(reason) > MAX_REASON:
        raise InvalidInput.one("reason", f"A reason is at most {MAX_REASON} characters.")
    staff = _staff_or_customer(actor)
    async with transaction():
        order = await _locked(actor, order_id, staff=staff)
        paid = order.status is OrderStatus.PAID
        if paid and staff and refund_paid is None:
            raise InvalidState("Cancelling a paid order needs its refund.")
        await _move(order, OrderStatus.CANCELLED, actor, note=reason.strip())
        await _each_line(order, stock.release)
        if paid and refund_paid is not None:
            await refund_paid(order)
        elif not paid:
            await release_held(order, actor)
    return order


async def ship_order(actor: Actor, *, order_id: int, carrier: str, tracking_number: str) -> Order:
    """Ship a PAID order (staff, MANAGE_ORDERS): a shipment, and the held stock leaves on hand."""
    actor.require(Permission.MANAGE_ORDERS)
    carrier = carrier.strip().upper()
    tracking_number = tracking_number.strip()
    problems = []
    if carrier not in CARRIERS:
        problems.append(Problem(ErrorCode.INVALID, f"Unknown carrier; one of {', '.join(CARRIERS)}.", ("carrier",)))
    if not _TRACKING_NUMBER.fullmatch(tracking_number):
        problems.append(Problem(
            ErrorCode.INVALID, "A tracking number is 4 to 40 letters, digits or dashes.", ("trackingNumber",)
        ))
    if problems:
        raise InvalidInput(problems)
    async with transaction():
        order = await _locked(actor, order_id, staff=True)
        # Units asked back (or refunded) before shipping must not leave the shelf with the rest:
        # settle those after-sales first, or cancel the order (its refund covers what is left).
        if order.status is OrderStatus.PAID and await AfterSale.filter(order_id=order.id).exclude(
            status__in=(AfterSaleStatus.CANCELLED, AfterSaleStatus.REJECTED)
        ).exists():
            raise InvalidState(
                "This order has after-sales from before shipping: ship it only once none is open or refunded, "
                "or cancel it (its refund covers the rest)."
            )
        await _move(order, OrderStatus.SHIPPED, actor)
        now = clock.now()
        await Shipment.create(
            order_id=order.id, carrier=carrier, tracking_number=tracking_number, created_at=now, updated_at=now
        )
        await _each_line(order, stock.ship)
    return order


async def confirm_receipt(actor: Actor, *, order_id: int) -> Order:
    """The customer confirms receipt of a SHIPPED or DELIVERED order: COMPLETED."""
    actor.require_user()
    async with transaction():
        order = await _locked(actor, order_id, staff=False)
        await _move(order, OrderStatus.COMPLETED, actor)
    return order


async def expire_due_orders(now: dt.datetime) -> int:
    """Cancel every unpaid order past its ``expires_at`` and release its stock; how many expired.

    Idempotent and safe with two workers (and against a racing cancel): each
    order moves only by a conditional UPDATE that one caller alone can win.
    """
    due = await Order.filter(status=OrderStatus.PENDING_PAYMENT, expires_at__lte=now).order_by("id").limit(
        BATCH
    ).values_list("id", flat=True)
    expired = 0
    system = Actor.system()
    for order_id in due:
        async with transaction():
            order = await Order.filter(id=order_id).select_for_update().first()
            if order is None or order.status is not OrderStatus.PENDING_PAYMENT or order.expires_at > now:
                continue
            await _move(order, OrderStatus.CANCELLED, system, note="Unpaid past the payment timeout.")
            await _each_line(order, stock.release)
            await release_held(order, system)
            expired += 1
    return expired


async def complete_due_orders(now: dt.datetime) -> int:
    """Complete every SHIPPED or DELIVERED order shipped ``MALL_ORDER_AUTO_CONFIRM_DAYS`` ago or more
    (the customer did not confirm receipt); how many completed, at most ``BATCH`` a run.

    Idempotent and safe with two workers: the row lock and the status read
    under it decide, and a customer confirming meanwhile wins or loses whole.
    """
    shipped_before = now - dt.timedelta(days=get_settings().order_auto_confirm_days)
    waiting = (OrderStatus.SHIPPED, OrderStatus.DELIVERED)
    due = await Order.filter(status__in=waiting, shipped_at__lte=shipped_before).order_by("id").limit(
        BATCH
    ).values_list("id", flat=True)
    completed = 0
    system = Actor.system()
    for order_id in due:
        async with transaction():
            order = await Order.filter(id=order_id).select_for_update().first()
            if order is None or order.status not in waiting or order.shipped_at is None or order.shipped_at > shipped_before:
                continue
            await _move(order, OrderStatus.COMPLETED, system, note="Receipt not confirmed in time: completed.")
            completed += 1
    return completed


async def close_fully_refunded(order: Order) -> None:
    """A PAID order (locked by the caller) refunded in full before shipping is CANCELLED by the system.

    Any other order keeps its state: shipped goods were bought, and a cancelled one is closed already.
    """
    if order.status is OrderStatus.PAID:
        await _move(order, OrderStatus.CANCELLED, Actor.system(), note="Refunded in full before shipping.")
        await _each_line(order, stock.release)


async def lock_stock_before_refund(order: Order) -> None:
    """A refund of a PAID order may close it and release its stock after posting its wallet parts: take
    the stock rows first, the lock order of every other path (stock before ledger), so a refund and a
    cancel of another order holding the same variant never deadlock."""
    if order.status is OrderStatus.PAID:
        await stock.lock(await OrderLine.filter(order_id=order.id).values_list("variant_id", flat=True))


def wallet_parts(order: Order) -> order_funds.WalletParts:
    """The wallet funds the order pays with, by the account each part comes from."""
    return order_funds.WalletParts(rebate_credit_minor=order.rebate_credit_used_minor,
                                   balance_minor=order.balance_used_minor)


async def release_held(order: Order, actor: Actor) -> None:
    """An unpaid order closed: its points go back to their lots, what it held of the wallet goes back (held or
    captured by an unfinished orderPay), and its vouchers are available again."""
    await order_points.release(actor, customer_id=order.user_id, order_id=order.id)
    await order_funds.release(actor, customer_id=order.user_id, order_id=order.id, parts=wallet_parts(order))
    await vouchers.release(order.id)


async def lock_payable(actor: Actor, *, order_id: int) -> Order:
    """The customer's own order, its row locked, if it may be paid now: PENDING_PAYMENT and not expired.

    Call inside the transaction that records the payment.
    """
    order = await _locked(actor, order_id, staff=False)
    if order.status is not OrderStatus.PENDING_PAYMENT:
        raise InvalidState(f"Only an order awaiting payment can be paid; this one is {order.status.value}.")
    if order.expires_at <= clock.now():
        raise InvalidState("The time to pay this order has run out.")
    return order


async def locked(order_id: int) -> Order:
    """The order, its row locked, for the system (settlement): call inside the transaction that changes it."""
    order = await Order.filter(id=order_id).select_for_update().first()
    if order is None:
        raise _no_such_order()
    return order


async def mark_paid(order: Order, *, note: str = "") -> bool:
    """A PENDING_PAYMENT order (locked by the caller) PAID by the system: a payment was verified.

    ``False``, with nothing changed, when the order no longer awaits payment:
    cancelled, expired or paid meanwhile. The conditional UPDATE lets one
    settlement alone pay it even where row locks do nothing (SQLite). The
    order's rebates are made here, PENDING (``rebating.award_rebates``), so
    every way an order is paid makes them, once.
    """
    if order.status is not OrderStatus.PENDING_PAYMENT:
        return False
    try:
        await _move(order, OrderStatus.PAID, Actor.system(), note=note)
    except InvalidState:
        return False
    await _count_sales(order)
    await vouchers.consume(order.id)
    await rebating.award_rebates(order)
    return True


async def _count_sales(order: Order) -> None:
    """What the SALES sort orders by: units paid for, per product (ascending ids: no deadlocks)."""
    sold: dict[int, int] = {}
    for product_id, quantity in await OrderLine.filter(order_id=order.id).values_list("product_id", "quantity"):
        sold[product_id] = sold.get(product_id, 0) + quantity
    for product_id in sorted(sold):
        await stock.count_sales(product_id, sold[product_id])


def _staff_or_customer(actor: Actor) -> bool:
    """Whether ``actor`` acts as staff on orders (MANAGE_ORDERS); a plain customer otherwise."""
    actor.require_user()
    if actor.kind is ActorKind.CUSTOMER:
        return False
    actor.require(Permission.MANAGE_ORDERS)
    return True


async def _locked(actor: Actor, order_id: int, *, staff: bool) -> Order:
    """The order, its row locked, if ``actor`` may act on it (staff any, a customer their own)."""
    query = Order.filter(id=order_id)
    if not staff:
        query = query.filter(user_id=actor.require_user())
    order = await query.select_for_update().first()
    if order is None:
        raise _no_such_order()
    return order


async def _move(order: Order, target: OrderStatus, actor: Actor, *, note: str = "") -> None:
    move = transition(order.status, target, by=actor.kind)
    now = clock.now()
    changes = {"status": target, "updated_at": now, _TIMESTAMPS[target]: now}
    changed = await Order.filter(id=order.id, status=order.status).update(**changes)
    if not changed:
        raise InvalidState("This order changed meanwhile; look at it again.")
    source = order.status
    for name, value in changes.items():
        setattr(order, name, value)
    await journal.record(order, event_type=move.event.value, source=source, target=target, actor=actor, note=note)
    if target is OrderStatus.COMPLETED:
        await rebate_lifecycle.order_completed(order.id, completed_at=now, delivered_at=order.delivered_at)


async def _each_line(order: Order, move_stock: StockMove) -> None:
    lines = await OrderLine.filter(order_id=order.id).order_by("variant_id").values_list("variant_id", "quantity")
    for variant_id, quantity in lines:
        await move_stock(variant_id, quantity)
