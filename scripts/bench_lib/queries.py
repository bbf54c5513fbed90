"""The benchmarked GraphQL requests, as the JSON bodies wrk sends."""

from __future__ import annotations

import json
from typing import Any

from tests.operations import contract

# (a) the storefront contract's product list, with its fragments.
PRODUCTS = contract("Products")

# The checkout scenario's four steps of one order, as the storefront sends them.
CART_LINES_ADD = contract("CartLinesAdd")
ORDER_CREATE = contract("OrderCreate")
ORDER_PAY = contract("OrderPay")
SANDBOX_PAYMENT_SIMULATE = contract("SandboxPaymentSimulate")

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

# Search terms for the 100k-product benchmark (bench_lib/search.py): two-character
# Chinese words and English prefixes from the titles' vocabularies, and two mixed
# queries (a title word and a variant colour; both must match).
SEARCH_TERMS = [
    "手机", "茶叶", "耳机", "电脑", "衬衫", "零食", "面膜", "键盘", "鼠标", "台灯",
    "水杯", "背包", "手表", "相机", "音箱", "雨伞", "毛巾", "咖啡",
    "bluet", "wirel", "cott", "leath", "camer", "speak", "ceram", "bamb", "organ", "portab",
    "手机 blue", "茶叶 red",
]
