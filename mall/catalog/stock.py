"""Stock held and spent by orders: reserve, release, ship (DESIGN §3.4).

Each move is a conditional UPDATE, never read-then-write, so no
concurrency can oversell: ``reserved += n WHERE on_hand - reserved >= n``.
Call these inside the caller's ``transaction()``. Callers touching several
variants go in ascending variant id, so two transactions never wait on
each other's rows in opposite orders.

The cached catalog reads serve ``stock`` numbers fresh on every hit
(``mall.graphql.response_cache``), so an order's stock move invalidates
them only when a variant's availability crosses zero: that changes which
products an ``inStock`` filter lists. Each move first tries the update that
cannot cross (one statement, the common case); only when it matches no row
does the crossing one run, and registers the invalidation for after the
commit. A spurious invalidation costs a miss; a missed one is impossible.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tortoise.expressions import F

from mall.catalog.invalidation import catalog_changed
from mall.catalog.models import Product, ProductStatus, Variant
from mall.core.clock import clock


@dataclass(frozen=True, slots=True)
class SellableVariant:
    """What an order snapshots of a variant, and whether it can be bought now."""

    id: int
    product_id: int
    category_id: int | None
    product_title: str
    title: str
    sku: str
    options: list[dict[str, str]]
    price_minor: int
    cost_minor: int | None
    on_sale: bool
    available: int


async def sellable(variant_ids: Iterable[int]) -> dict[int, SellableVariant]:
    """The variants that exist among ``variant_ids``, with their product's title and status (one query)."""
    ids = sorted(set(variant_ids))
    if not ids:
        return {}
    rows = await Variant.filter(id__in=ids).select_related("product")
    return {
        row.id: SellableVariant(
            id=row.id, product_id=row.product_id, category_id=row.product.category_id, product_title=row.product.title, title=row.title, sku=row.sku,
            options=list(row.options), price_minor=row.price_minor, cost_minor=row.cost_minor,
            on_sale=row.product.status is ProductStatus.ACTIVE, available=row.available,
        )
        for row in rows
    }


async def reserve(variant_id: int, quantity: int) -> bool:
    """Hold ``quantity`` for an order; False (nothing changed) if fewer are available."""
    held = {"reserved": F("reserved") + quantity, "updated_at": clock.now()}
    if await Variant.filter(id=variant_id, on_hand__gt=F("reserved") + quantity).update(**held):
        return True  # some remain available
    if await Variant.filter(id=variant_id, on_hand__gte=F("reserved") + quantity).update(**held):
        catalog_changed()  # the last ones: sold out now
        return True
    return False


async def release(variant_id: int, quantity: int) -> None:
    """Give back what an order held (cancelled or expired)."""
    given_back = {"reserved": F("reserved") - quantity, "updated_at": clock.now()}
    if await Variant.filter(id=variant_id, reserved__gte=quantity, on_hand__gt=F("reserved")).update(**given_back):
        return  # it was available already
    if await Variant.filter(id=variant_id, reserved__gte=quantity).update(**given_back):
        catalog_changed()  # back in stock
        return
    if await Variant.exists(id=variant_id):  # a variant deleted since holds nothing
        raise RuntimeError(f"variant {variant_id} holds fewer than {quantity} reserved to release")


async def lock(variant_ids: Iterable[int]) -> None:
    """Take the variants' rows now, in id order, for a transaction that moves both stock and ledger value.

    Every path that does both takes stock first, ledger accounts after
    (orderCreate reserves, then holds; cancel and expiry release, then give
    funds back). A path that would meet stock only after posting takes it
    here first, so two such transactions never wait on each other in turn.
    """
    ids = sorted(set(variant_ids))
    if ids:
        await Variant.filter(id__in=ids).order_by("id").select_for_update().only("id")


async def ship(variant_id: int, quantity: int) -> None:
    """Turn what an order held into goods gone: on hand and reserved both go down
    (what is available does not change, so no cached read does)."""
    changed = await Variant.filter(id=variant_id, reserved__gte=quantity).update(
        reserved=F("reserved") - quantity, on_hand=F("on_hand") - quantity, updated_at=clock.now()
    )
    if changed != 1 and await Variant.exists(id=variant_id):
        raise RuntimeError(f"variant {variant_id} holds fewer than {quantity} reserved to ship")


async def count_sales(product_id: int, quantity: int) -> None:
    """``quantity`` more units of the product paid for. Not an invalidation: a cached
    listing sorted by sales may lag by the cache's TTL, never about what can be bought."""
    await Product.filter(id=product_id).update(sales_count=F("sales_count") + quantity)
