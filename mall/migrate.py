"""Schema migrations with aerich, one history per dialect (DESIGN §5).

aerich writes dialect-specific SQL, so ``migrations/sqlite`` and
``migrations/postgres`` are generated separately from the same models. CHECK
constraints (declared in each model's ``Meta.constraints`` for reference) are
written into the files by hand: aerich emits none.

Three aerich 0.10.1 quirks handled here: it keeps its diff state in class
attributes that are never cleared, it skips ``Tortoise.init`` when a
previous command left Tortoise marked as initialised without connections,
and it refuses a new model with a foreign key to itself.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from aerich import Command
from aerich.migrate import Migrate
from aerich.utils import get_models_describe
from tortoise import Tortoise
from tortoise.exceptions import ConfigurationError

from mall.infra.db import migrations_location, tortoise_config
from mall.settings import Settings

APP = "models"

# Keep each history flat in migrations/<dialect>/ rather than aerich's
# migrations/<dialect>/<app>/.
Migrate.get_migration_dir = staticmethod(lambda location, app: Path(location))  # type: ignore[method-assign]


def _handle_add_models(
    cls: type[Migrate],
    upgrade: bool,
    new_models: dict[str, dict[str, Any]],
    new_table_items: list[tuple[str, dict[str, Any], Any]],
    other_table_items: list[tuple[str, dict[str, Any], Any]] | None = None,
) -> None:
    """aerich 0.10.1's ``Migrate._handle_add_models``, except that a model's
    foreign key to itself (a category tree) is not a cycle: upstream raises
    "Can't create schema due to cyclic fk references" for any new model with
    a self-reference. Only the dependency check differs from upstream."""
    if not upgrade:
        return
    simple_tables: list[str] = []
    simple_table_models: set[str] = set()
    sql_fks: list[tuple[str, str, set[str]]] = []
    for new_model_str, new_model_describe, model in new_table_items:
        sql = cls.add_model(model)
        fk_model_names = {
            i.get("python_type", "") for i in (new_model_describe["fk_fields"] + new_model_describe["o2o_fields"])
        } - {new_model_str}
        if fk_model_names:
            sql_fks.append((sql, new_model_str, fk_model_names))
        else:
            if new_model_str not in cls._rename_models:
                simple_tables.append(sql)
            simple_table_models.add(new_model_str)
        cls._handle_m2m_fields({}, new_model_describe, model, new_models, upgrade)
    for sql in simple_tables:
        cls._add_operator(sql, upgrade)
    if sql_fks:
        simple_or_exists = simple_table_models | {i[0] for i in (other_table_items or [])}
        ordered_tables: list[str] = []
        ordered_table_models: set[str] = set()
        for _ in range(len(sql_fks)):
            for index, (sql, new_model_str, fk_model_names) in enumerate(sql_fks):
                if not (fk_model_names - simple_or_exists - ordered_table_models):
                    if new_model_str not in cls._rename_models:
                        ordered_tables.append(sql)
                    ordered_table_models.add(new_model_str)
                    sql_fks.pop(index)
                    break
            else:
                raise ConfigurationError("Can't create schema due to cyclic fk references")
        for sql in ordered_tables:
            cls._add_operator(sql, upgrade)


Migrate._handle_add_models = classmethod(_handle_add_models)  # type: ignore[method-assign, assignment]


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
