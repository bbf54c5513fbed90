"""Baseline 1: the same Strawberry schema, resolving the same rows from memory.

``install()`` reads every product, variant and category ONCE, then replaces
the catalog's data access so that no SQL runs per request:

* ``mall.catalog.listing.product_listing`` returns a page source over a
  Python list, in the ordering the real listing would use (same sort rules),
  which the real resolver pages (same cursors, same Connection);
* the catalog DataLoaders' ``batch_load_fn`` return the in-memory rows.

Everything else (Strawberry, the extensions, the view, the middleware, the
per-request DataLoaders, ``ProductType.from_model``) is the real app's.
"""

from __future__ import annotations

import contextlib
from collections import defaultdict
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field
from typing import Any

from mall.catalog import listing, reads
from mall.catalog.models import Category, Product, ProductStatus, Variant
from mall.catalog.tree import CategoryTree
from mall.core.paging import Ordering, PageRequest
from mall.graphql.catalog import loaders


@dataclass
class Store:
    products: list[Product]
    variants: dict[int, list[Variant]]
    categories: dict[int, Category]
    categories_ordered: list[Category]
    products_by_id: dict[int, Product] = field(init=False)
    _sorted: dict[tuple[Any, ...], list[Any]] = field(default_factory=dict)
    _variant_rows: dict[int, list[dict[str, Any]]] | None = None

    def __post_init__(self) -> None:
        self.products_by_id = {p.id: p for p in self.products}

    def ordered(self, statuses: frozenset[str], ordering: Ordering, columns: tuple[str, ...]) -> list[dict[str, Any]]:
        """The rows of these statuses in this ordering (what an index would give; computed once):
        dicts of ``columns`` and the sort keys, as the real listing gives."""
        key = (ordering, statuses, columns)
        rows = self._sorted.get(key)
        if rows is None:
            products = [p for p in self.products if p.status.value in statuses]
            for sort_key in reversed(ordering.keys):
                products.sort(key=lambda p, n=sort_key.name: getattr(p, n), reverse=sort_key.descending)
            names = tuple(dict.fromkeys((*columns, *ordering.names)))
            rows = [{name: getattr(p, name) for name in names} for p in products]
            self._sorted[key] = rows
        return rows

    def variant_rows(self, product_id: int) -> list[Any]:
        """What VariantsByProductIdLoader gives: dicts of ``catalog.reads.VARIANT_COLUMNS``."""
        columns = reads.VARIANT_COLUMNS
        if self._variant_rows is None:
            self._variant_rows = {
                pid: [{name: getattr(v, name) for name in columns} for v in rows] for pid, rows in self.variants.items()
            }
        return self._variant_rows.get(product_id, [])


async def load() -> Store:
    """Every catalog row, read once."""
    products = await Product.all().order_by("id")
    grouped: dict[int, list[Variant]] = defaultdict(list)
    for variant in await Variant.all().order_by("position", "id"):
        grouped[variant.product_id].append(variant)
    categories = await Category.all().order_by("position", "id")
    return Store(products=list(products), variants=dict(grouped),
                 categories={c.id: c for c in categories}, categories_ordered=list(categories))


def _unsupported(filters: listing.ProductFilter) -> bool:
    return bool(filters.search) or filters.category_id is not None or filters.price_min is not None \
        or filters.price_max is not None or filters.in_stock is not None


def _strictly_after(row: dict[str, Any], ordering: Ordering, values: tuple[Any, ...]) -> bool:
    for key, value in zip(ordering.keys, values, strict=True):
        if row[key.name] != value:
            return row[key.name] < value if key.descending else row[key.name] > value
    return False


@dataclass(frozen=True)
class MemoryListing:
    """Stands for the listing (catalog.listing.ProductListing): a page source over the store."""

    store: Store
    statuses: frozenset[str]
    ordering: Ordering
    columns: tuple[str, ...]

    async def fetch(self, request: PageRequest) -> list[dict[str, Any]]:
        rows: Iterable[dict[str, Any]] = self.store.ordered(self.statuses, self.ordering, self.columns)
        if request.after is not None:
            rows = [r for r in rows if _strictly_after(r, self.ordering, request.after)]
        if request.before is not None:
            rows = [r for r in rows if _strictly_after(r, self.ordering.reversed(), request.before)]
        rows = list(rows)
        if request.backwards:
            rows.reverse()
        return rows[: request.limit]

    async def count(self) -> int:
        return len(self.store.ordered(self.statuses, self.ordering, self.columns))


def make_product_listing(store: Store) -> Any:
    async def memory_product_listing(
        filters: listing.ProductFilter, *, sort: listing.SortField | None, descending: bool | None,
        columns: tuple[str, ...],
    ) -> MemoryListing:
        """The real listing's ordering rules, without building a query."""
        # Any other keyword makes this fail loudly (TypeError): the check before
        # the benchmark then reports the baseline as out of date with the app.
        if _unsupported(filters):
            raise NotImplementedError("the in-memory baseline lists without search or filters only")
        chosen = sort or listing.SortField.NEWEST
        if chosen is listing.SortField.RELEVANCE:
            chosen = listing.SortField.NEWEST  # no search terms
        ordering = listing._ORDERINGS[chosen]
        if descending is not None and descending != ordering.keys[0].descending:
            ordering = ordering.reversed()
        statuses = frozenset(ProductStatus(s).value for s in filters.statuses)
        return MemoryListing(store, statuses, ordering, tuple(columns))

    return memory_product_listing


def patch(store: Store) -> None:
    """Route the catalog's data access to ``store`` (process-wide)."""
    listing.product_listing = make_product_listing(store)

    async def variants(self: Any, keys: Iterable[int]) -> list[list[Any]]:
        return [store.variant_rows(key) for key in keys]

    async def categories(self: Any, keys: Iterable[int]) -> list[Category | None]:
        return [store.categories.get(key) for key in keys]

    async def products(self: Any, keys: Iterable[int]) -> list[Product | None]:
        return [store.products_by_id.get(key) for key in keys]

    tree = CategoryTree.of(store.categories_ordered)

    async def category_tree(self: Any, keys: Iterable[str]) -> list[CategoryTree]:
        return [tree for _ in keys]

    loaders.VariantsByProductIdLoader.batch_load_fn = variants  # type: ignore[method-assign]
    loaders.CategoryByIdLoader.batch_load_fn = categories  # type: ignore[method-assign]
    loaders.ProductByIdLoader.batch_load_fn = products  # type: ignore[method-assign]
    loaders.CategoryTreeLoader.batch_load_fn = category_tree  # type: ignore[method-assign]


async def install() -> Store:
    store = await load()
    patch(store)
    return store


def build_app() -> Any:
    """The real app, whose lifespan loads the rows and patches the data access before serving."""
    from mall.app import create_app
    from mall.infra import db
    from mall.settings import get_settings

    settings = get_settings()
    app = create_app(settings, manage_database=False)
    inner_lifespan = app.router.lifespan_context

    @contextlib.asynccontextmanager
    async def lifespan(application: Any) -> AsyncIterator[None]:
        # The connection stays open only for what the real app reads outside
        # the catalog (the sandbox clock, at most once a second).
        await db.connect(settings)
        try:
            await install()
            async with inner_lifespan(application):
                yield
        finally:
            await db.disconnect()

    app.router.lifespan_context = lifespan
    return app


def __getattr__(name: str) -> Any:
    # ``bench_lib.memory:app`` for uvicorn, built on first access like mall.app:app.
    if name == "app":
        application = build_app()
        globals()["app"] = application
        return application
    raise AttributeError(name)
