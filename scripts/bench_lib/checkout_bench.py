"""The checkout scenario on PostgreSQL + Redis (issue 7), and the catalog read beside it.

uvicorn serves the app (one process, as the catalog scenarios; BENCH_CHECKOUT_WORKERS
for more) on a fresh database seeded by bench_lib.checkout: 25 products × 2
variants with ample stock, 20 signed-in buyers. Sandbox on (orderPay's SANDBOX
provider and its simulated callback), response cache on, SQL counting off.
In one run, in this order:

1. SQL statements per step of an order, in process (mall.infra.sqlcount, as the
   catalog scenarios count SQL per request);
2. the storefront's Products(first:20), anonymous, read by wrk (16 connections,
   counting X-Mall-Cache hit/miss) with nothing else running: the baseline;
3. checkout alone: 20 buyers, each looping cartLinesAdd → orderCreate → orderPay
   → sandboxPaymentSimulate over real HTTP (httpx in this process);
4. checkout and that read at once, for the same duration;
5. the audit once the server has stopped: stock against the orders (oversell,
   units held twice or lost), every order PAID, every payment SUCCEEDED.

Each run has a warm-up first (BENCH_WARMUP), not counted.
"""

from __future__ import annotations

import asyncio
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench_lib import checkout, wrk
from bench_lib.harness import (
    DURATION,
    WARMUP,
    CpuWindow,
    Database,
    Server,
    check,
    drop_database,
    fmt,
    forget_redis_prefix,
    new_database,
    say,
    server_log,
    step,
    verdict,
)
from bench_lib.queries import products_body

WORKERS = int(os.environ.get("BENCH_CHECKOUT_WORKERS", "1"))
READERS, READER_THREADS = 16, 2

TARGET_ORDERS_PER_SECOND = 150.0
TARGET_HIT_SHARE = 0.90
TARGET_READ_SHARE = 0.50

# The buyers' settings: sandbox payments; tokens minted at seeding outlive the run.
ENV = {"MALL_SANDBOX": "true", "MALL_ACCESS_TOKEN_TTL_SECONDS": "86400"}
# Seeding hashes 20 passwords nobody types: argon2id at its cheapest.
SEED_ENV = {"MALL_PASSWORD_HASH_TIME_COST": "1", "MALL_PASSWORD_HASH_MEMORY_KIB": "8",
            "MALL_PASSWORD_HASH_PARALLELISM": "1"}


@dataclass
class Phase:
    """One measured run: checkout, the read, or both; where the CPU went; the load average after."""

    name: str
    buyers: checkout.BuyersRun | None = None
    reads: wrk.WrkResult | None = None
    cpu: dict[str, float] = field(default_factory=dict)  # share of the machine
    cpu_seconds: dict[str, float] = field(default_factory=dict)
    load: tuple[float, float, float] = (0.0, 0.0, 0.0)

    @property
    def hit_share(self) -> float | None:
        counted = self.reads.cache if self.reads else None
        total = sum(counted.values()) if counted else 0
        return counted["hit"] / total if counted and total else None


@dataclass
class CheckoutReport:
    facts: str = ""
    sql: list[dict[str, int]] = field(default_factory=list)
    phases: dict[str, Phase] = field(default_factory=dict)
    audit: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def bench_checkout(workdir: Path) -> CheckoutReport:
    report = CheckoutReport()
    say("\n== Checkout, PostgreSQL + Redis")
    database = new_database("postgres", workdir, "checkout")
    try:
        step("migrate: " + database.mall("migrate").replace("\n", " "))
        shop_path = workdir / "checkout-shop.json"
        database.python("bench_lib.checkout", "seed", str(shop_path), **ENV, **SEED_ENV)
        shop = checkout.Shop.load(shop_path)
        report.facts = (f"{len(shop.variant_ids)} variants with {checkout.AMPLE_STOCK:,} each, "
                        f"{len(shop.buyers)} signed-in buyers; uvicorn --workers {WORKERS}; "
                        f"reads: wrk -t{READER_THREADS} -c{READERS}")
        _run(database, shop, shop_path, report)
    finally:
        drop_database(database.name)  # type: ignore[arg-type]
        if database.redis_prefix:
            forget_redis_prefix(database.redis_prefix)
    return report


def _run(database: Database, shop: checkout.Shop, shop_path: Path, report: CheckoutReport) -> None:
    workdir = database.workdir
    sql_path = workdir / "checkout-sql.json"
    database.python("bench_lib.checkout", "sql", str(shop_path), str(sql_path), response_cache=True, **ENV)
    report.sql = json.loads(sql_path.read_text(encoding="utf-8"))
    step("SQL statements per step (in process): " + "; ".join(
        "/".join(str(order[s]) for s in checkout.STEPS) for order in report.sql) + f" ({'/'.join(checkout.STEPS)})")

    server = Server("checkout", "mall.app:app", database.env(response_cache=True, **ENV), workdir,
                    workers=WORKERS).start()
    try:
        read = products_body(20)
        check(server, read)
        _, problem = check(server, read, expect_cache="hit")
        if problem:
            report.warnings.append(f"Products(first:20) before the run: {problem}")
        script = wrk.lua_script([read], workdir / "checkout-read.lua", count_cache_header=True)
        base_url = server.url.removesuffix("/graphql")

        def reads(seconds: float) -> wrk.Background:
            return wrk.Background(server.url, script, seconds=seconds, connections=READERS, threads=READER_THREADS)

        def buyers(seconds: float, label: str) -> checkout.BuyersRun:
            return asyncio.run(checkout.run_buyers(base_url, shop, seconds=seconds, label=label))

        phases = report.phases
        # 2. The read alone.
        if WARMUP > 0:
            reads(WARMUP).start().result()
        phases["reads"] = _measure(server, "reads alone", lambda: (None, reads(DURATION).start().result()))
        # 3. Checkout alone.
        if WARMUP > 0:
            buyers(WARMUP, "warm")
        phases["checkout"] = _measure(server, "checkout alone", lambda: (buyers(DURATION, "alone"), None))

        # 4. Both at once: wrk reads in its own process while the buyers run here.
        def both() -> tuple[checkout.BuyersRun, wrk.WrkResult]:
            background = reads(DURATION).start()
            try:
                bought = buyers(DURATION, "both")
            except BaseException:
                background.stop()
                raise
            return bought, background.result()

        phases["both"] = _measure(server, "checkout + reads", both)
        if server.process is not None and server.process.poll() is not None:
            report.warnings.append(f"the server died during the run:\n{server.log()}")
        server_log(server, report.warnings)
    finally:
        server.stop()
    # 5. The audit, with nothing in flight.
    report.audit = json.loads(database.python("bench_lib.checkout", "audit", str(shop_path), **ENV))
    a = report.audit
    step(f"audit: {len(a['violations'])} stock violations over {a['variants']} variants; orders {a['orders']}; "
         f"payments {a['payments']}")


def _measure(server: Server, name: str, work: Any) -> Phase:
    assert server.process is not None
    with CpuWindow(server.process.pid, client_pid=os.getpid()) as cpu:
        bought, read = work()
    phase = Phase(name, bought, read, cpu.share, cpu.seconds, os.getloadavg())
    step(_phase_line(phase))
    return phase


def _phase_line(phase: Phase) -> str:
    parts = [phase.name + ":"]
    if phase.buyers is not None:
        b = phase.buyers
        parts.append(f"{len(b.orders)} orders in {b.seconds:.1f} s = {b.orders_per_second:.1f} orders/s, "
                     f"p50 {b.percentile_ms(0.5):.0f} ms, p99 {b.percentile_ms(0.99):.0f} ms per order"
                     f"{'; FAILED: ' + str(dict(b.failures.most_common(5))) if b.failures else ''};")
        if phase.reads is None and b.orders:
            per_order = {k: phase.cpu_seconds.get(k, 0.0) * 1000 / len(b.orders) for k in ("server", "postgres", "client")}
            parts.append("CPU per order: " + ", ".join(f"{k} {v:.1f} ms" for k, v in per_order.items()) + ";")
    if phase.reads is not None:
        r = phase.reads
        parts.append(f"reads {r.requests_per_second:.1f} req/s, p50 {r.p50_ms:.1f} ms, p99 {r.p99_ms:.1f} ms, "
                     f"X-Mall-Cache {r.cache}{', ' + str(r.non_2xx) + ' non-2xx' if r.non_2xx else ''};")
    shares = ", ".join(f"{k} {v:.0%}" for k, v in sorted(phase.cpu.items(), key=lambda kv: -kv[1]) if v >= 0.005)
    parts.append(f"CPUs: {shares}; load {phase.load[0]:.2f} {phase.load[1]:.2f} {phase.load[2]:.2f}")
    return " ".join(parts)


def print_checkout(report: CheckoutReport) -> None:
    say("\nCheckout, PostgreSQL + Redis (production shape), sandbox payments")
    say(f"  {report.facts}")
    say(f"  {DURATION:g} s per run after {WARMUP:g} s warm-up; one order = cartLinesAdd → orderCreate → orderPay → "
        "sandboxPaymentSimulate, latency as the buyer sees it (httpx over HTTP, in the bench process)")
    say("  CPU shares are of the whole machine; load = os.getloadavg() (1/5/15 min) at the end of the run")
    phases = report.phases
    for phase in phases.values():
        say(f"  {_phase_line(phase)}")

    say("")
    say(f"  {'per order':<28} {'p50':>9} {'p99':>9}  {'SQL (in process)':>16}")
    runs = [(key, phases[key].buyers) for key in ("checkout", "both") if key in phases and phases[key].buyers]
    sql_steps = {s: sorted({order.get(s, -1) for order in report.sql}) for s in checkout.STEPS}
    sql_total = sorted({sum(order.values()) for order in report.sql})
    for key, run in runs:
        assert run is not None
        say(f"  [{phases[key].name}]")
        for name in (*checkout.STEPS, None):
            label = name or "whole order (4 steps)"
            counts = sql_steps[name] if name else sql_total
            say(f"    {label:<26} {fmt(run.percentile_ms(0.5, name), ' ms'):>9} {fmt(run.percentile_ms(0.99, name), ' ms'):>9}"
                f"  {'/'.join(map(str, counts)) or '—':>16}")

    checkout_alone = phases.get("checkout")
    both, alone = phases.get("both"), phases.get("reads")
    audit = report.audit
    violations = audit.get("violations")
    orders = audit.get("orders", {})
    unpaid = sum(n for status, n in orders.items() if status != "PAID") if orders else None
    failures = sum(sum(p.buyers.failures.values()) for p in phases.values() if p.buyers)
    read_share = (both.reads.requests_per_second / alone.reads.requests_per_second
                  if both and alone and both.reads and alone.reads and alone.reads.requests_per_second else None)
    hits = both.hit_share if both else None

    def rate(phase: Phase | None) -> float | None:
        return phase.buyers.orders_per_second if phase and phase.buyers else None

    say("")
    say(f"  {'target':<58} {'figure':>10}  {'wanted':>10}  result")
    lines = [
        ("orders/s, checkout alone", fmt(rate(checkout_alone)), f"≥ {TARGET_ORDERS_PER_SECOND:g}",
         None if rate(checkout_alone) is None else rate(checkout_alone) >= TARGET_ORDERS_PER_SECOND),  # type: ignore[operator]
        ("orders/s, checkout with the 16 readers", fmt(rate(both)), f"≥ {TARGET_ORDERS_PER_SECOND:g}",
         None if rate(both) is None else rate(both) >= TARGET_ORDERS_PER_SECOND),  # type: ignore[operator]
        ("oversell: stock violations after the run", "—" if violations is None else str(len(violations)), "0",
         None if violations is None else not violations),
        ("orders not PAID after the run", "—" if unpaid is None else str(unpaid), "0",
         None if unpaid is None else unpaid == 0),
        ("failed orders (a step answered an error)", str(failures), "0", failures == 0),
        ("Products(first:20) cache hits under checkout", fmt(hits and hits * 100, " %"), f"≥ {TARGET_HIT_SHARE:.0%}",
         None if hits is None else hits >= TARGET_HIT_SHARE),
        ("Products(first:20) req/s under checkout ÷ alone", fmt(read_share and read_share * 100, " %"),
         f"≥ {TARGET_READ_SHARE:.0%}", None if read_share is None else read_share >= TARGET_READ_SHARE),
    ]
    for label, figure, wanted, ok in lines:
        say(f"  {label:<58} {figure:>10}  {wanted:>10}  {verdict(ok)}")
    if alone and alone.hit_share is not None:
        say(f"  {'(info) cache hits, reads alone':<58} {fmt(alone.hit_share * 100, ' %'):>10}")
    for problem in (violations or [])[:10]:
        say(f"  ! {problem}")
    for warning in report.warnings:
        say(f"  ! {warning}")
