"""The ``mall`` command: serve, worker, jobs run, ledger verify, migrate, createsuperuser, export-schema, seed."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

from mall.settings import Settings, get_settings


def _fail(message: str) -> int:
    print(f"mall: {message}", file=sys.stderr)
    return 2


def serve(args: argparse.Namespace) -> int:
    """Start uvicorn. Several workers need PostgreSQL and Redis (DESIGN §2)."""
    import uvicorn

    from mall.infra import logs, wiring

    settings = get_settings()
    if args.workers > 1 and settings.is_sqlite:
        return _fail(
            "--workers > 1 is refused on SQLite: the embedded shape is one process. "
            "Set MALL_DATABASE_URL=postgres://… and MALL_REDIS_URL=redis://… to scale out."
        )
    try:
        wiring.check_deployment(settings)
    except wiring.DeploymentError as exc:
        return _fail(str(exc))
    if args.workers > 1 and (settings.redis_url is None or settings.single_process):
        return _fail("--workers > 1 needs MALL_REDIS_URL (and not MALL_SINGLE_PROCESS): caches, rate limits and "
                     "events must be shared between processes.")
    logs.configure(level=settings.log_level, json_format=settings.log_format == "json")
    uvicorn.run(
        "mall.app:app",
        host=args.host,
        port=args.port,
        workers=args.workers,
        proxy_headers=False,  # X-Forwarded-For is read by Mall itself, only from MALL_TRUSTED_PROXIES
        server_header=False,
        log_level=settings.log_level.lower(),
        log_config=None,  # uvicorn's lines go through Mall's handler (MALL_LOG_FORMAT), configured above
        ws="websockets-sansio",
        ws_max_size=settings.max_request_bytes,  # a socket message is held to the HTTP body limit
    )
    return 0


def worker(args: argparse.Namespace) -> int:
    """Run the scheduled jobs until SIGTERM or SIGINT (production shape, DESIGN §2)."""
    from mall.infra import logs, wiring

    settings = get_settings()
    if settings.is_sqlite:
        return _fail("`mall worker` is refused on SQLite: the embedded shape is one process, and `mall serve` "
                     "runs the jobs. Set MALL_DATABASE_URL=postgres://… and MALL_REDIS_URL=redis://… to scale out.")
    try:
        wiring.check_deployment(settings)
    except wiring.DeploymentError as exc:
        return _fail(str(exc))
    if settings.redis_url is None:
        return _fail("`mall worker` needs MALL_REDIS_URL: job locks are shared through Redis. "
                     "With MALL_SINGLE_PROCESS, `mall serve` runs the jobs itself.")
    logs.configure(level=settings.log_level, json_format=settings.log_format == "json")

    async def run(settings: Settings) -> int:
        import signal

        from mall.infra import db, transactions
        from mall.jobs.registry import registry
        from mall.jobs.runner import Runner
        from mall.jobs.schedule import register_mall_jobs

        register_mall_jobs(registry)
        await db.connect(settings)
        stop = asyncio.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            asyncio.get_running_loop().add_signal_handler(signum, stop.set)
        print(f"Running {len(registry.all())} job(s), looking every {settings.jobs_interval_seconds:g} s.")
        await Runner(registry.all()).run_until(stop, every=settings.jobs_interval_seconds)
        await transactions.settle()
        return 0

    return _run(run)


def jobs_run(args: argparse.Namespace) -> int:
    """Run every job (or the one named) once at the clock's time, sandbox offset included; print what each did."""
    from mall.jobs.registry import registry
    from mall.jobs.schedule import register_mall_jobs

    register_mall_jobs(registry)
    if args.job is not None and registry.get(args.job) is None:
        known = ", ".join(job.name for job in registry.all()) or "none are registered"
        return _fail(f"no job named {args.job!r} (known: {known})")
    jobs = registry.all() if args.job is None else (registry.get(args.job),)

    async def run(settings: Settings) -> int:
        from mall.infra import db
        from mall.jobs.runner import Runner

        await db.connect(settings)
        outcomes = await Runner(jobs).run_now()
        for outcome in outcomes:
            print(outcome)
        if not outcomes:
            print("No jobs are registered.")
        return 1 if any(outcome.status == "failed" for outcome in outcomes) else 0

    return _run(run)


def ledger_verify(args: argparse.Namespace) -> int:
    """Check the whole ledger (DESIGN §3.5); exit 1 and list the problems if there are any."""

    async def run(settings: Settings) -> int:
        from mall.infra import db
        from mall.wallet import verification

        await db.connect(settings)
        report = await verification.verify()
        checked = f"{report.entries_checked} entries, {report.accounts_checked} accounts checked"
        if report.ok:
            print(f"Ledger OK: {checked}.")
            return 0
        print(f"Ledger has {len(report.problems)} problem(s) ({checked}):")
        for problem in report.problems:
            print(f"  {problem}")
        return 1

    return _run(run)


def _run(coroutine_factory: Callable[[Settings], Awaitable[int]]) -> int:
    settings = get_settings()

    async def main() -> int:
        from mall.infra import db, wiring

        # Commands that change the catalog must reach the shared cache versions.
        wiring.configure(settings)
        try:
            return await coroutine_factory(settings)
        finally:
            await db.disconnect()
            await wiring.close()

    return asyncio.run(main())


def migrate(args: argparse.Namespace) -> int:
    from mall import migrate as migrations

    async def run(settings: Settings) -> int:
        applied = await migrations.upgrade(settings)
        print(f"Applied {len(applied)} migration(s): {', '.join(applied)}" if applied else "Database is up to date.")
        return 0

    return _run(run)


def makemigration(args: argparse.Namespace) -> int:
    """Generate the next migration of this database's dialect (developers; see the README)."""
    from mall import migrate as migrations

    async def run(settings: Settings) -> int:
        name = await migrations.make_migration(settings, args.name, empty=args.empty)
        print(f"Wrote {name or 'nothing: the models match the history'} in {settings.dialect} history.")
        return 0

    return _run(run)


def createsuperuser(args: argparse.Namespace) -> int:
    email = args.email or input("Email: ").strip()
    password = args.password or getpass.getpass("Password: ")
    if not args.password and getpass.getpass("Password (again): ") != password:
        return _fail("the passwords differ")

    async def run(settings: Settings) -> int:
        from mall.accounts import registration
        from mall.core.errors import DomainError
        from mall.infra import db

        await db.connect(settings)
        try:
            user = await registration.create_user(
                email=email, mobile=None, password=password, name=args.name or "", is_staff=True, is_superuser=True
            )
        except DomainError as exc:
            return _fail(exc.message)
        print(f"Created superuser {user.email} (every permission).")
        return 0

    return _run(run)


def export_schema(args: argparse.Namespace) -> int:
    from mall.graphql.schema import schema_sdl

    sdl = schema_sdl()
    if args.output:
        Path(args.output).write_text(sdl, encoding="utf-8")
        print(f"Wrote {args.output}")
    else:
        sys.stdout.write(sdl)
    return 0


def seed(args: argparse.Namespace) -> int:
    if not args.demo:
        return _fail("only `mall seed --demo` exists")
    settings = get_settings()
    if not settings.sandbox_enabled:
        return _fail("demo data has well-known passwords: it is only seeded with MALL_SANDBOX on")

    async def run(settings: Settings) -> int:
        from mall.demo import seed_demo
        from mall.infra import db

        await db.connect(settings)
        for line in await seed_demo():
            print(line)
        return 0

    return _run(run)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mall", description="Mall: a headless GraphQL commerce API.")
    commands = parser.add_subparsers(dest="command", required=True)

    p = commands.add_parser("serve", help="serve the API with uvicorn")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=int, default=1)
    p.set_defaults(handler=serve)

    p = commands.add_parser("worker", help="run the scheduled jobs (PostgreSQL and Redis; embedded: `serve` runs them)")
    p.set_defaults(handler=worker)

    p = commands.add_parser("jobs", help="scheduled jobs")
    jobs = p.add_subparsers(dest="jobs_command", required=True)
    p = jobs.add_parser("run", help="run every job once at the current (possibly sandbox) time and exit")
    p.add_argument("--job", help="only this job")
    p.set_defaults(handler=jobs_run)

    p = commands.add_parser("ledger", help="the wallet's ledger")
    ledger = p.add_subparsers(dest="ledger_command", required=True)
    p = ledger.add_parser("verify", help="check every entry balances and every cached balance; exit 1 on a problem")
    p.set_defaults(handler=ledger_verify)

    p = commands.add_parser("migrate", help="apply the database migrations of this dialect")
    p.set_defaults(handler=migrate)

    p = commands.add_parser("makemigration", help="generate the next migration of this dialect (developers)")
    p.add_argument("name")
    p.add_argument("--empty", action="store_true", help="an empty file to fill in by hand")
    p.set_defaults(handler=makemigration)

    p = commands.add_parser("createsuperuser", help="create a staff account holding every permission")
    p.add_argument("--email")
    p.add_argument("--password")
    p.add_argument("--name")
    p.set_defaults(handler=createsuperuser)

    p = commands.add_parser("export-schema", help="print the GraphQL schema (SDL)")
    p.add_argument("--output", help="write to this file instead of standard output")
    p.set_defaults(handler=export_schema)

    p = commands.add_parser("seed", help="load data")
    p.add_argument("--demo", action="store_true", help="the demo customer and staff account")
    p.set_defaults(handler=seed)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
