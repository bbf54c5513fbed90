"""The ledger scenario's moving parts (issue 8): customers to post to, writers, and the audit.

- ``seed()``: customers (one password hashed once, so a thousand cost a thousand
  inserts), each BALANCE funded from ADJUSTMENTS, all through ``ledger.post``;
- ``run_writers()``: tasks each looping the real ``ledger.post`` (its own
  transaction per entry, a pooled connection per task) with unique keys for a
  while, in one of the shapes below; latency per post, failures by kind;
- ``sql_per_post()``: SQL statements of one post, in process, not under load;
- ``audit()``: ``verification.verify()`` over the whole ledger, and the entries
  written under each phase's key prefix, to compare with what the writers counted.

Shapes — every transfer moves 1 fen, so the funding never runs out:

- ``hot``: BALANCE → HELD of the first customer: every entry updates the same two rows;
- ``spread``: BALANCE → HELD of a random one of the customers: entries rarely meet;
- ``system``: ADJUSTMENTS → BALANCE of a random customer (a top-up's shape): spread
  customers, but every entry also updates the one system account.

The database parts run in a process with the bench database's MALL_* environment:
``python -m bench_lib.ledger_writers seed <customers.json> <count>``,
``run <customers.json> <shape> <label> <writers> <seconds> <start_at> <result.json>``,
``sql <customers.json> <result.json>``, ``audit <labels…>``. bench_lib.ledger_bench drives it.
"""

from __future__ import annotations

import asyncio
import json
import random
import secrets
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench_lib.in_mall import connected

SHAPES = ("hot", "spread", "system")
FUNDING = 10**12  # fen per customer BALANCE: far more 1-fen transfers than any run makes
KEY_PREFIX = "bench-ledger"


@dataclass
class WritersRun:
    shape: str
    label: str
    writers: int
    seconds: float = 0.0  # from the first post to the last answer
    posted: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    failures: dict[str, int] = field(default_factory=dict)
    cpu_seconds: float = 0.0  # this process's CPU time over the run

    @property
    def per_second(self) -> float:
        return self.posted / self.seconds if self.seconds else 0.0

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self)), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> WritersRun:
        return cls(**json.loads(path.read_text(encoding="utf-8")))

    @classmethod
    def merged(cls, runs: list[WritersRun]) -> WritersRun:
        """Runs of the same phase in several processes, as one (seconds: the longest)."""
        failures: Counter[str] = Counter()
        for run in runs:
            failures.update(run.failures)
        return cls(runs[0].shape, runs[0].label, sum(r.writers for r in runs), max(r.seconds for r in runs),
                   sum(r.posted for r in runs), [ms for r in runs for ms in r.latencies_ms], dict(failures),
                   sum(r.cpu_seconds for r in runs))


def key_prefix(label: str) -> str:
    return f"{KEY_PREFIX}-{label}-"


# --- customers -------------------------------------------------------------------------------------


async def seed(count: int) -> list[int]:
    """``count`` customers, each BALANCE funded with ``FUNDING``; their ids."""
    from mall.accounts.registration import NewUser, insert_user, prepare_user
    from mall.core.actors import Actor
    from mall.wallet import ledger
    from mall.wallet.chart import AccountRef, Asset, SystemCode
    from mall.wallet.journal import Cause, transfer

    run = secrets.token_hex(3)
    template = await prepare_user(email=f"ledger-{run}-0@bench.example", mobile=None,
                                  password=f"bench-{secrets.token_urlsafe(12)}-42", name="账本压测 Ledger bench")
    adjustments = AccountRef.system(SystemCode.ADJUSTMENTS)
    ids = []
    for number in range(1, count + 1):
        user = await insert_user(NewUser({**template.values, "email": f"ledger-{run}-{number}@bench.example"}))
        await ledger.post(key=f"{KEY_PREFIX}-fund-{user.id}", cause=Cause.ADJUSTMENT, actor=Actor.system(),
                          legs=transfer(adjustments, AccountRef.customer(user.id, Asset.BALANCE), FUNDING),
                          memo="ledger bench funding")
        ids.append(user.id)
    return ids


def _legs(shape: str, customers: list[int], rng: random.Random) -> tuple[Any, Any]:
    from mall.wallet.chart import AccountRef, Asset, SystemCode
    from mall.wallet.journal import transfer

    customer = customers[0] if shape == "hot" else rng.choice(customers)
    if shape == "system":
        return transfer(AccountRef.system(SystemCode.ADJUSTMENTS), AccountRef.customer(customer, Asset.BALANCE), 1)
    return transfer(AccountRef.customer(customer, Asset.BALANCE), AccountRef.customer(customer, Asset.HELD), 1)


def _cause(shape: str) -> Any:
    from mall.wallet.journal import Cause

    return Cause.ADJUSTMENT if shape == "system" else Cause.ORDER_HOLD


# --- writers ------------------------------------------------------------------------------------


async def run_writers(customers: list[int], *, shape: str, label: str, writers: int, seconds: float,
                      start_at: float | None = None) -> WritersRun:
    """``writers`` tasks posting ``shape`` transfers for ``seconds`` (from ``start_at``, a
    ``time.time()``, when several processes start together); each key is unique."""
    from mall.core.actors import Actor
    from mall.wallet import ledger

    if shape not in SHAPES:
        raise ValueError(f"shape is one of {SHAPES}, not {shape!r}")
    if start_at is not None:
        await asyncio.sleep(max(0.0, start_at - time.time()))
    result = WritersRun(shape, label, writers)
    failures: Counter[str] = Counter()
    cause, actor, prefix = _cause(shape), Actor.system(), key_prefix(label) + secrets.token_hex(3)
    cpu = time.process_time()
    started = time.perf_counter()
    deadline = started + seconds

    async def loop(number: int) -> None:
        rng = random.Random(f"{label}-{number}")
        count = 0
        while time.perf_counter() < deadline:
            count += 1
            legs = _legs(shape, customers, rng)
            began = time.perf_counter()
            try:
                await ledger.post(key=f"{prefix}-{number}-{count}", cause=cause, legs=legs, actor=actor)
            except Exception as error:  # noqa: BLE001 - counted and reported: the run must show it
                failures[type(error).__name__] += 1
                continue
            result.latencies_ms.append((time.perf_counter() - began) * 1000)
            result.posted += 1

    await asyncio.gather(*(loop(n) for n in range(writers)))
    result.seconds = time.perf_counter() - started
    result.cpu_seconds = time.process_time() - cpu
    result.failures = dict(failures)
    return result


async def sql_per_post(customers: list[int], posts: int = 5) -> dict[str, list[int]]:
    """Statements of one post per shape, counted one post at a time (the first of each uncounted)."""
    from mall.core.actors import Actor
    from mall.infra import sqlcount
    from mall.wallet import ledger

    sqlcount.enable()
    rng = random.Random(3)
    prefix = key_prefix("sql") + secrets.token_hex(3)
    counted: dict[str, list[int]] = {}
    for shape in SHAPES:
        for number in range(posts + 1):
            with sqlcount.counting() as statements:
                await ledger.post(key=f"{prefix}-{shape}-{number}", cause=_cause(shape),
                                  legs=_legs(shape, customers, rng), actor=Actor.system())
            if number:
                counted.setdefault(shape, []).append(statements[0])
    return counted


# --- the audit -----------------------------------------------------------------------------------


async def audit(labels: list[str]) -> dict[str, Any]:
    """The whole ledger verified, and the entries and postings written under each label."""
    from tortoise import Tortoise

    from mall.wallet.verification import verify

    report = await verify()
    connection = Tortoise.get_connection("default")
    entries, postings = {}, {}
    for label in labels:
        pattern = key_prefix(label) + "%"
        rows = await connection.execute_query_dict(
            "SELECT COUNT(DISTINCT e.id) AS entries, COUNT(p.id) AS postings FROM ledger_entries e "
            "LEFT JOIN ledger_postings p ON p.entry_id = e.id WHERE e.idempotency_key LIKE $1"
            if connection.capabilities.dialect == "postgres" else
            "SELECT COUNT(DISTINCT e.id) AS entries, COUNT(p.id) AS postings FROM ledger_entries e "
            "LEFT JOIN ledger_postings p ON p.entry_id = e.id WHERE e.idempotency_key LIKE ?", [pattern])
        entries[label], postings[label] = int(rows[0]["entries"]), int(rows[0]["postings"])
    return {"ok": report.ok, "problems": list(report.problems), "entries_checked": report.entries_checked,
            "accounts_checked": report.accounts_checked, "entries": entries, "postings": postings}


# --- the process ---------------------------------------------------------------------------------


def main(command: str, *args: str) -> None:
    if command == "seed":
        Path(args[0]).write_text(json.dumps(asyncio.run(connected(seed(int(args[1]))))), encoding="utf-8")
    elif command == "run":
        customers_path, shape, label, writers, seconds, start_at, result_path = args
        customers = json.loads(Path(customers_path).read_text(encoding="utf-8"))
        run = asyncio.run(connected(run_writers(customers, shape=shape, label=label, writers=int(writers),
                                                 seconds=float(seconds), start_at=float(start_at))))
        run.save(Path(result_path))
    elif command == "sql":
        customers = json.loads(Path(args[0]).read_text(encoding="utf-8"))
        Path(args[1]).write_text(json.dumps(asyncio.run(connected(sql_per_post(customers)))), encoding="utf-8")
    elif command == "audit":
        print(json.dumps(asyncio.run(connected(audit(list(args))))))
    else:
        raise SystemExit(f"unknown command {command!r}")


if __name__ == "__main__":
    main(*sys.argv[1:])
