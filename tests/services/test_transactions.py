"""The unit of work: nested transactions, work after the commit, and cancellation."""

from __future__ import annotations

import asyncio
import logging

import pytest

from mall.catalog import variants
from mall.catalog.invalidation import CACHE_SCOPE
from mall.catalog.models import Variant
from mall.core.actors import Actor
from mall.infra import cache
from mall.infra.transactions import in_transaction_block, on_commit, run_to_completion, transaction
from tests import factories


def recorder(calls: list[str], name: str):
    async def callback() -> None:
        calls.append(name)

    return callback


async def catalog_version() -> int:
    version, _ = await cache.lookup(CACHE_SCOPE, "probe")
    return version


async def test_after_commit_work_runs_once_after_the_outermost_commit():
    calls: list[str] = []

    async with transaction():
        on_commit(recorder(calls, "outer"))
        async with transaction():
            on_commit(recorder(calls, "inner"))
        assert calls == []  # the inner block's end is not the commit
    assert calls == ["outer", "inner"]


async def test_after_commit_work_never_runs_on_rollback():
    calls: list[str] = []

    with pytest.raises(RuntimeError, match="boom"):
        async with transaction():
            async with transaction():
                on_commit(recorder(calls, "inner"))
            raise RuntimeError("boom")
    assert calls == []


async def test_an_inner_block_rolled_back_drops_only_its_own_work():
    calls: list[str] = []
    scene = await factories.product(prices=("10.00",))
    variant = (await Variant.filter(product_id=scene.id))[0]

    async with transaction():
        on_commit(recorder(calls, "outer"))
        await Variant.filter(id=variant.id).update(title="kept")
        try:
            async with transaction():
                on_commit(recorder(calls, "inner"))
                await Variant.filter(id=variant.id).update(title="undone")
                raise ValueError("inner fails")
        except ValueError:
            pass
    assert calls == ["outer"]
    assert (await Variant.get(id=variant.id)).title == "kept"


async def test_failing_after_commit_work_is_logged_and_the_rest_still_runs(caplog):
    calls: list[str] = []

    async def failing() -> None:
        raise ConnectionError("cache down")

    with caplog.at_level(logging.ERROR, logger="mall.infra.transactions"):
        async with transaction():
            on_commit(failing)
            on_commit(recorder(calls, "after"))
    assert calls == ["after"]
    assert "after-commit work failed" in caplog.text


async def test_on_commit_outside_a_transaction_is_refused():
    assert not in_transaction_block()
    with pytest.raises(RuntimeError, match="needs an open transaction"):
        on_commit(recorder([], "never"))


async def test_a_service_inside_a_larger_transaction_invalidates_the_catalog_only_at_the_real_commit():
    # Given a product, and the catalog cache's version before any change
    product = await factories.product(prices=("10.00",))
    variant = (await Variant.filter(product_id=product.id))[0]
    before = await catalog_version()

    # When a stock adjustment runs inside a larger transaction
    async with transaction():
        await variants.stock_adjust(Actor.system(), variant_id=variant.id, delta=3, reason="inside")
        # then a read meanwhile still sees the old version: it cannot cache the
        # old stock under the version that follows the change
        assert await catalog_version() == before
    # and the version moves once the change is committed
    assert await catalog_version() == before + 1


async def test_a_rolled_back_catalog_change_leaves_the_cache_version_alone():
    product = await factories.product(prices=("10.00",))
    variant = (await Variant.filter(product_id=product.id))[0]
    before = await catalog_version()

    with pytest.raises(RuntimeError):
        async with transaction():
            await variants.stock_adjust(Actor.system(), variant_id=variant.id, delta=3, reason="undone")
            raise RuntimeError("abandon")
    assert await catalog_version() == before
    assert (await Variant.get(id=variant.id)).on_hand == variant.on_hand


async def test_work_run_to_completion_finishes_when_its_caller_is_cancelled():
    product = await factories.product(prices=("10.00",))
    variant = (await Variant.filter(product_id=product.id))[0]
    started = asyncio.Event()

    async def slow_change() -> None:
        async with transaction():
            await Variant.filter(id=variant.id).update(title="finished")
            started.set()
            await asyncio.sleep(0.05)

    caller = asyncio.ensure_future(run_to_completion(slow_change()))
    await started.wait()
    caller.cancel()
    with pytest.raises(asyncio.CancelledError):
        await caller
    # The work went on to its commit, and the connection is free again.
    for _ in range(100):
        if (await Variant.get(id=variant.id)).title == "finished":
            break
        await asyncio.sleep(0.01)
    assert (await Variant.get(id=variant.id)).title == "finished"
    async with transaction():
        await Variant.filter(id=variant.id).update(title="next")
    assert (await Variant.get(id=variant.id)).title == "next"
