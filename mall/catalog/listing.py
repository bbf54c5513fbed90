"""The storefront's product list: filters, sorting and search (DESIGN §3.2).

Builds the query; the transport pages through it by its sort keys.
"""

from __future__ import annotations

import enum
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from tortoise.expressions import F, Q, Subquery
from tortoise.queryset import QuerySet

from mall.catalog import search_sql
from mall.catalog.models import Category, Product, ProductStatus, Variant
from mall.catalog.search import query_terms

MAX_SEARCH_LENGTH = 200


class SortField(enum.Enum):
    PRICE = "PRICE"
    SALES = "SALES"
    NEWEST = "NEWEST"
    RELEVANCE = "RELEVANCE"


_KEYS = {
    SortField.PRICE: ("min_price_minor", "id"),
    SortField.SALES: ("-sales_count", "-id"),
    SortField.NEWEST: ("-created_at", "-id"),
    SortField.RELEVANCE: ("-rank", "-id"),
}


@dataclass(frozen=True)
class ProductFilter:
    search: str | None = None
    category_id: int | None = None
    price_min: int | None = None
    price_max: int | None = None
    in_stock: bool | None = None
    statuses: Collection[ProductStatus] = (ProductStatus.ACTIVE,)


@dataclass(frozen=True)
class ProductListing:
    """A query and the keys it is ordered by (unique: the last is the id)."""

    query: QuerySet[Product]
    order: tuple[str, ...]
    annotation_types: dict[str, type] = field(default_factory=dict)


def _reverse(keys: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(k[1:] if k.startswith("-") else "-" + k for k in keys)


async def product_listing(
    filters: ProductFilter, *, sort: SortField | None, descending: bool | None, dialect: str
) -> ProductListing:
    """Products matching ``filters`` in the asked order.

    Without a search, RELEVANCE means NEWEST. Each sort has a natural
    direction (cheapest, best-selling, newest, most relevant first);
    ``descending`` overrides it.
    """
    query = Product.filter(status__in=[s.value for s in filters.statuses])
    annotations: dict[str, Any] = {}
    terms = query_terms(filters.search[:MAX_SEARCH_LENGTH]) if filters.search else []
    if filters.search and not terms:
        query = query.filter(id__lt=0)  # only punctuation: nothing can match
    if terms:
        if dialect == "postgres":
            annotations = {"matched": search_sql.postgres_match(terms), "rank": search_sql.postgres_rank(terms)}
            query = query.annotate(**annotations).filter(matched=True)
        else:
            annotations = {"rank": search_sql.sqlite_rank(terms)}
            query = query.filter(search_sql.sqlite_match(terms)).annotate(**annotations)
    if filters.category_id is not None:
        category = await Category.get_or_none(id=filters.category_id).only("path")
        query = query.filter(category__path__startswith=category.path) if category else query.filter(id__lt=0)
    if filters.price_min is not None or filters.price_max is not None:
        priced = Variant.all()
        if filters.price_min is not None:
            priced = priced.filter(price_minor__gte=filters.price_min)
        if filters.price_max is not None:
            priced = priced.filter(price_minor__lte=filters.price_max)
        query = query.filter(id__in=Subquery(priced.values("product_id")))
    if filters.in_stock is not None:
        available = Subquery(Variant.filter(on_hand__gt=F("reserved")).values("product_id"))
        query = query.filter(Q(id__in=available) if filters.in_stock else ~Q(id__in=available))

    chosen = sort or (SortField.RELEVANCE if terms else SortField.NEWEST)
    if chosen is SortField.RELEVANCE and not terms:
        chosen = SortField.NEWEST
    keys = _KEYS[chosen]
    natural_descending = keys[0].startswith("-")
    if descending is not None and descending != natural_descending:
        keys = _reverse(keys)
    types = {"rank": int} if chosen is SortField.RELEVANCE else {}
    return ProductListing(query=query, order=keys, annotation_types=types)
