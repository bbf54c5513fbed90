"""Making an order: ``preview_order`` and ``create_order`` on one code path (DESIGN §3.4).

Both check the request, read the address and the catalog at this moment
and price the order; ``create_order`` then, in one transaction, checks the
customer holds fewer than ``MALL_ORDER_UNPAID_MAX`` unpaid orders (counted
under the customer's row lock, so two of their requests cannot both take
the last place), reserves each line's stock with a conditional update (in
variant id order, so two orders never wait on each other), writes the order
with its snapshots, takes its points (``wallet.order_points``, earliest-expiring
lots first), holds its wallet funds (``wallet.order_funds``: rebate
credit first, then balance), reserves its vouchers (``wallet.vouchers``, one
conditional UPDATE each) and records its CREATED event and outbox row.
Anything that cannot be held — a line's stock, the wallet spent meanwhile, a
voucher another order took — rolls everything back: nothing is held,
nothing is written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from mall.accounts import addresses, customers
from mall.catalog import stock
from mall.catalog.stock import SellableVariant
from mall.core.actors import Actor
from mall.core.clock import clock
from mall.core.errors import ErrorCode, InvalidInput, Problem
from mall.core.idempotency import request_fingerprint
from mall.infra import idempotency
from mall.infra.transactions import transaction
from mall.orders import journal
from mall.orders.checkout_input import Invoice, OrderRequest, check_request
from mall.orders.errors import CartEmpty, InsufficientStock, TooManyUnpaidOrders
from mall.orders.models import Order, OrderLine
from mall.orders.numbers import new_order_number
from mall.orders.pricing import OrderLine as LineToPrice
from mall.orders.pricing import OrderPrice, PointsRule, ShippingRule, VoucherUse, WalletFunds, price_order
from mall.orders.states import OrderStatus
from mall.settings import get_settings
from mall.wallet import order_funds, order_points, points, statements, vouchers
from mall.wallet.errors import InsufficientFunds
from mall.wallet.order_funds import WalletParts
from mall.wallet.vouchers import Voucher

OPERATION = "orderCreate"


@dataclass(frozen=True, slots=True)
class PlannedLine:
    variant: SellableVariant
    quantity: int


@dataclass(frozen=True, slots=True)
class OrderPlan:
    """An order as it would be made now: its lines, price, and snapshots."""

    user_id: int
    lines: tuple[PlannedLine, ...]
    price: OrderPrice
    address: dict[str, str]
    invoice: dict[str, Any] | None
    note: str
    currency: str
    vouchers: tuple[Voucher, ...] = ()
    applicable_vouchers: tuple[Voucher, ...] = ()
    points_held: int = 0
    # Too many points asked: create refuses; a preview shows them beside the order priced without points.
    points_problems: tuple[Problem, ...] = ()

    @property
    def max_points(self) -> int:
        """The most points this order could use: the order's cap, and no more than the customer holds."""
        return min(self.price.max_points, self.points_held)


async def preview_order(actor: Actor, *, request: OrderRequest) -> OrderPlan:
    """What ``create_order`` would make from ``request`` now, with nothing written or held."""
    plan = await _plan(actor.require_user(), request)
    usable = await vouchers.applicable(plan.user_id, _goods(plan.lines))
    return dataclasses.replace(plan, applicable_vouchers=tuple(usable))


async def create_order(actor: Actor, *, request: OrderRequest, idempotency_key: str | None = None) -> Order:
    """Make a PENDING_PAYMENT order holding its stock; with a key, at most once per request (Stripe's semantics)."""
    user_id = actor.require_user()
    if idempotency_key is None:
        return await _create(actor, user_id, request)
    return await idempotency.once(
        user_id=user_id, operation=OPERATION, key=idempotency_key,
        fingerprint=request_fingerprint(OPERATION, request.payload()),
        work=lambda: _create(actor, user_id, request), remember=remember, recall=recall,
    )


def remember(order: Order) -> dict[str, Any]:
    """What an idempotency key keeps of a created order."""
    return {"orderId": order.id}


async def recall(result: dict[str, Any]) -> Order:
    """The order an idempotency key kept."""
    return await Order.get(id=result["orderId"])


async def _create(actor: Actor, user_id: int, request: OrderRequest) -> Order:
    now = clock.now()
    async with transaction():
        plan = await _plan(user_id, request)
        if plan.points_problems:
            raise InvalidInput(plan.points_problems)
        await _check_unpaid_orders(user_id, now)
        for index, line in sorted(enumerate(plan.lines), key=lambda item: item[1].variant.id):
            if not await stock.reserve(line.variant.id, line.quantity):
                raise InsufficientStock(
                    f"Not enough of {line.variant.sku} in stock for {line.quantity}.",
                    field=("lines", str(index), "quantity"),
                )
        price = plan.price
        order = await Order.create(
            number=new_order_number(now), user_id=user_id, status=OrderStatus.PENDING_PAYMENT,
            currency=plan.currency, subtotal_minor=price.subtotal_minor, shipping_minor=price.shipping_minor,
            voucher_discount_minor=price.voucher_discount_minor, points_used=price.points_used,
            points_discount_minor=price.points_discount_minor, total_minor=price.total_minor,
            rebate_credit_used_minor=price.rebate_credit_used_minor, balance_used_minor=price.balance_used_minor,
            external_due_minor=price.external_due_minor, address=plan.address, invoice=plan.invoice,
            note=plan.note, expires_at=now + get_settings().order_payment_timeout_delta,
            created_at=now, updated_at=now,
        )
        await OrderLine.bulk_create([
            OrderLine(
                order_id=order.id, position=position, variant_id=line.variant.id, product_id=line.variant.product_id,
                title=line.variant.product_title, variant_title=line.variant.title, sku=line.variant.sku,
                options=line.variant.options, unit_price_minor=priced.unit_price_minor, quantity=priced.quantity,
                total_minor=priced.total_minor, voucher_minor=priced.parts.voucher_minor,
                points_minor=priced.parts.points_minor, rebate_credit_minor=priced.parts.rebate_credit_minor,
                balance_minor=priced.parts.balance_minor, external_minor=priced.parts.external_minor,
                rebate_basis_minor=priced.rebate_basis_minor, category_id=line.variant.category_id,
                unit_cost_minor=line.variant.cost_minor,
            )
            for position, (line, priced) in enumerate(zip(plan.lines, price.lines, strict=True))
        ])
        # Points before wallet funds, as they pay (DESIGN §3.0), and as every transaction moving both takes them.
        try:
            await order_points.take(actor, customer_id=user_id, order_id=order.id, amount=price.points_used)
        except InsufficientFunds:
            raise InsufficientFunds("You no longer hold the points this order would use; look again.",
                                    field="pointsToUse") from None
        # Rebate credit first, then balance (pricing decided how much of each); refused whole if spent meanwhile.
        try:
            await order_funds.hold(actor, customer_id=user_id, order_id=order.id, parts=WalletParts(
                rebate_credit_minor=price.rebate_credit_used_minor, balance_minor=price.balance_used_minor))
        except InsufficientFunds:
            raise InsufficientFunds("Your wallet no longer holds what this order would use; look again.",
                                    field="useWalletFunds") from None
        for voucher in sorted(plan.vouchers, key=lambda held: held.id):  # one order alone wins each
            await vouchers.reserve(voucher, order_id=order.id, now=now)
        await journal.record(
            order, event_type=journal.CREATED, source=None, target=OrderStatus.PENDING_PAYMENT, actor=actor
        )
    return order


async def _check_unpaid_orders(user_id: int, now: dt.datetime) -> None:
    """Refuse a customer who already holds ``MALL_ORDER_UNPAID_MAX`` unpaid orders: each holds stock, and
    re-ordering must not let one account keep it from everyone else.

    Counted under the customer's row lock (call inside the order's
    transaction). An order past its payment time no longer counts: it can no
    longer be paid, and the expiry job releases its stock.
    """
    limit = get_settings().order_unpaid_max
    await customers.lock_customer(user_id)
    unpaid = await Order.filter(user_id=user_id, status=OrderStatus.PENDING_PAYMENT, expires_at__gt=now).count()
    if unpaid >= limit:
        raise TooManyUnpaidOrders(
            f"You have {unpaid} unpaid orders, the most allowed at once: pay or cancel one before ordering again."
        )


async def _plan(user_id: int, request: OrderRequest) -> OrderPlan:
    if not request.lines:
        raise CartEmpty("There is nothing to order: select some cart lines first.")
    problems = check_request(request)
    address = await addresses.own_address(user_id, request.address_id)
    if address is None:
        problems.insert(0, Problem(ErrorCode.NOT_FOUND, "No such address.", ("addressId",)))
    found = await stock.sellable(variant_id for variant_id, _ in request.lines)
    problems += _stock_problems(request.lines, found)
    if problems:
        raise InvalidInput(problems)
    assert address is not None
    lines = tuple(PlannedLine(found[variant_id], quantity) for variant_id, quantity in request.lines)
    goods = _goods(lines)
    chosen = await _vouchers(user_id, request.voucher_ids, goods)
    settings = get_settings()
    wallet = await _wallet_funds(user_id) if request.use_wallet_funds else None
    uses = [VoucherUse(voucher.value_minor, tuple(vouchers.in_scope(voucher, line) for line in goods))
            for voucher in chosen]

    def priced(points_used: int) -> OrderPrice:
        return price_order(
            [LineToPrice(line.variant.id, line.variant.price_minor, line.quantity) for line in lines],
            shipping=ShippingRule(settings.shipping_fee_minor, settings.free_shipping_threshold_minor),
            points_rule=PointsRule(settings.points_per_yuan, settings.points_max_share), points=points_used,
            wallet=wallet, vouchers=uses,
        )

    held = await points.spendable(user_id)
    price = priced(0)
    _refuse_idle_vouchers(chosen, price)
    points_problems = _points_problems(request.points_to_use, price.max_points, held)
    if request.points_to_use and not points_problems:
        price = priced(request.points_to_use)
    return OrderPlan(
        points_held=held, points_problems=tuple(points_problems),
        user_id=user_id, lines=lines, price=price, currency=settings.currency, note=request.note.strip(),
        address={
            "recipient": address.recipient, "phone": address.phone, "province": address.province,
            "city": address.city, "district": address.district, "street": address.street,
            "postalCode": address.postal_code,
        },
        invoice=_invoice(request.invoice), vouchers=tuple(chosen),
    )


def _points_problems(asked: int, most: int, held: int) -> list[Problem]:
    """Points are never silently cut: more than the order may use, or than the customer holds, is refused."""
    if asked > most:
        return [Problem(ErrorCode.LIMIT_EXCEEDED, f"This order may use at most {most} points.", ("pointsToUse",))]
    if asked > held:
        return [Problem(ErrorCode.INSUFFICIENT_FUNDS, f"You hold {held} points.", ("pointsToUse",))]
    return []


def _goods(lines: Sequence[PlannedLine]) -> list[vouchers.GoodsLine]:
    return [vouchers.GoodsLine(product_id=line.variant.product_id, category_id=line.variant.category_id,
                               total_minor=line.variant.price_minor * line.quantity) for line in lines]


async def _vouchers(user_id: int, voucher_ids: Sequence[int], goods: Sequence[vouchers.GoodsLine]) -> list[Voucher]:
    """The chosen vouchers, each the customer's own, valid now and applicable to the goods; every problem at once."""
    if not voucher_ids:
        return []
    found = await vouchers.owned(user_id, voucher_ids)
    now = clock.now()
    problems = []
    for index, voucher_id in enumerate(voucher_ids):
        voucher = found.get(voucher_id)
        if voucher is None:
            problems.append(Problem(ErrorCode.NOT_FOUND, "No such voucher.", ("voucherIds", str(index))))
            continue
        refusal = vouchers.problem_with(voucher, goods, now)
        if refusal is not None:
            problems.append(Problem(refusal.code, refusal.message, ("voucherIds", str(index))))
    if problems:
        raise InvalidInput(problems)
    return [found[voucher_id] for voucher_id in voucher_ids]


def _refuse_idle_vouchers(chosen: Sequence[Voucher], price: OrderPrice) -> None:
    """A voucher the ones before it left nothing to pay for is refused, not reserved and used up for nothing."""
    problems = [
        Problem(ErrorCode.VOUCHER_NOT_APPLICABLE,
                f"Voucher {voucher.code} would take nothing off: the vouchers before it already cover its goods.",
                ("voucherIds", str(index)))
        for index, (voucher, take) in enumerate(zip(chosen, price.voucher_takes_minor, strict=True)) if take == 0
    ]
    if problems:
        raise InvalidInput(problems)


async def _wallet_funds(user_id: int) -> WalletFunds:
    """What the customer's wallet can pay now: its rebate credit and balance."""
    held = (await statements.balances([user_id]))[user_id]
    return WalletFunds(rebate_credit_minor=held.rebate_credit, balance_minor=held.balance)


def _stock_problems(lines: Sequence[tuple[int, int]], found: dict[int, SellableVariant]) -> list[Problem]:
    problems = []
    for index, (variant_id, quantity) in enumerate(lines):
        where = ("lines", str(index))
        variant = found.get(variant_id)
        if variant is None:
            problems.append(Problem(ErrorCode.NOT_FOUND, "No such variant.", (*where, "variantId")))
        elif not variant.on_sale:
            problems.append(Problem(ErrorCode.UNAVAILABLE, f"{variant.sku} is not on sale.", (*where, "variantId")))
        elif variant.available < quantity:
            problems.append(Problem(
                ErrorCode.INSUFFICIENT_STOCK, f"Only {variant.available} of {variant.sku} available.",
                (*where, "quantity"),
            ))
    return problems


def _invoice(invoice: Invoice | None) -> dict[str, Any] | None:
    if invoice is None:
        return None
    return {"kind": invoice.kind.value, "title": invoice.title.strip(), "taxId": invoice.tax_id or None}

