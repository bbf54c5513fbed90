"""A Tortoise query as a keyset ``PageSource`` (see ``mall.core.paging``)."""

from __future__ import annotations

import functools
import operator
from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from tortoise.expressions import Q
from tortoise.models import Model
from tortoise.queryset import QuerySet

from mall.core.paging import Comparison, Ordering, PageRequest

ModelT = TypeVar("ModelT", bound=Model)
_LOOKUPS = {"=": "", "<": "__lt", ">": "__gt"}


def _beyond(ordering: Ordering, values: Sequence[Any]) -> Q:
    """The rows strictly after ``values`` in ``ordering``, as a filter."""
    return functools.reduce(operator.or_, (Q(**_lookups(condition)) for condition in ordering.after(values)))


def _lookups(condition: list[Comparison]) -> dict[str, Any]:
    return {c.key + _LOOKUPS[c.operator]: c.value for c in condition}


def _order_by(ordering: Ordering) -> list[str]:
    return [("-" if key.descending else "") + key.name for key in ordering.keys]


class QuerySetSource(Generic[ModelT]):
    """The model instances of ``query``, paged in ``ordering``."""

    def __init__(self, query: QuerySet[ModelT], ordering: Ordering) -> None:
        self.query = query
        self.ordering = ordering

    async def fetch(self, request: PageRequest) -> list[ModelT]:
        query = self.query
        if request.after is not None:
            query = query.filter(_beyond(self.ordering, request.after))
        if request.before is not None:
            query = query.filter(_beyond(self.ordering.reversed(), request.before))
        ordering = self.ordering.reversed() if request.backwards else self.ordering
        return list(await query.order_by(*_order_by(ordering)).limit(request.limit))

    async def count(self) -> int:
        return await self.query.count()
