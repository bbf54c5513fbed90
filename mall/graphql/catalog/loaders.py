"""Batch loads for the catalog: one query per kind of row, whatever the page size."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from aiodataloader import DataLoader

from mall.catalog.models import Category, Product, Variant


# What the Variant type shows; rows as dicts, because building a model
# instance per row costs more than the query on a listing's hot path.
VARIANT_COLUMNS = (
    "id", "product_id", "sku", "title", "options", "price_minor", "compare_at_minor", "cost_minor", "on_hand", "reserved",
)


class VariantsByProductIdLoader(DataLoader[int, list[dict[str, Any]]]):
    async def batch_load_fn(self, keys: Iterable[int]) -> list[list[dict[str, Any]]]:
        keys = list(keys)
        grouped: dict[int, list[dict[str, Any]]] = defaultdict(list)
        rows = Variant.filter(product_id__in=keys).order_by("position", "id").values(*VARIANT_COLUMNS)
        for row in await rows:
            grouped[row["product_id"]].append(row)
        return [grouped[key] for key in keys]


class CategoryByIdLoader(DataLoader[int, Category | None]):
    async def batch_load_fn(self, keys: Iterable[int]) -> list[Category | None]:
        keys = list(keys)
        found = {category.id: category for category in await Category.filter(id__in=keys)}
        return [found.get(key) for key in keys]


class ProductByIdLoader(DataLoader[int, Product | None]):
    async def batch_load_fn(self, keys: Iterable[int]) -> list[Product | None]:
        keys = list(keys)
        found = {product.id: product for product in await Product.filter(id__in=keys)}
        return [found.get(key) for key in keys]


class AllCategoriesLoader(DataLoader[str, list[Category]]):
    """Every category, once per request (the tree is small)."""

    async def batch_load_fn(self, keys: Iterable[str]) -> list[list[Category]]:
        categories = await Category.all().order_by("position", "id")
        return [categories for _ in keys]
