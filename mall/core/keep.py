"""``KEEP``: "leave this field as it is", distinct from ``None`` ("clear it")."""

from __future__ import annotations

import enum
from typing import Literal, TypeVar

T = TypeVar("T")


class _Keep(enum.Enum):
    KEEP = "KEEP"

    def __repr__(self) -> str:
        return "KEEP"


KEEP = _Keep.KEEP
Keepable = T | Literal[_Keep.KEEP]
