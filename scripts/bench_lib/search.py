"""Search over 100k generated products on PostgreSQL.

``python -m bench_lib.search generate <database-url> <count>``
    fills a migrated, empty database with ``count`` products (two variants
    each) by COPY. Titles mix two Chinese words from a 600-word vocabulary
    and one English word from a ~250-word vocabulary, so each two-character
    Chinese query and each English prefix matches a few hundred products.
    The search tokens are computed by the app's own ``derived_values`` (the
    same function the demo seeder and the catalog services use). The GIN
    index is dropped during the load and rebuilt from its own definition,
    then the tables are analysed.

``python -m bench_lib.search measure <result.json>``
    (MALL_* environment of that database) times, in-process, every SQL
    statement a search request runs — the page query and the count exactly as
    the products resolver issues them, then the page's variants and
    categories through the loaders — and EXPLAIN ANALYZEs them, checking the
    search uses ``products_search_gin`` and showing how variants are found.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from bench_lib.queries import SEARCH_TERMS
from bench_lib.stats import percentile

ZH_WORDS = (
    "手机 茶叶 耳机 电脑 衬衫 零食 面膜 键盘 鼠标 台灯 水杯 背包 手表 相机 音箱 雨伞 毛巾 枕头 拖鞋 围巾 "
    "帽子 袜子 口红 香水 牙刷 饼干 咖啡 坚果 蜂蜜 大米 果汁 牛奶 书包 钱包 眼镜 沙发 地毯 窗帘 锅具 餐具"
).split()
_FILLER_FIRST = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥春夏秋冬东南西北"
_FILLER_SECOND = "金木火土风云雷雪山川江河湖海星月花草竹松梅兰菊桃李杏"
EN_WORDS = """
blue bluetooth wireless cotton leather camera speaker ceramic bamboo organic portable compact classic modern
vintage premium deluxe smart digital analog silver golden crimson scarlet amber ivory ebony jade coral olive
navy indigo violet maroon beige charcoal graphite titanium aluminum steel copper bronze marble granite oak
walnut maple cedar pine birch linen silk wool cashmere denim velvet suede canvas nylon polyester rubber
glass crystal porcelain stone clay paper cardboard plastic carbon fiber foam gel liquid powder cream lotion
serum balm oil soap shampoo conditioner brush comb mirror towel blanket pillow mattress sheet curtain carpet
lamp lantern candle clock watch bracelet necklace ring earring pendant brooch wallet purse backpack suitcase
luggage umbrella raincoat jacket sweater hoodie shirt blouse skirt dress trousers shorts jeans socks gloves
scarf hat cap helmet boots sneakers sandals slippers loafers heels keyboard mouse monitor laptop tablet
phone charger cable adapter router modem printer scanner projector headset earbuds microphone tripod drone
kettle teapot mug cup bowl plate spoon fork knife chopsticks pan wok pot steamer blender juicer toaster
oven grill fryer cooker rice noodle dumpling tea coffee cocoa honey jam biscuit cookie candy chocolate nut
almond cashew peanut raisin mango apple banana cherry grape lemon orange peach pear plum melon
garden outdoor indoor travel sport fitness yoga running cycling hiking camping fishing swimming skiing
kids baby family office school kitchen bathroom bedroom balcony studio gamer pro lite max mini ultra plus
""".split()
COLOURS = ["黑色 Black", "白色 White", "蓝色 Blue", "红色 Red", "绿色 Green", "灰色 Grey"]
ORIGINS = ["广东 深圳", "浙江 杭州", "云南 普洱", "福建 安溪", "江苏 苏州", "上海", "北京", "四川 成都"]
CATEGORIES = 24


def vocabulary() -> list[str]:
    words = list(ZH_WORDS)
    query_bigrams = set(ZH_WORDS)
    for first in _FILLER_FIRST:
        for second in _FILLER_SECOND:
            if len(words) >= 600:
                return words
            if first + second not in query_bigrams:
                words.append(first + second)
    return words


def _rows(count: int, seed: int = 2026) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    from mall.catalog.derived import derived_values

    rng = random.Random(seed)
    zh = vocabulary()
    now = dt.datetime.now(dt.UTC)
    products, variants = [], []
    variant_id = 0
    for pid in range(1, count + 1):
        zh1, zh2 = rng.sample(zh, 2)
        en1 = rng.choice(EN_WORDS)
        code = f"{rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}{rng.randint(1, 999)}"
        title = f"{zh1} {zh2} {en1} {code}"
        series = rng.choice(zh)
        description = f"{zh1}{zh2}，{series}系列，品质之选。{en1.title()} {code}, quality goods."
        category = (pid % CATEGORIES) + 1
        attributes = [{"name": "产地 Origin", "value": rng.choice(ORIGINS)}]
        created = now - dt.timedelta(seconds=rng.randint(0, 365 * 86400))
        base = rng.randint(9, 2999) * 100 - (1 if rng.random() < 0.3 else 0)
        colours = rng.sample(COLOURS, 2)
        mine = []
        for position, colour in enumerate(colours):
            variant_id += 1
            price = base + base * position // 10
            mine.append(SimpleNamespace(
                id=variant_id, sku=f"S{pid:06d}-{position + 1}", title=colour,
                options=[{"name": "颜色 Colour", "value": colour}], price_minor=price, position=position,
            ))
        product = SimpleNamespace(title=title, description=description, attributes=attributes)
        derived = derived_values(product, f"品类{category} Dept {category}", mine)  # type: ignore[arg-type]
        status = "ACTIVE" if rng.random() < 0.95 else rng.choice(["DRAFT", "ARCHIVED"])
        images = [{"url": f"https://img.mall.example/bench/{pid}/1.jpg", "alt": title}]
        products.append((
            pid, f"bench-{pid:06d}", title, description, category, status, json.dumps(attributes, ensure_ascii=False),
            json.dumps(images, ensure_ascii=False), derived["min_price_minor"], derived["max_price_minor"],
            rng.randint(0, 5000), derived["search_title"], derived["search_body"], created, created,
        ))
        for v in mine:
            stock = 0 if rng.random() < 0.1 else rng.randint(1, 200)
            variants.append((
                v.id, pid, v.sku, v.title, json.dumps(v.options, ensure_ascii=False), v.price_minor,
                v.price_minor * 12 // 10 if rng.random() < 0.4 else None, v.price_minor * 6 // 10,
                stock, 0, v.position, created, created,
            ))
    return products, variants


PRODUCT_COLUMNS = [
    "id", "slug", "title", "description", "category_id", "status", "attributes", "images", "min_price_minor",
    "max_price_minor", "sales_count", "search_title", "search_body", "created_at", "updated_at",
]
VARIANT_COLUMNS = [
    "id", "product_id", "sku", "title", "options", "price_minor", "compare_at_minor", "cost_minor", "on_hand",
    "reserved", "position", "created_at", "updated_at",
]


async def generate(url: str, count: int) -> dict[str, Any]:
    import asyncpg

    started = time.perf_counter()
    products, variants = _rows(count)
    built = time.perf_counter()
    connection = await asyncpg.connect(url)
    try:
        index = await connection.fetchval("SELECT indexdef FROM pg_indexes WHERE indexname = 'products_search_gin'")
        if index is None:
            raise RuntimeError("the migration did not create products_search_gin")
        now = dt.datetime.now(dt.UTC)
        async with connection.transaction():
            await connection.execute("DROP INDEX products_search_gin")
            await connection.copy_records_to_table(
                "categories", columns=["id", "name", "slug", "parent_id", "path", "position", "created_at"],
                records=[(i, f"品类{i} Dept {i}", f"dept-{i}", None, f"/{i}/", i, now) for i in range(1, CATEGORIES + 1)],
            )
            await connection.copy_records_to_table("products", columns=PRODUCT_COLUMNS, records=products)
            await connection.copy_records_to_table("variants", columns=VARIANT_COLUMNS, records=variants)
            for table in ("categories", "products", "variants"):
                await connection.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
                )
            await connection.execute(index)
        await connection.execute("ANALYZE categories")
        await connection.execute("ANALYZE products")
        await connection.execute("ANALYZE variants")
        size = await connection.fetchval("SELECT pg_size_pretty(pg_relation_size('products_search_gin'))")
    finally:
        await connection.close()
    return {"products": len(products), "variants": len(variants), "build_seconds": built - started,
            "load_seconds": time.perf_counter() - built, "gin_size": size}


def _nodes(plan: dict[str, Any]) -> list[dict[str, Any]]:
    found = [plan]
    for child in plan.get("Plans", []):
        found += _nodes(child)
    return found


async def _explain(connection: Any, sql: str, values: list[Any]) -> dict[str, Any]:
    rows = await connection.execute_query_dict("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, values)
    explained = rows[0]["QUERY PLAN"]
    return (json.loads(explained) if isinstance(explained, str) else explained)[0]


async def _explain_text(connection: Any, sql: str, values: list[Any]) -> list[str]:
    return [next(iter(r.values())) for r in await connection.execute_query_dict("EXPLAIN ANALYZE " + sql, values)]


async def measure(result_path: Path, rounds: int = 10) -> None:
    """Every SQL statement a search request runs, timed in-process: the page and
    the count (the listing as a page source, as the products resolver pages it), then the
    page's variants and categories (the loaders' batch functions)."""
    from tortoise import Tortoise

    from mall.catalog import listing
    from mall.core.paging import PageRequest, paginate
    from mall.graphql.catalog import loaders
    from mall.infra import db
    from mall.settings import get_settings

    settings = get_settings()
    await db.connect(settings)
    connection = Tortoise.get_connection("default")
    from mall.catalog import reads
    from mall.graphql.catalog.types import PRODUCT_COLUMNS

    kinds = ("page_ms", "count_ms", "variants_ms", "categories_ms", "request_sql_ms",
             "explain_page_ms", "explain_count_ms", "explain_variants_ms")
    out: dict[str, Any] = {"terms": {}, "gin_used": 0, "plans": 0, "plan_sample": None, "variants_plan": None,
                           "variants_scans": Counter()} | {k: [] for k in kinds}
    pages: dict[str, tuple[list[int], list[int]]] = {}

    try:
        listings = {}
        for term in SEARCH_TERMS:
            listings[term] = await listing.product_listing(
                listing.ProductFilter(search=term), sort=None, descending=None, columns=PRODUCT_COLUMNS)
        for round_number in range(rounds + 1):  # round 0 warms up
            for term, found in listings.items():
                started = time.perf_counter()
                page = await paginate(found, PageRequest(size=20))
                paged = time.perf_counter()
                total = await found.count()
                counted = time.perf_counter()
                ids = [row["id"] for row in page.rows]
                category_ids = sorted({c for row in page.rows if (c := row["category_id"]) is not None})
                await loaders.VariantsByProductIdLoader().batch_load_fn(ids)
                varied = time.perf_counter()
                await loaders.CategoryByIdLoader().batch_load_fn(category_ids)
                done = time.perf_counter()
                if round_number:
                    out["page_ms"].append((paged - started) * 1000)
                    out["count_ms"].append((counted - paged) * 1000)
                    out["variants_ms"].append((varied - counted) * 1000)
                    out["categories_ms"].append((done - varied) * 1000)
                    out["request_sql_ms"].append((done - started) * 1000)
                out["terms"][term] = total
                pages[term] = (ids, category_ids)
        for _ in range(3):
            for term, found in listings.items():
                statements = (("page", found.page_statement(PageRequest(size=20))), ("count", found.count_statement()))
                for kind, statement in statements:
                    sql, values = statement.render("postgres")
                    top = await _explain(connection, sql, values)
                    out[f"explain_{kind}_ms"].append(top["Execution Time"])
                    out["plans"] += 1
                    if any(n.get("Index Name") == "products_search_gin" for n in _nodes(top["Plan"])):
                        out["gin_used"] += 1
                    if out["plan_sample"] is None and kind == "page":
                        out["plan_sample"] = {"term": term, "sql": sql, "plan": await _explain_text(connection, sql, values)}
                ids = pages[term][0]
                variants_sql, variants_values = reads.variants_statement(ids, "postgres").render("postgres")
                top = await _explain(connection, variants_sql, variants_values)
                out["explain_variants_ms"].append(top["Execution Time"])
                for node in _nodes(top["Plan"]):
                    if node.get("Relation Name") == "variants":
                        out["variants_scans"][f"{node['Node Type']}{' using ' + node['Index Name'] if node.get('Index Name') else ''}"] += 1
                if out["variants_plan"] is None:
                    out["variants_plan"] = await _explain_text(connection, variants_sql, variants_values)
    finally:
        await db.disconnect()
    summary = {
        "terms": out["terms"], "gin_used": out["gin_used"], "plans": out["plans"], "plan_sample": out["plan_sample"],
        "variants_plan": out["variants_plan"], "variants_scans": dict(out["variants_scans"]),
        "samples": len(out["page_ms"]),
    }
    for key in kinds:
        summary[key] = {"p50": percentile(out[key], 0.50), "p99": percentile(out[key], 0.99), "max": max(out[key])}
    result_path.write_text(json.dumps(summary, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1] == "generate":
        print(json.dumps(asyncio.run(generate(sys.argv[2], int(sys.argv[3])))))
    elif sys.argv[1] == "measure":
        asyncio.run(measure(Path(sys.argv[2])))
    else:
        raise SystemExit(f"unknown command {sys.argv[1]!r}")
