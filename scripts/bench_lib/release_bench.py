"""The rebate release scenario on PostgreSQL: installments/s through the release job (``BENCH_ONLY=releases``).

No server: one process seeds BENCH_RELEASE_INSTALLMENTS due installments
(default 100,000) over BENCH_RELEASE_CUSTOMERS customers on a fresh database,
another runs the release job on them (bench_lib.release_work), then the audit.
In that one run:

1. the baseline: BENCH_RELEASE_BASELINE installments (default 1,000) released
   one per transaction — the same job with a batch of one, as releasing would
   cost without batching;
2. the job itself, batches of BENCH_RELEASE_BATCH (default: the job's own),
   until nothing is due: installments/s, the ratio to the baseline, peak
   memory (Python allocations by tracemalloc, and the process's peak RSS),
   the machine's load before and after;
3. the audit: ``verify()`` over the whole ledger, nothing left SCHEDULED, one
   entry per credit or points installment, a lot per points one, a voucher
   per voucher one, every rebate COMPLETED.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench_lib.harness import drop_database, fmt, forget_redis_prefix, new_database, say, step, verdict

INSTALLMENTS = int(os.environ.get("BENCH_RELEASE_INSTALLMENTS", "100000"))
CUSTOMERS = int(os.environ.get("BENCH_RELEASE_CUSTOMERS", "20000"))
BASELINE = int(os.environ.get("BENCH_RELEASE_BASELINE", "1000"))
BATCH = int(os.environ.get("BENCH_RELEASE_BATCH", "0"))  # 0: the job's own batch size
TARGET_PER_SECOND = 5000.0


@dataclass
class ReleaseReport:
    facts: str = ""
    seeded: dict[str, int] = field(default_factory=dict)
    run: dict[str, Any] = field(default_factory=dict)
    audit: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def bench_releases(workdir: Path) -> ReleaseReport:
    report = ReleaseReport()
    say("\n== Rebate releases, PostgreSQL")
    database = new_database("postgres", workdir, "releases")
    try:
        step("migrate: " + database.mall("migrate").replace("\n", " "))
        began = time.monotonic()
        report.seeded = json.loads(database.python("bench_lib.release_work", "seed", str(INSTALLMENTS), str(CUSTOMERS)))
        report.facts = (f"{INSTALLMENTS:,} due installments ({', '.join(f'{n:,} {form}' for form, n in report.seeded.items())}) "
                        f"over {CUSTOMERS:,} customers, one ACTIVE rebate each (seeded in {time.monotonic() - began:.1f} s); "
                        f"{os.cpu_count()} CPUs, PostgreSQL on the same machine")
        step(report.facts)
        result_path = workdir / "releases.json"
        database.python("bench_lib.release_work", "release", str(BATCH), str(BASELINE), str(result_path))
        report.run = json.loads(result_path.read_text(encoding="utf-8"))
        step(_line(report.run))
        report.audit = json.loads(database.python("bench_lib.release_work", "audit"))
        a = report.audit
        step(f"audit: verify {'ok' if a['ok'] else 'FAILED'} ({a['entries_checked']:,} entries); scheduled left "
             f"{a['scheduled']}, released {a['released']:,}, entries {a['entries']:,}, lots {a['lots']:,}, vouchers "
             f"{a['vouchers']:,}, rebates not completed {a['not_completed']}")
        if report.run["load_after"][0] > (os.cpu_count() or 1):
            report.warnings.append(f"load average {report.run['load_after'][0]:.2f} on {os.cpu_count()} CPUs at the "
                                   "end: other work shared the machine, so the figures understate it")
    finally:
        drop_database(database.name)  # type: ignore[arg-type]
        if database.redis_prefix:
            forget_redis_prefix(database.redis_prefix)
    return report


def per_second(released: int, seconds: float) -> float:
    return released / seconds if seconds else 0.0


def _line(run: dict[str, Any]) -> str:
    base = run["baseline"]
    rate, base_rate = per_second(run["released"], run["seconds"]), per_second(base["released"], base["seconds"])
    return (f"job: {run['released']:,} installments in {run['seconds']:.1f} s = {rate:,.0f}/s (batches of "
            f"{run['batch']}), baseline {base['released']:,} one per transaction = {base_rate:,.0f}/s, "
            f"ratio {rate / base_rate if base_rate else float('nan'):.1f}×; peak memory {run['traced_peak_mb']:.1f} MB "
            f"traced over one batch of {run['traced']}, process RSS {run['rss_peak_mb']:.0f} MB peak; load {run['load_before'][0]:.2f} → {run['load_after'][0]:.2f}")


def print_releases(report: ReleaseReport) -> None:
    say("\nRebate releases, PostgreSQL (the release job, no HTTP)")
    say(f"  {report.facts}")
    run, audit = report.run, report.audit
    if not run:
        say("  NOT RUN")
        return
    say(f"  {_line(run)}")
    rate = per_second(run["released"], run["seconds"])
    base = run["baseline"]
    credit_points = report.seeded.get("REBATE_CREDIT", 0) + report.seeded.get("POINTS", 0)
    say("")
    say(f"  {'check':<58} {'figure':>10}  {'wanted':>10}  result")
    lines = [
        ("installments released per second by the job", fmt(rate), f"≥ {TARGET_PER_SECOND:,.0f}",
         rate >= TARGET_PER_SECOND),
        ("ratio to one installment per transaction", fmt(rate / per_second(base["released"], base["seconds"])
                                                         if base["seconds"] else None, "×", 1), "(info)", None),
        ("ledger verifies after the run (verify(), every rule)", "ok" if audit.get("ok") else "FAILED", "ok",
         audit.get("ok")),
        ("installments still SCHEDULED", str(audit.get("scheduled")), "0", audit.get("scheduled") == 0),
        ("entries for credit and points installments", f"{audit.get('entries', 0):,}", f"{credit_points:,}",
         audit.get("entries") == credit_points),
        ("points lots", f"{audit.get('lots', 0):,}", f"{report.seeded.get('POINTS', 0):,}",
         audit.get("lots") == report.seeded.get("POINTS")),
        ("vouchers issued", f"{audit.get('vouchers', 0):,}", f"{report.seeded.get('VOUCHER', 0):,}",
         audit.get("vouchers") == report.seeded.get("VOUCHER")),
        ("rebates not COMPLETED", str(audit.get("not_completed")), "0", audit.get("not_completed") == 0),
    ]
    for label, figure, wanted, ok in lines:
        say(f"  {label:<58} {figure:>10}  {wanted:>10}  {verdict(ok) if ok is not None else ''}")
    for problem in audit.get("problems", []):
        say(f"  ! {problem}")
    for warning in report.warnings:
        say(f"  ! {warning}")
