"""The catalog's plain-SQL reads see what they should, on either database."""

from __future__ import annotations

from tortoise.transactions import in_transaction

from mall.catalog import reads
from mall.catalog.models import Variant
from mall.core.clock import clock
from mall.infra import db
from tests import factories


async def test_reads_see_committed_changes_at_once(settings):
    product = await factories.product(prices=("10.00",))

    before = await reads.variants_by_product([product.id])
    await Variant.filter(product_id=product.id).update(on_hand=77)
    after = await reads.variants_by_product([product.id])

    assert [row["on_hand"] for row in before[product.id]] == [10]
    assert [row["on_hand"] for row in after[product.id]] == [77]
    assert (db.sqlite_reader() is not None) == settings.is_sqlite


async def test_inside_a_transaction_reads_see_its_own_uncommitted_writes():
    product = await factories.product(prices=("10.00",))
    now = clock.now()

    async with in_transaction():
        await Variant.create(product_id=product.id, sku="UNCOMMITTED-1", title="new", price_minor=500,
                             position=9, created_at=now, updated_at=now)
        inside = await reads.variants_by_product([product.id])
        assert db.sqlite_reader() is None

    assert [row["sku"] for row in inside[product.id]][-1] == "UNCOMMITTED-1"


async def test_reads_keep_display_order_and_decode_options():
    product = await factories.product(prices=("10.00", "20.00", "30.00"))

    rows = (await reads.variants_by_product([product.id, 999_999]))

    assert [row["price_minor"] for row in rows[product.id]] == [1000, 2000, 3000]
    assert rows[product.id][0]["options"] == [{"name": "Size", "value": "S0"}]
    assert 999_999 not in rows
