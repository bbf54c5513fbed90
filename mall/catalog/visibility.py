"""Who sees which products: ACTIVE ones for everyone, the rest for catalog staff."""

from __future__ import annotations

from mall.catalog.models import Product, ProductStatus, Variant
from mall.core.actors import Actor, Permission


def sees_status(actor: Actor, status: ProductStatus) -> bool:
    return status is ProductStatus.ACTIVE or actor.has(Permission.MANAGE_PRODUCTS)


async def product(actor: Actor, *, product_id: int | None = None, slug: str | None = None) -> Product | None:
    """A product by id or slug, if ``actor`` may see it."""
    if product_id is not None:
        found = await Product.get_or_none(id=product_id)
    elif slug and len(slug) <= 160:
        found = await Product.get_or_none(slug=slug)
    else:
        return None
    return found if found is not None and sees_status(actor, found.status) else None


async def variant(actor: Actor, variant_id: int) -> Variant | None:
    """A variant, if ``actor`` may see its product."""
    found = await Variant.get_or_none(id=variant_id).select_related("product")
    return found if found is not None and sees_status(actor, found.product.status) else None
