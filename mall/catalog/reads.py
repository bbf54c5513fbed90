"""The storefront's hottest read in plain SQL: a page's variants.

Every product list asks for its products' variants; through the ORM,
building the query and its rows costs more than running it. One fixed
statement per dialect, the ids bound as a single parameter (an array on
PostgreSQL, a JSON list on SQLite), returns plain dicts.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import orjson

from mall.catalog import sql
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


def variants_statement(product_ids: list[int], dialect: str) -> Statement:
    ids: Any = list(product_ids) if dialect == "postgres" else orjson.dumps(list(product_ids)).decode()
    return Statement().add(_BY_PRODUCTS[dialect], ids)


async def variants_by_product(product_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """Each product's variants in display order (products without any are absent)."""
    grouped: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if not product_ids:
        return grouped
    for row in await sql.fetch(variants_statement(product_ids, sql.dialect())):
        row["options"] = sql.json_value(row["options"])
        grouped[row["product_id"]].append(row)
    return grouped
