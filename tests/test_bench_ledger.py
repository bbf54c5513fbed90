"""scripts/bench's ledger scenario still fits the ledger it drives (a second per shape, not timed).

Seeds funded customers, runs concurrent writers of every shape on PostgreSQL
(each task on its own pooled connection) and audits: the ledger verifies and
the entries under each phase's key prefix are exactly the posts counted.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from mall.wallet.statements import balances

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


@pytest.fixture
def writers(monkeypatch):
    monkeypatch.syspath_prepend(str(SCRIPTS))
    from bench_lib import ledger_writers

    yield ledger_writers
    sys.modules.pop("bench_lib.ledger_writers", None)


@pytest.mark.postgres_only
async def test_concurrent_writers_of_every_shape_leave_a_verified_ledger_with_every_post_counted(writers, api):
    customers = await writers.seed(5)

    runs = [await writers.run_writers(customers, shape=shape, label=shape, writers=4, seconds=1.0)
            for shape in writers.SHAPES]
    audit = await writers.audit(["fund", *writers.SHAPES])

    assert all(run.posted > 0 and run.failures == {} for run in runs)
    assert all(len(run.latencies_ms) == run.posted for run in runs)
    assert audit["ok"] and audit["problems"] == []
    assert audit["entries"] == {"fund": 5, **{run.label: run.posted for run in runs}}
    assert audit["postings"] == {label: 2 * n for label, n in audit["entries"].items()}
    hot, spread = runs[0], runs[1]
    held = await balances(customers)
    # Every hot transfer moved 1 fen into the first customer's HELD; spread ones into anyone's.
    assert sum(b.held for b in held.values()) == hot.posted + spread.posted
    assert held[customers[0]].held >= hot.posted


async def test_sql_per_post_counts_each_shape(writers, api):
    customers = await writers.seed(2)

    counted = await writers.sql_per_post(customers, posts=2)

    assert set(counted) == set(writers.SHAPES)
    assert all(len(statements) == 2 and min(statements) > 0 for statements in counted.values())


def test_merged_runs_add_posts_and_failures_and_take_the_longest_time(writers):
    one = writers.WritersRun("hot", "hot", 2, 1.0, 3, [1.0, 2.0, 3.0], {"InsufficientFunds": 1}, 0.5)
    two = writers.WritersRun("hot", "hot", 2, 1.5, 1, [4.0], {"InsufficientFunds": 2, "IntegrityError": 1}, 0.25)

    merged = writers.WritersRun.merged([one, two])

    assert (merged.writers, merged.seconds, merged.posted, merged.cpu_seconds) == (4, 1.5, 4, 0.75)
    assert sorted(merged.latencies_ms) == [1.0, 2.0, 3.0, 4.0]
    assert merged.failures == {"InsufficientFunds": 3, "IntegrityError": 1}
    assert merged.per_second == pytest.approx(4 / 1.5)
    from bench_lib.stats import percentile

    assert percentile([5.0, 1.0, 3.0, 2.0], 0.5) == 2.0
