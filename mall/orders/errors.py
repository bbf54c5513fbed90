"""Order failures.

    DomainError
    ├── InvalidState            INVALID_STATE   the order or after-sale is not in a state that allows this
    └── OrderTooLarge           LIMIT_EXCEEDED  the amounts would not fit a BIGINT of fen
"""

from __future__ import annotations

from mall.core.errors import DomainError, ErrorCode


class InvalidState(DomainError):
    """The move is not allowed from the current state, or not for this actor."""

    code = ErrorCode.INVALID_STATE


class OrderTooLarge(DomainError):
    """The order's amounts would not fit the money columns (a BIGINT of fen)."""

    code = ErrorCode.LIMIT_EXCEEDED
