"""The storefront's product list: filters, sorting and search (DESIGN §3.2).

The hottest read of the mall, so it is plain parameterised SQL (catalog/sql.py)
rather than the ORM, whose query building and row conversion cost more than
the query itself. ``ProductListing`` pages by its sort keys (keyset, never
OFFSET) for the transport's ``paginate``.
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

MAX_SEARCH_LENGTH = 200


class SortField(enum.Enum):
    PRICE = "PRICE"
    SALES = "SALES"
    NEWEST = "NEWEST"
    RELEVANCE = "RELEVANCE"


# Sort keys by name, with their natural direction; the id makes each order total.
_KEYS = {
    SortField.PRICE: ("min_price_minor", "id"),
    SortField.SALES: ("-sales_count", "-id"),
    SortField.NEWEST: ("-created_at", "-id"),
    SortField.RELEVANCE: ("-rank", "-id"),
}
_KEY_TYPES: dict[str, type] = {
    "min_price_minor": int, "sales_count": int, "created_at": dt.datetime, "rank": int, "id": int,
}


@dataclass(frozen=True)
class ProductFilter:
    search: str | None = None
    category_id: int | None = None
    price_min: int | None = None
    price_max: int | None = None
    in_stock: bool | None = None
    statuses: Collection[ProductStatus] = (ProductStatus.ACTIVE,)


def _reverse(keys: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(k[1:] if k.startswith("-") else "-" + k for k in keys)


@dataclass(frozen=True)
class ProductListing:
    """The products matching a filter, ordered by ``order`` (names; "-" descending)."""

    dialect: str
    conditions: tuple[Fragment, ...]
    order: tuple[str, ...]
    rank: Fragment | None = None

    @property
    def key_types(self) -> dict[str, type]:
        return {key.lstrip("-"): _KEY_TYPES[key.lstrip("-")] for key in self.order}

    def _key_sql(self, name: str) -> Fragment:
        if name == "rank":
            assert self.rank is not None
            return self.rank
        return Fragment(f'"{name}"')

    def _where(self, statement: Statement) -> None:
        statement.add(" WHERE ")
        for index, condition in enumerate(self.conditions):
            statement.add(" AND " if index else "").extend(condition)

    def _after(self, statement: Statement, values: Sequence[Any], *, reverse: bool) -> None:
        """Rows strictly after ``values`` in this order (before them, if ``reverse``)."""
        statement.add(" AND (")
        for index, key in enumerate(self.order):
            statement.add(" OR (" if index else "(")
            for earlier, value in zip(self.order[:index], values, strict=False):
                statement.extend(self._key_sql(earlier.lstrip("-"))).add(" = %s AND ", self._bind(earlier, value))
            descending = key.startswith("-") != reverse
            statement.extend(self._key_sql(key.lstrip("-"))).add(f" {'<' if descending else '>'} %s)", self._bind(key, values[index]))
        statement.add(")")

    def _bind(self, key: str, value: Any) -> Any:
        # SQLite holds timestamps as the text Tortoise writes: compare text with text.
        if isinstance(value, dt.datetime) and self.dialect == "sqlite":
            return value.astimezone(dt.UTC).isoformat(" ")
        return value

    def page_statement(
        self, columns: Sequence[str], *, after: Sequence[Any] | None = None, before: Sequence[Any] | None = None,
        limit: int, backwards: bool = False,
    ) -> Statement:
        keys = [k.lstrip("-") for k in self.order if k.lstrip("-") != "rank"]
        selected = dict.fromkeys((*columns, *keys))  # the sort keys go into cursors
        statement = Statement().add("SELECT " + ", ".join(f'"{c}"' for c in selected))
        if self.rank is not None:
            statement.add(", ").extend(self.rank).add(' AS "rank"')
        statement.add(' FROM "products"')
        self._where(statement)
        if after is not None:
            self._after(statement, after, reverse=False)
        if before is not None:
            self._after(statement, before, reverse=True)
        order = _reverse(self.order) if backwards else self.order
        statement.add(" ORDER BY " + ", ".join(f'"{k.lstrip("-")}" {"DESC" if k.startswith("-") else "ASC"}' for k in order))
        return statement.add(" LIMIT %s", limit)

    def count_statement(self) -> Statement:
        statement = Statement().add('SELECT COUNT(*) AS "n" FROM "products"')
        self._where(statement)
        return statement

    async def fetch(
        self, columns: Sequence[str], *, after: Sequence[Any] | None, before: Sequence[Any] | None,
        limit: int, backwards: bool,
    ) -> list[dict[str, Any]]:
        """Up to ``limit`` rows (dicts of ``columns`` and the sort keys), in order or, if
        ``backwards``, in reverse order."""
        statement = self.page_statement(columns, after=after, before=before, limit=limit, backwards=backwards)
        rows = await sql.fetch(statement)
        for row in rows:
            for name in ("images", "attributes"):
                if name in row:
                    row[name] = sql.json_value(row[name])
            if "created_at" in row:
                row["created_at"] = sql.datetime_value(row["created_at"])
        return rows

    async def count(self) -> int:
        return int((await sql.fetch(self.count_statement()))[0]["n"])


async def product_listing(filters: ProductFilter, *, sort: SortField | None, descending: bool | None) -> ProductListing:
    """Products matching ``filters`` in the asked order.

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
    keys = _KEYS[chosen]
    if descending is not None and descending != keys[0].startswith("-"):
        keys = _reverse(keys)
    rank = search_sql.title_rank(terms, dialect) if chosen is SortField.RELEVANCE else None
    return ProductListing(dialect=dialect, conditions=tuple(conditions), order=keys, rank=rank)
