"""Relay plumbing: global ids, the Node interface, connections and keyset pagination.

A global id is base64("<Type>:<pk>"). A cursor is base64 of a JSON list: a
tag naming the ordering, then the sort-key values of its row, so pages stay
stable while rows are added (keyset pagination, never OFFSET) and a cursor
of one ordering is refused by another.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import functools
import hashlib
import json
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

import orjson
import strawberry
from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from mall.core.errors import ErrorCode, InvalidInput, Problem
from mall.graphql.errors import BadUserInput

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
_MAX_PK = 2**63 - 1


def encode_id(type_name: str, pk: int | str) -> str:
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


def _split_id(global_id: str) -> tuple[str, int] | None:
    if not isinstance(global_id, str) or len(global_id) > 200:
        return None
    try:
        decoded = base64.b64decode(global_id, validate=True).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    type_name, sep, pk = decoded.partition(":")
    # ASCII digits only ("²".isdigit() is true); at most a BIGINT.
    if not sep or not (pk.isascii() and pk.isdigit()) or len(pk) > 19 or int(pk) > _MAX_PK:
        return None
    return type_name, int(pk)


def decode_any_id(global_id: str) -> tuple[str, int]:
    """(type name, pk) of a global id; a top-level BAD_USER_INPUT if malformed."""
    parts = _split_id(global_id)
    if parts is None:
        raise BadUserInput(f"{global_id!r} is not a valid ID.")
    return parts


def decode_id(global_id: str, type_name: str, *, field: str) -> int:
    """The pk of a global id of ``type_name``, for mutation inputs: a userError otherwise."""
    parts = _split_id(global_id)
    if parts is None or parts[0] != type_name:
        raise InvalidInput([Problem(ErrorCode.INVALID, f"Expected an ID of type {type_name}.", (field,))])
    return parts[1]


def decode_query_id(global_id: str, type_name: str) -> int | None:
    """For query arguments: malformed is BAD_USER_INPUT; another type's id finds nothing."""
    found_type, pk = decode_any_id(global_id)
    return pk if found_type == type_name else None


@strawberry.interface(description="An object with a global ID (Relay).")
class Node:
    id: strawberry.ID


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


NodeT = TypeVar("NodeT")


@strawberry.type
class Edge(Generic[NodeT]):
    cursor: str
    node: NodeT


@strawberry.type(description="A page of results (Relay connection).")
class Connection(Generic[NodeT]):
    edges: list[Edge[NodeT]]
    page_info: PageInfo
    _count: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field(description="How many items match, across all pages.")
    async def total_count(self) -> int:
        return await self._count()


@dataclass(frozen=True, slots=True)
class Ordering:
    """Sort keys for keyset pagination; the last must be unique (usually ``id``)."""

    fields: tuple[str, ...]
    descending: tuple[bool, ...]

    @classmethod
    def of(cls, *keys: str) -> Ordering:
        return cls(tuple(k.lstrip("-") for k in keys), tuple(k.startswith("-") for k in keys))

    def order_by(self, reverse: bool = False) -> list[str]:
        return [("-" if desc != reverse else "") + name for name, desc in zip(self.fields, self.descending, strict=True)]

    def after(self, values: Sequence[Any], reverse: bool = False) -> Q:
        """Rows strictly after ``values`` in this order (before, if ``reverse``)."""
        clauses = []
        for index, (name, desc) in enumerate(zip(self.fields, self.descending, strict=True)):
            equal = {f: v for f, v in zip(self.fields[:index], values[:index], strict=True)}
            op = "lt" if desc != reverse else "gt"
            clauses.append(Q(**equal, **{f"{name}__{op}": values[index]}))
        result = clauses[0]
        for clause in clauses[1:]:
            result |= clause
        return result


def _cursor_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return {"t": value.isoformat()}
    return value


def _from_cursor_value(value: Any) -> Any:
    if isinstance(value, dict) and isinstance(value.get("t"), str):
        return dt.datetime.fromisoformat(value["t"])
    if isinstance(value, int | str | float) and not isinstance(value, bool):
        return value
    raise ValueError("bad cursor value")


@functools.lru_cache(maxsize=256)
def cursor_tag(ordering: Ordering) -> str:
    """Names the ordering inside its cursors (two orderings may share value types)."""
    return hashlib.blake2s(",".join(ordering.order_by()).encode(), digest_size=3).hexdigest()


def encode_cursor(row: Any, ordering: Ordering) -> str:
    """``row`` is a model instance or a dict (a ``values()`` row)."""
    read = row.__getitem__ if isinstance(row, dict) else lambda name: getattr(row, name)
    values = [cursor_tag(ordering), *(_cursor_value(read(name)) for name in ordering.fields)]
    return base64.urlsafe_b64encode(orjson.dumps(values)).decode()


def decode_cursor(cursor: str, ordering: Ordering) -> list[Any]:
    try:
        if len(cursor) > 1000:
            raise ValueError("too long")
        values = json.loads(base64.urlsafe_b64decode(cursor.encode()))
        if not isinstance(values, list) or len(values) != len(ordering.fields) + 1:
            raise ValueError("wrong shape")
        if values[0] != cursor_tag(ordering):
            raise ValueError("a cursor of another ordering")
        return [_from_cursor_value(v) for v in values[1:]]
    except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
        raise BadUserInput(f"{cursor!r} is not a valid cursor for this list.") from exc


class PageSource(Protocol):
    """What ``paginate`` pages through: rows in a keyset order, and their count."""

    key_types: Mapping[str, type]

    async def fetch(
        self, columns: Sequence[str], *, after: Sequence[Any] | None, before: Sequence[Any] | None,
        limit: int, backwards: bool,
    ) -> list[Any]: ...

    async def count(self) -> int: ...


class QuerySetSource:
    """A Tortoise query as a ``PageSource`` (model instances, or dicts of ``columns``)."""

    def __init__(self, query: QuerySet[Any], ordering: Ordering, *, annotation_types: Mapping[str, type] | None = None) -> None:
        self.query = query
        self.ordering = ordering
        fields = query.model._meta.fields_map
        self.key_types = {
            name: (annotation_types or {}).get(name) or fields[name].field_type for name in ordering.fields
        }

    async def fetch(
        self, columns: Sequence[str], *, after: Sequence[Any] | None, before: Sequence[Any] | None,
        limit: int, backwards: bool,
    ) -> list[Any]:
        query = self.query
        for values, reverse in ((after, False), (before, True)):
            if values is not None:
                query = query.filter(self.ordering.after(values, reverse=reverse))
        ordered = query.order_by(*self.ordering.order_by(reverse=backwards)).limit(limit)
        return list(await (ordered.values(*dict.fromkeys((*columns, *self.ordering.fields))) if columns else ordered))

    async def count(self) -> int:
        return await self.query.count()


def _cursor_values(cursor: str, ordering: Ordering, key_types: Mapping[str, type]) -> list[Any]:
    """Decode a cursor; a forged one must not reach the database with values of the wrong type."""
    values = decode_cursor(cursor, ordering)
    for name, value in zip(ordering.fields, values, strict=True):
        expected = key_types[name]
        out_of_range = isinstance(value, int) and not -_MAX_PK - 1 <= value <= _MAX_PK
        if isinstance(value, bool) or not isinstance(value, expected) or out_of_range:
            raise BadUserInput(f"{cursor!r} is not a valid cursor for this list.")
    return values


def page_size(first: int | None, last: int | None) -> tuple[int, bool]:
    """(size, backwards) from ``first``/``last``; BAD_USER_INPUT when out of range."""
    if first is not None and last is not None:
        raise BadUserInput("Pass either first or last, not both.")
    size = first if first is not None else last
    if size is None:
        return DEFAULT_PAGE_SIZE, False
    if size < 0 or size > MAX_PAGE_SIZE:
        raise BadUserInput(f"first and last must be between 0 and {MAX_PAGE_SIZE}.")
    return size, last is not None


async def paginate(
    source: QuerySet[Any] | PageSource,
    ordering: Ordering,
    *,
    first: int | None = None,
    after: str | None = None,
    last: int | None = None,
    before: str | None = None,
    to_node: Callable[[Any], Any],
    annotation_types: Mapping[str, type] | None = None,
    columns: Sequence[str] = (),
    edge_cursors: bool = True,
) -> Connection[Any]:
    """One page of ``source`` in ``ordering``: one SELECT, plus a COUNT only if asked.

    ``source`` is a Tortoise query or any ``PageSource``. With ``columns`` the
    rows are dicts of those columns (and the sort keys) rather than model
    instances: cheaper on hot lists. ``edge_cursors=False`` (the client selects
    no ``edges { cursor }``) skips encoding a cursor per edge; ``pageInfo``
    always has its start and end cursors.
    """
    if isinstance(source, QuerySet):
        source = QuerySetSource(source, ordering, annotation_types=annotation_types)
    size, backwards = page_size(first, last)
    bounds = {
        name: _cursor_values(cursor, ordering, source.key_types) if cursor is not None else None
        for name, cursor in (("after", after), ("before", before))
    }
    # One row more than asked tells whether another page exists (also for first: 0).
    rows = await source.fetch(columns, after=bounds["after"], before=bounds["before"], limit=size + 1, backwards=backwards)
    more = len(rows) > size
    rows = rows[:size]
    if backwards:
        rows.reverse()
    edges = [Edge(cursor=encode_cursor(row, ordering) if edge_cursors else "", node=to_node(row)) for row in rows]
    page_info = PageInfo(
        has_next_page=more if not backwards else before is not None,
        has_previous_page=more if backwards else after is not None,
        start_cursor=encode_cursor(rows[0], ordering) if rows else None,
        end_cursor=encode_cursor(rows[-1], ordering) if rows else None,
    )
    return Connection(edges=edges, page_info=page_info, _count=source.count)
