"""Exact money: integer minor units (分) inside, decimal strings outside.

DESIGN §3.0: never a float; two places out; an input with fractions of a fen
is rejected; any split uses the largest-remainder method so the parts always
sum to the whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

MINOR_PER_MAJOR = 100
# Amounts must fit a BIGINT of minor units; checking digits first keeps a
# text such as "1e99999999" from building a huge integer.
MAX_MAJOR_DIGITS = 17
MAX_MINOR = 2**63 - 1


class MoneyFormatError(ValueError):
    """A text that is not a decimal amount, or has fractions of a minor unit."""


@dataclass(frozen=True, slots=True, order=True)
class Money:
    """An amount in integer minor units of one currency."""

    minor: int
    currency: str

    def __post_init__(self) -> None:
        if isinstance(self.minor, bool) or not isinstance(self.minor, int):
            raise TypeError(f"Money.minor must be an int, not {type(self.minor).__name__}")

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(0, currency)

    @property
    def amount(self) -> Decimal:
        """The amount in major units, always with two places."""
        return minor_to_decimal(self.minor)

    def __add__(self, other: Money) -> Money:
        self._check_currency(other)
        return Money(self.minor + other.minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._check_currency(other)
        return Money(self.minor - other.minor, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.minor, self.currency)

    def allocate(self, weights: Sequence[int]) -> list[Money]:
        """Split by integer weights; the parts sum exactly to this amount."""
        return [Money(part, self.currency) for part in allocate(self.minor, weights)]

    def _check_currency(self, other: Money) -> None:
        if other.currency != self.currency:
            raise ValueError(f"currency mismatch: {self.currency} and {other.currency}")

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"


def minor_to_decimal(minor: int) -> Decimal:
    """``1230`` → ``Decimal("12.30")``: always two places (exact: only the exponent moves)."""
    return Decimal(minor).scaleb(-2)


def format_minor(minor: int) -> str:
    """Minor units as the API's decimal string: ``1234`` → ``"12.34"``."""
    return str(minor_to_decimal(minor))


def parse_decimal(text: str | Decimal | int) -> Decimal:
    """A decimal from API text; any number of places, never a float."""
    if isinstance(text, float):
        raise MoneyFormatError("floats are not accepted for exact values")
    try:
        value = Decimal(text) if not isinstance(text, Decimal) else text
    except (InvalidOperation, ValueError) as exc:
        raise MoneyFormatError(f"{text!r} is not a decimal number") from exc
    if not value.is_finite():
        raise MoneyFormatError(f"{text!r} is not a finite number")
    return value


def decimal_to_minor(value: Decimal) -> int:
    """Major units to minor units, refusing fractions of a minor unit.

    Exact integer arithmetic on the digits: Decimal multiplication would
    round to the context's 28 digits and could hide a fraction of a fen.
    """
    sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):
        raise MoneyFormatError(f"{value} is not a finite number")
    if len(digits) + exponent > MAX_MAJOR_DIGITS:
        raise MoneyFormatError(f"{value} is too large an amount")
    coefficient = int("".join(map(str, digits)) or "0")
    while exponent < -2 and coefficient % 10 == 0 and coefficient:
        coefficient //= 10
        exponent += 1
    if exponent < -2 and coefficient:
        raise MoneyFormatError(f"{value} has fractions of a fen")
    minor = coefficient * 10 ** (exponent + 2) if exponent >= -2 else 0
    if minor > MAX_MINOR:
        raise MoneyFormatError(f"{value} is too large an amount")
    return -minor if sign else minor


def parse_minor(text: str | Decimal | int) -> int:
    """API text (major units) to minor units: ``"12.3"`` → ``1230``."""
    return decimal_to_minor(parse_decimal(text))


def allocate(total: int, weights: Sequence[int]) -> list[int]:
    """Split ``total`` in proportion to ``weights`` by the largest-remainder method.

    Each part gets the floor of its exact share; the fen left over go one each
    to the parts with the largest remainders (ties to the earlier part). The
    parts always sum to ``total``. All-zero weights split evenly.
    """
    if not weights:
        if total:
            raise ValueError("cannot allocate a non-zero total over no parts")
        return []
    if any(w < 0 for w in weights):
        raise ValueError("weights must not be negative")
    weight_sum = sum(weights)
    if weight_sum == 0:
        weights = [1] * len(weights)
        weight_sum = len(weights)
    sign = -1 if total < 0 else 1
    magnitude = abs(total)
    floors = []
    remainders = []
    for index, weight in enumerate(weights):
        share, remainder = divmod(magnitude * weight, weight_sum)
        floors.append(share)
        remainders.append((-remainder, index))
    leftover = magnitude - sum(floors)
    for _, index in sorted(remainders)[:leftover]:
        floors[index] += 1
    return [sign * part for part in floors]
