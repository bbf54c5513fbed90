"""Mall's aerich patches still match the aerich they were written against."""

from __future__ import annotations

import hashlib
import inspect

from aerich.migrate import Migrate

from mall.infra import aerich_patches


def test_every_replaced_aerich_function_is_unchanged_upstream():
    # A failure here means the pinned aerich changed code Mall replaces:
    # re-read the new upstream code, port the patch, then update the digest.
    digests = {
        name: hashlib.sha256(inspect.getsource(function).encode()).hexdigest()
        for name, function in aerich_patches.ORIGINALS.items()
    }

    assert digests == aerich_patches.UPSTREAM


def test_the_reset_clears_all_of_aerichs_class_level_diff_state():
    state = {
        name for name, value in vars(Migrate).items()
        if not name.startswith("__") and (isinstance(value, list | dict) or name == "_last_version_content")
    }
    assert state == set(aerich_patches.DIFF_STATE)

    Migrate.upgrade_operators.append("left over")
    Migrate._rename_models["Old"] = "New"
    aerich_patches.reset_aerich_state()
    assert all(getattr(Migrate, name) in ([], {}, None) for name in aerich_patches.DIFF_STATE)


def test_patches_are_installed_by_the_migration_module():
    import mall.migrate  # noqa: F401  (installs the patches)

    assert Migrate.__dict__["_handle_add_models"].__func__ is aerich_patches._handle_add_models
    assert Migrate.get_migration_dir("migrations/sqlite", "models").as_posix() == "migrations/sqlite"
