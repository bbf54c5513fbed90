"""Input types of the order queries and mutations."""

from __future__ import annotations

import strawberry

from mall.graphql.orders.types import InvoiceKind, OrderStatus
from mall.graphql.scalars import DateTime


@strawberry.input(description="发票: a personal or company title; a company needs its tax id (统一社会信用代码).")
class InvoiceInput:
    kind: InvoiceKind  # type: ignore[valid-type]
    title: str
    tax_id: str | None = None


@strawberry.input(description="The selected cart lines become the order; orderPreview takes the same input.")
class OrderCreateInput:
    address_id: strawberry.ID
    voucher_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="Your vouchers to apply (each once): reserved by the order; a voucher "
        "of someone else is NOT_FOUND, others VOUCHER_EXPIRED, VOUCHER_UNAVAILABLE or VOUCHER_NOT_APPLICABLE.")
    points_to_use: int = strawberry.field(default=0, description=(
        "Points to pay with (whole points, taken from your earliest-expiring lots): at most orderPreview's maxPoints. "
        "More than the order may use is LIMIT_EXCEEDED, more than you hold INSUFFICIENT_FUNDS; never cut silently."))
    use_wallet_funds: bool = strawberry.field(default=False, description="Rebate credit, then balance, up to what is due.")
    invoice: InvoiceInput | None = None
    note: str = ""
    idempotency_key: str | None = strawberry.field(
        default=None, description="Up to 64 characters: the same key and input return the same order.")


@strawberry.input
class OrderCancelInput:
    order_id: strawberry.ID
    reason: str = ""


@strawberry.input
class OrderReceiptConfirmInput:
    order_id: strawberry.ID


@strawberry.input
class OrderShipInput:
    order_id: strawberry.ID
    carrier: str = strawberry.field(description="SF, YTO, ZTO, STO, YD, JD, EMS, JTSD, DBL or YZPY.")
    tracking_number: str


@strawberry.input(description="Every condition must hold.")
class OrderFilter:
    statuses: list[OrderStatus] | None = None  # type: ignore[valid-type]
    customer_id: strawberry.ID | None = None
    number: str | None = None
    created_from: DateTime | None = strawberry.field(default=None, description="Created at or after.")  # type: ignore[valid-type]
    created_to: DateTime | None = strawberry.field(default=None, description="Created before.")  # type: ignore[valid-type]
