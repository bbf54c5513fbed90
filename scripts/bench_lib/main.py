"""The benchmark's driver: databases, servers, wrk runs, and the report. See scripts/bench."""

from __future__ import annotations

import asyncio
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import httpx

from bench_lib import wrk
from bench_lib.queries import HEADERS, SEARCH_TERMS, light_body, products_body

ROOT = Path(__file__).resolve().parents[2]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
MALL = str(ROOT / ".venv" / "bin" / "mall")

DURATION = float(os.environ.get("BENCH_DURATION", "15"))
WARMUP = float(os.environ.get("BENCH_WARMUP", "3"))
ONLY = os.environ.get("BENCH_ONLY", "").strip().lower()
SEARCH = os.environ.get("BENCH_SEARCH", "1").strip().lower() not in ("0", "false", "no", "off")
SEARCH_PRODUCTS = int(os.environ.get("BENCH_SEARCH_PRODUCTS", "100000"))
POSTGRES = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432/postgres")
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/0")
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


def say(message: str = "") -> None:
    print(message, flush=True)


def step(message: str) -> None:
    print(f"  · {message}", flush=True)


# --- cleanup -----------------------------------------------------------------------------------


@dataclass
class Cleanup:
    servers: list[Server] = field(default_factory=list)
    databases: list[str] = field(default_factory=list)
    redis_prefixes: list[str] = field(default_factory=list)
    workdir: Path | None = None

    def run(self) -> None:
        for server in list(self.servers):
            server.stop()
        for name in list(self.databases):
            try:
                drop_database(name)
            except Exception as exc:  # noqa: BLE001 - report and carry on cleaning
                print(f"warning: could not drop database {name}: {exc}", file=sys.stderr)
        for prefix in self.redis_prefixes:
            try:
                forget_redis_prefix(prefix)
            except Exception as exc:  # noqa: BLE001
                print(f"warning: could not delete Redis keys {prefix}*: {exc}", file=sys.stderr)
        self.redis_prefixes.clear()
        if self.workdir is not None and os.environ.get("BENCH_KEEP") != "1":
            shutil.rmtree(self.workdir, ignore_errors=True)


CLEANUP = Cleanup()


def _interrupted(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


# --- databases ----------------------------------------------------------------------------------


def _admin(statement: str) -> None:
    import asyncpg

    async def run() -> None:
        connection = await asyncpg.connect(POSTGRES)
        try:
            await connection.execute(statement)
        finally:
            await connection.close()

    asyncio.run(run())


def database_url(name: str) -> str:
    base, _, _ = POSTGRES.rpartition("/")
    return f"{base}/{name}"


def create_database(name: str) -> str:
    CLEANUP.databases.append(name)
    _admin(f'CREATE DATABASE "{name}"')
    return database_url(name)


def drop_database(name: str) -> None:
    _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    if name in CLEANUP.databases:
        CLEANUP.databases.remove(name)


def forget_redis_prefix(prefix: str) -> None:
    import redis

    client = redis.Redis.from_url(REDIS)
    try:
        keys = list(client.scan_iter(match=prefix + "*", count=1000))
        if keys:
            client.delete(*keys)
    finally:
        client.close()


@dataclass
class Database:
    dialect: str  # sqlite | postgres
    url: str
    workdir: Path
    secret: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    redis_prefix: str | None = None
    name: str | None = None  # the PostgreSQL database's name

    def env(self, *, response_cache: bool, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("MALL_")}
        env.update(
            PYTHONPATH=f"{ROOT / 'scripts'}{os.pathsep}{ROOT}",
            MALL_DATABASE_URL=self.url,
            MALL_LOG_LEVEL="WARNING",
            MALL_RESPONSE_CACHE="true" if response_cache else "false",
            MALL_SECRET_KEY=self.secret,
            MALL_DEBUG="false",
        )
        if self.redis_prefix is not None:
            env.update(MALL_REDIS_URL=REDIS, MALL_REDIS_PREFIX=self.redis_prefix)
        env.update(extra)
        return env

    def mall(self, *args: str, **extra: str) -> str:
        done = subprocess.run([MALL, *args], env=self.env(response_cache=False, **extra), cwd=self.workdir,
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"mall {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout.strip()

    def python(self, module: str, *args: str, response_cache: bool = False) -> str:
        done = subprocess.run([PYTHON, "-m", module, *args], env=self.env(response_cache=response_cache),
                              cwd=self.workdir, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{module} {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        if done.stderr.strip():
            step(f"{module} wrote to stderr:\n{done.stderr.strip()}")
        return done.stdout.strip()


def new_database(dialect: str, workdir: Path, label: str = "") -> Database:
    if dialect == "sqlite":
        return Database("sqlite", f"sqlite://{workdir / f'mall{label}.db'}", workdir)
    name = f"mall_bench_{label.strip('_') + '_' if label else ''}{secrets.token_hex(4)}"
    url = create_database(name)
    prefix = f"mall-bench-{secrets.token_hex(4)}:"
    CLEANUP.redis_prefixes.append(prefix)
    return Database("postgres", url, workdir, redis_prefix=prefix, name=name)


# --- servers ------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _status_kib(pid: int) -> dict[str, int]:
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0])
    return values


@dataclass
class Server:
    label: str
    app: str
    env: dict[str, str]
    workdir: Path
    process: subprocess.Popen[bytes] | None = None
    port: int = 0
    log_path: Path | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/graphql"

    def start(self) -> Server:
        self.port = free_port()
        self.log_path = self.workdir / f"server-{self.label}.log"
        command = [PYTHON, "-m", "uvicorn", self.app, "--host", "127.0.0.1", "--port", str(self.port),
                   "--workers", "1", "--no-access-log", "--log-level", "warning"]
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(command, env=self.env, cwd=self.workdir, stdout=log,
                                            stderr=subprocess.STDOUT, start_new_session=True)
        CLEANUP.servers.append(self)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server {self.label} exited ({self.process.returncode}):\n{self.log()}")
            try:
                if httpx.get(f"http://127.0.0.1:{self.port}/healthz", timeout=2).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"server {self.label} did not answer /healthz within 90 s:\n{self.log()}")

    def memory_mb(self) -> tuple[float, float]:
        """(VmRSS, VmHWM) in MB (MiB) of the uvicorn process (single process: --workers 1)."""
        assert self.process is not None
        status = _status_kib(self.process.pid)
        return status["VmRSS"] / 1024, status["VmHWM"] / 1024

    def log(self) -> str:
        return self.log_path.read_text(errors="replace").strip() if self.log_path and self.log_path.exists() else ""

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        if self in CLEANUP.servers:
            CLEANUP.servers.remove(self)


# --- CPU accounting ---------------------------------------------------------------------------

TICK = os.sysconf("SC_CLK_TCK")


def _machine_ticks() -> tuple[int, int]:
    """(busy, total) jiffies of all CPUs since boot."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + (values[4] if len(values) > 4 else 0)
    total = sum(values[:8])  # guest time is already counted in user
    return total - idle, total


def _process_ticks() -> dict[int, tuple[str, int]]:
    """{pid: (command name, user + system ticks)} of every process."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            raw = (entry / "stat").read_text()
        except OSError:
            continue
        name = raw[raw.index("(") + 1 : raw.rindex(")")]
        fields = raw[raw.rindex(")") + 2 :].split()
        found[int(entry.name)] = (name, int(fields[11]) + int(fields[12]))
    return found


def _children_seconds() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass
class CpuWindow:
    """Where the machine's CPU went during a load run: the server, wrk, the
    database and Redis, and the rest ("other": other jobs, which skew the
    figures, and processes that ended within the run, e.g. PostgreSQL's
    parallel workers, whose time cannot be attributed)."""

    server_pid: int
    started: float = 0.0
    machine: tuple[int, int] = (0, 0)
    processes: dict[int, tuple[str, int]] = field(default_factory=dict)
    children: float = 0.0

    def __enter__(self) -> CpuWindow:
        self.started, self.machine = time.monotonic(), _machine_ticks()
        self.processes, self.children = _process_ticks(), _children_seconds()
        return self

    def __exit__(self, *exc: object) -> None:
        elapsed = time.monotonic() - self.started
        busy, total = _machine_ticks()
        after = _process_ticks()
        seconds: Counter[str] = Counter()
        for pid, (name, ticks) in after.items():
            before = self.processes.get(pid, (name, 0))[1]
            group = "server" if pid == self.server_pid else (
                "postgres" if name.startswith("postgres") else "redis" if name.startswith("redis") else "other")
            seconds[group] += (ticks - before) / TICK
        seconds["wrk"] = _children_seconds() - self.children
        machine_busy = (busy - self.machine[0]) / TICK
        seconds["other"] = max(0.0, machine_busy - seconds["server"] - seconds["postgres"] - seconds["redis"] - seconds["wrk"])
        capacity = (total - self.machine[1]) / TICK or elapsed * (os.cpu_count() or 1)
        self.seconds = dict(seconds)
        self.share = {k: v / capacity for k, v in seconds.items()}


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


def check(server: Server, body: str, *, expect_cache: str | None = None) -> tuple[bytes | None, str | None]:
    """POST once; (body, None) when it is a 200 with products and no errors, else (None, the problem)."""
    response = httpx.post(server.url, content=body.encode(), headers=HEADERS, timeout=30)
    if response.status_code != 200:
        return None, f"HTTP {response.status_code}: {response.text[:300]}"
    try:
        parsed = response.json()
    except ValueError:
        return None, f"not JSON: {response.text[:300]}"
    if parsed.get("errors"):
        return None, f"errors: {json.dumps(parsed['errors'], ensure_ascii=False)[:300]}"
    if not (parsed.get("data") or {}).get("products", {}).get("edges"):
        return None, "no products in the response"
    if expect_cache is not None and response.headers.get("x-mall-cache") != expect_cache:
        return None, f"X-Mall-Cache is {response.headers.get('x-mall-cache')!r}, expected {expect_cache!r}"
    return response.content, None


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
    _server_log(server, report)
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
    _server_log(server, report)
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
    _server_log(server, report)
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
    _server_log(server, report)
    server.stop()


def _server_log(server: Server, report: DatabaseReport | SearchReport) -> None:
    """Summarise what the server logged (at WARNING and above: nothing, normally)."""
    text = server.log()
    if not text:
        return
    lines = text.splitlines()
    headings = Counter(line.split(":", 1)[0] for line in lines if line.startswith(("ERROR:", "WARNING:", "CRITICAL:")))
    # The last line of each traceback names the exception.
    raised = Counter(line.split(":", 1)[0] for line in lines
                     if line and not line[0].isspace() and re.match(r"^[\w.]+(Error|Exception|Disconnect|Exit|Interrupt)\b", line))
    summary = ", ".join(f"{n}× {name}" for name, n in (headings + raised).most_common())
    hint = ""
    if set(raised) <= {"starlette.requests.ClientDisconnect"} and raised:
        hint = (" — requests wrk had sent when it stopped, read by the app after wrk closed the connection"
                " (an unhandled ClientDisconnect logs an ERROR with a traceback)")
    report.warnings.append(f"server {server.label} logged {len(lines)} lines: {summary}{hint} [{server.log_path}; BENCH_KEEP=1 keeps it]")


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
        _server_log(server, report)
        server.stop()
    finally:
        drop_database(database.name)  # type: ignore[arg-type]
        if database.redis_prefix:
            forget_redis_prefix(database.redis_prefix)
    return report


# --- report -------------------------------------------------------------------------------------


def _f(value: float | None, unit: str = "", digits: int = 1) -> str:
    return "—" if value is None else f"{value:,.{digits}f}{unit}"


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "MISS")


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
        say(f"  {row.scenario:<38} {_f(row.rps):>8} {_f(row.p50, ' ms'):>9} {_f(row.p99, ' ms'):>9}  "
            f"{row.sql:<16} {_f(row.rss, ' MB', 0):>7} {_f(row.hwm, ' MB', 0):>7} {_f(row.cpu_ms, ' ms', 2):>8}  {row.note}")

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
        ("(b) light query, uncached, req/s", _f(light), f"≥ {TARGET_LIGHT_RPS:g}",
         None if light is None else light >= TARGET_LIGHT_RPS),
        ("(a) uncached ÷ memory baseline (a), req/s", _f(uncached_share and uncached_share * 100, " %"),
         f"≥ {TARGET_UNCACHED_SHARE:.0%}", None if uncached_share is None else uncached_share >= TARGET_UNCACHED_SHARE),
        ("(a) cached ÷ bare Starlette, req/s", _f(cached_share and cached_share * 100, " %"),
         f"≥ {TARGET_CACHED_SHARE:.0%}", None if cached_share is None else cached_share >= TARGET_CACHED_SHARE),
        ("SQL statements per request, worst of (a),(b) at first 5/20/50", "—" if worst_sql is None else str(worst_sql),
         f"≤ {TARGET_SQL}", None if worst_sql is None else worst_sql <= TARGET_SQL),
        ("  … and the same whatever the page size", "—" if sql_flat is None else ("yes" if sql_flat else "NO"), "same",
         sql_flat),
        ("server RSS under load (peak VmHWM of the real app)", _f(peak, " MB", 0), f"≤ {TARGET_RSS_MB:g} MB",
         None if peak is None else peak <= TARGET_RSS_MB),
    ]
    for label, figure, wanted, ok in lines:
        say(f"  {label:<58} {figure:>10}  {wanted:>10}  {verdict(ok)}")
    say(f"  {'(info) (b) uncached ÷ memory baseline (b)':<58} {_f(light_share and light_share * 100, ' %'):>10}")
    bare = r.get("bare")
    if bare and bare.rps and r.get("mem_a") and r["mem_a"].rps:
        say(f"  {'(info) memory baseline (a) ÷ bare Starlette':<58} {_f(r['mem_a'].rps / bare.rps * 100, ' %'):>10}")
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
        say(f"    {_f(row.rps)} req/s, p50 {_f(row.p50, ' ms')}, p99 {_f(row.p99, ' ms')}, RSS {_f(row.rss, ' MB', 0)} "
            f"(peak {_f(row.hwm, ' MB', 0)}), server CPU {_f(row.cpu_ms, ' ms', 2)}/req   target p99 < {TARGET_SEARCH_P99_MS:g} ms: "
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
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.splitlines()
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
        f"databases: {ONLY or 'sqlite, postgres'}; search: {f'{SEARCH_PRODUCTS:,} products' if SEARCH else 'off'}")


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
    if ONLY not in ("", "sqlite", "postgres"):
        say(f"BENCH_ONLY must be sqlite or postgres, not {ONLY!r}")
        return 2
    # Ctrl-C cleans up even when started with SIGINT ignored (e.g. `nohup … &`).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _interrupted)
    signal.signal(signal.SIGHUP, _interrupted)
    dialects = [d for d in ("sqlite", "postgres") if not ONLY or ONLY == d]
    workdir = Path(tempfile.mkdtemp(prefix="mall-bench-"))
    CLEANUP.workdir = workdir
    reports: list[DatabaseReport] = []
    search: SearchReport | None = None
    started = time.monotonic()
    try:
        machine_facts()
        if "postgres" in dialects:
            import redis

            client = redis.Redis.from_url(REDIS)
            say(f"  services: PostgreSQL {postgres_version()}, Redis {client.info('server')['redis_version']}")
            client.close()
        for dialect in dialects:
            reports.append(bench_database(dialect, workdir))
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
    if search is not None:
        print_search(search)
    say("\nPeers for reference (same wrk settings, light query shape (b)):")
    for name, rps, sql, rss in PEERS:
        say(f"  {name:<12} {rps}, {sql}, {rss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
