"""scripts/bench's in-memory baseline still fits the app it stands in for.

The baseline replaces the catalog's data access (listing, loaders) with
in-memory rows; when the app renames or replaces one of them the benchmark
breaks, which only a benchmark run would otherwise show.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


@pytest.fixture
def memory_module(monkeypatch):
    monkeypatch.syspath_prepend(str(SCRIPTS))
    from bench_lib import memory

    yield memory
    sys.modules.pop("bench_lib.memory", None)


def test_the_baseline_patches_only_what_the_catalog_has(memory_module, monkeypatch):
    from mall.catalog import listing
    from mall.graphql.catalog import loaders

    for name in ("VariantsByProductIdLoader", "CategoryByIdLoader", "ProductByIdLoader", "CategoryTreeLoader"):
        monkeypatch.setattr(getattr(loaders, name), "batch_load_fn", getattr(loaders, name).batch_load_fn)
    monkeypatch.setattr(listing, "product_listing", listing.product_listing)

    memory_module.patch(memory_module.Store(products=[], variants={}, categories={}, categories_ordered=[]))
