"""The category tree, read once and indexed: children and parents without rescanning.

Resolving ``children`` by filtering every category costs the whole list per
node: a tree of n categories walked to its leaves costs n² comparisons. One
read and two indexes make each step a dictionary lookup.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from mall.catalog.categories import path_ids
from mall.catalog.models import Category


@dataclass(frozen=True)
class CategoryTree:
    """Every category in display order, by id and by parent."""

    every: list[Category]
    _by_id: dict[int, Category] = field(default_factory=dict)
    _children: dict[int | None, list[Category]] = field(default_factory=dict)

    @classmethod
    def of(cls, categories: list[Category]) -> CategoryTree:
        """Index ``categories`` (already in display order; children keep that order)."""
        tree = cls(every=categories)
        for category in categories:
            tree._by_id[category.id] = category
            tree._children.setdefault(category.parent_id, []).append(category)
        return tree

    def get(self, category_id: int) -> Category | None:
        return self._by_id.get(category_id)

    def children(self, category_id: int | None) -> list[Category]:
        """The direct children of ``category_id`` (``None``: the top level), in display order."""
        return self._children.get(category_id, [])


async def category_tree() -> CategoryTree:
    """Every category, in one query."""
    return CategoryTree.of(await Category.all().order_by("position", "id"))


async def lineages(category_ids: Iterable[int | None]) -> dict[int, frozenset[int]]:
    """Each category with every category above it (from its materialised path), in one query."""
    ids = sorted({category_id for category_id in category_ids if category_id is not None})
    if not ids:
        return {}
    rows = await Category.filter(id__in=ids).values_list("id", "path")
    return {category_id: path_ids(path) for category_id, path in rows}
