"""What a product keeps for listing, recomputed whenever it or its variants change."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mall.catalog.models import Product, Variant
from mall.catalog.search import document_tokens


def derived_values(product: Product, category_name: str, variants: Sequence[Variant]) -> dict[str, Any]:
    """Price range and search tokens of a product (pure: the demo seeder uses it too)."""
    prices = [v.price_minor for v in variants]
    body = [
        product.description,
        category_name,
        *(pair["value"] for pair in product.attributes),
        *(v.title for v in variants),
        *(v.sku for v in variants),
        *(pair["value"] for v in variants for pair in v.options),
    ]
    return {
        "min_price_minor": min(prices, default=0),
        "max_price_minor": max(prices, default=0),
        # A space at each end lets a LIKE match whole tokens (SQLite search).
        "search_title": f" {document_tokens(product.title)} ",
        "search_body": f" {document_tokens(*body)} ",
    }


async def refresh_derived(product_id: int) -> None:
    """Recompute and store a product's price range and search tokens."""
    product = await Product.get(id=product_id).prefetch_related("category")
    variants = await Variant.filter(product_id=product_id).order_by("position", "id")
    category_name = product.category.name if product.category else ""
    await Product.filter(id=product_id).update(**derived_values(product, category_name, variants))
