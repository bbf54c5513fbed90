"""Search on PostgreSQL: the database indexes exactly our tokens, and the listing's search uses the GIN index."""

from __future__ import annotations

import secrets
from decimal import Decimal

import pytest
from tortoise import connections
from tortoise.transactions import in_transaction

from mall.catalog import products, search_sql
from mall.catalog.models import Product, ProductStatus
from mall.catalog.products import ProductFields
from mall.catalog.search import query_terms
from mall.catalog.sql import Statement
from mall.catalog.variants import VariantFields
from mall.core.actors import Actor
from mall.core.clock import clock

pytestmark = pytest.mark.postgres_only

# Text a bilingual shop really holds: Chinese, Japanese, Korean, Latin words with
# digits, full-width forms, accents, units and punctuation.
TEXTS = [
    ("华为 Mate60 Pro 智能手机 5G 全网通", "麒麟9000S 芯片，6.82 英寸 OLED 屏幕", [("颜色", "雅川青"), ("内存", "12GB+512GB")]),
    ("Apple iPhone15 Pro Max 256GB", "A17 Pro chip, titanium design — 钛金属", [("Model", "A3108")]),
    ("ｉＰｈｏｎｅ１５ 手机壳 透明 防摔", "适用于 iPhone15/15Pro，TPU 材质", [("材质", "TPU")]),
    ("云南普洱茶 熟茶 357g 七子饼", "勐海茶区 2019 年压制，陈香浓郁。", [("产地", "云南·西双版纳"), ("年份", "2019")]),
    ("日本製 カメラ バッグ", "ミラーレス一眼に対応。撥水加工。", [("ブランド", "ハクバ")]),
    ("한국 화장품 세트", "수분 크림 50ml + 토너 150ml", [("원산지", "대한민국")]),
    ("Café crème brûlée 咖啡豆 1kg", "Straße-geröstet, 100% Arabica; v2.1 blend", [("Röstung", "Mittel")]),
    ("LEGO® Technic 42115 兰博基尼", "3696 pcs · ages 18+ · 1:8 scale", [("SKU", "LEGO-42115")]),
]


async def _make(title: str, description: str, attributes, sku: str | None = None) -> Product:
    fields = ProductFields(title=title, slug=f"p-{secrets.token_hex(5)}", description=description,
                           status=ProductStatus.ACTIVE, attributes=attributes)
    sku = sku or f"SKU-{secrets.choice('GHJKMNPQRSTVWXYZ')}{secrets.randbelow(10**6)}"
    variants = [VariantFields(sku=sku, title="标准版 Standard", price=Decimal("99.00"),
                              options=[("规格", "标准")], stock=3)]
    return await products.product_create(Actor.system(), fields=fields, variants=variants)


async def _vector_lexemes(column: str, product_id: int) -> set[str]:
    """The lexemes PostgreSQL holds for a column, built the way the search index builds them."""
    vector = search_sql.vector(f'"products"."{column}"')
    rows = await connections.get("default").execute_query_dict(
        f'SELECT tsvector_to_array({vector}) AS lexemes FROM "products" WHERE "id" = $1', [product_id]
    )
    return set(rows[0]["lexemes"])


async def test_postgres_keeps_exactly_the_tokens_we_store_title_and_body():
    made = [await _make(*text) for text in TEXTS]

    for product in made:
        stored = await Product.get(id=product.id)
        for column in ("search_title", "search_body"):
            tokens = set(getattr(stored, column).split())
            assert tokens, (product.title, column)
            assert await _vector_lexemes(column, product.id) == tokens, (product.title, column)


async def test_postgres_keeps_tokens_python_counts_as_numbers():
    # Python's \w counts ❶ and ⓫ as word characters (category No) and NFKC keeps
    # them, so they are stored tokens; PostgreSQL's parser must not drop them, or
    # such a product is found on SQLite but not on PostgreSQL.
    product = await _make("❶号套餐 ⓫ Combo", "", [])

    stored = await Product.get(id=product.id)
    assert await _vector_lexemes("search_title", product.id) == set(stored.search_title.split())


async def test_postgres_keeps_tokens_that_look_like_numbers_with_an_exponent():
    # SKUs and model numbers such as 3e8f or a hex 139e1e0b are single stored tokens;
    # PostgreSQL's parser reads 3e8 / 139e1 as numbers in scientific notation and
    # splits the rest off (3e8 + f, 139e1 + e0b), so the index no longer holds our tokens.
    product = await _make("Router 3E8F", "firmware 12e3abc", [], sku="SKU-139e1e0b")

    stored = await Product.get(id=product.id)
    assert await _vector_lexemes("search_title", product.id) == set(stored.search_title.split())
    assert await _vector_lexemes("search_body", product.id) == set(stored.search_body.split())


async def test_the_database_keeps_cjk_bigrams_whole_whatever_its_locale():
    # Tokens are read verbatim (no text-search parser), so no locale can re-cut them.
    vector = search_sql.vector("$1::text")
    rows = await connections.get("default").execute_query_dict(
        f"SELECT tsvector_to_array({vector}) AS lexemes, current_setting('lc_ctype') AS ctype",
        [" 手机 智能 カメ 한국 iphone15 15 3e8f ❶ "],
    )

    assert set(rows[0]["lexemes"]) == {"手机", "智能", "カメ", "한국", "iphone15", "15", "3e8f", "❶"}, rows[0]["ctype"]


async def _plan(sql: str, params: list) -> str:
    async with in_transaction() as connection:
        # Fresh statistics, as autovacuum keeps them: without them the planner guesses
        # one row for every condition and any index looks as good as another.
        await connection.execute_script('ANALYZE "products"; ANALYZE "variants"; ANALYZE "categories";')
        # No sequential and no plain index scans: if the search condition can use the
        # GIN index at all, the planner must take it (as a bitmap scan).
        await connection.execute_script("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off;")
        rows = await connection.execute_query_dict("EXPLAIN " + sql, list(params))
    return "\n".join(row["QUERY PLAN"] for row in rows)


async def _filler(count: int) -> None:
    """Active products none of the searches match: a shop where a search is selective."""
    now = clock.now()
    await Product.bulk_create([
        Product(slug=f"filler-{n}", title=f"Filler {n}", status=ProductStatus.ACTIVE, min_price_minor=100 * n,
                max_price_minor=100 * n, search_title=f" filler {n} ", search_body=" plain stock item ",
                created_at=now, updated_at=now)
        for n in range(count)
    ])


@pytest.mark.parametrize("text", ["手机", "iph", "华为 mate", "茶"])
async def test_the_listings_search_condition_can_use_the_gin_index(text):
    # The listing matches with search_sql's expression; if it were not the index's,
    # the planner could not use the index at all. (Whether it prefers the index over
    # a status index depends on the table's size: at 100,000 products it does, see
    # scripts/bench; a few thousand rows are cheaper to filter.)
    for title, description, attributes in TEXTS:
        await _make(title, description, attributes)
    await _filler(2000)
    statement = Statement().add('SELECT "id" FROM "products" WHERE ').extend(search_sql.match(query_terms(text), "postgres"))
    sql, values = statement.render("postgres")

    plan = await _plan(sql, values)

    assert "products_search_gin" in plan, plan
    assert len(await connections.get("default").execute_query_dict(sql, values)) >= 1


async def test_the_search_index_is_the_expression_the_listing_matches():
    rows = await connections.get("default").execute_query_dict(
        "SELECT indexdef FROM pg_indexes WHERE tablename = 'products' AND indexname = 'products_search_gin'"
    )

    [definition] = [row["indexdef"] for row in rows]
    assert "USING gin" in definition
    assert "array_to_tsvector(array_remove(string_to_array((search_title || search_body)" in definition
