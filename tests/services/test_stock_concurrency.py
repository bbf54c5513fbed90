"""Racing stock adjustments on PostgreSQL: on hand never drops below reserved, and no move is lost.

Every call runs as its own task with its own pooled connection, so the
database's row locks decide the race (variants.py adjusts by a conditional
UPDATE, never read-then-write).
"""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest

from mall.accounts import sessions
from mall.audit.models import AuditRecord
from mall.catalog import variants
from mall.catalog.errors import StockBelowReserved
from mall.catalog.models import Variant
from mall.core.actors import Actor, ActorKind, Permission
from tests import factories

pytestmark = pytest.mark.postgres_only

# A race that deadlocks (or waits on a lock forever) fails instead of hanging the suite.
DEADLINE = 60


async def race(*calls):
    """Run the calls at once; results and raised exceptions, in call order."""
    return await asyncio.wait_for(asyncio.gather(*calls, return_exceptions=True), DEADLINE)


def kinds(outcomes) -> Counter:
    return Counter(type(outcome).__name__ for outcome in outcomes)


async def stock_keeper() -> Actor:
    account = await factories.staff(Permission.MANAGE_PRODUCTS)
    actor = sessions.actor_for(account.user)
    assert (actor.kind, actor.permissions) == (ActorKind.STAFF, frozenset({Permission.MANAGE_PRODUCTS}))
    return actor


async def a_variant(*, on_hand: int, reserved: int) -> Variant:
    product = await factories.product(title="Racing tea", stock=on_hand)
    await Variant.filter(product_id=product.id).update(reserved=reserved)
    return await Variant.get(product_id=product.id)


async def test_twenty_racing_removals_stop_at_the_reserved_stock():
    actor = await stock_keeper()
    variant = await a_variant(on_hand=10, reserved=2)

    outcomes = await race(*(variants.stock_adjust(actor, variant_id=variant.id, delta=-1, reason="race") for _ in range(20)))

    assert kinds(outcomes) == Counter({"Variant": 8, "StockBelowReserved": 12})
    assert all(isinstance(o, Variant | StockBelowReserved) for o in outcomes)
    after = await Variant.get(id=variant.id)
    assert (after.on_hand, after.reserved) == (2, 2)
    # Each success saw a different on-hand count, from 9 down to 2.
    assert sorted(o.on_hand for o in outcomes if isinstance(o, Variant)) == list(range(2, 10))
    records = await AuditRecord.filter(action="stock.adjust", target=f"ProductVariant:{variant.id}")
    assert sorted((r.old_value["onHand"], r.new_value["onHand"]) for r in records) == [(n + 1, n) for n in range(2, 10)]
    refusals = [o for o in outcomes if isinstance(o, StockBelowReserved)]
    assert {(e.field, e.code.value) for e in refusals} == {(("delta",), "STOCK_BELOW_RESERVED")}


async def test_racing_additions_and_removals_all_count():
    actor = await stock_keeper()
    variant = await a_variant(on_hand=20, reserved=5)
    deltas = [+3, -1] * 15  # in the worst order the removals come first: 20 - 15 = 5, still covering the reserved 5

    outcomes = await race(*(variants.stock_adjust(actor, variant_id=variant.id, delta=d, reason="") for d in deltas))

    assert kinds(outcomes) == Counter({"Variant": 30})
    after = await Variant.get(id=variant.id)
    assert (after.on_hand, after.reserved) == (20 + 45 - 15, 5)
    records = await AuditRecord.filter(action="stock.adjust", target=f"ProductVariant:{variant.id}")
    assert len(records) == 30
    assert all(r.new_value["onHand"] - r.old_value["onHand"] == r.new_value["delta"] for r in records)
    assert sorted(r.new_value["delta"] for r in records) == sorted(deltas)


async def test_racing_removals_on_two_variants_do_not_interfere():
    actor = await stock_keeper()
    first = await a_variant(on_hand=5, reserved=0)
    second = await a_variant(on_hand=3, reserved=1)

    outcomes = await race(*(
        variants.stock_adjust(actor, variant_id=v.id, delta=-1, reason="") for _ in range(6) for v in (first, second)
    ))

    by_variant = Counter((o.id if isinstance(o, Variant) else type(o).__name__) for o in outcomes)
    assert by_variant == Counter({first.id: 5, second.id: 2, "StockBelowReserved": 5})
    assert [(v.on_hand, v.reserved) for v in await Variant.filter(id__in=[first.id, second.id]).order_by("id")] == [(0, 0), (1, 1)]
