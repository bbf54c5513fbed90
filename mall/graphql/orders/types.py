"""Order types: Order with its lines, events and shipments; the preview of an order; their enums."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Annotated

import strawberry

from mall.core.actors import ActorKind, Permission
from mall.core.errors import InvalidInput
from mall.graphql.accounts.loaders import UserByIdLoader
from mall.graphql.accounts.types import UserType
from mall.graphql.catalog.loaders import VariantByIdLoader
from mall.graphql.catalog.types import VariantType
from mall.graphql.context import Info
from mall.graphql.errors import UserError, user_errors
from mall.graphql.money import Money
from mall.graphql.orders.loaders import (
    AfterSalesByOrderIdLoader,
    EventsByOrderIdLoader,
    EventsByShipmentIdLoader,
    LinesByAfterSaleIdLoader,
    LinesByOrderIdLoader,
    OrderByIdLoader,
    OrderLineByIdLoader,
    ShipmentsByOrderIdLoader,
)
from mall.graphql.permissions import is_self_or_staff, viewer_has
from mall.graphql.rebates.loaders import RebatesByOrderIdLoader
from mall.graphql.rebates.types import RebatePreview
from mall.graphql.relay import Node, encode_id
from mall.graphql.scalars import DateTime
from mall.graphql.wallet.types import Voucher
from mall.orders import models, states
from mall.orders.after_sales import AfterSaleKind as AfterSaleKindEnum
from mall.orders.after_sales import AfterSaleStatus as AfterSaleStatusEnum
from mall.orders.creation import OrderPlan
from mall.orders.rebate_preview import plan_rebates

if TYPE_CHECKING:
    from mall.graphql.rebates.history import RebateType

OrderStatus = strawberry.enum(states.OrderStatus, name="OrderStatus", description="DESIGN §3.4.")
RefundStatus = strawberry.enum(states.RefundStatus, name="RefundStatus", description="How much of what was paid is refunded.")
ActorKindEnum = strawberry.enum(ActorKind, name="ActorKind", description="Who acted: the customer, staff, or the system.")
InvoiceKind = strawberry.enum(models.InvoiceKind, name="InvoiceKind")
ShipmentStatus = strawberry.enum(models.ShipmentStatus, name="ShipmentStatus")
AfterSaleKind = strawberry.enum(AfterSaleKindEnum, name="AfterSaleKind")
AfterSaleStatus = strawberry.enum(AfterSaleStatusEnum, name="AfterSaleStatus")


@strawberry.enum(description="What an order event records: its creation, or the move of the state machine.")
class OrderEventType(enum.Enum):
    CREATED = "CREATED"
    PAID = "PAID"
    SHIPPED = "SHIPPED"
    DELIVERED = "DELIVERED"
    RECEIPT_CONFIRMED = "RECEIPT_CONFIRMED"
    AUTO_COMPLETED = "AUTO_COMPLETED"
    CANCELLED = "CANCELLED"
    EXPIRED = "EXPIRED"
    FULLY_REFUNDED = "FULLY_REFUNDED"


@strawberry.type(description="The invoice (发票) the customer asked for.")
class InvoiceRequest:
    kind: InvoiceKind  # type: ignore[valid-type]
    title: str
    tax_id: str | None


@strawberry.type(description="Where the order goes, as it was when ordered.")
class OrderAddress:
    recipient: str
    phone: str
    province: str
    city: str
    district: str
    street: str
    postal_code: str


@strawberry.type(name="OrderLine", description="A line as bought: the catalog's title, SKU and price at that moment.")
class OrderLineType(Node):
    title: str
    variant_title: str
    sku: str
    quantity: int
    unit_price: Money
    total: Money

    @classmethod
    def from_model(cls, line: models.OrderLine, currency: str) -> OrderLineType:
        return cls(
            id=strawberry.ID(encode_id("OrderLine", line.id)), title=line.title, variant_title=line.variant_title,
            sku=line.sku, quantity=line.quantity, unit_price=Money.of(line.unit_price_minor, currency),
            total=Money.of(line.total_minor, currency),
        )


@strawberry.type(name="OrderEvent", description="One step of an order's history.")
class OrderEventEntry:
    type: OrderEventType
    from_status: OrderStatus | None  # type: ignore[valid-type]
    to_status: OrderStatus  # type: ignore[valid-type]
    actor_kind: ActorKindEnum  # type: ignore[valid-type]
    note: str
    at: DateTime  # type: ignore[valid-type]


@strawberry.type(name="ShipmentEvent", description="One tracking update of a shipment.")
class ShipmentEventEntry:
    at: DateTime  # type: ignore[valid-type]
    status: ShipmentStatus  # type: ignore[valid-type]
    description: str


@strawberry.type(name="Shipment", description="A parcel sent with a carrier.")
class ShipmentType(Node):
    carrier: str = strawberry.field(description="The carrier's code: SF, YTO, ZTO, STO, YD, JD, EMS, …")
    tracking_number: str
    status: ShipmentStatus  # type: ignore[valid-type]
    created_at: DateTime  # type: ignore[valid-type]
    _pk: strawberry.Private[int]

    @strawberry.field
    async def events(self, info: Info) -> list[ShipmentEventEntry]:
        rows = await info.context.loader(EventsByShipmentIdLoader).load(self._pk)
        return [ShipmentEventEntry(at=row.at, status=row.status, description=row.description) for row in rows]

    @classmethod
    def from_model(cls, shipment: models.Shipment) -> ShipmentType:
        return cls(id=strawberry.ID(encode_id("Shipment", shipment.id)), carrier=shipment.carrier,
                   tracking_number=shipment.tracking_number, status=shipment.status, created_at=shipment.created_at,
                   _pk=shipment.id)


@strawberry.type(name="AfterSaleLine", description="So many units of one order line; for an exchange, the variant wanted.")
class AfterSaleLineType:
    quantity: int
    refund_amount: Money = strawberry.field(description="This line's share of the after-sale's computed refund.")
    exchange_variant_id: strawberry.ID | None
    _order_line_id: strawberry.Private[int]
    _currency: strawberry.Private[str]

    @strawberry.field
    async def order_line(self, info: Info) -> OrderLineType:
        row = await info.context.loader(OrderLineByIdLoader).load(self._order_line_id)
        assert row is not None  # an after-sale line's order line is never deleted (RESTRICT)
        return OrderLineType.from_model(row, self._currency)


@strawberry.type(name="AfterSale", description="An after-sale request (退换货) on an order: DESIGN §3.4.")
class AfterSaleType(Node):
    kind: AfterSaleKind  # type: ignore[valid-type]
    status: AfterSaleStatus  # type: ignore[valid-type]
    reason: str
    images: list[str]
    refund_amount: Money = strawberry.field(
        description="What goes back: the lines' external shares, or less if staff refunded less.")
    return_carrier: str | None
    return_tracking_number: str | None
    exchange_carrier: str | None
    exchange_tracking_number: str | None
    created_at: DateTime  # type: ignore[valid-type]
    updated_at: DateTime  # type: ignore[valid-type]
    _pk: strawberry.Private[int]
    _order_id: strawberry.Private[int]
    _customer_id: strawberry.Private[int]
    _currency: strawberry.Private[str]

    @strawberry.field
    async def lines(self, info: Info) -> list[AfterSaleLineType]:
        rows = await info.context.loader(LinesByAfterSaleIdLoader).load(self._pk)
        return [
            AfterSaleLineType(
                quantity=row.quantity, refund_amount=Money.of(row.refund_minor, self._currency),
                exchange_variant_id=None if row.exchange_variant_id is None
                else strawberry.ID(encode_id("Variant", row.exchange_variant_id)),
                _order_line_id=row.order_line_id, _currency=self._currency,
            )
            for row in rows
        ]

    @strawberry.field
    async def order(self, info: Info) -> OrderType:
        row = await info.context.loader(OrderByIdLoader).load(self._order_id)
        assert row is not None  # orders are never deleted (RESTRICT)
        return OrderType.from_model(row)

    @strawberry.field(description="Who asked. Staff with MANAGE_ORDERS only; null otherwise.")
    async def customer(self, info: Info) -> UserType | None:
        if not await viewer_has(info, Permission.MANAGE_ORDERS):
            return None
        user = await info.context.loader(UserByIdLoader).load(self._customer_id)
        return UserType.from_model(user) if user else None

    @classmethod
    def from_model(cls, row: models.AfterSale) -> AfterSaleType:
        return cls(
            id=strawberry.ID(encode_id("AfterSale", row.id)), kind=row.kind, status=row.status, reason=row.reason,
            images=list(row.images), refund_amount=Money.of(row.refund_minor, row.currency),
            return_carrier=row.return_carrier, return_tracking_number=row.return_tracking_number,
            exchange_carrier=row.exchange_carrier, exchange_tracking_number=row.exchange_tracking_number,
            created_at=row.created_at, updated_at=row.updated_at, _pk=row.id, _order_id=row.order_id,
            _customer_id=row.customer_id, _currency=row.currency,
        )


@strawberry.type(name="Order", description="An order: its amounts as split by DESIGN §3.0, lines, history and shipments.")
class OrderType(Node):
    number: str
    status: OrderStatus  # type: ignore[valid-type]
    refund_status: RefundStatus  # type: ignore[valid-type]
    subtotal: Money
    shipping: Money
    voucher_discount: Money
    points_used: int
    points_discount: Money
    total: Money
    rebate_credit_used: Money
    balance_used: Money
    wallet_due: Money = strawberry.field(description="What the wallet pays at orderPay: rebate credit and balance.")
    external_due: Money = strawberry.field(description="What the payment provider collects.")
    address: OrderAddress
    invoice: InvoiceRequest | None
    note: str
    expires_at: DateTime = strawberry.field(description="An unpaid order is cancelled at this time.")  # type: ignore[valid-type]
    created_at: DateTime  # type: ignore[valid-type]
    paid_at: DateTime | None  # type: ignore[valid-type]
    shipped_at: DateTime | None  # type: ignore[valid-type]
    completed_at: DateTime | None  # type: ignore[valid-type]
    cancelled_at: DateTime | None  # type: ignore[valid-type]
    _pk: strawberry.Private[int]
    _user_id: strawberry.Private[int]
    _currency: strawberry.Private[str]

    @strawberry.field
    async def lines(self, info: Info) -> list[OrderLineType]:
        rows = await info.context.loader(LinesByOrderIdLoader).load(self._pk)
        return [OrderLineType.from_model(row, self._currency) for row in rows]

    @strawberry.field(description="Every step of the order's history, oldest first.")
    async def events(self, info: Info) -> list[OrderEventEntry]:
        rows = await info.context.loader(EventsByOrderIdLoader).load(self._pk)
        return [
            OrderEventEntry(type=OrderEventType(row.type), from_status=row.from_status, to_status=row.to_status,
                            actor_kind=row.actor_kind, note=row.note, at=row.at)
            for row in rows
        ]

    @strawberry.field
    async def shipments(self, info: Info) -> list[ShipmentType]:
        rows = await info.context.loader(ShipmentsByOrderIdLoader).load(self._pk)
        return [ShipmentType.from_model(row) for row in rows]

    @strawberry.field(description="After-sale requests on this order, oldest first.")
    async def after_sales(self, info: Info) -> list[AfterSaleType]:
        rows = await info.context.loader(AfterSalesByOrderIdLoader).load(self._pk)
        return [AfterSaleType.from_model(row) for row in rows]

    @strawberry.field(description="Who ordered. Staff with MANAGE_ORDERS only; null otherwise.")
    async def customer(self, info: Info) -> UserType | None:
        if not await viewer_has(info, Permission.MANAGE_ORDERS):
            return None
        user = await info.context.loader(UserByIdLoader).load(self._user_id)
        return UserType.from_model(user) if user else None

    @strawberry.field(description="The rebates the order earned when paid, one per rule. Its customer, or staff with "
                      "MANAGE_REBATES; null for anyone else.")
    async def rebates(
        self, info: Info,
    ) -> list[Annotated[RebateType, strawberry.lazy("mall.graphql.rebates.history")]] | None:
        from mall.graphql.rebates.history import RebateType

        if not await is_self_or_staff(info, self._user_id, Permission.MANAGE_REBATES):
            return None
        rows = await info.context.loader(RebatesByOrderIdLoader).load(self._pk)
        return [RebateType.from_model(row) for row in rows]

    @classmethod
    def from_model(cls, order: models.Order) -> OrderType:
        currency = order.currency
        address = order.address
        invoice = order.invoice
        return cls(
            id=strawberry.ID(encode_id("Order", order.id)), number=order.number, status=order.status,
            refund_status=order.refund_status, subtotal=Money.of(order.subtotal_minor, currency),
            shipping=Money.of(order.shipping_minor, currency),
            voucher_discount=Money.of(order.voucher_discount_minor, currency), points_used=order.points_used,
            points_discount=Money.of(order.points_discount_minor, currency),
            total=Money.of(order.total_minor, currency),
            rebate_credit_used=Money.of(order.rebate_credit_used_minor, currency),
            balance_used=Money.of(order.balance_used_minor, currency),
            wallet_due=Money.of(order.rebate_credit_used_minor + order.balance_used_minor, currency),
            external_due=Money.of(order.external_due_minor, currency),
            address=OrderAddress(
                recipient=address["recipient"], phone=address["phone"], province=address["province"],
                city=address["city"], district=address["district"], street=address["street"],
                postal_code=address["postalCode"],
            ),
            invoice=None if invoice is None else InvoiceRequest(
                kind=models.InvoiceKind(invoice["kind"]), title=invoice["title"], tax_id=invoice["taxId"]),
            note=order.note, expires_at=order.expires_at, created_at=order.created_at, paid_at=order.paid_at,
            shipped_at=order.shipped_at, completed_at=order.completed_at, cancelled_at=order.cancelled_at,
            _pk=order.id, _user_id=order.user_id, _currency=currency,
        )


@strawberry.type(description="A line of an order preview.")
class OrderPreviewLine:
    title: str
    sku: str
    quantity: int
    unit_price: Money
    total: Money
    _variant_id: strawberry.Private[int]

    @strawberry.field(description="The variant as the catalog shows it now.")
    async def variant(self, info: Info) -> VariantType | None:
        row = await info.context.loader(VariantByIdLoader).load(self._variant_id)
        return VariantType.from_row(row, staff=False) if row else None


@strawberry.type(description="What orderCreate would make from the same input now; problems come back as userErrors.")
class OrderPreview:
    lines: list[OrderPreviewLine] = strawberry.field(default_factory=list)
    subtotal: Money | None = None
    shipping: Money | None = None
    voucher_discount: Money | None = None
    points_discount: Money | None = None
    total: Money | None = None
    rebate_credit_used: Money | None = None
    balance_used: Money | None = None
    wallet_due: Money | None = None
    external_due: Money | None = None
    max_points: int = strawberry.field(default=0, description=(
        "The most points this order could use: MALL_POINTS_MAX_SHARE of the goods after vouchers, in whole points, "
        "and no more than you hold unexpired."))
    applicable_vouchers: list[Voucher] = strawberry.field(
        default_factory=list, description="The customer's vouchers this order could use now (scope, minimum spend, "
        "validity), most valuable first."
    )
    user_errors: list[UserError] = strawberry.field(default_factory=list)
    _plan: strawberry.Private[OrderPlan | None] = None

    @strawberry.field(description="The rebates this order would earn if made and paid as previewed: each line's basis "
                      "after vouchers, points and rebate credit, the rules live now with what is left of their budgets "
                      "and of your per-customer caps. Nothing is reserved. Null when the input has problems.")
    async def rebate_preview(self) -> RebatePreview | None:
        if self._plan is None:
            return None
        return RebatePreview.of(await plan_rebates(self._plan), self._plan.currency)

    @classmethod
    def from_plan(cls, plan: OrderPlan) -> OrderPreview:
        currency, price = plan.currency, plan.price
        return cls(
            lines=[
                OrderPreviewLine(
                    _variant_id=line.variant.id, title=line.variant.product_title, sku=line.variant.sku, quantity=priced.quantity,
                    unit_price=Money.of(priced.unit_price_minor, currency), total=Money.of(priced.total_minor, currency),
                )
                for line, priced in zip(plan.lines, price.lines, strict=True)
            ],
            subtotal=Money.of(price.subtotal_minor, currency), shipping=Money.of(price.shipping_minor, currency),
            voucher_discount=Money.of(price.voucher_discount_minor, currency),
            points_discount=Money.of(price.points_discount_minor, currency), total=Money.of(price.total_minor, currency),
            rebate_credit_used=Money.of(price.rebate_credit_used_minor, currency),
            balance_used=Money.of(price.balance_used_minor, currency),
            wallet_due=Money.of(price.wallet_due_minor, currency), external_due=Money.of(price.external_due_minor, currency),
            _plan=plan,
            applicable_vouchers=[Voucher.from_row(row) for row in plan.applicable_vouchers],
            max_points=plan.max_points,
            # Too many points: the order as it would be without them, and why (orderCreate would refuse).
            user_errors=user_errors(InvalidInput(plan.points_problems)) if plan.points_problems else [],
        )
