"""What every benchmark scenario stands on: databases, uvicorn servers, CPU accounting, cleanup.

The scenarios (bench_lib.main: catalog reads and search; bench_lib.checkout_bench:
checkout) start their databases and servers here, so one cleanup removes
them all however the run ends.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from bench_lib.queries import HEADERS

ROOT = Path(__file__).resolve().parents[2]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
MALL = str(ROOT / ".venv" / "bin" / "mall")

DURATION = float(os.environ.get("BENCH_DURATION", "15"))
WARMUP = float(os.environ.get("BENCH_WARMUP", "3"))
POSTGRES = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432/postgres")
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/0")


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


def interrupted(signum: int, frame: Any) -> None:
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

    def python(self, module: str, *args: str, response_cache: bool = False, **extra: str) -> str:
        done = subprocess.run([PYTHON, "-m", module, *args], env=self.env(response_cache=response_cache, **extra),
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
    workers: int = 1  # uvicorn --workers: a master and this many worker processes when above 1
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
                   "--workers", str(self.workers), "--no-access-log", "--log-level", "warning"]
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


def _process_ticks() -> dict[int, tuple[str, int, int]]:
    """{pid: (command name, user + system ticks, parent pid)} of every process."""
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
        found[int(entry.name)] = (name, int(fields[11]) + int(fields[12]), int(fields[1]))
    return found


def _children_seconds() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass
class CpuWindow:
    """Where the machine's CPU went during a load run: the server (with its
    uvicorn workers), wrk, the database and Redis, a client in this process
    when ``client_pid`` names it, and the rest ("other": other jobs, which skew
    the figures, and processes that ended within the run, e.g. PostgreSQL's
    parallel workers, whose time cannot be attributed)."""

    server_pid: int
    client_pid: int | None = None
    started: float = 0.0
    machine: tuple[int, int] = (0, 0)
    processes: dict[int, tuple[str, int, int]] = field(default_factory=dict)
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
        for pid, (name, ticks, parent) in after.items():
            before = self.processes.get(pid, (name, 0, parent))[1]
            seconds[self._group(pid, name, parent)] += (ticks - before) / TICK
        seconds["wrk"] = _children_seconds() - self.children
        machine_busy = (busy - self.machine[0]) / TICK
        seconds["other"] = max(0.0, machine_busy - sum(v for k, v in seconds.items() if k != "other"))
        capacity = (total - self.machine[1]) / TICK or elapsed * (os.cpu_count() or 1)
        self.seconds = dict(seconds)
        self.share = {k: v / capacity for k, v in seconds.items()}

    def _group(self, pid: int, name: str, parent: int) -> str:
        if self.server_pid in (pid, parent):
            return "server"
        if pid == self.client_pid:
            return "client"
        return "postgres" if name.startswith("postgres") else "redis" if name.startswith("redis") else "other"




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




def server_log(server: Server, warnings: list[str]) -> None:
    """Summarise what the server logged into ``warnings`` (at WARNING and above: nothing, normally)."""
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
    warnings.append(f"server {server.label} logged {len(lines)} lines: {summary}{hint} [{server.log_path}; BENCH_KEEP=1 keeps it]")




def fmt(value: float | None, unit: str = "", digits: int = 1) -> str:
    return "—" if value is None else f"{value:,.{digits}f}{unit}"


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "MISS")
