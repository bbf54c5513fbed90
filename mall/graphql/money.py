"""The Money type: an exact amount and its currency."""

from __future__ import annotations

import strawberry

from mall.core.money import minor_to_decimal
from mall.graphql.scalars import Decimal


@strawberry.type(description="An exact amount: a decimal string with two places, and a currency code.")
class Money:
    amount: Decimal  # type: ignore[valid-type]
    currency: str

    @classmethod
    def of(cls, minor: int, currency: str) -> Money:
        return cls(amount=minor_to_decimal(minor), currency=currency)

    @classmethod
    def optional(cls, minor: int | None, currency: str) -> Money | None:
        """``of``, or ``None`` for an amount not set (no cost price, an unbounded budget, …)."""
        return None if minor is None else cls.of(minor, currency)
