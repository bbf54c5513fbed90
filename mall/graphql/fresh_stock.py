"""Cached catalog responses with their stock numbers served fresh.

Orders move stock all the time; invalidating every cached catalog read on
each reservation would leave the cache empty under order traffic. Instead a
cached entry keeps the response with a hole where each variant's ``stock``
went, and the ids of those variants; a hit reads what is available now (one
statement) and fills the holes. Only a variant's availability crossing zero
invalidates the cache (``mall.catalog.stock``): which products an ``inStock``
filter lists. So a cached answer is never wrong about whether something can
be bought, and what a hit serves is byte for byte what running the query
would answer (checked when the entry is made).

An entry is the variant ids as a JSON list, a newline, then the body with
each stock number replaced by a NUL byte: JSON text never holds a raw
control character (strings escape them), so a NUL is always a hole.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeAlias

import orjson

_HOLE = b"\x00"

# Where a variant's stock went in a response: its path (response names and
# list indices, from the root field down) and the variant's id.
StockMark: TypeAlias = tuple[list[str | int], int]


@dataclass(frozen=True, slots=True)
class Entry:
    variant_ids: list[int]  # one per hole, in the body's order
    template: bytes

    def filled(self, available: Mapping[int, int]) -> bytes | None:
        """The body with each hole filled from ``available``; None if a variant is gone."""
        if not self.variant_ids:
            return self.template
        parts = self.template.split(_HOLE)
        out = [parts[0]]
        for variant_id, rest in zip(self.variant_ids, parts[1:], strict=True):
            stock = available.get(variant_id)
            if stock is None:
                return None
            out.append(str(stock).encode())
            out.append(rest)
        return b"".join(out)

    def dump(self) -> bytes:
        return orjson.dumps(self.variant_ids) + b"\n" + self.template

    @classmethod
    def load(cls, stored: bytes) -> Entry | None:
        header, newline, template = stored.partition(b"\n")
        if not newline:
            return None
        try:
            ids = orjson.loads(header)
        except orjson.JSONDecodeError:
            return None
        if not isinstance(ids, list) or not all(type(i) is int for i in ids) or template.count(_HOLE) != len(ids):
            return None
        return cls(ids, template)


def _parent(data: Any, path: list[str | int]) -> Any:
    for key in path[:-1]:
        data = data[key]
    return data


def entry_for(response: dict[str, Any], marks: list[StockMark]) -> tuple[Entry, dict[int, int]] | None:
    """The entry for ``response`` (as it will be serialised) and the stock numbers it
    holds now, by variant id; None if a mark cannot be found where it says."""
    if not marks:
        return Entry([], orjson.dumps(response)), {}
    nonce = secrets.token_hex(16)  # no response can hold it: made after the response was
    saved: list[tuple[Any, str | int, Any]] = []
    try:
        for index, (path, _) in enumerate(marks):
            parent = _parent(response["data"], path)
            saved.append((parent, path[-1], parent[path[-1]]))
            parent[path[-1]] = f"{nonce}:{index}"
        body = orjson.dumps(response)
    except (KeyError, IndexError, TypeError):
        return None
    finally:
        for parent, key, value in saved:
            parent[key] = value
    pieces = re.split(rb'"' + nonce.encode() + rb':(\d+)"', body)
    indexes = [int(i) for i in pieces[1::2]]
    if sorted(indexes) != list(range(len(marks))):
        return None
    now = {marks[i][1]: saved[i][2] for i in indexes}
    return Entry([marks[i][1] for i in indexes], _HOLE.join(pieces[0::2])), now
