"""Keyset paging: orderings, cursors, page requests and pages (DESIGN §4).

A list is paged by its sort keys, never by OFFSET: a page is the rows strictly
after (or before) the row a cursor names, so pages do not shift while rows
are added. A cursor is URL-safe base64 of a JSON list: a tag naming the
ordering, then that row's key values. Values coming back in a cursor are
typed and range-checked here, so a forged cursor is refused before it can
reach a database.

Rows come from a ``PageSource``: ``mall.infra.pages.QuerySetSource`` for a
Tortoise query, or one written in SQL (``mall.catalog.listing``); both build
their filter from ``Ordering.after``. ``paginate`` asks a source for one page.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import functools
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from mall.core.errors import DomainError, ErrorCode

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
MAX_CURSOR_LENGTH = 1000
_BIGINT = range(-(2**63), 2**63)
KEY_TYPES = (int, str, dt.datetime)

RowT = TypeVar("RowT")


class InvalidPage(DomainError):
    """The page asked for cannot be given: a size out of range, or a cursor not of this list."""

    code = ErrorCode.INVALID


@dataclass(frozen=True, slots=True)
class Key:
    """One sort key: a column (or computed value) of type int, str or datetime."""

    name: str
    type: type
    descending: bool = False


@dataclass(frozen=True, slots=True)
class Comparison:
    """``key <operator> value``, the operator one of ``=``, ``<``, ``>``."""

    key: str
    operator: str
    value: Any


@dataclass(frozen=True, slots=True)
class Ordering:
    """The sort keys of a list; the last must be unique (usually the id), so the order is total."""

    keys: tuple[Key, ...]

    def __post_init__(self) -> None:
        names = [key.name for key in self.keys]
        if not names or len(set(names)) != len(names):
            raise ValueError(f"an ordering needs distinct keys, not {names}")
        if any(key.type not in KEY_TYPES for key in self.keys):
            raise ValueError(f"key types are int, str or datetime: {self.keys}")

    @classmethod
    def of(cls, *keys: tuple[str, type]) -> Ordering:
        """``Ordering.of(("-created_at", dt.datetime), ("-id", int))``: a "-" sorts that key descending."""
        return cls(tuple(Key(name.lstrip("-"), type_, name.startswith("-")) for name, type_ in keys))

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(key.name for key in self.keys)

    @property
    def tag(self) -> str:
        """Names this ordering inside its cursors, so a cursor of one list is refused by another."""
        return _tag(self)

    def reversed(self) -> Ordering:
        return Ordering(tuple(Key(key.name, key.type, not key.descending) for key in self.keys))

    def after(self, values: Sequence[Any]) -> list[list[Comparison]]:
        """Rows strictly after the row holding ``values``, as alternatives (OR) of conditions (AND).

        ``(k1 > v1) OR (k1 = v1 AND k2 > v2) OR …``, ``<`` where a key descends.
        Rows before it are ``reversed().after(values)``.
        """
        return [
            [
                *(Comparison(key.name, "=", value) for key, value in zip(self.keys[:index], values, strict=False)),
                Comparison(self.keys[index].name, "<" if self.keys[index].descending else ">", values[index]),
            ]
            for index in range(len(self.keys))
        ]

    def cursor(self, row: Any) -> str:
        """The cursor of ``row``: a mapping, or an object with the keys as attributes."""
        read = row.__getitem__ if isinstance(row, Mapping) else functools.partial(getattr, row)
        values = [self.tag, *(_encode_value(read(key.name)) for key in self.keys)]
        text = json.dumps(values, ensure_ascii=False, separators=(",", ":"))
        return base64.urlsafe_b64encode(text.encode()).decode()

    def decode(self, cursor: str) -> tuple[Any, ...]:
        """The key values a cursor of this ordering holds; ``InvalidPage`` for anything else."""
        try:
            if len(cursor) > MAX_CURSOR_LENGTH:
                raise ValueError("too long")
            values = json.loads(base64.urlsafe_b64decode(cursor.encode()))
            if not isinstance(values, list) or len(values) != len(self.keys) + 1 or values[0] != self.tag:
                raise ValueError("not a cursor of this ordering")
            return tuple(_decode_value(key.type, value) for key, value in zip(self.keys, values[1:], strict=True))
        except (ValueError, binascii.Error, UnicodeError) as exc:
            raise InvalidPage(f"{cursor!r} is not a valid cursor for this list.") from exc


@functools.lru_cache(maxsize=256)
def _tag(ordering: Ordering) -> str:
    # Names and directions only, as before key types were declared: cursors handed out stay valid.
    names = ",".join(("-" if key.descending else "") + key.name for key in ordering.keys)
    return hashlib.blake2s(names.encode(), digest_size=3).hexdigest()


def _encode_value(value: Any) -> Any:
    return {"t": value.isoformat()} if isinstance(value, dt.datetime) else value


def _decode_value(expected: type, value: Any) -> Any:
    """A cursor value of the ``expected`` type that every database accepts, or ValueError."""
    if expected is int and type(value) is int and value in _BIGINT:
        return value
    if expected is str and type(value) is str and "\x00" not in value:
        value.encode()  # a lone surrogate raises UnicodeEncodeError
        return value
    if expected is dt.datetime and isinstance(value, dict) and value.keys() == {"t"} and isinstance(value["t"], str):
        moment = dt.datetime.fromisoformat(value["t"])
        if moment.utcoffset() is None:
            raise ValueError("a naive datetime")
        try:
            return moment.astimezone(dt.UTC)  # within datetime's range in UTC, as the databases compare it
        except OverflowError as exc:
            raise ValueError("a datetime out of range") from exc
    raise ValueError(f"not a cursor value of type {expected.__name__}")


@dataclass(frozen=True, slots=True)
class PageRequest:
    """A checked request for ``size`` rows between ``after`` and ``before`` (key values), from
    the end if ``backwards``."""

    size: int = DEFAULT_PAGE_SIZE
    backwards: bool = False
    after: tuple[Any, ...] | None = None
    before: tuple[Any, ...] | None = None

    @classmethod
    def parse(
        cls, ordering: Ordering, *, first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
    ) -> PageRequest:
        """From Relay's arguments; ``InvalidPage`` when a size is out of range or a cursor is bad."""
        if first is not None and last is not None:
            raise InvalidPage("Pass either first or last, not both.")
        size = first if first is not None else last
        if size is not None and not 0 <= size <= MAX_PAGE_SIZE:
            raise InvalidPage(f"first and last must be between 0 and {MAX_PAGE_SIZE}.")
        return cls(
            size=DEFAULT_PAGE_SIZE if size is None else size,
            backwards=last is not None,
            after=ordering.decode(after) if after is not None else None,
            before=ordering.decode(before) if before is not None else None,
        )

    @property
    def limit(self) -> int:
        """Rows to fetch: one more than asked tells whether another page exists (also for size 0)."""
        return self.size + 1


class PageSource(Protocol[RowT]):
    """Rows in a keyset ``ordering``, and how many there are."""

    @property
    def ordering(self) -> Ordering: ...

    async def fetch(self, request: PageRequest) -> list[RowT]:
        """Up to ``request.limit`` rows strictly after ``request.after`` and before
        ``request.before``, in ``ordering``, or reversed if ``request.backwards``."""
        ...

    async def count(self) -> int:
        """All rows, across pages."""
        ...


@dataclass(frozen=True, slots=True)
class Page(Generic[RowT]):
    """One page of rows in order, whether more lie either side, and its cursors."""

    rows: list[RowT]
    has_next: bool
    has_previous: bool
    ordering: Ordering

    def cursor(self, row: RowT) -> str:
        return self.ordering.cursor(row)

    @property
    def start_cursor(self) -> str | None:
        return self.cursor(self.rows[0]) if self.rows else None

    @property
    def end_cursor(self) -> str | None:
        return self.cursor(self.rows[-1]) if self.rows else None


async def paginate(source: PageSource[RowT], request: PageRequest) -> Page[RowT]:
    """One page of ``source``: one fetch, and no count."""
    rows = await source.fetch(request)
    more = len(rows) > request.size
    rows = rows[: request.size]
    if request.backwards:
        rows.reverse()
    return Page(
        rows=rows,
        has_next=more if not request.backwards else request.before is not None,
        has_previous=more if request.backwards else request.after is not None,
        ordering=source.ordering,
    )
