"""scripts/bench's checkout scenario still fits the app it drives (nothing here is timed).

The scenario seeds a shop with the services, buys through the contract's
operations and audits the tables by their names; when any of those changes,
only a benchmark run would otherwise show it.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


@pytest.fixture
def checkout(monkeypatch):
    monkeypatch.syspath_prepend(str(SCRIPTS))
    from bench_lib import checkout

    yield checkout
    for name in ("bench_lib.checkout", "bench_lib.queries"):
        sys.modules.pop(name, None)


async def test_a_seeded_shop_sells_a_whole_order_and_the_audit_finds_it_paid_and_in_stock(checkout, api):
    shop = await checkout.seed(products=2, variants_per_product=2, buyers=2, stock=5)

    bought = await checkout.buy_once(api.http, shop, shop.buyers[0], random.Random(1), "guard-1")
    report = await checkout.audit(shop.initial_stock)

    assert len(shop.variant_ids) == 4 and set(shop.initial_stock.values()) == {5} and len(shop.buyers) == 2
    assert set(bought.ms) == set(checkout.STEPS)
    assert report["violations"] == []
    assert report["orders"] == {"PAID": 1} and report["payments"] == {"SUCCEEDED": 1}
    assert report["units"] in (1, 2)


async def test_sql_per_step_counts_every_step_of_an_order(checkout, api):
    shop = await checkout.seed(products=1, variants_per_product=1, buyers=1, stock=50)

    counted = await checkout.sql_per_step(shop, orders=1)

    assert len(counted) == 1 and set(counted[0]) == set(checkout.STEPS)
    assert all(statements > 0 for statements in counted[0].values())


def test_the_audit_names_an_oversell_a_unit_held_twice_and_a_lost_unit(checkout):
    initial = {1: 10, 2: 10, 3: 10, 4: 10}
    stock = {1: (10, 3), 2: (10, 11), 3: (10, 4), 4: (8, 0)}
    units = {(1, "PAID"): 2, (1, "PENDING_PAYMENT"): 1, (1, "CANCELLED"): 5,  # fine
             (2, "PAID"): 11,  # more held than on hand
             (3, "PAID"): 2,  # reserved 4 for 2 held
             (4, "SHIPPED"): 1}  # 8 on hand + 1 shipped is not the 10 there were

    violations = checkout.stock_violations(initial, stock, units)

    assert violations == [
        "variant 2: reserved 11 with 10 on hand",
        "variant 3: reserved 4, orders hold 2",
        "variant 4: on hand 8 + shipped 1 != initial 10",
    ]
