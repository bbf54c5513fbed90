"""The release scenario's moving parts: due installments to release, the job run, and the audit.

- ``seed()``: customers (bulk inserted, one password hashed once), one ACTIVE
  rebate of one installment per due installment, due a day ago, spread over
  the customers; forms mixed as a shop's would be: 60 % rebate credit, 30 %
  points, 10 % vouchers (``FORMS``). The rebates and installments are written
  with ``INSERT … SELECT generate_series`` (seeding is not what is measured);
- ``release()``: the baseline first — ``BASELINE`` installments released one
  per transaction (the job with a batch of one: what releasing costs without
  batching) — then one batch under ``tracemalloc`` (Python's peak allocations
  for a batch; not timed, tracing slows Python down several times), then the
  release job itself (``flows.rebate_releases.release_due``) until nothing is
  due, timed, with the process's peak RSS (``resource.getrusage``);
- ``audit()``: ``verify()`` over the whole ledger, and what the release left:
  installments still SCHEDULED, entries, points lots and vouchers against the
  installments of each form, rebates not COMPLETED.

``python -m bench_lib.release_work seed <count> <customers>``, ``release <batch> <baseline> <result.json>``,
``audit``; bench_lib.release_bench drives it with the bench database's MALL_* environment.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import resource
import secrets
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

from bench_lib.in_mall import connected

FORMS = (("REBATE_CREDIT", 6), ("POINTS", 3), ("VOUCHER", 1))  # out of every 10 installments
AMOUNT_MINOR = 500  # each installment: 5.00 (500 points at 1 fen a point)


async def seed(count: int, customers: int) -> dict[str, int]:
    """``count`` due installments over ``customers`` customers; how many of each form."""
    from tortoise import Tortoise

    from mall.accounts.models import User
    from mall.accounts.registration import prepare_user
    from mall.core.clock import clock
    from mall.rebates.models import RebateRule

    run = secrets.token_hex(3)
    template = await prepare_user(email=f"release-{run}-0@bench.example", mobile=None,
                                  password=f"bench-{secrets.token_urlsafe(12)}-42", name="返利压测 Release bench")
    now = clock.now()
    users = [User(**{**template.values, "email": f"release-{run}-{n}@bench.example"}, created_at=now, updated_at=now)
             for n in range(1, customers + 1)]
    await User.bulk_create(users, batch_size=5000)
    ids = sorted(await User.filter(email__startswith=f"release-{run}-").values_list("id", flat=True))
    connection = Tortoise.get_connection("default")
    counts: dict[str, int] = {}
    start = 0
    for form, share in FORMS:
        rule = await RebateRule.create(
            name=f"Bench {form}", kind="FIXED_RATIO", ratio_scaled=1000, payout_form=form, voucher_valid_days=30,
            voucher_min_spend_minor=0, installment_count=1, period="MONTH", scope_kind="ALL", status="ACTIVE",
            created_at=now, updated_at=now)
        n = count * share // 10 if form != FORMS[-1][0] else count - start
        snapshot = json.dumps({"id": rule.id, "version": 1, "name": rule.name, "payout_form": form,
                               "installment_count": 1, "period": "MONTH", "voucher_valid_days": 30,
                               "voucher_min_spend_minor": 0})
        # One ACTIVE rebate per installment, order ids unique per rule, customers round-robin.
        await connection.execute_query(
            "INSERT INTO rebates (order_id, customer_id, rule_id, rule_version, status, payout_form, minor_per_point, "
            "original_amount_minor, amount_minor, budget_reserved_minor, released_minor, clawed_back_minor, "
            "unrecovered_minor, snapshot, computation, lines, eligible_at, activated_at, created_at, updated_at) "
            "SELECT g, ($8::bigint[])[1 + g % cardinality($8::bigint[])], $1, 1, 'ACTIVE', $2, 1, $3, $3, 0, 0, 0, 0, $4::text::jsonb, '{}'::jsonb, '[]'::jsonb, "
            "$5, $5, $5, $5 FROM generate_series($6::bigint, $7::bigint) AS g",
            [rule.id, form, AMOUNT_MINOR, snapshot, now - dt.timedelta(days=1), start, start + n - 1, ids])
        counts[form] = n
        start += n
    await connection.execute_query(
        "INSERT INTO rebate_installments (rebate_id, customer_id, seq, amount_minor, status, due_at, released_minor) "
        "SELECT id, customer_id, 1, amount_minor, 'SCHEDULED', $1, 0 FROM rebates WHERE status = 'ACTIVE'",
        [now - dt.timedelta(days=1)])
    # Only what was seeded: the ledger's tables, still empty, keep no statistics saying so (ANALYZE of an empty
    # table makes the planner, and the foreign-key checks' cached plans, scan them whole as they grow).
    await connection.execute_query("ANALYZE users, rebate_rules, rebates, rebate_installments")
    return counts


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


async def release(batch: int, baseline: int) -> dict[str, Any]:
    """The baseline (``baseline`` installments, one per transaction), then the job until nothing is due."""
    from tortoise import Tortoise

    from mall.core.clock import clock
    from mall.flows import rebate_releases
    from mall.rebates import releasing

    batch = batch or releasing.BATCH
    now = clock.now()
    began, cpu = time.perf_counter(), time.process_time()
    done = 0
    for _ in range(baseline):
        done += await rebate_releases.release_batch(await releasing.due(now, limit=1), now)
    base = {"released": done, "seconds": time.perf_counter() - began, "cpu_seconds": time.process_time() - cpu}
    # What autovacuum does on a running shop: statistics for the ledger now that it holds entries. Without them
    # the plans cached while it was empty (foreign-key checks included) go on scanning it whole as it grows.
    await Tortoise.get_connection("default").execute_query(
        "ANALYZE ledger_entries, ledger_postings, ledger_accounts, points_lots, vouchers, outbox_events, rebates, "
        "rebate_installments")

    # Python's own allocations over one full batch (tracemalloc slows Python down several times: not timed).
    tracemalloc.start()
    traced = await rebate_releases.release_batch(await releasing.due(now, limit=batch), now)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    rss_before = _peak_rss_mb()
    load_before = os.getloadavg()
    began, cpu = time.perf_counter(), time.process_time()
    released = await rebate_releases.release_due(now, batch=batch, budget_seconds=float("inf"))
    seconds, cpu_seconds = time.perf_counter() - began, time.process_time() - cpu
    return {"baseline": base, "traced": traced, "released": released, "seconds": seconds, "cpu_seconds": cpu_seconds,
            "batch": batch, "traced_peak_mb": traced_peak / 2**20, "rss_peak_mb": _peak_rss_mb(),
            "rss_before_mb": rss_before, "load_before": load_before, "load_after": os.getloadavg()}


async def audit() -> dict[str, Any]:
    from tortoise import Tortoise

    from mall.wallet.verification import verify

    report = await verify()
    connection = Tortoise.get_connection("default")

    async def one(sql: str) -> int:
        return int((await connection.execute_query_dict(sql))[0]["n"])

    return {
        "ok": report.ok, "problems": list(report.problems)[:10], "entries_checked": report.entries_checked,
        "scheduled": await one("SELECT COUNT(*) AS n FROM rebate_installments WHERE status = 'SCHEDULED'"),
        "released": await one("SELECT COUNT(*) AS n FROM rebate_installments WHERE status = 'RELEASED'"),
        "not_completed": await one("SELECT COUNT(*) AS n FROM rebates WHERE status <> 'COMPLETED'"),
        "entries": await one("SELECT COUNT(*) AS n FROM ledger_entries WHERE cause = 'REBATE_RELEASE'"),
        "paid_by_entry": await one("SELECT COUNT(*) AS n FROM rebate_installments i JOIN rebates r ON r.id = i.rebate_id "
                                   "WHERE r.payout_form <> 'VOUCHER' AND i.entry_id IS NOT NULL"),
        "lots": await one("SELECT COUNT(*) AS n FROM points_lots WHERE cause = 'REBATE_RELEASE'"),
        "vouchers": await one("SELECT COUNT(*) AS n FROM vouchers WHERE rebate_installment_id IS NOT NULL"),
        "events": await one("SELECT COUNT(*) AS n FROM outbox_events WHERE topic = 'rebate.changed'"),
    }


def main(command: str, *args: str) -> None:
    if command == "seed":
        print(json.dumps(asyncio.run(connected(seed(int(args[0]), int(args[1]))))))
    elif command == "release":
        result = asyncio.run(connected(release(int(args[0]), int(args[1]))))
        Path(args[2]).write_text(json.dumps(result), encoding="utf-8")
    elif command == "audit":
        print(json.dumps(asyncio.run(connected(audit()))))
    else:
        raise SystemExit(f"unknown command {command!r}")


if __name__ == "__main__":
    main(*sys.argv[1:])
