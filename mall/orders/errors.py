"""Order failures.

    DomainError
    └── InvalidState            INVALID_STATE  the order or after-sale is not in a state that allows this
"""

from __future__ import annotations

from mall.core.errors import DomainError, ErrorCode


class InvalidState(DomainError):
    """The move is not allowed from the current state, or not for this actor."""

    code = ErrorCode.INVALID_STATE
