"""Every expected failure of a Mall operation, with a stable code.

The API shows these as ``userErrors`` (DESIGN §4); anything else that is
raised is a bug and gets masked. Each domain's ``errors.py`` subclasses the
classes here, so one ``ErrorCode`` enum covers the whole API.

    DomainError                     code
    ├── InvalidInput                INVALID (or a specific code per field)
    ├── NotFound                    NOT_FOUND
    ├── Duplicate                   DUPLICATE
    ├── Unauthenticated             UNAUTHENTICATED
    ├── PermissionDenied            PERMISSION_DENIED
    ├── RateLimited                 RATE_LIMITED
    ├── SandboxDisabled             SANDBOX_DISABLED
    ├── InvalidPage                 INVALID (core/paging.py; a top-level BAD_USER_INPUT in queries)
    └── (domain errors)             accounts/errors.py, catalog/errors.py, …
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass


class ErrorCode(enum.Enum):
    """Stable machine-readable codes; frontends switch on these."""

    INVALID = "INVALID"
    REQUIRED = "REQUIRED"
    NOT_FOUND = "NOT_FOUND"
    DUPLICATE = "DUPLICATE"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    PERMISSION_DENIED = "PERMISSION_DENIED"
    RATE_LIMITED = "RATE_LIMITED"
    SANDBOX_DISABLED = "SANDBOX_DISABLED"
    LIMIT_EXCEEDED = "LIMIT_EXCEEDED"
    # accounts
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    INVALID_TOKEN = "INVALID_TOKEN"
    ACCOUNT_DISABLED = "ACCOUNT_DISABLED"
    PASSWORD_TOO_WEAK = "PASSWORD_TOO_WEAK"
    PAYMENT_PASSWORD_INVALID = "PAYMENT_PASSWORD_INVALID"
    WECHAT_CODE_INVALID = "WECHAT_CODE_INVALID"
    WECHAT_ALREADY_BOUND = "WECHAT_ALREADY_BOUND"
    WECHAT_UNAVAILABLE = "WECHAT_UNAVAILABLE"
    CANNOT_MODIFY_SELF = "CANNOT_MODIFY_SELF"
    PERMISSION_OUT_OF_SCOPE = "PERMISSION_OUT_OF_SCOPE"
    # catalog
    STOCK_BELOW_RESERVED = "STOCK_BELOW_RESERVED"
    # cart, checkout and orders
    INSUFFICIENT_STOCK = "INSUFFICIENT_STOCK"
    UNAVAILABLE = "UNAVAILABLE"
    CART_EMPTY = "CART_EMPTY"
    INVALID_STATE = "INVALID_STATE"
    UNPAID_ORDERS_EXCEEDED = "UNPAID_ORDERS_EXCEEDED"
    # idempotency keys (every money-moving mutation)
    IDEMPOTENCY_MISMATCH = "IDEMPOTENCY_MISMATCH"
    IDEMPOTENCY_IN_PROGRESS = "IDEMPOTENCY_IN_PROGRESS"
    # payments
    PAYMENT_PROVIDER_UNAVAILABLE = "PAYMENT_PROVIDER_UNAVAILABLE"
    PAYMENT_FAILED = "PAYMENT_FAILED"
    PAYMENT_ATTEMPTS_EXCEEDED = "PAYMENT_ATTEMPTS_EXCEEDED"
    # wallet and ledger
    INSUFFICIENT_FUNDS = "INSUFFICIENT_FUNDS"
    VOUCHER_UNAVAILABLE = "VOUCHER_UNAVAILABLE"  # reserved by another order, used, or not valid yet
    VOUCHER_EXPIRED = "VOUCHER_EXPIRED"
    VOUCHER_NOT_APPLICABLE = "VOUCHER_NOT_APPLICABLE"  # nothing in scope, or below its minimum spend


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a request: where, what, and in words."""

    code: ErrorCode
    message: str
    field: tuple[str, ...] | None = None


class DomainError(Exception):
    """An expected failure: nothing was changed, the caller can act on it."""

    code: ErrorCode = ErrorCode.INVALID

    def __init__(
        self,
        message: str,
        *,
        field: str | Sequence[str] | None = None,
        code: ErrorCode | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        if isinstance(field, str):
            field = (field,)
        self.field = tuple(field) if field is not None else None
        if code is not None:
            self.code = code

    @property
    def problems(self) -> list[Problem]:
        return [Problem(self.code, self.message, self.field)]


class InvalidInput(DomainError):
    """One or more fields of the input are invalid."""

    code = ErrorCode.INVALID

    def __init__(self, problems: Sequence[Problem]) -> None:
        if not problems:
            raise ValueError("InvalidInput needs at least one problem")
        super().__init__(problems[0].message, field=problems[0].field, code=problems[0].code)
        self._problems = list(problems)

    @classmethod
    def one(cls, field: str, message: str, code: ErrorCode = ErrorCode.INVALID) -> InvalidInput:
        return cls([Problem(code, message, (field,))])

    @property
    def problems(self) -> list[Problem]:
        return list(self._problems)


class NotFound(DomainError):
    """The record does not exist, or the caller may not see it."""

    code = ErrorCode.NOT_FOUND


class Duplicate(DomainError):
    """A value that must be unique is already taken."""

    code = ErrorCode.DUPLICATE


class Unauthenticated(DomainError):
    """The operation needs a signed-in caller."""

    code = ErrorCode.UNAUTHENTICATED

    def __init__(self, message: str = "You need to sign in.") -> None:
        super().__init__(message)


class PermissionDenied(DomainError):
    """The caller is signed in but lacks the permission."""

    code = ErrorCode.PERMISSION_DENIED


class RateLimited(DomainError):
    """Too many attempts; try again later."""

    code = ErrorCode.RATE_LIMITED

    def __init__(self, message: str = "Too many attempts; try again later.", *, retry_after: int = 0) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class SandboxDisabled(DomainError):
    """A sandbox-only operation was called with MALL_SANDBOX off."""

    code = ErrorCode.SANDBOX_DISABLED

    def __init__(self) -> None:
        super().__init__("The sandbox is disabled on this deployment (MALL_SANDBOX=false).")
