"""scripts/test: on CI, a PostgreSQL + Redis pass that cannot run fails the run."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONE_TEST = "tests/test_settings.py::test_env_example_lists_exactly_the_settings"


def run_with_no_services(ci: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MALL_") and k != "CI"}
    env.update(MALL_TEST_POSTGRES="postgres://postgres@127.0.0.1:1/none", MALL_TEST_REDIS="redis://127.0.0.1:1/0")
    if ci is not None:
        env["CI"] = ci
    return subprocess.run(
        ["scripts/test", "-q", "-p", "no:cacheprovider", ONE_TEST],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )


def test_on_ci_a_postgres_pass_that_cannot_run_is_a_failure():
    result = run_with_no_services(ci="true")

    assert result.returncode != 0
    assert "FAILED: the PostgreSQL + Redis pass could not run on CI" in result.stdout


def test_on_a_developer_machine_it_is_skipped_with_a_message():
    result = run_with_no_services(ci=None)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "SKIPPED: the PostgreSQL + Redis pass did not run" in result.stdout
