"""The benchmark's driver: databases, servers, wrk runs, and the report. See scripts/bench."""

from __future__ import annotations

import asyncio
import json
import os
import platform
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from bench_lib import wrk
from bench_lib.checkout_bench import CheckoutReport, bench_checkout, print_checkout
from bench_lib.harness import (
    CLEANUP,
    DURATION,
    POSTGRES,
    REDIS,
    ROOT,
    WARMUP,
    CpuWindow,
    Database,
    Server,
    check,
    drop_database,
    fmt,
    forget_redis_prefix,
    interrupted,
    new_database,
    say,
    server_log,
    step,
    verdict,
)
from bench_lib.ledger_bench import LedgerReport, bench_ledger, print_ledger
from bench_lib.queries import SEARCH_TERMS, light_body, products_body
from bench_lib.release_bench import ReleaseReport, bench_releases, print_releases

ONLY = os.environ.get("BENCH_ONLY", "").strip().lower()
SEARCH = os.environ.get("BENCH_SEARCH", "1").strip().lower() not in ("0", "false", "no", "off")
CHECKOUT = os.environ.get("BENCH_CHECKOUT", "1").strip().lower() not in ("0", "false", "no", "off")
LEDGER = os.environ.get("BENCH_LEDGER", "1").strip().lower() not in ("0", "false", "no", "off")
RELEASES = os.environ.get("BENCH_RELEASES", "1").strip().lower() not in ("0", "false", "no", "off")
SEARCH_PRODUCTS = int(os.environ.get("BENCH_SEARCH_PRODUCTS", "100000"))

CONNECTIONS, THREADS = 16, 2

# Targets (issue 3) and the peers' published figures (same wrk settings, query (b)).
TARGET_LIGHT_RPS = 280.0
TARGET_UNCACHED_SHARE = 0.60
TARGET_CACHED_SHARE = 0.25
TARGET_SQL = 5
TARGET_RSS_MB = 150.0
TARGET_SEARCH_P99_MS = 50.0
PEERS = [
    ("Saleor 3.21", "39 req/s", "10 SQL statements", "300 MB"),
    ("Vendure 3.7", "70 req/s on SQLite, 23 on PostgreSQL", "110 SQL statements", "430 MB"),
]


# --- scenarios ----------------------------------------------------------------------------------


@dataclass
class Row:
    scenario: str
    rps: float | None = None
    p50: float | None = None
    p99: float | None = None
    sql: str = ""
    rss: float | None = None
    hwm: float | None = None
    cpu_ms: float | None = None  # server CPU per request
    other_share: float | None = None  # CPU share used by unrelated processes during the run
    cpu: dict[str, float] = field(default_factory=dict)
    note: str = ""


def load(server: Server, name: str, bodies: list[str], *, connections: int = CONNECTIONS, threads: int = THREADS,
         seconds: float = DURATION) -> tuple[wrk.WrkResult, float, float, CpuWindow]:
    script = wrk.lua_script(bodies, server.workdir / f"{server.label}-{name}.lua")
    if WARMUP > 0:
        wrk.run(server.url, script, seconds=WARMUP, connections=connections, threads=threads)
    assert server.process is not None
    with CpuWindow(server.process.pid) as cpu:
        result = wrk.run(server.url, script, seconds=seconds, connections=connections, threads=threads)
    if server.process.poll() is not None:
        raise RuntimeError(f"server {server.label} died under load:\n{server.log()}")
    rss, hwm = server.memory_mb()
    return result, rss, hwm, cpu


OTHER_LOAD_WARNING = 0.10


def measured(row: Row, result: wrk.WrkResult, rss: float, hwm: float, cpu: CpuWindow) -> Row:
    row.rps, row.p50, row.p99, row.rss, row.hwm = result.requests_per_second, result.p50_ms, result.p99_ms, rss, hwm
    row.cpu = cpu.share
    row.cpu_ms = cpu.seconds["server"] * 1000 / result.requests if result.requests else None
    row.other_share = cpu.share.get("other", 0.0)
    problems = []
    if result.non_2xx:
        problems.append(f"{result.non_2xx} non-2xx")
    if result.socket_errors:
        problems.append(f"socket errors: {result.socket_errors}")
    if row.other_share > OTHER_LOAD_WARNING:
        problems.append(f"unattributed CPU {row.other_share:.0%} (other jobs, or short-lived processes such as "
                        "PostgreSQL parallel workers)")
    if problems:
        row.note = "; ".join(problems)
    shares = ", ".join(f"{k} {v:.0%}" for k, v in sorted(cpu.share.items(), key=lambda kv: -kv[1]) if v >= 0.005)
    step(f"{row.scenario}: {row.rps:.1f} req/s, p50 {row.p50:.1f} ms, p99 {row.p99:.1f} ms, RSS {rss:.0f} MB "
         f"(peak {hwm:.0f}), server CPU {row.cpu_ms:.2f} ms/req; CPUs: {shares}"
         f"{' — ' + row.note if row.note else ''}")
    return row


@dataclass
class DatabaseReport:
    dialect: str
    title: str
    facts: str = ""
    rows: dict[str, Row] = field(default_factory=dict)
    counts: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def bench_database(dialect: str, workdir: Path) -> DatabaseReport:
    title = "SQLite (embedded shape)" if dialect == "sqlite" else "PostgreSQL + Redis (production shape)"
    report = DatabaseReport(dialect, title)
    say(f"\n== {title}")
    database = new_database(dialect, workdir)
    try:
        step("migrate: " + database.mall("migrate").replace("\n", " "))
        seeded = database.mall("seed", "--demo", MALL_SANDBOX="true")
        step("seed: " + seeded.splitlines()[-1])
        _bench(database, report)
    finally:
        if dialect == "postgres":
            drop_database(database.name)  # type: ignore[arg-type]
            if database.redis_prefix:
                forget_redis_prefix(database.redis_prefix)
    return report


def _bench(database: Database, report: DatabaseReport) -> None:
    workdir = database.workdir
    a, b = products_body(20), light_body(20)

    # SQL statements per request, in-process (not under load), and the baselines' checks.
    result_path, bare_path = workdir / f"inproc-{database.dialect}.json", workdir / f"bare-{database.dialect}.json"
    database.python("bench_lib.inproc", str(result_path), str(bare_path))
    inproc = json.loads(result_path.read_text(encoding="utf-8"))
    report.counts = inproc
    report.facts = (f"{inproc['products']} demo products ({inproc['active']} ACTIVE), {inproc['variants']} variants, "
                    f"{inproc['categories']} categories; response of (a) {inproc['bytes']['a20']:,} bytes, "
                    f"(b) {inproc['bytes']['b20']:,} bytes")
    report.warnings += inproc["warnings"] + inproc["problems"]
    counts, memory_counts = inproc["counts"], inproc["memory_counts"]
    step(f"SQL statements per request: (a) {counts['a']}, (b) {counts['b']}; cached (a) miss "
         f"{counts['a_cached_miss']} / hit {counts['a_cached_hit']}, (b) miss {counts['b_cached_miss']} / hit "
         f"{counts['b_cached_hit']}; memory baseline {memory_counts}")
    memory_ok = not any(p.startswith("memory") for p in inproc["problems"])

    def sql(name: str, table: dict[str, Any] = counts) -> str:
        return "/".join(str(table[name][k]) for k in ("5", "20", "50"))

    rows = report.rows
    reference: dict[str, bytes] = {}

    # The real app, response cache off (the document cache is always on).
    server = Server(f"{database.dialect}-uncached", "mall.app:app", database.env(response_cache=False), workdir).start()
    for key, name, body in (("a", "(a) Products(first:20), uncached", a), ("b", "(b) light query, uncached", b)):
        content, problem = check(server, body)
        rows[key] = Row(name, sql=sql(key))
        if problem:
            rows[key].note = f"NOT RUN: {problem}"
            report.warnings.append(f"{name}: {problem}")
            continue
        reference[key] = content  # type: ignore[assignment]
        measured(rows[key], *load(server, key, [body]))
    server_log(server, report.warnings)
    server.stop()

    # The real app, response cache on: after the first request every one is a hit.
    server = Server(f"{database.dialect}-cached", "mall.app:app", database.env(response_cache=True), workdir).start()
    for key, name, body in (("a_cached", "(a) Products(first:20), cached", a), ("b_cached", "(b) light query, cached", b)):
        rows[key] = Row(name, sql=f"{counts[key + '_hit']} (hit)")
        check(server, body)
        content, problem = check(server, body, expect_cache="hit")
        if problem:
            rows[key].note = f"NOT RUN: {problem}"
            report.warnings.append(f"{name}: {problem}")
            continue
        if content != reference.get(key[0]):
            report.warnings.append(f"{name}: the cached response differs from the uncached one")
        measured(rows[key], *load(server, key, [body]))
    server_log(server, report.warnings)
    server.stop()

    # Baseline 1: the same Strawberry schema, rows from memory (no SQL per request).
    server = Server(f"{database.dialect}-memory", "bench_lib.memory:app", database.env(response_cache=False), workdir).start()
    for key, name, body in (("mem_a", "memory baseline: same schema, (a)", a), ("mem_b", "memory baseline: same schema, (b)", b)):
        rows[key] = Row(name, sql=sql(key[-1], memory_counts))
        content, problem = check(server, body)
        if problem or not memory_ok:
            rows[key].note = f"NOT RUN: {problem or 'in-process check failed'}"
            report.warnings.append(f"{name}: {problem or 'in-process check failed'}")
            continue
        if content != reference.get(key[-1]):
            report.warnings.append(f"WARNING {name}: NOT byte-identical to the real app's response")
            rows[key].note = "differs from the real app!"
        measured(rows[key], *load(server, key, [body]))
    server_log(server, report.warnings)
    server.stop()

    # Baseline 2: bare Starlette endpoint, the same rows as JSON for shape (a).
    server = Server(f"{database.dialect}-bare", "bench_lib.bare:app",
                    {**database.env(response_cache=False), "BENCH_BARE_DATA": str(bare_path)}, workdir).start()
    rows["bare"] = Row("bare Starlette JSON, shape (a)", sql="0")
    content, problem = check(server, a)
    if problem:
        rows["bare"].note = f"NOT RUN: {problem}"
        report.warnings.append(f"bare Starlette: {problem}")
    else:
        if content != reference.get("a"):
            report.warnings.append("WARNING bare Starlette: NOT byte-identical to the real app's (a) response")
        measured(rows["bare"], *load(server, "bare", [a]))
    server_log(server, report.warnings)
    server.stop()


# --- search -------------------------------------------------------------------------------------


@dataclass
class SearchReport:
    generated: dict[str, Any] = field(default_factory=dict)
    sql: dict[str, Any] = field(default_factory=dict)
    http: Row | None = None
    warnings: list[str] = field(default_factory=list)


def bench_search(workdir: Path) -> SearchReport:
    report = SearchReport()
    say(f"\n== Search over {SEARCH_PRODUCTS:,} generated products (PostgreSQL)")
    database = new_database("postgres", workdir, "search")
    try:
        step("migrate: " + database.mall("migrate").replace("\n", " "))
        report.generated = json.loads(database.python("bench_lib.search", "generate", database.url, str(SEARCH_PRODUCTS)))
        g = report.generated
        step(f"generated {g['products']:,} products, {g['variants']:,} variants: {g['build_seconds']:.1f} s in Python, "
             f"{g['load_seconds']:.1f} s COPY + GIN build + ANALYZE; GIN index {g['gin_size']}")
        result_path = workdir / "search-sql.json"
        database.python("bench_lib.search", "measure", str(result_path))
        report.sql = json.loads(result_path.read_text(encoding="utf-8"))
        s = report.sql
        step(f"SQL of one search request (page + count + variants + categories, in-process): p50 {s['request_sql_ms']['p50']:.1f} ms, p99 {s['request_sql_ms']['p99']:.1f} ms; "
             f"products_search_gin in {s['gin_used']}/{s['plans']} plans")

        server = Server("search", "mall.app:app", database.env(response_cache=False), workdir).start()
        bodies = [products_body(20, search=term) for term in SEARCH_TERMS]
        report.http = Row(f"Products(first:20, filter:{{search}}), {len(bodies)} terms in turn, wrk -t1 -c1")
        failed = []
        for term, body in zip(SEARCH_TERMS, bodies, strict=True):
            _, problem = check(server, body)
            if problem:
                failed.append(f"{term}: {problem}")
        if failed:
            report.http.note = "NOT RUN: " + "; ".join(failed[:3])
            report.warnings += failed
        else:
            measured(report.http, *load(server, "search", bodies, connections=1, threads=1))
        server_log(server, report.warnings)
        server.stop()
    finally:
        drop_database(database.name)  # type: ignore[arg-type]
        if database.redis_prefix:
            forget_redis_prefix(database.redis_prefix)
    return report


# --- report -------------------------------------------------------------------------------------


def print_database(report: DatabaseReport) -> None:
    say(f"\n{report.title}")
    say(f"  {report.facts}")
    say(f"  wrk -t{THREADS} -c{CONNECTIONS} -d{DURATION:g}s --latency (after {WARMUP:g} s warm-up), one uvicorn process; "
        "RSS = VmRSS after the run, peak = VmHWM; CPU/req = server process CPU time ÷ requests")
    header = (f"  {'scenario':<38} {'req/s':>8} {'p50':>9} {'p99':>9}  {'SQL/req 5/20/50':<16} {'RSS':>7} {'peak':>7} "
              f"{'CPU/req':>8}  note")
    say(header)
    say("  " + "-" * (len(header) - 2))
    for row in report.rows.values():
        say(f"  {row.scenario:<38} {fmt(row.rps):>8} {fmt(row.p50, ' ms'):>9} {fmt(row.p99, ' ms'):>9}  "
            f"{row.sql:<16} {fmt(row.rss, ' MB', 0):>7} {fmt(row.hwm, ' MB', 0):>7} {fmt(row.cpu_ms, ' ms', 2):>8}  {row.note}")

    r = report.rows

    def share(top: str, bottom: str) -> float | None:
        if r.get(top) and r.get(bottom) and r[top].rps and r[bottom].rps:
            return r[top].rps / r[bottom].rps  # type: ignore[operator]
        return None

    counts = report.counts.get("counts", {})
    sql_values = [v for name in ("a", "b") for v in counts.get(name, {}).values()]
    worst_sql = max(sql_values) if sql_values else None
    sql_flat = all(len(set(counts.get(name, {}).values())) == 1 for name in ("a", "b")) if counts else None
    real_peaks = [row.hwm for key, row in r.items() if key in ("a", "b", "a_cached", "b_cached") and row.hwm]
    peak = max(real_peaks) if real_peaks else None
    light = r.get("b").rps if r.get("b") else None
    uncached_share, cached_share, light_share = share("a", "mem_a"), share("a_cached", "bare"), share("b", "mem_b")
    say("")
    say(f"  {'target':<58} {'figure':>10}  {'wanted':>10}  result")
    lines = [
        ("(b) light query, uncached, req/s", fmt(light), f"≥ {TARGET_LIGHT_RPS:g}",
         None if light is None else light >= TARGET_LIGHT_RPS),
        ("(a) uncached ÷ memory baseline (a), req/s", fmt(uncached_share and uncached_share * 100, " %"),
         f"≥ {TARGET_UNCACHED_SHARE:.0%}", None if uncached_share is None else uncached_share >= TARGET_UNCACHED_SHARE),
        ("(a) cached ÷ bare Starlette, req/s", fmt(cached_share and cached_share * 100, " %"),
         f"≥ {TARGET_CACHED_SHARE:.0%}", None if cached_share is None else cached_share >= TARGET_CACHED_SHARE),
        ("SQL statements per request, worst of (a),(b) at first 5/20/50", "—" if worst_sql is None else str(worst_sql),
         f"≤ {TARGET_SQL}", None if worst_sql is None else worst_sql <= TARGET_SQL),
        ("  … and the same whatever the page size", "—" if sql_flat is None else ("yes" if sql_flat else "NO"), "same",
         sql_flat),
        ("server RSS under load (peak VmHWM of the real app)", fmt(peak, " MB", 0), f"≤ {TARGET_RSS_MB:g} MB",
         None if peak is None else peak <= TARGET_RSS_MB),
    ]
    for label, figure, wanted, ok in lines:
        say(f"  {label:<58} {figure:>10}  {wanted:>10}  {verdict(ok)}")
    say(f"  {'(info) (b) uncached ÷ memory baseline (b)':<58} {fmt(light_share and light_share * 100, ' %'):>10}")
    bare = r.get("bare")
    if bare and bare.rps and r.get("mem_a") and r["mem_a"].rps:
        say(f"  {'(info) memory baseline (a) ÷ bare Starlette':<58} {fmt(r['mem_a'].rps / bare.rps * 100, ' %'):>10}")
    for warning in report.warnings:
        say(f"  ! {warning}")


def print_search(report: SearchReport) -> None:
    say(f"\nSearch, PostgreSQL, {report.generated.get('products', 0):,} generated products "
        f"({report.generated.get('variants', 0):,} variants), response cache off")
    s = report.sql
    if s:
        matches = sorted(s["terms"].values())
        say(f"  {len(matches)} terms; matches per term: min {matches[0]}, median {matches[len(matches) // 2]}, max {matches[-1]}")
        say("  " + ", ".join(f"{term} {count}" for term, count in s["terms"].items()))
    row = report.http
    if row is not None:
        say(f"  HTTP {row.scenario}:")
        say(f"    {fmt(row.rps)} req/s, p50 {fmt(row.p50, ' ms')}, p99 {fmt(row.p99, ' ms')}, RSS {fmt(row.rss, ' MB', 0)} "
            f"(peak {fmt(row.hwm, ' MB', 0)}), server CPU {fmt(row.cpu_ms, ' ms', 2)}/req   target p99 < {TARGET_SEARCH_P99_MS:g} ms: "
            f"{verdict(None if row.p99 is None else row.p99 < TARGET_SEARCH_P99_MS)} {row.note}")
    if s:
        say(f"  SQL alone, in-process, the statements of one request ({s['samples']} samples each):")
        for key, label in (("page_ms", "page (first 20 by relevance; listing + paginate)"),
                           ("count_ms", "count (totalCount)"),
                           ("variants_ms", "the page's variants (VariantsByProductIdLoader)"),
                           ("categories_ms", "the page's categories (CategoryByIdLoader)"),
                           ("request_sql_ms", "all four, as one request runs them"),
                           ("explain_page_ms", "EXPLAIN ANALYZE execution time: page"),
                           ("explain_count_ms", "EXPLAIN ANALYZE execution time: count"),
                           ("explain_variants_ms", "EXPLAIN ANALYZE execution time: variants")):
            say(f"    {label:<52} p50 {s[key]['p50']:6.2f} ms   p99 {s[key]['p99']:6.2f} ms   max {s[key]['max']:6.2f} ms")
        say(f"  SQL p99 of a search request (all four statements): {s['request_sql_ms']['p99']:.1f} ms "
            f"(target for the whole request: < {TARGET_SEARCH_P99_MS:g} ms: "
            f"{verdict(s['request_sql_ms']['p99'] < TARGET_SEARCH_P99_MS)})")
        say(f"  GIN index products_search_gin used in {s['gin_used']}/{s['plans']} EXPLAINed plans "
            f"({verdict(s['gin_used'] == s['plans'])})")
        scans = ", ".join(f"{n}× {kind}" for kind, n in s.get("variants_scans", {}).items())
        say(f"  variants of a page are found by: {scans}")
        if any(kind.endswith("Seq Scan") for kind in s.get("variants_scans", {})):
            say("  ! the variants loader scans the whole variants table (no index on variants.product_id)")
        for key, title in (("plan_sample", "page query"), ("variants_plan", "variants of that page")):
            sample = s.get(key)
            if sample:
                lines = sample["plan"] if isinstance(sample, dict) else sample
                say(f"  plan, {title}{' for ' + repr(sample['term']) if isinstance(sample, dict) else ''}:")
                for line in lines:
                    say(f"    {line}")
    for warning in report.warnings:
        say(f"  ! {warning}")


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def machine_facts() -> None:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.partition(":")[2].strip()
                break
    commit = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True,
                           text=True).stdout.strip()
    # Scenarios without HTTP (BENCH_ONLY=ledger|releases) run without wrk.
    wrk_version = (subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.splitlines()
                   if shutil.which("wrk") else [])
    say("Mall catalog benchmark")
    say(f"  machine:  {os.cpu_count()} CPUs ({model or platform.processor()}), {platform.platform()}; "
        "wrk runs on the same machine")
    say(f"  python:   {platform.python_version()} ({sys.executable})")
    say("  packages: " + ", ".join(f"{n} {_version(n)}" for n in (
        "strawberry-graphql", "graphql-core", "tortoise-orm", "starlette", "uvicorn", "uvloop", "httptools",
        "asyncpg", "aiosqlite", "orjson", "redis")))
    say(f"  sqlite:   {sqlite3.sqlite_version}; wrk: {wrk_version[0] if wrk_version else '?'}")
    say(f"  git:      {commit}{' (+ uncommitted changes)' if dirty else ''}")
    say(f"  settings: {DURATION:g} s per scenario after {WARMUP:g} s warm-up, wrk -t{THREADS} -c{CONNECTIONS}; "
        f"databases: {ONLY or 'sqlite, postgres'}; search: {f'{SEARCH_PRODUCTS:,} products' if SEARCH else 'off'}; "
        f"checkout: {'on' if CHECKOUT else 'off'}; ledger: {'on' if LEDGER else 'off'}; "
        f"releases: {'on' if RELEASES else 'off'}")


def postgres_version() -> str:
    import asyncpg

    async def run() -> str:
        connection = await asyncpg.connect(POSTGRES)
        try:
            return str(await connection.fetchval("SHOW server_version"))
        finally:
            await connection.close()

    return asyncio.run(run())


def main() -> int:
    if ONLY not in ("", "sqlite", "postgres", "ledger", "releases"):
        say(f"BENCH_ONLY must be sqlite, postgres, ledger or releases, not {ONLY!r}")
        return 2
    # Ctrl-C cleans up even when started with SIGINT ignored (e.g. `nohup … &`).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, interrupted)
    signal.signal(signal.SIGHUP, interrupted)
    # BENCH_ONLY=ledger: the ledger scenario alone (it needs PostgreSQL, not the catalog runs).
    dialects = [d for d in ("sqlite", "postgres") if not ONLY or ONLY == d]
    ledger_only = ONLY == "ledger"
    releases_only = ONLY == "releases"  # the rebate release job alone (PostgreSQL)
    workdir = Path(tempfile.mkdtemp(prefix="mall-bench-"))
    CLEANUP.workdir = workdir
    reports: list[DatabaseReport] = []
    search: SearchReport | None = None
    checkout: CheckoutReport | None = None
    ledger: LedgerReport | None = None
    releases: ReleaseReport | None = None
    started = time.monotonic()
    try:
        machine_facts()
        if "postgres" in dialects or ledger_only or releases_only:
            import redis

            client = redis.Redis.from_url(REDIS)
            say(f"  services: PostgreSQL {postgres_version()}, Redis {client.info('server')['redis_version']}")
            client.close()
        for dialect in dialects:
            reports.append(bench_database(dialect, workdir))
        if CHECKOUT and "postgres" in dialects:
            checkout = bench_checkout(workdir)
        if (LEDGER and "postgres" in dialects) or ledger_only:
            ledger = bench_ledger(workdir)
        if (RELEASES and "postgres" in dialects) or releases_only:
            releases = bench_releases(workdir)
        if SEARCH and "postgres" in dialects:
            search = bench_search(workdir)
    except KeyboardInterrupt:
        say("\nInterrupted: cleaning up.")
        CLEANUP.run()
        return 130
    except Exception:
        CLEANUP.run()
        raise
    CLEANUP.run()

    say("\n" + "=" * 100)
    say(f"RESULTS ({(time.monotonic() - started) / 60:.1f} min)")
    for report in reports:
        print_database(report)
    if checkout is not None:
        print_checkout(checkout)
    if ledger is not None:
        print_ledger(ledger)
    if releases is not None:
        print_releases(releases)
    if search is not None:
        print_search(search)
    if reports:
        say("\nPeers for reference (same wrk settings, light query shape (b)):")
        for name, rps, sql, rss in PEERS:
            say(f"  {name:<12} {rps}, {sql}, {rss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
