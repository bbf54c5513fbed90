"""Reads other packages make of variants: a page's variants, a cart's variants.

The storefront's hottest read is in plain SQL: a page's variants.

Every product list asks for its products' variants; through the ORM,
building the query and its rows costs more than running it. One fixed
statement per dialect, the ids bound as a single parameter (an array on
PostgreSQL, a JSON list on SQLite), returns plain dicts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

import orjson

from mall.catalog import sql
from mall.catalog.models import ProductStatus, Variant, available
from mall.catalog.sql import Statement

VARIANT_COLUMNS = (
    "id", "product_id", "sku", "title", "options", "price_minor", "compare_at_minor", "cost_minor", "on_hand", "reserved",
)
_SELECT = "SELECT " + ", ".join(f'"{c}"' for c in VARIANT_COLUMNS) + ' FROM "variants" WHERE "product_id" '
_ORDER = ' ORDER BY "product_id", "position", "id"'
_BY_PRODUCTS = {
    "postgres": _SELECT + "= ANY(%s::bigint[])" + _ORDER,
    "sqlite": _SELECT + "IN (SELECT value FROM json_each(%s))" + _ORDER,
}


def _ids(ids: Collection[int], dialect: str) -> Any:
    """A list of ids bound as one parameter: an array on PostgreSQL, a JSON list on SQLite."""
    return list(ids) if dialect == "postgres" else orjson.dumps(list(ids)).decode()


def variants_statement(product_ids: list[int], dialect: str) -> Statement:
    return Statement().add(_BY_PRODUCTS[dialect], _ids(product_ids, dialect))


async def variants_by_product(product_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """Each product's variants in display order (products without any are absent)."""
    grouped: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if not product_ids:
        return grouped
    for row in await sql.fetch(variants_statement(product_ids, sql.dialect())):
        row["options"] = sql.json_value(row["options"])
        grouped[row["product_id"]].append(row)
    return grouped


@dataclass(frozen=True, slots=True)
class CartVariant:
    """What a cart needs to know about a variant: its price now, what can be bought, and whether it is for sale.

    ``hidden``: its product is a draft, never shown to customers (as if it did not exist).
    """

    id: int
    price_minor: int
    available: int
    for_sale: bool
    hidden: bool


async def variants_for_cart(variant_ids: Collection[int]) -> dict[int, CartVariant]:
    """The variants of ``variant_ids`` that exist, by id (one query, joined to their products)."""
    if not variant_ids:
        return {}
    rows = await Variant.filter(id__in=list(variant_ids)).values(
        "id", "price_minor", "on_hand", "reserved", "product__status"
    )
    return {
        row["id"]: CartVariant(
            id=row["id"], price_minor=row["price_minor"], available=available(row["on_hand"], row["reserved"]),
            for_sale=row["product__status"] == ProductStatus.ACTIVE,
            hidden=row["product__status"] == ProductStatus.DRAFT,
        )
        for row in rows
    }


async def variants_by_id(variant_ids: Collection[int]) -> dict[int, dict[str, Any]]:
    """Rows of ``VARIANT_COLUMNS`` by variant id (one query), whatever their product's status."""
    if not variant_ids:
        return {}
    rows = await Variant.filter(id__in=list(variant_ids)).values(*VARIANT_COLUMNS)
    for row in rows:
        row["options"] = sql.json_value(row["options"])
    return {row["id"]: row for row in rows}


_STOCK_BY_ID = {
    "postgres": 'SELECT "id", "on_hand", "reserved" FROM "variants" WHERE "id" = ANY(%s::bigint[])',
    "sqlite": 'SELECT "id", "on_hand", "reserved" FROM "variants" WHERE "id" IN (SELECT value FROM json_each(%s))',
}


async def available_by_id(variant_ids: Collection[int]) -> dict[int, int]:
    """What can be bought now of each variant that still exists among ``variant_ids``
    (one statement: every cached catalog hit showing stock runs it)."""
    if not variant_ids:
        return {}
    dialect = sql.dialect()
    rows = await sql.fetch(Statement().add(_STOCK_BY_ID[dialect], _ids(variant_ids, dialect)))
    return {row["id"]: available(row["on_hand"], row["reserved"]) for row in rows}
