"""Plain parameterised SQL for the catalog's hot reads, in either dialect.

Text is written with ``%s`` where a value goes; ``Statement.render`` numbers
them for the dialect (``$1`` on PostgreSQL, ``?`` on SQLite) in the order the
values were given. Values are always bound, never interpolated.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson
from tortoise import connections

from mall.infra import db

_statements = logging.getLogger("tortoise.db_client")


@dataclass(frozen=True)
class Fragment:
    """A piece of SQL and the values for its ``%s`` slots, in order."""

    text: str
    values: tuple[Any, ...] = ()

    def __post_init__(self) -> None:
        if self.text.count("%s") != len(self.values):
            raise ValueError(f"{self.text!r} has {self.text.count('%s')} slots for {len(self.values)} values")


@dataclass
class Statement:
    parts: list[Fragment] = field(default_factory=list)

    def add(self, text: str, *values: Any) -> Statement:
        self.parts.append(Fragment(text, values))
        return self

    def extend(self, fragment: Fragment) -> Statement:
        self.parts.append(fragment)
        return self

    def render(self, dialect: str) -> tuple[str, list[Any]]:
        chunks: list[str] = []
        values: list[Any] = []
        for part in self.parts:
            pieces = part.text.split("%s")
            for index, piece in enumerate(pieces):
                chunks.append(piece)
                if index < len(part.values):
                    values.append(part.values[index])
                    chunks.append(f"${len(values)}" if dialect == "postgres" else "?")
        return "".join(chunks), values


def dialect() -> str:
    return str(connections.get("default").capabilities.dialect)


async def fetch(statement: Statement) -> list[dict[str, Any]]:
    """Run a read; on the embedded SQLite file, synchronously (see ``db.sqlite_reader``)."""
    sql, values = statement.render(dialect())
    reader = db.sqlite_reader()
    if reader is not None:
        _statements.debug("%s: %s", sql, values)  # logged as Tortoise logs its own (and counted)
        return [dict(row) for row in reader.execute(sql, values).fetchall()]
    return await connections.get("default").execute_query_dict(sql, values)


def json_value(value: Any) -> Any:
    """JSON columns come back as text (both drivers, as Tortoise configures them)."""
    return orjson.loads(value) if isinstance(value, str | bytes) else value


def datetime_value(value: Any) -> dt.datetime:
    """Timestamps: a datetime from asyncpg, ISO text from SQLite."""
    parsed = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def in_list(values: Sequence[Any]) -> Fragment:
    """``IN (%s, %s, …)``."""
    return Fragment("IN (" + ", ".join(["%s"] * len(values)) + ")", tuple(values))
