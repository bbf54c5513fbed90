"""Relay plumbing: global ids, the Node interface, and connections.

A global id is base64("<Type>:<pk>"). Connections show a page of a keyset
``PageSource``; orderings, cursors and paging live in ``mall.core.paging``.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

import strawberry

from mall.core.errors import ErrorCode, InvalidInput, Problem
from mall.core.paging import InvalidPage, PageRequest, PageSource, paginate
from mall.graphql.errors import BadUserInput

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
RowT = TypeVar("RowT")


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


async def connection(
    source: PageSource[RowT],
    *,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
    to_node: Callable[[RowT], NodeT],
    edge_cursors: bool = True,
) -> Connection[NodeT]:
    """One page of ``source`` as a Connection: one fetch, and the count only if selected.

    A bad page request is a top-level BAD_USER_INPUT. ``edge_cursors=False``
    (the client selects no ``edges { cursor }``) skips a cursor per edge;
    ``pageInfo`` always has its start and end cursors.
    """
    try:
        request = PageRequest.parse(source.ordering, first=first, after=after, last=last, before=before)
    except InvalidPage as exc:
        raise BadUserInput(exc.message) from exc
    page = await paginate(source, request)
    edges = [Edge(cursor=page.cursor(row) if edge_cursors else "", node=to_node(row)) for row in page.rows]
    page_info = PageInfo(
        has_next_page=page.has_next, has_previous_page=page.has_previous,
        start_cursor=page.start_cursor, end_cursor=page.end_cursor,
    )
    return Connection(edges=edges, page_info=page_info, _count=source.count)
