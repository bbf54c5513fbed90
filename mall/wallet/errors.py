"""Wallet and ledger failures.

    DomainError
    ├── InvalidEntry            INVALID                 an entry the ledger refuses: unbalanced, a zero or
    │                                                   out-of-range amount, an account twice, a bad key
    ├── InsufficientFunds       INSUFFICIENT_FUNDS      a customer account would go below zero
    ├── BalanceLimitExceeded    LIMIT_EXCEEDED          a customer account would hold more than it may
    ├── EntryMismatch           IDEMPOTENCY_MISMATCH    the entry's key was used for other postings
    └── WithdrawalStateInvalid  INVALID_STATE           the withdrawal is not in a state that allows this
"""

from __future__ import annotations

from mall.core.errors import DomainError, ErrorCode


class InvalidEntry(DomainError):
    """The ledger refuses the entry as given: nothing was posted."""

    code = ErrorCode.INVALID


class InsufficientFunds(DomainError):
    """A customer account holds less than the entry takes from it."""

    code = ErrorCode.INSUFFICIENT_FUNDS


class BalanceLimitExceeded(DomainError):
    """A customer account would hold more than ``chart.MAX_AMOUNT`` of its unit."""

    code = ErrorCode.LIMIT_EXCEEDED


class EntryMismatch(DomainError):
    """An entry with this idempotency key exists with other postings (or another cause)."""

    code = ErrorCode.IDEMPOTENCY_MISMATCH


class WithdrawalStateInvalid(DomainError):
    """The withdrawal has moved on (or never was where this needs it): nothing was changed."""

    code = ErrorCode.INVALID_STATE
