"""In-process step (not under load): SQL statements per request, baseline checks.

Run as ``python -m bench_lib.inproc <result.json> <bare-data.json>`` with the
MALL_* environment of one database. Through the ASGI app with httpx and
``mall.sqlcount`` enabled it reads X-Mall-SQL-Statements for queries (a) and
(b) at first: 5 / 20 / 50 (response cache off), and for (a) served from the
response cache; builds the bare endpoint's dict from the rows and checks it
equals the real response; then installs the in-memory baseline in this
process and checks it answers byte-identical JSON with no SQL.
"""

from __future__ import annotations

import asyncio
import base64
import json
import sys
from pathlib import Path
from typing import Any

import httpx

from bench_lib import memory
from bench_lib.queries import HEADERS, light_body, products_body

FIRSTS = (5, 20, 50)


async def _post(client: httpx.AsyncClient, body: str) -> tuple[int, bytes, dict[str, str]]:
    response = await client.post("/graphql", content=body.encode(), headers=HEADERS)
    return response.status_code, response.content, dict(response.headers)


def _problem(status: int, content: bytes) -> str | None:
    if status != 200:
        return f"HTTP {status}: {content[:300]!r}"
    try:
        parsed = json.loads(content)
    except ValueError:
        return f"not JSON: {content[:300]!r}"
    if parsed.get("errors"):
        return f"errors: {json.dumps(parsed['errors'], ensure_ascii=False)[:300]}"
    if not parsed.get("data", {}).get("products", {}).get("edges"):
        return "no products in the response"
    return None


def _id(type_name: str, pk: int) -> str:
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


def _money(minor: int | None, currency: str) -> dict[str, str] | None:
    if minor is None:
        return None
    sign = "-" if minor < 0 else ""
    return {"amount": f"{sign}{abs(minor) // 100}.{abs(minor) % 100:02d}", "currency": currency}


def bare_page(store: memory.Store, currency: str, first: int = 20) -> dict[str, Any]:
    """Query (a)'s response, written out from the rows by hand (no GraphQL, no mall.graphql)."""
    active = [p for p in store.products if p.status.value == "ACTIVE"]
    active.sort(key=lambda p: (p.created_at, p.id), reverse=True)  # NEWEST: -created_at, -id
    page = active[:first]
    edges = []
    for product in page:
        cursor = base64.urlsafe_b64encode(
            json.dumps([{"t": product.created_at.isoformat()}, product.id], separators=(",", ":")).encode()
        ).decode()
        category = store.categories.get(product.category_id) if product.category_id else None
        edges.append({"cursor": cursor, "node": {
            "id": _id("Product", product.id),
            "slug": product.slug,
            "title": product.title,
            "category": {"id": _id("Category", category.id), "name": category.name} if category else None,
            "images": [{"url": i["url"], "alt": i.get("alt", "")} for i in product.images],
            "priceRange": {"min": _money(product.min_price_minor, currency), "max": _money(product.max_price_minor, currency)},
            "variants": [{
                "id": _id("ProductVariant", v.id),
                "sku": v.sku,
                "title": v.title,
                "options": [{"name": o["name"], "value": o["value"]} for o in v.options],
                "price": _money(v.price_minor, currency),
                "compareAtPrice": _money(v.compare_at_minor, currency),
                "stock": max(v.on_hand - v.reserved, 0),
            } for v in store.variants.get(product.id, [])],
        }})
    return {"data": {"products": {
        "totalCount": len(active),
        "pageInfo": {"hasNextPage": len(active) > first, "endCursor": edges[-1]["cursor"] if edges else None},
        "edges": edges,
    }}}


def _encode(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


async def main(result_path: Path, bare_path: Path) -> None:
    from mall import db, sqlcount
    from mall.app import create_app
    from mall.settings import get_settings, use_settings

    settings = get_settings()
    uncached = settings.model_copy(update={"response_cache": False})
    cached = settings.model_copy(update={"response_cache": True})
    use_settings(uncached)
    app_uncached = create_app(uncached, manage_database=False, configure_logging=False)
    app_cached = create_app(cached, manage_database=False, configure_logging=False)
    await db.connect(settings)
    sqlcount.enable()
    out: dict[str, Any] = {"counts": {}, "memory_counts": {}, "problems": [], "warnings": []}
    bodies = {("a", n): products_body(n) for n in FIRSTS} | {("b", n): light_body(n) for n in FIRSTS}
    real: dict[tuple[str, int], bytes] = {}
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app_uncached), base_url="http://mall.test") as client:
            for (name, first), body in bodies.items():
                status, content, headers = await _post(client, body)
                if (problem := _problem(status, content)) is not None:
                    out["problems"].append(f"({name}) first {first}: {problem}")
                out["counts"].setdefault(name, {})[str(first)] = int(headers.get("x-mall-sql-statements", -1))
                real[(name, first)] = content

        use_settings(cached)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app_cached), base_url="http://mall.test") as client:
            for attempt in ("miss", "hit"):
                status, content, headers = await _post(client, bodies[("a", 20)])
                if (problem := _problem(status, content)) is not None:
                    out["problems"].append(f"(a) cached, {attempt}: {problem}")
                out["counts"][f"a_cached_{attempt}"] = int(headers.get("x-mall-sql-statements", -1))
                if headers.get("x-mall-cache") != attempt:
                    out["warnings"].append(f"(a) cached: expected X-Mall-Cache {attempt}, got {headers.get('x-mall-cache')}")
                if content != real[("a", 20)]:
                    out["warnings"].append(f"(a) cached ({attempt}) differs from the uncached response")
        use_settings(uncached)

        # Baseline 2's dict, from the rows; baseline 1, patched into this process.
        store = await memory.install()
        page = bare_page(store, settings.currency)
        if _encode(page) != real[("a", 20)]:
            out["warnings"].append("bare Starlette dict is NOT byte-identical to the real (a) response")
            if page != json.loads(real[("a", 20)]):
                out["warnings"].append("bare Starlette dict is not even JSON-equal to the real (a) response")
        bare_path.write_text(json.dumps(page, ensure_ascii=False), encoding="utf-8")

        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app_uncached), base_url="http://mall.test") as client:
            for (name, first), body in bodies.items():
                status, content, headers = await _post(client, body)
                if (problem := _problem(status, content)) is not None:
                    out["problems"].append(f"memory baseline ({name}) first {first}: {problem}")
                out["memory_counts"].setdefault(name, {})[str(first)] = int(headers.get("x-mall-sql-statements", -1))
                if content != real[(name, first)]:
                    out["warnings"].append(f"memory baseline ({name}) first {first} is NOT byte-identical to the real app")
        out["products"] = len(store.products)
        out["variants"] = sum(len(v) for v in store.variants.values())
        out["categories"] = len(store.categories)
        out["active"] = sum(1 for p in store.products if p.status.value == "ACTIVE")
        out["bytes"] = {f"{name}{first}": len(content) for (name, first), content in real.items()}
    finally:
        await db.disconnect()
        from mall import redis

        await redis.close()
    result_path.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), Path(sys.argv[2])))
