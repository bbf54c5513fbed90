"""Creating an order by the service: price and snapshots, stock held, events, and refusals that change nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from mall.accounts import sessions
from mall.catalog.models import Variant
from mall.core.clock import clock
from mall.core.errors import DomainError, ErrorCode, Problem
from mall.infra.outbox import OutboxEvent
from mall.orders import creation
from mall.orders.checkout_input import Invoice, OrderRequest
from mall.orders.models import InvoiceKind, Order, OrderEvent, OrderLine
from mall.orders.states import OrderStatus
from tests import factories


async def stock_of(variant_id: int) -> tuple[int, int]:
    variant = await Variant.get(id=variant_id)
    return variant.on_hand, variant.reserved


async def nothing_written() -> tuple[int, int, int, int]:
    return (await Order.all().count(), await OrderLine.all().count(), await OrderEvent.all().count(),
            await OutboxEvent.all().count())


async def test_an_order_snapshots_prices_holds_stock_and_records_its_creation():
    buyer = await factories.customer()
    home = await factories.address(buyer)
    tea = await factories.variant_of(await factories.product(title="龙井", prices=("25.00",), stock=10))
    cup = await factories.variant_of(await factories.product(title="Cup", prices=("30.50",), stock=3))
    before = clock.now()

    order = await factories.order(buyer, (tea.id, 2), (cup.id, 1), address_id=home.id,
                                  invoice=Invoice(InvoiceKind.COMPANY, " 杭州茶叶有限公司 ", "91330100MA2AXXXX1X"),
                                  note=" leave at the door ")

    stored = await Order.get(id=order.id)
    assert (stored.status, stored.user_id, stored.currency) == (OrderStatus.PENDING_PAYMENT, buyer.user.id, "CNY")
    assert (stored.subtotal_minor, stored.shipping_minor, stored.total_minor, stored.external_due_minor) == (
        8050, 1000, 9050, 9050)
    assert (stored.voucher_discount_minor, stored.points_used, stored.rebate_credit_used_minor,
            stored.balance_used_minor) == (0, 0, 0, 0)
    assert stored.address == {"recipient": "张三", "phone": "13800138000", "province": "浙江省", "city": "杭州市",
                              "district": "西湖区", "street": "文三路 1 号", "postalCode": "310000"}
    assert stored.invoice == {"kind": "COMPANY", "title": "杭州茶叶有限公司", "taxId": "91330100MA2AXXXX1X"}
    assert stored.note == "leave at the door"
    assert stored.expires_at - stored.created_at == dt.timedelta(minutes=30)
    assert stored.created_at >= before
    assert len(stored.number) == 20 and stored.number.isdigit()
    lines = await OrderLine.filter(order_id=order.id).order_by("position")
    assert [(line.title, line.sku, line.unit_price_minor, line.quantity, line.total_minor, line.external_minor,
             line.rebate_basis_minor) for line in lines] == [
        ("龙井", tea.sku, 2500, 2, 5000, 5000, 5000), ("Cup", cup.sku, 3050, 1, 3050, 3050, 3050)]
    assert await stock_of(tea.id) == (10, 2)
    assert await stock_of(cup.id) == (3, 1)
    events = await OrderEvent.filter(order_id=order.id).values_list("type", "from_status", "to_status", "actor_id")
    assert events == [("CREATED", None, OrderStatus.PENDING_PAYMENT, buyer.user.id)]
    outbox = await OutboxEvent.all().values("topic", "aggregate_type", "aggregate_id", "customer_id")
    assert outbox == [{"topic": "order.created", "aggregate_type": "Order", "aggregate_id": order.id,
                       "customer_id": buyer.user.id}]


async def test_shipping_is_free_from_the_threshold(configure):
    configure(shipping_fee=Decimal("8.00"), free_shipping_threshold=Decimal("50.00"))
    buyer = await factories.customer()
    tea = await factories.variant_of(await factories.product(prices=("25.00",)))

    cheap = await factories.order(buyer, (tea.id, 1))
    free = await factories.order(buyer, (tea.id, 2))

    assert (cheap.shipping_minor, cheap.total_minor) == (800, 3300)
    assert (free.shipping_minor, free.total_minor) == (0, 5000)


async def test_the_preview_is_what_the_order_would_be_and_holds_nothing():
    buyer = await factories.customer()
    home = await factories.address(buyer)
    tea = await factories.variant_of(await factories.product(prices=("25.00",), stock=5))
    request = OrderRequest(lines=((tea.id, 3),), address_id=home.id)

    plan = await creation.preview_order(sessions.actor_for(buyer.user), request=request)

    assert (plan.price.subtotal_minor, plan.price.shipping_minor, plan.price.total_minor) == (7500, 1000, 8500)
    assert [(line.variant.id, line.quantity) for line in plan.lines] == [(tea.id, 3)]
    assert await stock_of(tea.id) == (5, 0)
    assert await nothing_written() == (0, 0, 0, 0)
    order = await creation.create_order(sessions.actor_for(buyer.user), request=request)
    assert (order.subtotal_minor, order.shipping_minor, order.total_minor) == (7500, 1000, 8500)


async def test_more_than_available_is_insufficient_stock_naming_the_line_and_nothing_is_held():
    buyer = await factories.customer()
    tea = await factories.variant_of(await factories.product(prices=("25.00",), stock=5))
    cup = await factories.variant_of(await factories.product(prices=("9.00",), stock=2))

    with pytest.raises(DomainError) as refused:
        await factories.order(buyer, (tea.id, 5), (cup.id, 3))

    assert refused.value.problems == [
        Problem(ErrorCode.INSUFFICIENT_STOCK, f"Only 2 of {cup.sku} available.", ("lines", "1", "quantity"))]
    assert await stock_of(tea.id) == (5, 0)
    assert await stock_of(cup.id) == (2, 0)
    assert await nothing_written() == (0, 0, 0, 0)


async def test_bad_requests_are_refused_with_every_problem_and_change_nothing():
    buyer = await factories.customer()
    stranger = await factories.customer()
    theirs = await factories.address(stranger)
    tea = await factories.variant_of(await factories.product(prices=("25.00",)))
    draft = await factories.variant_of(await factories.product(status="DRAFT"))
    request = OrderRequest(
        lines=((tea.id, 0), (draft.id, 1), (999_999, 1), (tea.id, 10_000)), address_id=theirs.id,
        invoice=Invoice(InvoiceKind.PERSONAL, " ", "123"), note="x" * 501, voucher_ids=(1,), points_to_use=-5,
    )

    with pytest.raises(DomainError) as refused:
        await creation.create_order(sessions.actor_for(buyer.user), request=request)

    assert refused.value.problems == [
        Problem(ErrorCode.NOT_FOUND, "No such address.", ("addressId",)),
        Problem(ErrorCode.INVALID, "A quantity is between 1 and 9999.", ("lines", "0", "quantity")),
        Problem(ErrorCode.DUPLICATE, "This variant is already on another line.", ("lines", "3", "variantId")),
        Problem(ErrorCode.INVALID, "A quantity is between 1 and 9999.", ("lines", "3", "quantity")),
        Problem(ErrorCode.INVALID, "An invoice title is 1 to 100 characters.", ("invoice", "title")),
        Problem(ErrorCode.INVALID, "A personal invoice has no tax id.", ("invoice", "taxId")),
        Problem(ErrorCode.INVALID, "A note is at most 500 characters.", ("note",)),
        Problem(ErrorCode.INVALID, "Points to use cannot be negative.", ("pointsToUse",)),
        Problem(ErrorCode.UNAVAILABLE, f"{draft.sku} is not on sale.", ("lines", "1", "variantId")),
        Problem(ErrorCode.NOT_FOUND, "No such variant.", ("lines", "2", "variantId")),
        Problem(ErrorCode.INSUFFICIENT_STOCK, f"Only 10 of {tea.sku} available.", ("lines", "3", "quantity")),
    ]
    assert await nothing_written() == (0, 0, 0, 0)
    assert await stock_of(tea.id) == (10, 0)


async def test_a_company_invoice_needs_a_tax_id_and_an_order_needs_lines():
    buyer = await factories.customer()
    home = await factories.address(buyer)
    tea = await factories.variant_of(await factories.product())
    actor = sessions.actor_for(buyer.user)

    with pytest.raises(DomainError) as no_tax_id:
        await creation.create_order(actor, request=OrderRequest(
            lines=((tea.id, 1),), address_id=home.id, invoice=Invoice(InvoiceKind.COMPANY, "杭州茶叶有限公司")))
    with pytest.raises(DomainError) as empty:
        await creation.create_order(actor, request=OrderRequest(lines=(), address_id=home.id))

    assert no_tax_id.value.problems == [Problem(
        ErrorCode.INVALID, "A company invoice needs its tax id: 15 to 20 digits or capital letters.", ("invoice", "taxId"))]
    assert empty.value.problems == [Problem(
        ErrorCode.CART_EMPTY, "There is nothing to order: select some cart lines first.", None)]
    assert await nothing_written() == (0, 0, 0, 0)


async def test_order_numbers_differ_and_are_not_sequential():
    buyer = await factories.customer()
    tea = await factories.variant_of(await factories.product(stock=100))

    numbers = [(await factories.order(buyer, (tea.id, 1))).number for _ in range(5)]

    assert len(set(numbers)) == 5
    tails = sorted(int(number[8:]) for number in numbers)
    assert tails != list(range(tails[0], tails[0] + 5))
