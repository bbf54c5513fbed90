"""Orders tables: orders with their lines, events and shipments, and payments (table only for now).

Every amount is integer fen in a ``*_minor`` BIGINT column; the CHECK
constraints that protect money and quantities are hand-written into both
migration histories (aerich emits none).
"""

from __future__ import annotations

import enum
from typing import Any

from tortoise import fields
from tortoise.migrations.constraints import CheckConstraint
from tortoise.models import Model

from mall.core.actors import ActorKind
from mall.orders.after_sales import AfterSaleKind, AfterSaleStatus
from mall.orders.states import OrderStatus, RefundStatus


class InvoiceKind(enum.StrEnum):
    PERSONAL = "PERSONAL"
    COMPANY = "COMPANY"


class ShipmentStatus(enum.StrEnum):
    SHIPPED = "SHIPPED"
    IN_TRANSIT = "IN_TRANSIT"
    DELIVERING = "DELIVERING"
    DELIVERED = "DELIVERED"
    PROBLEM = "PROBLEM"
    RETURNED = "RETURNED"


class Order(Model):
    id = fields.BigIntField(primary_key=True)
    # Date plus random digits (orders/numbers.py): readable, never sequential.
    number = fields.CharField(max_length=32, unique=True)
    user: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="orders", on_delete=fields.RESTRICT
    )
    status = fields.CharEnumField(OrderStatus, max_length=24)
    refund_status = fields.CharEnumField(RefundStatus, max_length=16, default=RefundStatus.NONE)
    currency = fields.CharField(max_length=3)
    subtotal_minor = fields.BigIntField()
    shipping_minor = fields.BigIntField()
    voucher_discount_minor = fields.BigIntField()
    points_used = fields.BigIntField()
    points_discount_minor = fields.BigIntField()
    total_minor = fields.BigIntField()
    rebate_credit_used_minor = fields.BigIntField()
    balance_used_minor = fields.BigIntField()
    external_due_minor = fields.BigIntField()
    address: fields.Field[dict[str, Any]] = fields.JSONField()
    invoice: fields.Field[dict[str, Any] | None] = fields.JSONField(null=True)
    note = fields.TextField(default="")
    expires_at = fields.DatetimeField()
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()
    paid_at = fields.DatetimeField(null=True)
    shipped_at = fields.DatetimeField(null=True)
    delivered_at = fields.DatetimeField(null=True)
    completed_at = fields.DatetimeField(null=True)
    cancelled_at = fields.DatetimeField(null=True)

    user_id: int

    class Meta:
        table = "orders"
        indexes = (("user_id", "status"), ("status", "expires_at"), ("created_at",))
        # Hand-written into both migration histories (aerich emits no CHECKs).
        constraints = [
            CheckConstraint(
                check="subtotal_minor >= 0 AND shipping_minor >= 0 AND voucher_discount_minor >= 0 "
                "AND points_used >= 0 AND points_discount_minor >= 0 AND total_minor >= 0 "
                "AND rebate_credit_used_minor >= 0 AND balance_used_minor >= 0 AND external_due_minor >= 0 "
                "AND total_minor = rebate_credit_used_minor + balance_used_minor + external_due_minor",
                name="orders_amounts_add_up",
            ),
        ]

    def __str__(self) -> str:
        return self.number


class OrderLine(Model):
    """A line as bought: snapshots of the catalog at that moment and its share of each payment part."""

    id = fields.BigIntField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="lines", on_delete=fields.RESTRICT
    )
    position = fields.IntField()
    # No foreign keys: the catalog may change or remove what was bought.
    variant_id = fields.BigIntField()
    product_id = fields.BigIntField()
    title = fields.CharField(max_length=200)
    variant_title = fields.CharField(max_length=200)
    sku = fields.CharField(max_length=64)
    options: fields.Field[list[dict[str, str]]] = fields.JSONField(default=list)
    unit_price_minor = fields.BigIntField()
    quantity = fields.BigIntField()
    total_minor = fields.BigIntField()
    voucher_minor = fields.BigIntField()
    points_minor = fields.BigIntField()
    rebate_credit_minor = fields.BigIntField()
    balance_minor = fields.BigIntField()
    external_minor = fields.BigIntField()
    rebate_basis_minor = fields.BigIntField()
    # The product's category when ordered: rebate rules scoped to categories judge the line by it.
    category_id = fields.BigIntField(null=True)
    # The variant's cost price when ordered (NULL: none set), for the rebate margin cap (DESIGN §3.6).
    unit_cost_minor = fields.BigIntField(null=True)

    order_id: int

    class Meta:
        table = "order_lines"
        indexes = (("order_id", "position"),)
        constraints = [
            CheckConstraint(
                check="quantity > 0 AND unit_price_minor >= 0 AND total_minor = unit_price_minor * quantity "
                "AND voucher_minor >= 0 AND points_minor >= 0 AND rebate_credit_minor >= 0 AND balance_minor >= 0 "
                "AND external_minor >= 0 AND rebate_basis_minor >= 0 "
                "AND total_minor = voucher_minor + points_minor + rebate_credit_minor + balance_minor + external_minor",
                name="order_lines_amounts_add_up",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sku} × {self.quantity}"


class OrderEvent(Model):
    """One transition of an order (or its creation): what, from where to where, by whom, when."""

    id = fields.BigIntField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="events", on_delete=fields.RESTRICT
    )
    type = fields.CharField(max_length=32)
    from_status = fields.CharEnumField(OrderStatus, max_length=24, null=True)
    to_status = fields.CharEnumField(OrderStatus, max_length=24)
    actor_kind = fields.CharEnumField(ActorKind, max_length=16)
    actor_id = fields.BigIntField(null=True)
    note = fields.TextField(default="")
    at = fields.DatetimeField()

    order_id: int

    class Meta:
        table = "order_events"
        indexes = (("order_id", "id"),)

    def __str__(self) -> str:
        return self.type


class Shipment(Model):
    id = fields.BigIntField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="shipments", on_delete=fields.RESTRICT
    )
    carrier = fields.CharField(max_length=16)
    tracking_number = fields.CharField(max_length=64)
    status = fields.CharEnumField(ShipmentStatus, max_length=16, default=ShipmentStatus.SHIPPED)
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()

    order_id: int

    class Meta:
        table = "shipments"
        indexes = (("order_id",), ("carrier", "tracking_number"))

    def __str__(self) -> str:
        return f"{self.carrier} {self.tracking_number}"


class ShipmentEvent(Model):
    """One tracking update of a shipment (filled by the tracking provider, later)."""

    id = fields.BigIntField(primary_key=True)
    shipment: fields.ForeignKeyRelation[Shipment] = fields.ForeignKeyField(
        "models.Shipment", related_name="events", on_delete=fields.RESTRICT
    )
    at = fields.DatetimeField()
    status = fields.CharEnumField(ShipmentStatus, max_length=16)
    description = fields.TextField(default="")

    shipment_id: int

    class Meta:
        table = "shipment_events"
        indexes = (("shipment_id", "at"),)

    def __str__(self) -> str:
        return self.status


class Payment(Model):
    """An external payment of an order at a provider (used from the payments slice on)."""

    id = fields.BigIntField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="payments", on_delete=fields.RESTRICT
    )
    provider = fields.CharField(max_length=16)
    channel = fields.CharField(max_length=16)
    # Our trade number at the provider (WeChat's out_trade_no: at most 32).
    trade_number = fields.CharField(max_length=32, unique=True)
    amount_minor = fields.BigIntField()
    currency = fields.CharField(max_length=3)
    status = fields.CharField(max_length=16)
    # What refunds have claimed of this attempt (asked for, not failed): raised only by
    # a conditional UPDATE that keeps it within amount_minor (orders/refunds.py).
    refunded_minor = fields.BigIntField(default=0)
    provider_transaction_id = fields.CharField(max_length=64, null=True)
    client_params: fields.Field[dict[str, Any] | None] = fields.JSONField(null=True)
    expires_at = fields.DatetimeField()
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()

    order_id: int

    class Meta:
        table = "payments"
        indexes = (("order_id",), ("status", "expires_at"))
        constraints = [CheckConstraint(check="amount_minor > 0", name="payments_amount_positive")]

    def __str__(self) -> str:
        return self.trade_number



class Refund(Model):
    """Money going back to the customer through one channel: the intent first, then the provider's answer."""

    id = fields.BigIntField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="refunds", on_delete=fields.RESTRICT
    )
    # Ours at the provider (out_refund_no): asking again with it is the same refund.
    refund_number = fields.CharField(max_length=32, unique=True)
    channel = fields.CharField(max_length=16)
    payment: fields.ForeignKeyNullableRelation[Payment] = fields.ForeignKeyField(
        "models.Payment", related_name="refunds", null=True, on_delete=fields.RESTRICT
    )
    # The after-sale it pays back, if any (no foreign key: after-sales have their own table).
    after_sale_id = fields.BigIntField(null=True)
    amount_minor = fields.BigIntField()
    currency = fields.CharField(max_length=3)
    status = fields.CharField(max_length=16)
    reason = fields.CharField(max_length=80, default="")
    provider_refund_id = fields.CharField(max_length=64, null=True)
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()
    refunded_at = fields.DatetimeField(null=True)

    order_id: int
    payment_id: int | None

    class Meta:
        table = "refunds"
        indexes = (("order_id",), ("status", "id"), ("after_sale_id",))
        constraints = [CheckConstraint(check="amount_minor > 0", name="refunds_amount_positive")]

    def __str__(self) -> str:
        return self.refund_number


class AfterSale(Model):
    """An after-sale request (退换货) on a paid order: refund only, return and refund, or exchange."""

    id = fields.BigIntField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="after_sales", on_delete=fields.RESTRICT
    )
    customer: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="after_sales", on_delete=fields.RESTRICT
    )
    kind = fields.CharEnumField(AfterSaleKind, max_length=16)
    status = fields.CharEnumField(AfterSaleStatus, max_length=24)
    reason = fields.TextField(default="")
    images: fields.Field[list[str]] = fields.JSONField(default=list)
    # What its lines paid, every channel; set lower by staff at refund time, never higher.
    refund_minor = fields.BigIntField()
    currency = fields.CharField(max_length=3)
    return_carrier = fields.CharField(max_length=16, null=True)
    return_tracking_number = fields.CharField(max_length=64, null=True)
    exchange_carrier = fields.CharField(max_length=16, null=True)
    exchange_tracking_number = fields.CharField(max_length=64, null=True)
    note = fields.TextField(default="")
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()

    order_id: int
    customer_id: int

    class Meta:
        table = "after_sales"
        indexes = (("customer_id", "id"), ("status", "id"))
        constraints = [CheckConstraint(check="refund_minor >= 0", name="after_sales_refund_not_negative")]

    def __str__(self) -> str:
        return f"{self.kind} {self.status}"


class AfterSaleLine(Model):
    """So many units of one order line in an after-sale; for an exchange, the variant sent instead."""

    id = fields.BigIntField(primary_key=True)
    after_sale: fields.ForeignKeyRelation[AfterSale] = fields.ForeignKeyField(
        "models.AfterSale", related_name="lines", on_delete=fields.RESTRICT
    )
    order_line: fields.ForeignKeyRelation[OrderLine] = fields.ForeignKeyField(
        "models.OrderLine", related_name="after_sale_lines", on_delete=fields.RESTRICT
    )
    quantity = fields.BigIntField()
    # What its units paid, all channels; of which rebate credit and balance (the rest was external).
    refund_minor = fields.BigIntField()
    rebate_credit_minor = fields.BigIntField(default=0)
    balance_minor = fields.BigIntField(default=0)
    # The whole points its units paid (given back to their lots when it is refunded).
    points = fields.BigIntField(default=0)
    exchange_variant_id = fields.BigIntField(null=True)

    after_sale_id: int
    order_line_id: int

    class Meta:
        table = "after_sale_lines"
        indexes = (("after_sale_id",),)
        constraints = [
            CheckConstraint(check="quantity > 0 AND refund_minor >= 0", name="after_sale_lines_quantity_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.order_line_id} × {self.quantity}"
