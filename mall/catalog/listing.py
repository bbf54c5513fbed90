"""The storefront's product list: filters, sorting and search (DESIGN §3.2).

The hottest read of the mall, so it is plain parameterised SQL (catalog/sql.py)
rather than the ORM, whose query building and row conversion cost more than
the query itself. ``ProductListing`` is a keyset ``PageSource``
(``mall.core.paging``): it pages by its sort keys, never by OFFSET.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from mall.catalog import search_sql, sql
from mall.catalog.models import Category, ProductStatus
from mall.catalog.search import query_terms
from mall.catalog.sql import Fragment, Statement
from mall.core.paging import Ordering, PageRequest

MAX_SEARCH_LENGTH = 200


class SortField(enum.Enum):
    PRICE = "PRICE"
    SALES = "SALES"
    NEWEST = "NEWEST"
    RELEVANCE = "RELEVANCE"


# Each sort in its natural direction; the id makes each order total.
_ORDERINGS = {
    SortField.PRICE: Ordering.of(("min_price_minor", int), ("id", int)),
    SortField.SALES: Ordering.of(("-sales_count", int), ("-id", int)),
    SortField.NEWEST: Ordering.of(("-created_at", dt.datetime), ("-id", int)),
    SortField.RELEVANCE: Ordering.of(("-rank", int), ("-id", int)),
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
    """The products matching a filter, as a ``PageSource`` of dicts of ``columns`` and the sort keys."""

    dialect: str
    conditions: tuple[Fragment, ...]
    ordering: Ordering
    columns: tuple[str, ...]
    rank: Fragment | None = None

    def _key_sql(self, name: str) -> Fragment:
        if name == "rank":
            assert self.rank is not None
            return self.rank
        return Fragment(f'"{name}"')

    def _where(self, statement: Statement) -> None:
        statement.add(" WHERE ")
        for index, condition in enumerate(self.conditions):
            statement.add(" AND " if index else "").extend(condition)

    def _beyond(self, statement: Statement, ordering: Ordering, values: Sequence[Any]) -> None:
        """Rows strictly after ``values`` in ``ordering``."""
        statement.add(" AND (")
        for index, condition in enumerate(ordering.after(values)):
            statement.add(" OR (" if index else "(")
            for position, comparison in enumerate(condition):
                statement.add(" AND " if position else "").extend(self._key_sql(comparison.key))
                statement.add(f" {comparison.operator} %s", self._bind(comparison.value))
            statement.add(")")
        statement.add(")")

    def _bind(self, value: Any) -> Any:
        # SQLite holds timestamps as the text Tortoise writes: compare text with text.
        if isinstance(value, dt.datetime) and self.dialect == "sqlite":
            return value.astimezone(dt.UTC).isoformat(" ")
        return value

    def page_statement(self, request: PageRequest) -> Statement:
        keys = [name for name in self.ordering.names if name != "rank"]
        selected = dict.fromkeys((*self.columns, *keys))  # the sort keys go into cursors
        statement = Statement().add("SELECT " + ", ".join(f'"{c}"' for c in selected))
        if self.rank is not None:
            statement.add(", ").extend(self.rank).add(' AS "rank"')
        statement.add(' FROM "products"')
        self._where(statement)
        if request.after is not None:
            self._beyond(statement, self.ordering, request.after)
        if request.before is not None:
            self._beyond(statement, self.ordering.reversed(), request.before)
        order = self.ordering.reversed() if request.backwards else self.ordering
        statement.add(" ORDER BY " + ", ".join(f'"{k.name}" {"DESC" if k.descending else "ASC"}' for k in order.keys))
        return statement.add(" LIMIT %s", request.limit)

    def count_statement(self) -> Statement:
        statement = Statement().add('SELECT COUNT(*) AS "n" FROM "products"')
        self._where(statement)
        return statement

    async def fetch(self, request: PageRequest) -> list[dict[str, Any]]:
        rows = await sql.fetch(self.page_statement(request))
        for row in rows:
            for name in ("images", "attributes"):
                if name in row:
                    row[name] = sql.json_value(row[name])
            if "created_at" in row:
                row["created_at"] = sql.datetime_value(row["created_at"])
        return rows

    async def count(self) -> int:
        return int((await sql.fetch(self.count_statement()))[0]["n"])


async def product_listing(
    filters: ProductFilter, *, sort: SortField | None, descending: bool | None, columns: Sequence[str]
) -> ProductListing:
    """Products matching ``filters`` in the asked order, as rows of ``columns``.

    Without a search, RELEVANCE means NEWEST. Each sort has a natural
    direction (cheapest, best-selling, newest, most relevant first);
    ``descending`` overrides it.
    """
    dialect = sql.dialect()
    statuses = sql.in_list([status.value for status in filters.statuses])
    conditions = [Fragment('"status" ' + statuses.text, statuses.values)]
    terms = query_terms(filters.search[:MAX_SEARCH_LENGTH]) if filters.search else []
    if filters.search and not terms:
        conditions.append(Fragment("1 = 0"))  # only punctuation: nothing can match
    if terms:
        conditions.append(search_sql.match(terms, dialect))
    if filters.category_id is not None:
        category = await Category.get_or_none(id=filters.category_id).only("path")
        if category is None:
            conditions.append(Fragment("1 = 0"))
        else:
            conditions.append(Fragment(
                '"category_id" IN (SELECT "id" FROM "categories" WHERE "path" LIKE %s)', (category.path + "%",)
            ))
    if filters.price_min is not None or filters.price_max is not None:
        low = -1 if filters.price_min is None else filters.price_min
        high = 2**62 if filters.price_max is None else filters.price_max
        conditions.append(Fragment(
            '"id" IN (SELECT "product_id" FROM "variants" WHERE "price_minor" >= %s AND "price_minor" <= %s)',
            (low, high),
        ))
    if filters.in_stock is not None:
        conditions.append(Fragment(
            ('"id" IN' if filters.in_stock else '"id" NOT IN')
            + ' (SELECT "product_id" FROM "variants" WHERE "on_hand" > "reserved")'
        ))

    chosen = sort or (SortField.RELEVANCE if terms else SortField.NEWEST)
    if chosen is SortField.RELEVANCE and not terms:
        chosen = SortField.NEWEST
    ordering = _ORDERINGS[chosen]
    if descending is not None and descending != ordering.keys[0].descending:
        ordering = ordering.reversed()
    rank = search_sql.title_rank(terms, dialect) if chosen is SortField.RELEVANCE else None
    return ProductListing(dialect=dialect, conditions=tuple(conditions), ordering=ordering, columns=tuple(columns), rank=rank)
