"""scripts/bench's release scenario still fits the job it drives (a few installments, not timed, PostgreSQL)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


@pytest.fixture
def work(monkeypatch):
    monkeypatch.syspath_prepend(str(SCRIPTS))
    from bench_lib import release_work

    yield release_work
    sys.modules.pop("bench_lib.release_work", None)


@pytest.mark.postgres_only
async def test_the_release_scenario_releases_every_seeded_installment_once_and_the_ledger_verifies(work, api):
    seeded = await work.seed(40, 7)

    run = await work.release(batch=8, baseline=3)
    audit = await work.audit()

    assert seeded == {"REBATE_CREDIT": 24, "POINTS": 12, "VOUCHER": 4}
    assert (run["baseline"]["released"], run["traced"], run["released"], run["batch"]) == (3, 8, 29, 8)
    assert run["traced_peak_mb"] > 0 and run["rss_peak_mb"] > 0 and len(run["load_after"]) == 3
    assert audit["ok"] and audit["problems"] == []
    assert (audit["scheduled"], audit["released"], audit["not_completed"]) == (0, 40, 0)
    assert (audit["entries"], audit["paid_by_entry"], audit["lots"], audit["vouchers"]) == (36, 36, 12, 4)
    assert audit["events"] == 80  # a release and a completion per rebate
