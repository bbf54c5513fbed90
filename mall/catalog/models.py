"""Catalog tables: a category tree, products, and variants holding price and stock."""

from __future__ import annotations

import enum

from tortoise import fields
from tortoise.migrations.constraints import CheckConstraint
from tortoise.models import Model


class ProductStatus(enum.StrEnum):
    DRAFT = "DRAFT"
    ACTIVE = "ACTIVE"
    ARCHIVED = "ARCHIVED"


class Category(Model):
    id = fields.BigIntField(primary_key=True)
    name = fields.CharField(max_length=100)
    slug = fields.CharField(max_length=100, unique=True)
    parent: fields.ForeignKeyNullableRelation[Category] = fields.ForeignKeyField(
        "models.Category", related_name="children", null=True, on_delete=fields.RESTRICT
    )
    # Materialised path of ids, "/1/4/9/": descendants are a prefix match.
    path = fields.CharField(max_length=255, db_index=True)
    position = fields.IntField(default=0)
    created_at = fields.DatetimeField()

    parent_id: int | None

    class Meta:
        table = "categories"
        indexes = (("parent_id",),)

    def __str__(self) -> str:
        return self.name


class Product(Model):
    id = fields.BigIntField(primary_key=True)
    slug = fields.CharField(max_length=160, unique=True)
    title = fields.CharField(max_length=200)
    description = fields.TextField(default="")
    category: fields.ForeignKeyNullableRelation[Category] = fields.ForeignKeyField(
        "models.Category", related_name="products", null=True, on_delete=fields.RESTRICT
    )
    status = fields.CharEnumField(ProductStatus, max_length=16, default=ProductStatus.DRAFT)
    attributes: fields.Field[list[dict[str, str]]] = fields.JSONField(default=list)
    images: fields.Field[list[dict[str, str]]] = fields.JSONField(default=list)
    # Kept by the variant services: the cheapest and dearest variant, for
    # sorting by price without a join.
    min_price_minor = fields.BigIntField(default=0)
    max_price_minor = fields.BigIntField(default=0)
    sales_count = fields.BigIntField(default=0)
    # Search tokens (catalog/search.py): CJK characters and bigrams, Latin
    # words. PostgreSQL indexes them with GIN (hand-written in its migration).
    search_title = fields.TextField(default="")
    search_body = fields.TextField(default="")
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()

    category_id: int | None

    class Meta:
        table = "products"
        indexes = (
            ("status", "created_at"),
            ("status", "min_price_minor"),
            ("status", "sales_count"),
            ("category_id", "status"),
        )

    def __str__(self) -> str:
        return self.title


class Variant(Model):
    """A sellable SKU. ``stock`` in the API is ``on_hand - reserved``."""

    id = fields.BigIntField(primary_key=True)
    product: fields.ForeignKeyRelation[Product] = fields.ForeignKeyField(
        "models.Product", related_name="variants", on_delete=fields.CASCADE
    )
    sku = fields.CharField(max_length=64, unique=True)
    title = fields.CharField(max_length=200)
    options: fields.Field[list[dict[str, str]]] = fields.JSONField(default=list)
    price_minor = fields.BigIntField()
    compare_at_minor = fields.BigIntField(null=True)
    cost_minor = fields.BigIntField(null=True)
    on_hand = fields.BigIntField(default=0)
    reserved = fields.BigIntField(default=0)
    position = fields.IntField(default=0)
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()

    product_id: int

    class Meta:
        table = "variants"
        # A page's variants are fetched by product (and kept in display order).
        indexes = (("product_id", "position"),)
        # Hand-written into both migration histories (aerich emits no CHECKs).
        constraints = [
            CheckConstraint(check="reserved >= 0 AND on_hand >= reserved", name="variants_stock_covers_reserved"),
            CheckConstraint(
                check="price_minor >= 0 AND (compare_at_minor IS NULL OR compare_at_minor >= 0) "
                "AND (cost_minor IS NULL OR cost_minor >= 0)",
                name="variants_prices_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.sku

    @property
    def available(self) -> int:
        return available(self.on_hand, self.reserved)


def available(on_hand: int, reserved: int) -> int:
    """What can be bought now (never negative: the database keeps on_hand >= reserved)."""
    return on_hand - reserved
