"""A bilingual demo catalog: 220 products in 16 categories, generated the same way every time."""

from __future__ import annotations

import datetime as dt
import random

from mall.catalog.categories import child_path
from mall.catalog.derived import derived_values
from mall.catalog.invalidation import catalog_changed
from mall.catalog.models import Category, Product, ProductStatus, Variant
from mall.core.clock import clock
from mall.demo.catalog_data import CATEGORIES, KINDS, ORIGINS, SERIES
from mall.infra.transactions import transaction

PRODUCTS_PER_LEAF = 20


async def _categories() -> dict[str, Category]:
    made: dict[str, Category] = {}
    for position, (name, slug, parent_slug) in enumerate(CATEGORIES):
        parent = made.get(parent_slug) if parent_slug else None
        category = await Category.create(name=name, slug=slug, parent_id=parent.id if parent else None,
                                         path="", position=position, created_at=clock.now())
        category.path = child_path(parent.path if parent else None, category.id)
        await category.save(update_fields=["path"])
        made[slug] = category
    return made


def _variants(rng: random.Random, leaf: str, number: int, option: str, values: list[str], base: int, now: dt.datetime) -> list[Variant]:
    chosen = values if len(values) <= 3 else rng.sample(values, 3)
    variants = []
    for index, value in enumerate(chosen):
        price = base + base * index // 10
        price_minor = price * 100 - (1 if rng.random() < 0.3 else 0)  # some ¥x9.99 prices
        stock = 0 if rng.random() < 0.1 else rng.randint(1, 200)
        variants.append(Variant(
            sku=f"{leaf[:4].upper()}-{number:03d}-{index + 1}",
            title=value,
            options=[{"name": option, "value": value}],
            price_minor=price_minor,
            compare_at_minor=price_minor * 12 // 10 if rng.random() < 0.4 else None,
            cost_minor=price_minor * 6 // 10,
            on_hand=stock, reserved=0, position=index, created_at=now, updated_at=now,
        ))
    return variants


async def seed_catalog() -> list[str]:
    """Create the demo catalog unless any product exists."""
    if await Product.exists():
        return ["Demo catalog: products exist, left as they are."]
    rng = random.Random(2026)
    now = clock.now()
    count = 0
    async with transaction():
        catalog_changed()
        categories = await _categories()
        for leaf, (kinds, brands, (low, high), option, values) in KINDS.items():
            category = categories[leaf]
            for number in range(PRODUCTS_PER_LEAF):
                kind_zh, kind_en = kinds[number % len(kinds)]
                brand_zh, brand_en = brands[number % len(brands)]
                series = f"{SERIES[number % len(SERIES)]} {number // len(SERIES) + 1}"
                title = f"{brand_zh} {series} {kind_zh} {brand_en} {kind_en}"
                created = now - dt.timedelta(days=rng.randint(0, 90), minutes=rng.randint(0, 1440))
                product = Product(
                    slug=f"{leaf}-{number + 1:03d}",
                    title=title,
                    description=f"{brand_zh}{kind_zh}，{series}系列，品质之选。{brand_en} {kind_en}, {series} series.",
                    category_id=category.id,
                    status=ProductStatus.ACTIVE if number % 19 else ProductStatus.DRAFT,
                    attributes=[{"name": "品牌 Brand", "value": f"{brand_zh} {brand_en}"},
                                {"name": "产地 Origin", "value": rng.choice(ORIGINS)}],
                    images=[{"url": f"https://img.mall.example/products/{leaf}-{number + 1:03d}/{i}.jpg",
                             "alt": f"{title} {i}"} for i in (1, 2)],
                    sales_count=rng.randint(0, 5000),
                    created_at=created, updated_at=created,
                )
                variants = _variants(rng, leaf, number + 1, option, values, rng.randint(low, high), created)
                for name, value in derived_values(product, category.name, variants).items():
                    setattr(product, name, value)
                await product.save()
                for variant in variants:
                    variant.product_id = product.id
                await Variant.bulk_create(variants)
                count += 1
    return [f"Demo catalog: {count} products in {len(categories)} categories."]
