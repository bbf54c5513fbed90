"""Variants (SKUs): their price and options, and their stock on hand.

Stock moves by conditional updates, never read-then-write: an adjustment
that would leave less on hand than is reserved changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F

from mall.accounts import acting
from mall.audit import services as audit
from mall.catalog import validation
from mall.catalog.derived import refresh_derived
from mall.catalog.errors import StockBelowReserved
from mall.catalog.invalidation import catalog_changed
from mall.catalog.models import Product, Variant
from mall.core.actors import Actor, Permission
from mall.core.clock import clock
from mall.core.errors import Duplicate, ErrorCode, NotFound
from mall.core.keep import KEEP, Keepable
from mall.infra.transactions import transaction


@dataclass(frozen=True)
class VariantFields:
    """Variant fields as typed by staff; ``KEEP`` leaves a field unchanged on update."""

    sku: Keepable[str] = KEEP
    title: Keepable[str] = KEEP
    options: Keepable[Sequence[tuple[str, str]]] = KEEP
    price: Keepable[Decimal] = KEEP
    compare_at_price: Keepable[Decimal | None] = KEEP
    cost_price: Keepable[Decimal | None] = KEEP
    stock: Keepable[int] = KEEP


def _cleaned(fields: VariantFields, *, field: tuple[str, ...], creating: bool) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if fields.sku is not KEEP or creating:
        sku = validation.text(fields.sku if fields.sku is not KEEP else "", field=(*field, "sku"), max_length=64)
        values["sku"] = sku
    if fields.title is not KEEP or creating:
        values["title"] = validation.text(fields.title if fields.title is not KEEP else "", field=(*field, "title"), max_length=200)
    if fields.options is not KEEP:
        values["options"] = validation.pairs(fields.options, field=(*field, "options"), max_length=50)
    if fields.price is not KEEP:
        values["price_minor"] = validation.money(fields.price, field=(*field, "price"))
    elif creating:
        raise validation.fail((*field, "price"), "A variant needs a price.", ErrorCode.REQUIRED)
    for name, column in (("compare_at_price", "compare_at_minor"), ("cost_price", "cost_minor")):
        value = getattr(fields, name)
        if value is not KEEP:
            api_name = "compareAtPrice" if name == "compare_at_price" else "costPrice"
            values[column] = None if value is None else validation.money(value, field=(*field, api_name))
    return values


def new_variant_values(fields: VariantFields, *, field: tuple[str, ...]) -> dict[str, Any]:
    """A new variant's validated column values (no database work)."""
    values = _cleaned(fields, field=field, creating=True)
    values["on_hand"] = validation.stock(fields.stock if fields.stock is not KEEP else 0, field=(*field, "stock"))
    return values


async def refuse_taken_skus(skus: Sequence[str], *, fields: Sequence[tuple[str, ...]]) -> None:
    """``Duplicate`` on the first SKU already used, by the input itself or an existing variant (one query)."""
    seen: set[str] = set()
    for sku, field in zip(skus, fields, strict=True):
        if sku in seen:
            raise Duplicate("Two variants have the same SKU.", field=(*field, "sku"))
        seen.add(sku)
    taken = set(await Variant.filter(sku__in=list(seen)).values_list("sku", flat=True)) if seen else set()
    for sku, field in zip(skus, fields, strict=True):
        if sku in taken:
            raise Duplicate("A variant with this SKU exists.", field=(*field, "sku"))


async def variant_create(actor: Actor, *, product_id: int, fields: VariantFields) -> Variant:
    actor.require(Permission.MANAGE_PRODUCTS)
    now = clock.now()
    try:
        async with transaction():
            catalog_changed()
            await acting.require(actor, Permission.MANAGE_PRODUCTS)
            if not await Product.filter(id=product_id).select_for_update().exists():
                raise NotFound("No such product.", field="productId")
            values = new_variant_values(fields, field=())
            await refuse_taken_skus([values["sku"]], fields=[()])
            position = await Variant.filter(product_id=product_id).count()
            variant = await Variant.create(
                product_id=product_id, position=position, reserved=0, created_at=now, updated_at=now, **values
            )
            await refresh_derived(product_id)
            await audit.record(
                actor, action="variant.create", target=f"ProductVariant:{variant.id}",
                new={"productId": product_id, "sku": variant.sku, "price": variant.price_minor, "stock": variant.on_hand},
            )
    except IntegrityError as exc:
        raise Duplicate("A variant with this SKU exists.", field="sku") from exc
    return variant


async def variant_update(actor: Actor, *, variant_id: int, fields: VariantFields) -> Variant:
    """Change a variant's SKU, title, options or prices (stock moves with ``stock_adjust``)."""
    actor.require(Permission.MANAGE_PRODUCTS)
    values = _cleaned(fields, field=(), creating=False)
    try:
        async with transaction():
            catalog_changed()
            await acting.require(actor, Permission.MANAGE_PRODUCTS)
            variant = await Variant.get_or_none(id=variant_id)
            if variant is None:
                raise NotFound("No such variant.", field="variantId")
            # The product's row first (as variant_create and product_update lock it):
            # its price range and search tokens are rewritten from all its variants.
            await Product.filter(id=variant.product_id).select_for_update().only("id").first()
            variant = await Variant.filter(id=variant_id).select_for_update().first()
            assert variant is not None
            if "sku" in values and values["sku"] != variant.sku and await Variant.exists(sku=values["sku"]):
                raise Duplicate("A variant with this SKU exists.", field="sku")
            old, new = audit.changes({name: getattr(variant, name) for name in values}, values)
            if values:
                await Variant.filter(id=variant_id).update(**values, updated_at=clock.now())
                await refresh_derived(variant.product_id)
            await audit.record(actor, action="variant.update", target=f"ProductVariant:{variant_id}", old=old, new=new)
    except IntegrityError as exc:
        raise Duplicate("A variant with this SKU exists.", field="sku") from exc
    return await Variant.get(id=variant_id)


async def stock_adjust(actor: Actor, *, variant_id: int, delta: int, reason: str) -> Variant:
    """Add ``delta`` (may be negative) to stock on hand, never below what is reserved."""
    actor.require(Permission.MANAGE_PRODUCTS)
    clean_reason = validation.text(reason, field="reason", max_length=500, required=False)
    if abs(delta) > validation.MAX_STOCK:
        raise validation.fail("delta", f"Adjust by at most {validation.MAX_STOCK} at a time.")
    async with transaction():
        catalog_changed()
        await acting.require(actor, Permission.MANAGE_PRODUCTS)
        changed = await Variant.filter(
            id=variant_id, on_hand__gte=F("reserved") - delta, on_hand__lte=validation.MAX_STOCK - delta
        ).update(on_hand=F("on_hand") + delta, updated_at=clock.now())
        if not changed:
            current = await Variant.get_or_none(id=variant_id)
            if current is None:
                raise NotFound("No such variant.", field="variantId")
            if current.on_hand + delta > validation.MAX_STOCK:
                raise validation.fail("delta", f"On hand would be {current.on_hand + delta}, above {validation.MAX_STOCK}.")
            raise StockBelowReserved(
                f"On hand would be {current.on_hand + delta}, below the {current.reserved} reserved.", field="delta"
            )
        after = await Variant.get(id=variant_id)
        await audit.record(
            actor, action="stock.adjust", target=f"ProductVariant:{variant_id}",
            old={"onHand": after.on_hand - delta}, new={"onHand": after.on_hand, "delta": delta}, reason=clean_reason,
        )
    return after
