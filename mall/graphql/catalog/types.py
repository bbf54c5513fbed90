"""Catalog types: Category, Product, ProductVariant and their small value types.

Staff-only fields (cost price, stock on hand and reserved) are decided once
per request at the root resolver and carried in each object, so a list of
variants needs no permission check per field.
"""

from __future__ import annotations

import enum
from typing import Any

import strawberry

from mall.catalog import models
from mall.catalog.reads import VARIANT_COLUMNS
from mall.graphql.catalog.loaders import (
    CategoryByIdLoader,
    CategoryTreeLoader,
    ProductByIdLoader,
    VariantsByProductIdLoader,
)
from mall.graphql.context import Info
from mall.graphql.money import Money
from mall.graphql.rebates.loaders import CategoryLineageLoader, LiveHintsLoader
from mall.graphql.rebates.types import RebateHint
from mall.graphql.relay import Node, encode_id
from mall.graphql.scalars import DateTime
from mall.settings import get_settings

ProductStatus = strawberry.enum(models.ProductStatus, description="DRAFT and ARCHIVED products are seen by staff only.")


@strawberry.type
class Image:
    url: str
    alt: str


@strawberry.type(description="A descriptive property of a product, e.g. 产地: 云南.")
class ProductAttribute:
    name: str
    value: str


@strawberry.type(description="One choice that tells variants apart, e.g. 颜色: 红.")
class VariantOption:
    name: str
    value: str


@strawberry.type(description="The cheapest and the dearest variant.")
class PriceRange:
    min: Money
    max: Money


# What the Product type shows (search tokens stay in the database).
PRODUCT_COLUMNS = (
    "id", "slug", "title", "description", "status", "images", "attributes",
    "min_price_minor", "max_price_minor", "created_at", "category_id",
)


@strawberry.type(name="Category", description="A node of the category tree.")
class CategoryType(Node):
    name: str
    slug: str
    _pk: strawberry.Private[int]
    _parent_id: strawberry.Private[int | None]

    @strawberry.field
    async def parent(self, info: Info) -> CategoryType | None:
        if self._parent_id is None:
            return None
        parent = (await info.context.loader(CategoryTreeLoader).load("tree")).get(self._parent_id)
        return CategoryType.from_model(parent) if parent else None

    @strawberry.field(description="Direct children, in display order.")
    async def children(self, info: Info) -> list[CategoryType]:
        tree = await info.context.loader(CategoryTreeLoader).load("tree")
        return [CategoryType.from_model(c) for c in tree.children(self._pk)]

    @classmethod
    def from_model(cls, category: models.Category) -> CategoryType:
        return cls(
            id=strawberry.ID(encode_id("Category", category.id)),
            name=category.name,
            slug=category.slug,
            _pk=category.id,
            _parent_id=category.parent_id,
        )


@strawberry.type(name="ProductVariant", description="A sellable SKU of a product.")
class VariantType(Node):
    sku: str
    title: str
    options: list[VariantOption]
    price: Money
    compare_at_price: Money | None
    cost_price: Money | None = strawberry.field(description="Staff with MANAGE_PRODUCTS only; null otherwise.")
    stock_on_hand: int | None = strawberry.field(description="Staff with MANAGE_PRODUCTS only; null otherwise.")
    stock_reserved: int | None = strawberry.field(description="Held by unpaid orders. Staff with MANAGE_PRODUCTS only.")
    _pk: strawberry.Private[int]
    _product_id: strawberry.Private[int]
    _staff: strawberry.Private[bool]
    _stock: strawberry.Private[int]

    @strawberry.field(description="What can be bought now: on hand minus reserved.")
    def stock(self, info: Info) -> int:
        # A cached response serves this fresh on every hit: say where it went.
        if info.context.stock_marks is not None:
            info.context.stock_marks.append((info.path.as_list(), self._pk))
        return self._stock

    @strawberry.field
    async def product(self, info: Info) -> ProductType:
        product = await info.context.loader(ProductByIdLoader).load(self._product_id)
        assert product is not None
        return ProductType.from_model(product, staff=self._staff)

    @classmethod
    def from_model(cls, variant: models.Variant, *, staff: bool) -> VariantType:
        return cls.from_row({name: getattr(variant, name) for name in VARIANT_COLUMNS}, staff=staff)

    @classmethod
    def from_row(cls, row: dict[str, Any], *, staff: bool, currency: str | None = None) -> VariantType:
        """From a loader's row (a dict of ``VARIANT_COLUMNS``). Lists build many of
        these: ``currency`` can be given once for all of them."""
        currency = currency or get_settings().currency
        on_hand, reserved, compare_at = row["on_hand"], row["reserved"], row["compare_at_minor"]
        return cls(
            id=strawberry.ID(encode_id("ProductVariant", row["id"])),
            sku=row["sku"],
            title=row["title"],
            options=[VariantOption(name=o["name"], value=o["value"]) for o in row["options"]],
            price=Money.of(row["price_minor"], currency),
            compare_at_price=None if compare_at is None else Money.of(compare_at, currency),
            cost_price=Money.optional(row["cost_minor"], get_settings().currency) if staff else None,
            stock_on_hand=on_hand if staff else None,
            stock_reserved=reserved if staff else None,
            _pk=row["id"],
            _product_id=row["product_id"],
            _staff=staff,
            _stock=models.available(on_hand, reserved),
        )


@strawberry.type(name="Product")
class ProductType(Node):
    """Sync resolvers that return either what a root resolver prefetched or an
    awaitable: Strawberry and graphql-core accept both, and the prefetched path
    skips an await per product."""

    slug: str
    title: str
    description: str
    status: ProductStatus  # type: ignore[valid-type]
    images: list[Image]
    attributes: list[ProductAttribute]
    price_range: PriceRange
    created_at: DateTime  # type: ignore[valid-type]
    _pk: strawberry.Private[int]
    _category_id: strawberry.Private[int | None]
    _staff: strawberry.Private[bool]
    # Filled by a root resolver that fetched a whole page's worth at once.
    _category: strawberry.Private[CategoryType | None] = None
    _variants: strawberry.Private[list[VariantType] | None] = None

    @strawberry.field
    def category(self, info: Info) -> CategoryType | None:
        if self._category is not None or self._category_id is None:
            return self._category
        return self._load_category(info)  # type: ignore[return-value]

    async def _load_category(self, info: Info) -> CategoryType | None:
        assert self._category_id is not None
        category = await info.context.loader(CategoryByIdLoader).load(self._category_id)
        return CategoryType.from_model(category) if category else None

    @strawberry.field(description="Variants in display order.")
    def variants(self, info: Info) -> list[VariantType]:
        if self._variants is not None:
            return self._variants
        return self._load_variants(info)  # type: ignore[return-value]

    async def _load_variants(self, info: Info) -> list[VariantType]:
        rows = await info.context.loader(VariantsByProductIdLoader).load(self._pk)
        return [VariantType.from_row(row, staff=self._staff) for row in rows]

    @strawberry.field(description="The rebate rules that would apply to this product if ordered now (ACTIVE, within "
                      "their window, scope covering it; none while new rebates are paused), in the order they apply, "
                      "each in plain words.")
    async def rebate_hints(self, info: Info) -> list[RebateHint]:
        live = await info.context.loader(LiveHintsLoader).load("now")
        if not live.hints:
            return []
        lineage: frozenset[int] = frozenset()
        if live.need_categories and self._category_id is not None:
            lineage = await info.context.loader(CategoryLineageLoader).load(self._category_id)
        return [RebateHint.of(hint) for hint in live.for_product(self._pk, lineage)]

    @classmethod
    def from_model(cls, product: models.Product, *, staff: bool) -> ProductType:
        return cls.from_row({name: getattr(product, name) for name in PRODUCT_COLUMNS}, staff=staff)

    @classmethod
    def from_row(cls, row: dict[str, Any], *, staff: bool) -> ProductType:
        """From a row of ``PRODUCT_COLUMNS`` (a listing's ``values()`` row)."""
        currency = get_settings().currency
        return cls(
            id=strawberry.ID(encode_id("Product", row["id"])),
            slug=row["slug"],
            title=row["title"],
            description=row["description"],
            status=models.ProductStatus(row["status"]),
            images=[Image(url=i["url"], alt=i.get("alt", "")) for i in row["images"]],
            attributes=[ProductAttribute(name=a["name"], value=a["value"]) for a in row["attributes"]],
            price_range=PriceRange(
                min=Money.of(row["min_price_minor"], currency), max=Money.of(row["max_price_minor"], currency)
            ),
            created_at=row["created_at"],
            _pk=row["id"],
            _category_id=row["category_id"],
            _staff=staff,
        )


@strawberry.enum
class ProductSortField(enum.Enum):
    PRICE = "PRICE"
    SALES = "SALES"
    NEWEST = "NEWEST"
    RELEVANCE = "RELEVANCE"


@strawberry.enum
class SortDirection(enum.Enum):
    ASC = "ASC"
    DESC = "DESC"


