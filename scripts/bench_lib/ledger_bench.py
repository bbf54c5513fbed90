"""The ledger throughput scenario on PostgreSQL (issue 8): transfers/s through ``ledger.post``.

No server: writer processes (bench_lib.ledger_writers, BENCH_LEDGER_PROCESSES of
them, BENCH_LEDGER_WRITERS asyncio tasks each, a pooled connection per task) call
the real ``ledger.post`` with unique keys on a fresh database holding
BENCH_LEDGER_CUSTOMERS funded customers. In one run, in this order:

1. a warm-up (spread shape, all writers), not counted;
2. single: one writer, one process (spread shape): the baseline;
3. hot: all writers on one customer's BALANCE → HELD;
4. spread: all writers over every customer's BALANCE → HELD;
5. system: all writers from ADJUSTMENTS to a random customer's BALANCE (one shared system row);
6. SQL statements of one post per shape, in process (mall.infra.sqlcount), not under load;
7. the audit once every writer has stopped: ``verify()`` over the whole ledger, and
   the entries written under each phase's key prefix against the posts its writers counted.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench_lib.harness import (
    DURATION,
    PYTHON,
    WARMUP,
    CpuWindow,
    Database,
    drop_database,
    fmt,
    forget_redis_prefix,
    new_database,
    say,
    step,
    verdict,
)
from bench_lib.ledger_writers import WritersRun
from bench_lib.stats import percentile

WRITERS = int(os.environ.get("BENCH_LEDGER_WRITERS", "16"))
PROCESSES = int(os.environ.get("BENCH_LEDGER_PROCESSES", "1"))
CUSTOMERS = int(os.environ.get("BENCH_LEDGER_CUSTOMERS", "1000"))
SECONDS = float(os.environ.get("BENCH_LEDGER_DURATION", str(min(DURATION, 10.0))))

# (key, shape, writers per process, processes, what it is)
PHASES = (
    ("single", "spread", 1, 1, "single writer (baseline)"),
    ("hot", "hot", WRITERS, PROCESSES, "hot: one customer's BALANCE → HELD"),
    ("spread", "spread", WRITERS, PROCESSES, f"spread: BALANCE → HELD over {CUSTOMERS:,} customers"),
    ("system", "system", WRITERS, PROCESSES, "system: ADJUSTMENTS → a customer's BALANCE"),
)


@dataclass
class Phase:
    key: str
    name: str
    run: WritersRun
    cpu: dict[str, float] = field(default_factory=dict)  # share of the machine
    load: tuple[float, float, float] = (0.0, 0.0, 0.0)


@dataclass
class LedgerReport:
    facts: str = ""
    sql: dict[str, list[int]] = field(default_factory=dict)
    phases: dict[str, Phase] = field(default_factory=dict)
    audit: dict[str, Any] = field(default_factory=dict)
    expected: dict[str, int] = field(default_factory=dict)  # entries each key prefix should hold
    warnings: list[str] = field(default_factory=list)


def bench_ledger(workdir: Path) -> LedgerReport:
    report = LedgerReport()
    say("\n== Ledger throughput, PostgreSQL")
    database = new_database("postgres", workdir, "ledger")
    try:
        step("migrate: " + database.mall("migrate").replace("\n", " "))
        customers_path = workdir / "ledger-customers.json"
        began = time.monotonic()
        database.python("bench_lib.ledger_writers", "seed", str(customers_path), str(CUSTOMERS))
        report.expected["fund"] = CUSTOMERS
        report.facts = (f"{CUSTOMERS:,} customers funded from ADJUSTMENTS (seeded in {time.monotonic() - began:.1f} s); "
                        f"{PROCESSES} writer process(es) × {WRITERS} asyncio tasks, pool of {WRITERS + 2} connections "
                        "each; every transfer moves 1 fen in its own transaction")
        _run(database, customers_path, report)
    finally:
        drop_database(database.name)  # type: ignore[arg-type]
        if database.redis_prefix:
            forget_redis_prefix(database.redis_prefix)
    return report


def _run(database: Database, customers_path: Path, report: LedgerReport) -> None:
    if WARMUP > 0:
        warm = _writers(database, customers_path, "spread", "warm", WRITERS, PROCESSES, WARMUP)
        report.expected["warm"] = warm.posted
    for key, shape, writers, processes, name in PHASES:
        with CpuWindow(server_pid=-1) as cpu:
            run = _writers(database, customers_path, shape, key, writers, processes, SECONDS)
        phase = Phase(key, name, run, cpu.share, os.getloadavg())
        report.phases[key] = phase
        report.expected[key] = run.posted
        step(_phase_line(phase))
        if phase.load[0] > (os.cpu_count() or 1):
            report.warnings.append(f"{name}: load average {phase.load[0]:.2f} on {os.cpu_count()} CPUs at its end — "
                                   "other work shared the machine, so the figures understate it")

    # After the phases, so the accounts a post reaches exist, as they do for a running shop.
    sql_path = database.workdir / "ledger-sql.json"
    database.python("bench_lib.ledger_writers", "sql", str(customers_path), str(sql_path))
    report.sql = json.loads(sql_path.read_text(encoding="utf-8"))
    report.expected["sql"] = sum(len(v) + 1 for v in report.sql.values())
    step("SQL statements per post (in process, not under load): " + "; ".join(
        f"{shape} {'/'.join(map(str, sorted(set(counts))))}" for shape, counts in report.sql.items()))

    report.audit = json.loads(database.python("bench_lib.ledger_writers", "audit", *report.expected))
    a = report.audit
    step(f"audit: verify {'ok' if a['ok'] else 'FAILED'} ({a['entries_checked']:,} entries, {a['accounts_checked']:,} "
         f"accounts); entries per phase {a['entries']} against posts counted {report.expected}")


def _writers(database: Database, customers_path: Path, shape: str, label: str, writers: int, processes: int,
             seconds: float) -> WritersRun:
    """``processes`` writer processes started together; their runs as one."""
    env = database.env(response_cache=False, MALL_DATABASE_POOL_MAX=str(writers + 2))
    start_at = time.time() + 2.0 + 0.5 * processes  # every process connected before the first post
    paths = [database.workdir / f"ledger-{label}-{n}.json" for n in range(processes)]
    started = [subprocess.Popen([PYTHON, "-m", "bench_lib.ledger_writers", "run", str(customers_path), shape,
                                 label, str(writers), str(seconds), str(start_at), str(path)],
                                env=env, cwd=database.workdir, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
               for path in paths]
    problems = []
    for process in started:
        out, err = process.communicate(timeout=seconds + 120)
        if process.returncode != 0:
            problems.append(f"exit {process.returncode}:\n{out.decode(errors='replace')}\n{err.decode(errors='replace')}")
    if problems:
        raise RuntimeError(f"ledger writers ({label}) failed: " + "\n".join(problems))
    return WritersRun.merged([WritersRun.load(path) for path in paths])


def _phase_line(phase: Phase) -> str:
    r = phase.run
    failed = f"; FAILED: {r.failures}" if r.failures else ""
    cpu_per_post = r.cpu_seconds * 1000 / r.posted if r.posted else float("nan")
    shares = ", ".join(f"{'writers' if k == 'wrk' else k} {v:.0%}"
                       for k, v in sorted(phase.cpu.items(), key=lambda kv: -kv[1]) if v >= 0.005 and k != "server")
    return (f"{phase.name}: {r.posted:,} transfers in {r.seconds:.1f} s = {r.per_second:,.1f}/s, "
            f"p50 {percentile(r.latencies_ms, 0.5):.1f} ms, p99 {percentile(r.latencies_ms, 0.99):.1f} ms per post; "
            f"writer CPU {cpu_per_post:.2f} ms/post{failed}; CPUs: {shares}; "
            f"load {phase.load[0]:.2f} {phase.load[1]:.2f} {phase.load[2]:.2f}")


def print_ledger(report: LedgerReport) -> None:
    say("\nLedger throughput, PostgreSQL (ledger.post, no HTTP)")
    say(f"  {report.facts}")
    say(f"  {SECONDS:g} s per phase after one {WARMUP:g} s warm-up; latency = one ledger.post call as its caller sees it")
    say("  CPU shares are of the whole machine from the writers' start (about 2 s of start-up before the first "
        "post) to their exit; writers = the writer processes; PostgreSQL's backends end with their connections, so "
        "their time shows as other; load = os.getloadavg() at the end of the phase")
    phases = report.phases
    say(f"  {'phase':<44} {'writers':>7} {'transfers/s':>12} {'÷ single':>9} {'p50':>9} {'p99':>9}  {'SQL/post':>8}")
    single = phases.get("single")
    for key, shape, *_ in PHASES:
        phase = phases.get(key)
        if phase is None:
            continue
        r = phase.run
        ratio = r.per_second / single.run.per_second if single and single.run.per_second else None
        sql = "/".join(map(str, sorted(set(report.sql.get(shape, [])))))
        say(f"  {phase.name:<44} {r.writers:>7} {fmt(r.per_second):>12} {fmt(ratio, '×', 2):>9} "
            f"{fmt(percentile(r.latencies_ms, 0.5), ' ms'):>9} {fmt(percentile(r.latencies_ms, 0.99), ' ms'):>9}  {sql:>8}")
    for phase in phases.values():
        say(f"  {_phase_line(phase)}")

    audit = report.audit
    failures = sum(sum(p.run.failures.values()) for p in phases.values())
    mismatched = {label: (audit.get("entries", {}).get(label), expected) for label, expected in report.expected.items()
                  if audit.get("entries", {}).get(label) != expected}
    bad_postings = {label: n for label, n in audit.get("postings", {}).items()
                    if n != 2 * audit.get("entries", {}).get(label, 0)}
    say("")
    say(f"  {'check':<58} {'figure':>10}  {'wanted':>10}  result")
    lines = [
        ("ledger verifies after the run (verify(), every rule)", "ok" if audit.get("ok") else "FAILED", "ok",
         audit.get("ok") if audit else None),
        ("phases whose entries ≠ the posts their writers counted", str(len(mismatched)), "0", not mismatched),
        ("phases with an entry not of exactly two postings", str(len(bad_postings)), "0", not bad_postings),
        ("posts that raised", str(failures), "0", failures == 0),
    ]
    for label, figure, wanted, ok in lines:
        say(f"  {label:<58} {figure:>10}  {wanted:>10}  {verdict(ok)}")
    say(f"  {'(info) entries checked by verify()':<58} {audit.get('entries_checked', 0):>10,}")
    for label, (found, expected) in mismatched.items():
        say(f"  ! {label}: {found} entries written, {expected} posts counted")
    for problem in audit.get("problems", [])[:10]:
        say(f"  ! {problem}")
    for warning in report.warnings:
        say(f"  ! {warning}")
