"""The import rules of STYLE.md hold (contracts in pyproject.toml, run by import-linter)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept():
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_no_unused_or_undefined_names_and_imports_in_order():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--quiet", "mall", "tests", "scripts"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_no_row_lock_is_asked_of_a_values_query():
    # Tortoise drops FOR UPDATE from .values() / .values_list() queries: such a "lock" locks nothing.
    import re

    chained = re.compile(r"select_for_update\([^)]*\)\s*\.values")
    found = [str(path.relative_to(ROOT)) for path in (ROOT / "mall").rglob("*.py")
             if chained.search(path.read_text(encoding="utf-8"))]

    assert found == []
