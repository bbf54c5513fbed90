"""The fingerprint of a request, for idempotency keys (Stripe's semantics; the storage lives with the orders).

A retried request carries the same key; the stored fingerprint tells "the
same request again" (answer the first result) from "the same key with other
input" (IDEMPOTENCY_MISMATCH). The fingerprint is SHA-256 of canonical JSON of
the operation and its input as the resolver coerced it: key order and
whitespace of the original text cannot change it, and neither can the
spelling of an amount (``12.3`` and ``12.30`` are the same money). A decimal
is written as a string: the schema fixes each field's type, so a decimal and
a string of the same text never stand for each other.
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Mapping
from decimal import Decimal


def request_fingerprint(operation: str, payload: Mapping[str, object]) -> str:
    """The hex SHA-256 of ``{"operation": …, "input": …}`` as canonical JSON.

    ``payload`` holds what GraphQL input coerces to: mappings with string
    keys, lists and tuples, strings, integers, booleans, ``None``, ``Decimal``
    and enums. Anything else (a float above all: never money) is a
    ``TypeError``, so two different inputs cannot quietly fingerprint alike.
    """
    document = {"operation": operation, "input": _canonical(payload)}
    text = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return hashlib.sha256(text.encode()).hexdigest()


def _canonical(value: object) -> object:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise TypeError(f"{value} is not a finite decimal")
        # One spelling per number: 12.30, 12.3 and 1.23E+1 all become "12.3"; -0 is 0.
        return format(value.normalize(), "f") if value else "0"
    if isinstance(value, enum.Enum):
        return _canonical(value.value)
    if isinstance(value, Mapping):
        if not all(isinstance(key, str) for key in value):
            raise TypeError("fingerprinted mappings need string keys")
        return {key: _canonical(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_canonical(item) for item in value]
    raise TypeError(f"cannot fingerprint a {type(value).__name__}")
