"""In-process step (not under load): SQL statements per request, baseline checks.

Run as ``python -m bench_lib.inproc <result.json> <bare-data.json>`` with the
MALL_* environment of one database. Through the ASGI app with httpx and
``mall.infra.sqlcount`` enabled it reads X-Mall-SQL-Statements for queries (a) and
(b) at first: 5 / 20 / 50 (response cache off), and for (a) served from the
response cache; builds the bare endpoint's dict from the rows and checks it
equals the real response; then installs the in-memory baseline in this
process and checks it answers byte-identical JSON with no SQL.
"""

from __future__ import annotations

import asyncio
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


def bare_page(store: memory.Store, currency: str, first: int = 20) -> dict[str, Any]:
    """Query (a)'s response written out from the rows (no GraphQL execution). Ids,
    cursors and amounts use the app's own encoders, so a change of their format
    does not read as a difference."""
    from mall.catalog import listing
    from mall.core.money import minor_to_decimal
    from mall.graphql import relay

    def money(minor: int | None) -> dict[str, str] | None:
        return None if minor is None else {"amount": str(minor_to_decimal(minor)), "currency": currency}

    ordering = listing._ORDERINGS[listing.SortField.NEWEST]
    active = [p for p in store.products if p.status.value == "ACTIVE"]
    active.sort(key=lambda p: (p.created_at, p.id), reverse=True)  # NEWEST: -created_at, -id
    page = active[:first]
    edges = []
    for product in page:
        category = store.categories.get(product.category_id) if product.category_id else None
        edges.append({"cursor": ordering.cursor(product), "node": {
            "id": relay.encode_id("Product", product.id),
            "slug": product.slug,
            "title": product.title,
            "category": {"id": relay.encode_id("Category", category.id), "name": category.name} if category else None,
            "images": [{"url": i["url"], "alt": i.get("alt", "")} for i in product.images],
            "priceRange": {"min": money(product.min_price_minor), "max": money(product.max_price_minor)},
            "variants": [{
                "id": relay.encode_id("ProductVariant", v.id),
                "sku": v.sku,
                "title": v.title,
                "options": [{"name": o["name"], "value": o["value"]} for o in v.options],
                "price": money(v.price_minor),
                "compareAtPrice": money(v.compare_at_minor),
                "stock": max(v.on_hand - v.reserved, 0),
            } for v in store.variants.get(product.id, [])],
        }})
    return {"data": {"products": {
        "totalCount": len(active),
        "pageInfo": {"hasNextPage": len(active) > first, "endCursor": edges[-1]["cursor"] if edges else None},
        "edges": edges,
    }}}


def _encode(data: object) -> bytes:
    try:
        import orjson
    except ImportError:  # pragma: no cover
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    return orjson.dumps(data)


async def main(result_path: Path, bare_path: Path) -> None:
    from mall.app import create_app
    from mall.infra import db, sqlcount
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
            # Not counted: the first query of a process opens the connection pool,
            # and Tortoise logs that on the counted logger too.
            await _post(client, bodies[("b", 20)])
            for (name, first), body in bodies.items():
                status, content, headers = await _post(client, body)
                if (problem := _problem(status, content)) is not None:
                    out["problems"].append(f"({name}) first {first}: {problem}")
                out["counts"].setdefault(name, {})[str(first)] = int(headers.get("x-mall-sql-statements", -1))
                real[(name, first)] = content

        use_settings(cached)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app_cached), base_url="http://mall.test") as client:
            for name in ("a", "b"):
                for attempt in ("miss", "hit"):
                    status, content, headers = await _post(client, bodies[(name, 20)])
                    if (problem := _problem(status, content)) is not None:
                        out["problems"].append(f"({name}) cached, {attempt}: {problem}")
                    out["counts"][f"{name}_cached_{attempt}"] = int(headers.get("x-mall-sql-statements", -1))
                    if headers.get("x-mall-cache") != attempt:
                        out["warnings"].append(
                            f"({name}) cached: expected X-Mall-Cache {attempt}, got {headers.get('x-mall-cache')}")
                    if content != real[(name, 20)]:
                        out["warnings"].append(f"({name}) cached ({attempt}) differs from the uncached response")
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
        from mall.infra import redis

        await redis.close()
    result_path.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), Path(sys.argv[2])))
