"""Schema migrations with aerich, one history per dialect (DESIGN §5).

aerich writes dialect-specific SQL, so ``migrations/sqlite`` and
``migrations/postgres`` are generated separately from the same models. CHECK
constraints (declared in each model's ``Meta.constraints`` for reference) are
written into the files by hand: aerich emits none.

Two aerich 0.10.1 quirks handled here: it keeps its diff state in class
attributes that are never cleared, and it skips ``Tortoise.init`` when a
previous command left Tortoise marked as initialised without connections.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from aerich import Command
from aerich.migrate import Migrate
from aerich.utils import get_models_describe
from tortoise import Tortoise

from mall.db import migrations_location, tortoise_config
from mall.settings import Settings

APP = "models"

# Keep each history flat in migrations/<dialect>/ rather than aerich's
# migrations/<dialect>/<app>/.
Migrate.get_migration_dir = staticmethod(lambda location, app: Path(location))  # type: ignore[method-assign]


def _reset_aerich_state() -> None:
    Migrate.upgrade_operators = []
    Migrate.downgrade_operators = []
    Migrate._upgrade_fk_m2m_index_operators = []
    Migrate._downgrade_fk_m2m_index_operators = []
    Migrate._upgrade_m2m = []
    Migrate._downgrade_m2m = []
    Migrate._rename_fields = {}
    Migrate._rename_models = {}
    Migrate._last_version_content = None


async def _command(settings: Settings) -> Command:
    _reset_aerich_state()
    config = tortoise_config(settings, with_aerich=True)
    await Tortoise.init(config=config)
    return Command(config, app=APP, location=str(migrations_location(settings)))


async def upgrade(settings: Settings) -> list[str]:
    """Apply every migration not yet applied; returns the files applied."""
    async with await _command(settings) as command:
        await command.init()
        applied: list[str] = await command.upgrade(run_in_transaction=True)
    return applied


async def unapplied(settings: Settings) -> list[str]:
    async with await _command(settings) as command:
        await command.init()
        heads: list[str] = await command.heads()
    return heads


async def pending_changes(settings: Settings) -> list[str]:
    """What ``aerich migrate`` would generate now, without writing a file ([] = nothing)."""
    async with await _command(settings) as command:
        await command.init()
        old = copy.deepcopy(Migrate._last_version_content)
        if old is None:
            raise RuntimeError("the history is not applied to this database")
        new = get_models_describe(APP)
        old, new = Migrate._exclude_model_name_changes(old, new)
        Migrate.diff_models(old, new, no_input=True)
        Migrate.diff_models(new, old, False, no_input=True)
        Migrate._merge_operators()
        operators: list[Any] = list(Migrate.upgrade_operators)
    _reset_aerich_state()
    return [str(op) for op in operators]


async def make_migration(settings: Settings, name: str, *, empty: bool = False) -> str:
    """Generate the next migration file of this dialect's history (developer tool)."""
    async with await _command(settings) as command:
        await command.init()
        if not any(migrations_location(settings).glob("0_*.py")):
            await command.init_migrations(safe=False)
            return "0_init"
        filename: str = await command.migrate(name, empty=empty, no_input=True)
    return filename
