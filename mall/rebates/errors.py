"""Rebate failures.

    DomainError
    └── RuleStateInvalid    INVALID_STATE   the rule's status does not allow this (an ENDED rule, back to DRAFT, …)
"""

from __future__ import annotations

from mall.core.errors import DomainError, ErrorCode


class RuleStateInvalid(DomainError):
    """The rule's status does not allow the change."""

    code = ErrorCode.INVALID_STATE
