"""Creating and changing products (with their first variants), each change audited."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tortoise.exceptions import IntegrityError

from mall.accounts import acting
from mall.audit import services as audit
from mall.catalog import validation
from mall.catalog.derived import refresh_derived
from mall.catalog.invalidation import catalog_changed
from mall.catalog.models import Category, Product, ProductStatus, Variant
from mall.catalog.variants import VariantFields, new_variant_values, refuse_taken_skus
from mall.core.actors import Actor, Permission
from mall.core.clock import clock
from mall.core.errors import Duplicate, ErrorCode, NotFound
from mall.core.keep import KEEP, Keepable
from mall.infra.transactions import transaction

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
    paths = [("variants", str(index)) for index in range(len(variants))]
    rows = [new_variant_values(variant, field=path) for variant, path in zip(variants, paths, strict=True)]
    if values.get("status") is ProductStatus.ACTIVE and not rows:
        raise validation.fail("status", "An ACTIVE product needs at least one variant to sell.")
    now = clock.now()
    try:
        async with transaction():
            catalog_changed()
            await acting.require(actor, Permission.MANAGE_PRODUCTS)
            if await Product.exists(slug=values["slug"]):
                raise Duplicate("A product with this slug exists.", field="slug")
            await refuse_taken_skus([row["sku"] for row in rows], fields=paths)
            product = await Product.create(**values, created_at=now, updated_at=now)
            await Variant.bulk_create([
                Variant(product_id=product.id, position=index, reserved=0, created_at=now, updated_at=now, **row)
                for index, row in enumerate(rows)
            ])
            await refresh_derived(product.id)
            await audit.record(
                actor, action="product.create", target=f"Product:{product.id}",
                new={**_auditable(values), "variants": [row["sku"] for row in rows]},
            )
    except IntegrityError as exc:
        # Raced past the checks above; the unique indexes decided.
        raise Duplicate("The slug or a SKU is already taken.") from exc
    return await Product.get(id=product.id)


async def product_update(actor: Actor, *, product_id: int, fields: ProductFields) -> Product:
    """Change product fields (status ARCHIVED archives it); variants change separately."""
    actor.require(Permission.MANAGE_PRODUCTS)
    values = await _cleaned(fields, creating=False)
    try:
        async with transaction():
            catalog_changed()
            await acting.require(actor, Permission.MANAGE_PRODUCTS)
            product = await Product.filter(id=product_id).select_for_update().first()
            if product is None:
                raise NotFound("No such product.", field="productId")
            if "slug" in values and values["slug"] != product.slug and await Product.exists(slug=values["slug"]):
                raise Duplicate("A product with this slug exists.", field="slug")
            if values.get("status") is ProductStatus.ACTIVE and not await Variant.exists(product_id=product_id):
                raise validation.fail("status", "An ACTIVE product needs at least one variant to sell.")
            before = {name: getattr(product, name) for name in values}
            old, new = audit.changes(_auditable(before), _auditable(values))
            if values:
                await Product.filter(id=product_id).update(**values, updated_at=clock.now())
                await refresh_derived(product_id)
            await audit.record(actor, action="product.update", target=f"Product:{product_id}", old=old, new=new)
    except IntegrityError as exc:
        raise Duplicate("A product with this slug exists.", field="slug") from exc
    return await Product.get(id=product_id)


def _auditable(values: dict[str, Any]) -> dict[str, Any]:
    return {key: (value.value if isinstance(value, ProductStatus) else value) for key, value in values.items()}
