"""What Mall changes in aerich 0.10.1, in one place, each with the upstream code it replaces.

Three quirks: aerich keeps its diff state in class attributes that are never
cleared (``reset_aerich_state``), it nests each history in a folder per app
(``get_migration_dir``: Mall keeps each dialect's history flat), and it
refuses a new model with a foreign key to itself (``_handle_add_models``).
``UPSTREAM`` pins a digest of the source of every upstream function replaced
and the names of the class state reset; tests/unit/test_aerich_patches.py
fails when a newer aerich changes any of them, so the patches are re-read
against the new code rather than silently applied to it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aerich.migrate import Migrate
from tortoise.exceptions import ConfigurationError

# sha256 of ``inspect.getsource`` of each aerich function replaced here.
UPSTREAM = {
    "Migrate._handle_add_models": "66c37454b42e2b0691a659c78d2d2ee0a2e2a2a18040d2381ee55d542ce895ed",
    "Migrate.get_migration_dir": "0b46f30717f67a6bc2eee48d20a58e01fdba231177caae85d8dce86923760129",
}
# Migrate's class-level diff state, all of which ``reset_aerich_state`` clears.
DIFF_STATE = (
    "_downgrade_fk_m2m_index_operators", "_downgrade_m2m", "_last_version_content", "_rename_fields",
    "_rename_models", "_upgrade_fk_m2m_index_operators", "_upgrade_m2m", "downgrade_operators", "upgrade_operators",
)
ORIGINALS: dict[str, Any] = {
    "Migrate._handle_add_models": Migrate.__dict__["_handle_add_models"].__func__,
    "Migrate.get_migration_dir": Migrate.__dict__["get_migration_dir"].__func__,
}


def _flat_migration_dir(location: str, app: str) -> Path:
    # Each history flat in migrations/<dialect>/ rather than migrations/<dialect>/<app>/.
    return Path(location)


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



def reset_aerich_state() -> None:
    """Forget the diff state a previous aerich command left on the class."""
    Migrate.upgrade_operators = []
    Migrate.downgrade_operators = []
    Migrate._upgrade_fk_m2m_index_operators = []
    Migrate._downgrade_fk_m2m_index_operators = []
    Migrate._upgrade_m2m = []
    Migrate._downgrade_m2m = []
    Migrate._rename_fields = {}
    Migrate._rename_models = {}
    Migrate._last_version_content = None


def apply() -> None:
    """Install the patches (idempotent)."""
    Migrate.get_migration_dir = staticmethod(_flat_migration_dir)  # type: ignore[method-assign, assignment]
    Migrate._handle_add_models = classmethod(_handle_add_models)  # type: ignore[method-assign, assignment]
