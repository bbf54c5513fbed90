"""Batch loads for the catalog: one query per kind of row, whatever the page size."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from aiodataloader import DataLoader

from mall.catalog import reads
from mall.catalog.models import Category, Product
from mall.catalog.tree import CategoryTree, category_tree


class VariantsByProductIdLoader(DataLoader[int, list[dict[str, Any]]]):
    """Rows as dicts of ``catalog.reads.VARIANT_COLUMNS`` (the hot path skips the ORM)."""

    async def batch_load_fn(self, keys: Iterable[int]) -> list[list[dict[str, Any]]]:
        keys = list(keys)
        grouped = await reads.variants_by_product(keys)
        return [grouped.get(key, []) for key in keys]


class VariantByIdLoader(DataLoader[int, dict[str, Any] | None]):
    """Rows as dicts of ``catalog.reads.VARIANT_COLUMNS``, whatever the product's status (a cart shows
    what it holds even after the product is withdrawn)."""

    async def batch_load_fn(self, keys: Iterable[int]) -> list[dict[str, Any] | None]:
        keys = list(keys)
        found = await reads.variants_by_id(keys)
        return [found.get(key) for key in keys]


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


class CategoryTreeLoader(DataLoader[str, CategoryTree]):
    """The whole category tree, read and indexed once per request (the tree is small)."""

    async def batch_load_fn(self, keys: Iterable[str]) -> list[CategoryTree]:
        tree = await category_tree()
        return [tree for _ in keys]


