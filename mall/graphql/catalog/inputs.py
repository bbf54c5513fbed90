"""Input types of the catalog queries and mutations."""

from __future__ import annotations

import strawberry

from mall.graphql.catalog.types import ProductSortField, ProductStatus, SortDirection
from mall.graphql.scalars import Decimal


@strawberry.input(description="Every condition must hold. status: staff only (MANAGE_PRODUCTS); ACTIVE by default.")
class ProductFilter:
    search: str | None = strawberry.field(default=None, description="Chinese or English text, at most 200 characters.")
    category_id: strawberry.ID | None = strawberry.field(default=None, description="Includes its descendants.")
    price_min: Decimal | None = strawberry.field(default=None, description="Some variant costs at least this.")  # type: ignore[valid-type]
    price_max: Decimal | None = strawberry.field(default=None, description="Some variant costs at most this.")  # type: ignore[valid-type]
    in_stock: bool | None = strawberry.field(default=None, description="true: some variant can be bought now.")
    status: ProductStatus | None = None  # type: ignore[valid-type]


@strawberry.input(description="Natural directions: PRICE ascending, SALES, NEWEST and RELEVANCE descending.")
class ProductSort:
    field: ProductSortField
    direction: SortDirection | None = None


@strawberry.input
class NameValueInput:
    name: str
    value: str


@strawberry.input
class ImageInput:
    url: str
    alt: str = ""


@strawberry.input
class CategoryCreateInput:
    name: str
    slug: str | None = strawberry.field(default=None, description="Made from the name when not given.")
    parent_id: strawberry.ID | None = None


@strawberry.input
class VariantInput:
    sku: str
    title: str
    options: list[NameValueInput] = strawberry.field(default_factory=list)
    price: Decimal  # type: ignore[valid-type]
    compare_at_price: Decimal | None = None  # type: ignore[valid-type]
    cost_price: Decimal | None = None  # type: ignore[valid-type]
    stock: int = 0


@strawberry.input
class ProductCreateInput:
    title: str
    slug: str | None = strawberry.field(default=None, description="Made from the title when not given.")
    description: str = ""
    category_id: strawberry.ID | None = None
    status: ProductStatus = strawberry.field(default=ProductStatus.DRAFT)  # type: ignore[valid-type]
    attributes: list[NameValueInput] = strawberry.field(default_factory=list)
    images: list[ImageInput] = strawberry.field(default_factory=list)
    variants: list[VariantInput] = strawberry.field(default_factory=list)


@strawberry.input(description="Only the fields given change. status ARCHIVED archives the product.")
class ProductUpdateInput:
    product_id: strawberry.ID
    title: str | None = strawberry.UNSET
    slug: str | None = strawberry.UNSET
    description: str | None = strawberry.UNSET
    category_id: strawberry.ID | None = strawberry.UNSET
    status: ProductStatus | None = strawberry.UNSET  # type: ignore[valid-type]
    attributes: list[NameValueInput] | None = strawberry.UNSET
    images: list[ImageInput] | None = strawberry.UNSET


@strawberry.input
class VariantCreateInput:
    product_id: strawberry.ID
    sku: str
    title: str
    options: list[NameValueInput] = strawberry.field(default_factory=list)
    price: Decimal  # type: ignore[valid-type]
    compare_at_price: Decimal | None = None  # type: ignore[valid-type]
    cost_price: Decimal | None = None  # type: ignore[valid-type]
    stock: int = 0


@strawberry.input(description="Only the fields given change; null clears compareAtPrice or costPrice.")
class VariantUpdateInput:
    variant_id: strawberry.ID
    sku: str | None = strawberry.UNSET
    title: str | None = strawberry.UNSET
    options: list[NameValueInput] | None = strawberry.UNSET
    price: Decimal | None = strawberry.UNSET  # type: ignore[valid-type]
    compare_at_price: Decimal | None = strawberry.UNSET  # type: ignore[valid-type]
    cost_price: Decimal | None = strawberry.UNSET  # type: ignore[valid-type]


@strawberry.input
class StockAdjustInput:
    variant_id: strawberry.ID
    delta: int = strawberry.field(description="Added to stock on hand; negative removes. Never below what is reserved.")
    reason: str = ""
