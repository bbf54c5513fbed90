"""Input types of the after-sale queries and mutations."""

from __future__ import annotations

import strawberry

from mall.graphql.orders.types import AfterSaleKind, AfterSaleStatus
from mall.graphql.scalars import Decimal


@strawberry.input(description="So many units of one order line; an exchange names the variant wanted instead.")
class AfterSaleLineInput:
    order_line_id: strawberry.ID
    quantity: int
    exchange_variant_id: strawberry.ID | None = None


@strawberry.input(description="An after-sale on lines of your paid order, within the after-sale window of delivery.")
class AfterSaleCreateInput:
    order_id: strawberry.ID
    kind: AfterSaleKind  # type: ignore[valid-type]
    lines: list[AfterSaleLineInput]
    reason: str = ""
    images: list[str] = strawberry.field(default_factory=list, description="Up to 9 http(s) URLs.")


@strawberry.input
class AfterSaleShipBackInput:
    after_sale_id: strawberry.ID
    carrier: str = strawberry.field(description="SF, YTO, ZTO, STO, YD, JD, EMS, JTSD, DBL or YZPY.")
    tracking_number: str


@strawberry.input
class AfterSaleCancelInput:
    after_sale_id: strawberry.ID


@strawberry.input
class AfterSaleDecisionInput:
    after_sale_id: strawberry.ID
    note: str = ""


@strawberry.input
class AfterSaleExchangeShipInput:
    after_sale_id: strawberry.ID
    carrier: str = strawberry.field(description="SF, YTO, ZTO, STO, YD, JD, EMS, JTSD, DBL or YZPY.")
    tracking_number: str


@strawberry.input
class AfterSaleRefundInput:
    after_sale_id: strawberry.ID
    note: str = ""
    refund_amount: Decimal | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="At most the computed amount; the computed amount when null.")


@strawberry.input(description="Every condition must hold.")
class AfterSaleFilter:
    statuses: list[AfterSaleStatus] | None = None  # type: ignore[valid-type]
    kind: AfterSaleKind | None = None  # type: ignore[valid-type]
    order_id: strawberry.ID | None = None
