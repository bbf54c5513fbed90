"""After-sale requests (退换货, DESIGN §3.4): asking, deciding, shipping back and forth; refunds are flows/refunds'.

Every move, in one transaction: lock the order row (PostgreSQL; SQLite runs
one transaction at a time), ask ``after_sales.after_sale_transition`` whether
the actor may make it, change the status with a conditional UPDATE
``… WHERE status = <the status read>``, move the stock it implies, and write
an outbox row ``after_sale.status_changed``. An illegal move is INVALID_STATE
with nothing changed.

What a request may cover is counted under the order's row lock: per order
line, never more units than were bought minus those already in after-sales
that are not cancelled or rejected — so two racing requests for the last
unit of a line cannot both pass.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from mall.accounts import customers
from mall.catalog import stock
from mall.core.actors import Actor, ActorKind, Permission
from mall.core.clock import clock
from mall.core.errors import ErrorCode, InvalidInput, NotFound, Problem
from mall.core.money import allocate, format_minor
from mall.infra import outbox
from mall.infra.transactions import transaction
from mall.logistics.carriers import CARRIERS
from mall.orders import lifecycle
from mall.orders.after_sales import (
    CLOSED_WITH_ORDER,
    OPEN_STATUSES,
    AfterSaleKind,
    AfterSaleStatus,
    after_sale_transition,
)
from mall.orders.errors import InvalidState
from mall.orders.models import AfterSale, AfterSaleLine, Order, OrderLine
from mall.orders.states import OrderStatus
from mall.settings import get_settings

MAX_LINES = 50
MAX_IMAGES = 9
MAX_URL = 500
MAX_TEXT = 500
_URL = re.compile(r"https?://[^\s]+")
_TRACKING_NUMBER = re.compile(r"[0-9A-Za-z-]{4,40}")
# Statuses whose units no longer count against what a line may still have in after-sales.
_ENDED = (AfterSaleStatus.CANCELLED, AfterSaleStatus.REJECTED)
_BEFORE_DELIVERY = (OrderStatus.PAID, OrderStatus.SHIPPED)
_AFTER_DELIVERY = (OrderStatus.DELIVERED, OrderStatus.COMPLETED)


@dataclass(frozen=True, slots=True)
class RequestedLine:
    """What the customer asks about one order line: how many units, and for an exchange the variant wanted."""

    order_line_id: int
    quantity: int
    exchange_variant_id: int | None = None


@dataclass(frozen=True, slots=True)
class LineShare:
    """What ``quantity`` units of a line paid, by the channel a refund returns it through (fen)."""

    rebate_credit_minor: int = 0
    balance_minor: int = 0
    external_minor: int = 0
    points: int = 0  # whole points, beside the money (not in ``total_minor``)

    @property
    def total_minor(self) -> int:
        return self.rebate_credit_minor + self.balance_minor + self.external_minor


@dataclass(frozen=True, slots=True)
class Taken:
    """Units of a line already in an after-sale that still counts: what it refunds, or ``None`` for an exchange."""

    quantity: int
    share: LineShare | None


_CHANNELS = ("rebate_credit_minor", "balance_minor", "external_minor", "points")


def line_share(line: OrderLine, *, taken: Sequence[Taken], quantity: int, minor_per_point: int) -> LineShare:
    """What ``quantity`` more units of ``line`` paid, per channel, once the after-sales ``taken`` (oldest first)
    have theirs.

    Per channel, what is left of the line's part is split over the units
    left by largest remainder (``allocate``) and the new units take the
    first shares: whatever after-sales came and went before (a cancelled or
    rejected one frees its units), the last units take exactly what is left,
    so every refundable unit of a line adds up to the line's part, never a
    fen more or less. An exchange refunds nothing and keeps the least-paid
    units (the last shares), leaving the rest of the money to the others.
    Points are split as whole points (the line's points part is
    ``minor_per_point`` fen each), so every unit gives back a whole number.
    """
    units_left = line.quantity
    left = {"rebate_credit_minor": line.rebate_credit_minor, "balance_minor": line.balance_minor,
            "external_minor": line.external_minor, "points": line.points_minor // minor_per_point}
    for before in taken:
        for channel in _CHANNELS:
            if before.share is None:
                left[channel] -= sum(allocate(left[channel], [1] * units_left)[units_left - before.quantity:])
            else:
                left[channel] -= getattr(before.share, channel)
        units_left -= before.quantity
    if quantity > units_left or min(left.values()) < 0:
        raise ValueError(f"{quantity} more units of a line with {units_left} left, {left}")
    return LineShare(**{channel: sum(allocate(left[channel], [1] * units_left)[:quantity]) for channel in _CHANNELS})


def minor_per_point(order: Order) -> int:
    """What one of the order's points was worth when it was made (the setting may change since)."""
    return order.points_discount_minor // order.points_used if order.points_used else 1


def _no_such_after_sale() -> NotFound:
    return NotFound("No such after-sale.", field="afterSaleId")


async def create(
    actor: Actor, *, order_id: int, kind: AfterSaleKind, lines: Sequence[RequestedLine], reason: str,
    images: Sequence[str],
) -> AfterSale:
    """The customer asks for an after-sale on lines of their own paid order, within the after-sale window.

    Staff with MANAGE_ORDERS may open one on any customer's paid order (not
    a deleted account's), and after the window too (not on their own orders): the window is the customer's no-reason right
    (七日无理由), while a quality or warranty claim (三包) can come later. It is
    the customer's after-sale all the same (they ship goods back), and the
    order's events record who opened it. A refund then reaches rebates that
    are already ACTIVE or released, which DESIGN §3.6 claws back.
    """
    user_id = actor.require_user()
    staff = actor.kind is ActorKind.STAFF and actor.has(Permission.MANAGE_ORDERS)
    _check_request(kind, lines, reason, images)
    async with transaction():
        query = Order.filter(id=order_id) if staff else Order.filter(id=order_id, user_id=user_id)
        order = await query.select_for_update().first()
        if order is None:
            raise NotFound("No such order.", field="orderId")
        for_a_customer = staff and order.user_id != user_id  # staff's own orders keep the customer's window
        if for_a_customer:
            await customers.require_customer(order.user_id, field="orderId")  # not a deleted account
        _check_window(order, closes=not for_a_customer)
        if kind is not AfterSaleKind.REFUND_ONLY and order.status is OrderStatus.PAID:
            # Nothing has left the shelf: there is nothing to send back or swap (and a replacement
            # held for an order that is then cancelled would never be released).
            raise InvalidState("Goods not shipped yet cannot be returned or exchanged: ask for a refund, "
                               "or cancel the order.")
        bought = {line.id: line for line in await OrderLine.filter(order_id=order.id)}
        taken = await _units_taken(list(bought))
        if kind is AfterSaleKind.EXCHANGE:
            await _check_exchange_variants(lines)
        problems, shares = [], []
        for index, asked in enumerate(lines):
            line = bought.get(asked.order_line_id)
            if line is None:
                problems.append(Problem(ErrorCode.NOT_FOUND, "No such line in this order.", ("lines", str(index), "orderLineId")))
                continue
            before = taken.setdefault(line.id, [])
            left = line.quantity - sum(earlier.quantity for earlier in before)
            if asked.quantity > left:
                problems.append(Problem(
                    ErrorCode.INVALID, f"At most {left} of this line can still be in an after-sale.",
                    ("lines", str(index), "quantity"),
                ))
                continue
            if kind is AfterSaleKind.EXCHANGE:
                share, kept = LineShare(), None
            else:
                share = kept = line_share(line, taken=before, quantity=asked.quantity,
                                          minor_per_point=minor_per_point(order))
            before.append(Taken(asked.quantity, kept))
            shares.append(share)
        if problems:
            raise InvalidInput(problems)
        now = clock.now()
        after_sale = await AfterSale.create(
            order_id=order.id, customer_id=order.user_id, kind=kind, status=AfterSaleStatus.REQUESTED, reason=reason.strip(),
            images=list(images), refund_minor=sum(share.total_minor for share in shares), currency=order.currency, created_at=now, updated_at=now,
        )
        await AfterSaleLine.bulk_create([  # one statement, however many lines
            AfterSaleLine(
                after_sale_id=after_sale.id, order_line_id=asked.order_line_id, quantity=asked.quantity,
                refund_minor=share.total_minor, rebate_credit_minor=share.rebate_credit_minor,
                balance_minor=share.balance_minor, points=share.points, exchange_variant_id=asked.exchange_variant_id,
            )
            for asked, share in zip(lines, shares, strict=True)
        ])
        await _announce(after_sale, order, None, actor)
    return after_sale


async def cancel(actor: Actor, *, after_sale_id: int) -> AfterSale:
    """The customer withdraws a request still REQUESTED."""
    return await _customer_move(actor, after_sale_id, AfterSaleStatus.CANCELLED)


async def ship_back(actor: Actor, *, after_sale_id: int, carrier: str, tracking_number: str) -> AfterSale:
    """The customer sends the goods of an approved return or exchange back."""
    carrier, tracking_number = _parcel(carrier, tracking_number)
    return await _customer_move(
        actor, after_sale_id, AfterSaleStatus.RETURN_SHIPPED, return_carrier=carrier,
        return_tracking_number=tracking_number,
    )


async def approve(actor: Actor, *, after_sale_id: int, note: str = "") -> AfterSale:
    """Staff approve a request; an exchange holds its replacements' stock from now on."""
    async with transaction():
        after_sale, order = await _staff_locked(actor, after_sale_id)
        if after_sale.kind is AfterSaleKind.EXCHANGE and after_sale.status is AfterSaleStatus.REQUESTED:
            for variant_id, quantity in await _replacements(after_sale):
                if not await stock.reserve(variant_id, quantity):
                    raise InvalidState("The replacement is out of stock: it cannot be held for this exchange.")
        await _move(after_sale, order, AfterSaleStatus.APPROVED, actor, note=note)
    return after_sale


async def reject(actor: Actor, *, after_sale_id: int, note: str = "") -> AfterSale:
    return await _staff_move(actor, after_sale_id, AfterSaleStatus.REJECTED, note=note)


async def receive(actor: Actor, *, after_sale_id: int, note: str = "") -> AfterSale:
    """Staff confirm the goods came back."""
    return await _staff_move(actor, after_sale_id, AfterSaleStatus.RETURN_RECEIVED, note=note)


async def exchange_ship(actor: Actor, *, after_sale_id: int, carrier: str, tracking_number: str) -> AfterSale:
    """Staff send the replacements of an exchange: the stock held for them leaves on hand."""
    carrier, tracking_number = _parcel(carrier, tracking_number)
    async with transaction():
        after_sale, order = await _staff_locked(actor, after_sale_id)
        await _move(
            after_sale, order, AfterSaleStatus.EXCHANGE_SHIPPED, actor, exchange_carrier=carrier,
            exchange_tracking_number=tracking_number,
        )
        for variant_id, quantity in await _replacements(after_sale):
            await stock.ship(variant_id, quantity)
    return after_sale


async def start_refund(actor: Actor, *, after_sale_id: int, amount_minor: int | None, note: str) -> tuple[AfterSale, Order]:
    """REFUNDING, for at most the computed amount (MANAGE_FINANCE); call inside the refund flow's transaction."""
    actor.require(Permission.MANAGE_FINANCE)
    after_sale, order = await _locked(after_sale_id)
    if amount_minor is not None:
        if amount_minor < 0 or amount_minor > after_sale.refund_minor:
            raise InvalidInput.one(
                "refundAmount", f"A refund is between 0 and the computed {format_minor(after_sale.refund_minor)}.")
        after_sale.refund_minor = amount_minor
    await _move(after_sale, order, AfterSaleStatus.REFUNDING, actor, note=note, refund_minor=after_sale.refund_minor)
    return after_sale, order


async def finish_refund(after_sale_id: int, order: Order, *, succeeded: bool) -> None:
    """The provider's answer: REFUNDING → REFUNDED or REFUND_FAILED (the system); call inside its transaction."""
    after_sale = await AfterSale.get(id=after_sale_id)
    if after_sale.status is not AfterSaleStatus.REFUNDING:
        return
    target = AfterSaleStatus.REFUNDED if succeeded else AfterSaleStatus.REFUND_FAILED
    await _move(after_sale, order, target, Actor.system())


async def close_with_cancelled_order(order: Order) -> None:
    """A paid order cancelled by staff refunds all it paid: its after-sales still waiting (requested, approved,
    or whose refund failed) close with it, CANCELLED by the system. Call inside the cancel's transaction."""
    for after_sale in await AfterSale.filter(order_id=order.id, status__in=list(CLOSED_WITH_ORDER)).order_by("id"):
        await _move(after_sale, order, AfterSaleStatus.CANCELLED, Actor.system(),
                    note="The order was cancelled and everything it paid refunded with it.")


async def every_unit_refunded(order: Order) -> bool:
    """Whether refunded after-sales (not exchanges) cover every unit the order bought."""
    bought = sum(await OrderLine.filter(order_id=order.id).values_list("quantity", flat=True))
    refunded = sum(await AfterSaleLine.filter(
        after_sale__order_id=order.id, after_sale__status=AfterSaleStatus.REFUNDED, exchange_variant_id=None,
    ).values_list("quantity", flat=True))
    return refunded >= bought


async def refund_failed(after_sale_id: int) -> bool:
    """Whether the after-sale's refund failed and nothing else refunds it since (staff did not try again)."""
    return await AfterSale.filter(id=after_sale_id, status=AfterSaleStatus.REFUND_FAILED).exists()


async def finish_late_refund(after_sale_id: int, order: Order) -> None:
    """REFUND_FAILED → REFUNDED (the system): the provider confirmed the refund after reporting it failed.

    Call inside its transaction, the order row locked.
    """
    after_sale = await AfterSale.get(id=after_sale_id)
    if after_sale.status is AfterSaleStatus.REFUND_FAILED:
        await _move(after_sale, order, AfterSaleStatus.REFUNDED, Actor.system())


async def any_open(order_id: int) -> bool:
    """Whether an after-sale of the order is still open (``after_sales.OPEN_STATUSES``)."""
    return await AfterSale.filter(order_id=order_id, status__in=list(OPEN_STATUSES)).exists()


async def _customer_move(actor: Actor, after_sale_id: int, target: AfterSaleStatus, **changes: object) -> AfterSale:
    user_id = actor.require_user()
    async with transaction():
        after_sale, order = await _locked(after_sale_id)
        if after_sale.customer_id != user_id:
            raise _no_such_after_sale()
        await _move(after_sale, order, target, actor, **changes)
    return after_sale


async def _staff_move(actor: Actor, after_sale_id: int, target: AfterSaleStatus, *, note: str) -> AfterSale:
    async with transaction():
        after_sale, order = await _staff_locked(actor, after_sale_id)
        await _move(after_sale, order, target, actor, note=note)
    return after_sale


async def _staff_locked(actor: Actor, after_sale_id: int) -> tuple[AfterSale, Order]:
    actor.require(Permission.MANAGE_ORDERS)
    return await _locked(after_sale_id)


async def _locked(after_sale_id: int) -> tuple[AfterSale, Order]:
    """The after-sale and its order, the order row locked (the order's lock guards its after-sales)."""
    found = await AfterSale.get_or_none(id=after_sale_id)
    if found is None:
        raise _no_such_after_sale()
    order = await lifecycle.locked(found.order_id)
    after_sale = await AfterSale.get(id=after_sale_id)
    return after_sale, order


async def _move(
    after_sale: AfterSale, order: Order, target: AfterSaleStatus, actor: Actor, *, note: str = "", **changes: object
) -> None:
    if len(note) > MAX_TEXT:
        raise InvalidInput.one("note", f"A note is at most {MAX_TEXT} characters.")
    after_sale_transition(after_sale.kind, after_sale.status, target, by=actor.kind)
    now = clock.now()
    values = {"status": target, "updated_at": now, **changes}
    if note.strip():
        values["note"] = note.strip()
    moved = await AfterSale.filter(id=after_sale.id, status=after_sale.status).update(**values)
    if not moved:
        raise InvalidState("This after-sale changed meanwhile; look at it again.")
    source = after_sale.status
    for name, value in values.items():
        setattr(after_sale, name, value)
    await _announce(after_sale, order, source, actor)


async def _announce(after_sale: AfterSale, order: Order, source: AfterSaleStatus | None, actor: Actor) -> None:
    await outbox.append(
        topic="after_sale.created" if source is None else "after_sale.status_changed",
        aggregate_type="Order", aggregate_id=order.id, customer_id=order.user_id,
        payload={
            "afterSaleId": after_sale.id, "orderId": order.id, "number": order.number, "kind": after_sale.kind.value,
            "fromStatus": source.value if source else None, "toStatus": after_sale.status.value,
            "actorKind": actor.kind.value, "at": clock.now().isoformat(),
        },
    )


async def _units_taken(order_line_ids: list[int]) -> dict[int, list[Taken]]:
    """Each line's units already in after-sales that still count (not cancelled or rejected), oldest first."""
    rows = await AfterSaleLine.filter(
        order_line_id__in=order_line_ids
    ).exclude(after_sale__status__in=list(_ENDED)).order_by("id").values_list(
        "order_line_id", "quantity", "exchange_variant_id", "refund_minor", "rebate_credit_minor", "balance_minor",
        "points")
    taken: dict[int, list[Taken]] = {}
    for line_id, quantity, exchange_variant_id, refund, rebate_credit, balance, points in rows:
        share = None if exchange_variant_id is not None else LineShare(
            rebate_credit_minor=rebate_credit, balance_minor=balance, external_minor=refund - rebate_credit - balance,
            points=points)
        taken.setdefault(line_id, []).append(Taken(quantity, share))
    return taken


async def _replacements(after_sale: AfterSale) -> list[tuple[int, int]]:
    rows = await AfterSaleLine.filter(after_sale_id=after_sale.id).order_by("exchange_variant_id").values_list(
        "exchange_variant_id", "quantity"
    )
    return [(variant_id, quantity) for variant_id, quantity in rows if variant_id is not None]


def _check_window(order: Order, *, closes: bool = True) -> None:
    """A paid order; after delivery, within the window (``closes``: the window applies to this actor)."""
    if order.status in _BEFORE_DELIVERY:
        return
    if order.status not in _AFTER_DELIVERY:
        raise InvalidState(f"After-sales are for paid orders; this one is {order.status.value}.")
    if not closes:
        return
    delivered = order.delivered_at or order.completed_at
    assert delivered is not None
    closes = delivered + dt.timedelta(days=get_settings().after_sale_window_days)
    if clock.now() > closes:
        raise InvalidInput.one("orderId", f"The after-sale window of this order closed at {closes.isoformat()}.")


async def _check_exchange_variants(lines: Sequence[RequestedLine]) -> None:
    found = await stock.sellable(line.exchange_variant_id for line in lines if line.exchange_variant_id is not None)
    problems = [
        Problem(ErrorCode.NOT_FOUND, "No such variant to exchange for.", ("lines", str(i), "exchangeVariantId"))
        for i, line in enumerate(lines) if line.exchange_variant_id not in found
    ]
    if problems:
        raise InvalidInput(problems)


def _check_request(kind: AfterSaleKind, lines: Sequence[RequestedLine], reason: str, images: Sequence[str]) -> None:
    problems = []
    if not lines or len(lines) > MAX_LINES:
        problems.append(Problem(ErrorCode.INVALID, f"Between 1 and {MAX_LINES} lines.", ("lines",)))
    seen: set[int] = set()
    for i, line in enumerate(lines[:MAX_LINES]):
        if line.quantity < 1:
            problems.append(Problem(ErrorCode.INVALID, "A quantity is at least 1.", ("lines", str(i), "quantity")))
        if line.order_line_id in seen:
            problems.append(Problem(ErrorCode.INVALID, "Each line at most once.", ("lines", str(i), "orderLineId")))
        seen.add(line.order_line_id)
        exchange = kind is AfterSaleKind.EXCHANGE
        if exchange != (line.exchange_variant_id is not None):
            message = "An exchange names the variant wanted." if exchange else "Only an exchange names a variant."
            problems.append(Problem(ErrorCode.INVALID, message, ("lines", str(i), "exchangeVariantId")))
    if len(reason) > MAX_TEXT:
        problems.append(Problem(ErrorCode.INVALID, f"A reason is at most {MAX_TEXT} characters.", ("reason",)))
    if len(images) > MAX_IMAGES:
        problems.append(Problem(ErrorCode.INVALID, f"At most {MAX_IMAGES} images.", ("images",)))
    for i, url in enumerate(images[:MAX_IMAGES]):
        if len(url) > MAX_URL or not _URL.fullmatch(url):
            problems.append(Problem(ErrorCode.INVALID, f"An image is an http(s) URL of at most {MAX_URL} characters.",
                                    ("images", str(i))))
    if problems:
        raise InvalidInput(problems)


def _parcel(carrier: str, tracking_number: str) -> tuple[str, str]:
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
    return carrier, tracking_number
