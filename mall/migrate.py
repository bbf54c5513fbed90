"""Schema migrations with aerich, one history per dialect (DESIGN §5).

aerich writes dialect-specific SQL, so ``migrations/sqlite`` and
``migrations/postgres`` are generated separately from the same models. CHECK
constraints (declared in each model's ``Meta.constraints`` for reference) are
written into the files by hand: aerich emits none. What Mall changes in
aerich itself lives in ``mall.infra.aerich_patches``.
"""

from __future__ import annotations

import copy
from typing import Any

from aerich import Command
from aerich.migrate import Migrate
from aerich.utils import get_models_describe
from tortoise import Tortoise

from mall.infra import aerich_patches
from mall.infra.aerich_patches import reset_aerich_state
from mall.infra.db import migrations_location, tortoise_config
from mall.settings import Settings

APP = "models"

aerich_patches.apply()


async def _command(settings: Settings) -> Command:
    reset_aerich_state()
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
    reset_aerich_state()
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
