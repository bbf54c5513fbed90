"""Staff catalog mutations (MANAGE_PRODUCTS), each audited by its service."""

from __future__ import annotations

from typing import Any

import strawberry

from mall.catalog import categories, products, variants
from mall.catalog.products import ProductFields
from mall.catalog.variants import VariantFields
from mall.core.actors import Actor, Permission
from mall.core.keep import KEEP
from mall.graphql.catalog.inputs import (
    CategoryCreateInput,
    ProductCreateInput,
    ProductUpdateInput,
    StockAdjustInput,
    VariantCreateInput,
    VariantInput,
    VariantUpdateInput,
)
from mall.graphql.catalog.types import CategoryType, ProductType, VariantType
from mall.graphql.context import Info
from mall.graphql.errors import UserError
from mall.graphql.relay import decode_id
from mall.graphql.runner import mutate


@strawberry.type
class CategoryCreatePayload:
    category: CategoryType | None = None
    user_errors: list[UserError]


@strawberry.type
class ProductPayload:
    product: ProductType | None = None
    user_errors: list[UserError]


@strawberry.type
class VariantPayload:
    variant: VariantType | None = None
    user_errors: list[UserError]


def _given(value: Any) -> Any:
    """Strawberry's UNSET (field not sent) means keep."""
    return KEEP if value is strawberry.UNSET else value


def _pairs(values: Any) -> Any:
    return KEEP if values is strawberry.UNSET or values is None else [(v.name, v.value) for v in values]


def _variant_fields(data: VariantInput | VariantCreateInput) -> VariantFields:
    return VariantFields(
        sku=data.sku, title=data.title, options=_pairs(data.options), price=data.price,
        compare_at_price=data.compare_at_price, cost_price=data.cost_price, stock=data.stock,
    )


@strawberry.type
class CatalogMutations:
    @strawberry.mutation(description="MANAGE_PRODUCTS.")
    async def category_create(self, info: Info, input: CategoryCreateInput) -> CategoryCreatePayload:
        async def action(actor: Actor) -> dict[str, object]:
            parent_id = decode_id(input.parent_id, "Category", field="parentId") if input.parent_id is not None else None
            category = await categories.category_create(actor, name=input.name, slug=input.slug, parent_id=parent_id)
            return {"category": CategoryType.from_model(category)}

        return await mutate(info, CategoryCreatePayload, action, permission=Permission.MANAGE_PRODUCTS)

    @strawberry.mutation(description="Create a product with its variants. MANAGE_PRODUCTS.")
    async def product_create(self, info: Info, input: ProductCreateInput) -> ProductPayload:
        async def action(actor: Actor) -> dict[str, object]:
            category_id = decode_id(input.category_id, "Category", field="categoryId") if input.category_id is not None else None
            fields = ProductFields(
                title=input.title, slug=input.slug, description=input.description, category_id=category_id,
                status=input.status, attributes=_pairs(input.attributes),
                images=[(i.url, i.alt) for i in input.images],
            )
            product = await products.product_create(
                actor, fields=fields, variants=[_variant_fields(v) for v in input.variants]
            )
            return {"product": ProductType.from_model(product, staff=True)}

        return await mutate(info, ProductPayload, action, permission=Permission.MANAGE_PRODUCTS)

    @strawberry.mutation(description="Change product fields; status ARCHIVED archives it. MANAGE_PRODUCTS.")
    async def product_update(self, info: Info, input: ProductUpdateInput) -> ProductPayload:
        async def action(actor: Actor) -> dict[str, object]:
            category_id = _given(input.category_id)
            if category_id not in (KEEP, None):
                category_id = decode_id(category_id, "Category", field="categoryId")
            images = _given(input.images)
            fields = ProductFields(
                title=_given(input.title), slug=_given(input.slug), description=_given(input.description),
                category_id=category_id, status=_given(input.status), attributes=_pairs(input.attributes),
                images=KEEP if images in (KEEP, None) else [(i.url, i.alt) for i in images],
            )
            product = await products.product_update(
                actor, product_id=decode_id(input.product_id, "Product", field="productId"), fields=fields
            )
            return {"product": ProductType.from_model(product, staff=True)}

        return await mutate(info, ProductPayload, action, permission=Permission.MANAGE_PRODUCTS)

    @strawberry.mutation(description="Add a variant to a product. MANAGE_PRODUCTS.")
    async def variant_create(self, info: Info, input: VariantCreateInput) -> VariantPayload:
        async def action(actor: Actor) -> dict[str, object]:
            variant = await variants.variant_create(
                actor, product_id=decode_id(input.product_id, "Product", field="productId"),
                fields=_variant_fields(input),
            )
            return {"variant": VariantType.from_model(variant, staff=True)}

        return await mutate(info, VariantPayload, action, permission=Permission.MANAGE_PRODUCTS)

    @strawberry.mutation(description="Change a variant (not its stock: see stockAdjust). MANAGE_PRODUCTS.")
    async def variant_update(self, info: Info, input: VariantUpdateInput) -> VariantPayload:
        async def action(actor: Actor) -> dict[str, object]:
            fields = VariantFields(
                sku=_given(input.sku) if input.sku is not None else KEEP,
                title=_given(input.title) if input.title is not None else KEEP,
                options=_pairs(input.options), price=_given(input.price) if input.price is not None else KEEP,
                compare_at_price=_given(input.compare_at_price), cost_price=_given(input.cost_price),
            )
            variant = await variants.variant_update(
                actor, variant_id=decode_id(input.variant_id, "ProductVariant", field="variantId"), fields=fields
            )
            return {"variant": VariantType.from_model(variant, staff=True)}

        return await mutate(info, VariantPayload, action, permission=Permission.MANAGE_PRODUCTS)

    @strawberry.mutation(description="Change stock on hand by a delta; never below what is reserved. MANAGE_PRODUCTS.")
    async def stock_adjust(self, info: Info, input: StockAdjustInput) -> VariantPayload:
        async def action(actor: Actor) -> dict[str, object]:
            variant = await variants.stock_adjust(
                actor, variant_id=decode_id(input.variant_id, "ProductVariant", field="variantId"),
                delta=input.delta, reason=input.reason,
            )
            return {"variant": VariantType.from_model(variant, staff=True)}

        return await mutate(info, VariantPayload, action, permission=Permission.MANAGE_PRODUCTS)
