"""The benchmarked GraphQL requests, as the JSON bodies wrk sends."""

from __future__ import annotations

import json
from typing import Any

from tests.operations import contract

# (a) the storefront contract's product list, with its fragments.
PRODUCTS = contract("Products")

# (b) the light, peer-shaped query (Saleor / Vendure benchmarks use this shape).
LIGHT_TEMPLATE = "{ products(first: %d) { edges { node { id title slug variants { id title sku price { amount } } } } } }"


def light(first: int = 20) -> str:
    return LIGHT_TEMPLATE % first


def body(query: str, variables: dict[str, Any] | None = None, operation_name: str | None = None) -> str:
    payload: dict[str, Any] = {"query": query}
    if operation_name:
        payload["operationName"] = operation_name
    if variables is not None:
        payload["variables"] = variables
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def products_body(first: int = 20, **filters: Any) -> str:
    variables: dict[str, Any] = {"first": first}
    if filters:
        variables["filter"] = filters
    return body(PRODUCTS, variables, "Products")


def light_body(first: int = 20) -> str:
    return body(light(first))


# What every benchmarked request sends besides the body.
HEADERS = {"Content-Type": "application/json", "Accept": "application/graphql-response+json"}

# Search terms for the 100k-product benchmark: two-character Chinese words,
# English prefixes, and a few mixed queries (both must match).
SEARCH_TERMS = [
    "手机", "茶叶", "耳机", "电脑", "衬衫", "零食", "面膜", "键盘", "鼠标", "台灯",
    "水杯", "背包", "手表", "相机", "音箱", "雨伞", "毛巾", "咖啡",
    "blu", "wirel", "cott", "leath", "camer", "speak", "ceram", "bamb", "organ", "portab",
    "手机 blue", "茶叶 org",
]
