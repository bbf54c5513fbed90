"""Creating and changing products (with their first variants), each change audited."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from mall import cache
from mall.audit import services as audit
from mall.catalog import validation
from mall.catalog.derived import refresh_derived
from mall.catalog.models import Category, Product, ProductStatus
from mall.catalog.variants import VariantFields, new_variant_row
from mall.core.actors import Actor, Permission
from mall.core.clock import clock
from mall.core.errors import Duplicate, ErrorCode, NotFound
from mall.core.keep import KEEP, Keepable

MAX_VARIANTS = 100


@dataclass(frozen=True)
class ProductFields:
    """Product fields as typed by staff; ``KEEP`` leaves a field unchanged on update."""

    title: Keepable[str] = KEEP
    slug: Keepable[str | None] = KEEP
    description: Keepable[str] = KEEP
    category_id: Keepable[int | None] = KEEP
    status: Keepable[ProductStatus | None] = KEEP
    attributes: Keepable[Sequence[tuple[str, str]]] = KEEP
    images: Keepable[Sequence[tuple[str, str]]] = KEEP


async def _cleaned(fields: ProductFields, *, creating: bool) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if fields.title is not KEEP or creating:
        values["title"] = validation.text(fields.title if fields.title is not KEEP else "", field="title", max_length=200)
    if fields.slug is not KEEP or creating:
        slug = fields.slug if fields.slug is not KEEP else None
        if slug is None and not creating:
            raise validation.fail("slug", "A product keeps a slug; give a new one to change it.")
        values["slug"] = validation.slug(slug, fallback_from=values.get("title", ""))
    if fields.description is not KEEP:
        values["description"] = validation.text(fields.description, field="description", max_length=20_000, required=False)
    if fields.category_id is not KEEP:
        if fields.category_id is not None and not await Category.exists(id=fields.category_id):
            raise NotFound("No such category.", field="categoryId")
        values["category_id"] = fields.category_id
    if fields.status is not KEEP:
        if fields.status is None:
            raise validation.fail("status", "A product always has a status.", ErrorCode.REQUIRED)
        values["status"] = ProductStatus(fields.status)
    if fields.attributes is not KEEP:
        values["attributes"] = validation.pairs(fields.attributes, field="attributes")
    if fields.images is not KEEP:
        values["images"] = validation.images(fields.images)
    return values


async def product_create(actor: Actor, *, fields: ProductFields, variants: Sequence[VariantFields] = ()) -> Product:
    """Create a product and its variants in one transaction."""
    actor.require(Permission.MANAGE_PRODUCTS)
    values = await _cleaned(fields, creating=True)
    if len(variants) > MAX_VARIANTS:
        raise validation.fail("variants", f"At most {MAX_VARIANTS} variants per product.")
    skus = [v.sku for v in variants]
    now = clock.now()
    try:
        async with in_transaction():
            if await Product.exists(slug=values["slug"]):
                raise Duplicate("A product with this slug exists.", field="slug")
            product = await Product.create(**values, created_at=now, updated_at=now)
            rows = [
                await new_variant_row(product.id, variant, position=index, field=("variants", str(index)), now=now)
                for index, variant in enumerate(variants)
            ]
            _check_distinct_skus(skus)
            for row in rows:
                await row.save()
            await refresh_derived(product.id)
            await audit.record(
                actor, action="product.create", target=f"Product:{product.id}",
                new={**_auditable(values), "variants": [row.sku for row in rows]},
            )
    except IntegrityError as exc:
        raise Duplicate("The slug or a SKU is already taken.", field="slug") from exc
    await cache.bump("catalog")
    return await Product.get(id=product.id)


def _check_distinct_skus(skus: Sequence[Any]) -> None:
    seen: set[str] = set()
    for index, sku in enumerate(skus):
        if isinstance(sku, str) and sku.strip() in seen:
            raise Duplicate("Two variants have the same SKU.", field=("variants", str(index), "sku"))
        if isinstance(sku, str):
            seen.add(sku.strip())


async def product_update(actor: Actor, *, product_id: int, fields: ProductFields) -> Product:
    """Change product fields (status ARCHIVED archives it); variants change separately."""
    actor.require(Permission.MANAGE_PRODUCTS)
    values = await _cleaned(fields, creating=False)
    try:
        async with in_transaction():
            product = await Product.filter(id=product_id).select_for_update().first()
            if product is None:
                raise NotFound("No such product.", field="productId")
            if "slug" in values and values["slug"] != product.slug and await Product.exists(slug=values["slug"]):
                raise Duplicate("A product with this slug exists.", field="slug")
            before = {name: getattr(product, name) for name in values}
            old, new = audit.changes(_auditable(before), _auditable(values))
            if values:
                await Product.filter(id=product_id).update(**values, updated_at=clock.now())
                await refresh_derived(product_id)
            await audit.record(actor, action="product.update", target=f"Product:{product_id}", old=old, new=new)
    except IntegrityError as exc:
        raise Duplicate("A product with this slug exists.", field="slug") from exc
    await cache.bump("catalog")
    return await Product.get(id=product_id)


def _auditable(values: dict[str, Any]) -> dict[str, Any]:
    return {key: (value.value if isinstance(value, ProductStatus) else value) for key, value in values.items()}
