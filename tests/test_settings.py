"""Every setting is documented in .env.example, and nothing there is stale."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import ValidationError

from mall.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def test_env_example_lists_exactly_the_settings():
    documented = set(re.findall(r"^(MALL_[A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.M))
    declared = {"MALL_" + name.upper() for name in Settings.model_fields}

    assert documented == declared


def test_postgres_needs_a_secret_key():
    with pytest.raises(ValidationError, match="MALL_SECRET_KEY is required"):
        Settings(database_url="postgres://postgres@127.0.0.1/x", secret_key=None, _env_file=None)


def test_sandbox_defaults_follow_the_shape():
    assert Settings(database_url="sqlite://x.db", sandbox=None, _env_file=None).sandbox_enabled is True
    assert Settings(database_url="postgres://p@h/x", secret_key="k", sandbox=None, _env_file=None).sandbox_enabled is False


def test_graphiql_and_introspection_follow_the_sandbox_unless_set():
    production = {"database_url": "postgres://p@h/x", "secret_key": "k", "_env_file": None}
    embedded = {"database_url": "sqlite://x.db", "_env_file": None}

    shapes = {
        "production": Settings(**production, sandbox=None, graphiql=None, introspection=None),
        "embedded": Settings(**embedded, sandbox=None, graphiql=None, introspection=None),
        "embedded, sandbox off": Settings(**embedded, sandbox=False, graphiql=None, introspection=None),
        "production, both on": Settings(**production, sandbox=None, graphiql=True, introspection=True),
        "embedded, both off": Settings(**embedded, sandbox=None, graphiql=False, introspection=False),
    }

    assert {name: (s.graphiql_enabled, s.introspection_enabled) for name, s in shapes.items()} == {
        "production": (False, False),
        "embedded": (True, True),
        "embedded, sandbox off": (False, False),
        "production, both on": (True, True),
        "embedded, both off": (False, False),
    }


def test_money_settings_refuse_fractions_of_a_fen():
    with pytest.raises(ValidationError, match="fractions of a fen"):
        Settings(withdrawal_min="10.001", _env_file=None)


def test_a_point_is_worth_a_whole_number_of_fen():
    with pytest.raises(ValidationError, match="MALL_POINTS_PER_YUAN must divide 100"):
        Settings(points_per_yuan=30, _env_file=None)
    assert Settings(points_per_yuan=50, _env_file=None).points_per_yuan == 50


def test_postgres_without_redis_is_refused_at_start_up_unless_declared_single_process():
    from mall.app import create_app
    from mall.infra import wiring
    from mall.infra.wiring import DeploymentError
    from mall.settings import get_settings

    lone = Settings(database_url="postgres://p@h/x", secret_key="k", redis_url=None, _env_file=None)
    with pytest.raises(DeploymentError, match="MALL_REDIS_URL.*MALL_SINGLE_PROCESS=true"):
        create_app(lone, manage_database=False, configure_logging=False)

    declared = Settings(database_url="postgres://p@h/x", secret_key="k", single_process=True, _env_file=None)
    try:
        create_app(declared, manage_database=False, configure_logging=False)  # accepted
    finally:
        wiring.configure(get_settings())  # back to the suite's own backends


def test_serve_refuses_postgres_without_redis_and_several_workers_in_one_declared_process(monkeypatch, capsys):
    import argparse

    from mall import cli
    from mall.settings import use_settings

    lone = Settings(database_url="postgres://p@h/x", secret_key="k", redis_url=None, _env_file=None)
    use_settings(lone)
    try:
        assert cli.serve(argparse.Namespace(host="127.0.0.1", port=0, workers=1)) == 2
        assert "needs MALL_REDIS_URL" in capsys.readouterr().err
        use_settings(lone.model_copy(update={"single_process": True}))
        assert cli.serve(argparse.Namespace(host="127.0.0.1", port=0, workers=4)) == 2
        assert "--workers > 1 needs MALL_REDIS_URL" in capsys.readouterr().err
    finally:
        use_settings(None)


def test_mall_worker_is_refused_on_sqlite_and_without_redis(capsys):
    import argparse

    from mall import cli
    from mall.settings import use_settings

    try:
        use_settings(Settings(database_url="sqlite://x.db", _env_file=None))
        embedded = cli.worker(argparse.Namespace())
        embedded_err = capsys.readouterr().err
        use_settings(Settings(database_url="postgres://p@h/x", secret_key="k", redis_url=None,
                              single_process=True, _env_file=None))
        single = cli.worker(argparse.Namespace())
        single_err = capsys.readouterr().err
    finally:
        use_settings(None)

    assert (embedded, single) == (2, 2)
    assert embedded_err.startswith("mall: `mall worker` is refused on SQLite: the embedded shape is one process")
    assert single_err.startswith("mall: `mall worker` needs MALL_REDIS_URL: job locks are shared through Redis.")


def test_serve_runs_the_jobs_only_in_one_process_shapes():
    production = {"database_url": "postgres://p@h/x", "secret_key": "k", "_env_file": None}

    assert Settings(database_url="sqlite://x.db", _env_file=None).jobs_in_serve is True
    assert Settings(**production, redis_url="redis://r", single_process=False).jobs_in_serve is False
    assert Settings(**production, redis_url=None, single_process=True).jobs_in_serve is True


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The worst umask an operator could run with: files are created world-readable unless made otherwise."""
    previous = os.umask(0)
    yield
    os.umask(previous)


def _embedded(directory: Path) -> Settings:
    return Settings(database_url=f"sqlite://{directory}/mall.db", secret_key=None, _env_file=None)


def test_the_embedded_secret_file_is_created_private_not_made_private_afterwards(tmp_path, open_umask, monkeypatch):
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the secret was written before it was private")

    monkeypatch.setattr(os, "chmod", refuse)
    monkeypatch.setattr(Path, "chmod", refuse)

    key = _embedded(tmp_path).signing_key

    key_file = tmp_path / "mall.db.secret"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert key_file.read_text() == key
    assert len(key) == 64
    assert _embedded(tmp_path).signing_key == key
    assert [p.name for p in tmp_path.iterdir()] == ["mall.db.secret"]


def test_a_concurrent_creator_of_the_embedded_secret_wins_and_both_use_its_key(tmp_path, open_umask, monkeypatch):
    key_file = tmp_path / "mall.db.secret"
    real_link = os.link

    def another_process_first(source: str, target: str) -> None:
        key_file.write_text("the-winner-s-key")
        real_link(source, target)

    monkeypatch.setattr(os, "link", another_process_first)

    assert _embedded(tmp_path).signing_key == "the-winner-s-key"
    assert [p.name for p in tmp_path.iterdir()] == ["mall.db.secret"]


def test_the_sandbox_payment_key_may_be_written_on_one_line():
    from tests.unit.payment_keys import pem

    one_line = pem().strip().replace("\n", "\\n")

    settings = Settings(sandbox_payment_private_key=one_line, _env_file=None)

    assert settings.sandbox_payment_private_key.get_secret_value() == pem()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("not a key", "not an unencrypted PEM private key"),
        ("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----", "not an unencrypted PEM private key"),
        ("1024", "must be an RSA key of 2048 bits or more"),
    ],
)
def test_a_sandbox_payment_key_that_cannot_sign_is_refused_at_start_up(value, message):
    from tests.unit.payment_keys import pem

    with pytest.raises(ValidationError, match=message):
        Settings(sandbox_payment_private_key=pem("short", 1024) if value == "1024" else value, _env_file=None)


def test_an_empty_sandbox_payment_key_means_generate_one():
    assert Settings(sandbox_payment_private_key="", _env_file=None).sandbox_payment_private_key is None
