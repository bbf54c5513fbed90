"""Accounts failures.

    DomainError
    ├── InvalidCredentials          INVALID_CREDENTIALS   wrong login or password (same answer either way)
    ├── InvalidToken                INVALID_TOKEN         expired, tampered, rotated-out or revoked token
    ├── AccountDisabled             ACCOUNT_DISABLED      staff deactivated the account
    ├── WeakPassword                PASSWORD_TOO_WEAK
    ├── PaymentPasswordInvalid      PAYMENT_PASSWORD_INVALID
    ├── WechatCodeInvalid           WECHAT_CODE_INVALID   the provider refused the login code
    ├── WechatAlreadyBound          WECHAT_ALREADY_BOUND  the openid belongs to another account
    ├── WechatUnavailable           WECHAT_UNAVAILABLE    the provider could not be reached
    ├── CannotModifySelf            CANNOT_MODIFY_SELF    staff locking themselves out
    └── PermissionOutOfScope        PERMISSION_OUT_OF_SCOPE  granting a permission one does not hold
"""

from __future__ import annotations

from mall.core.errors import DomainError, ErrorCode


class InvalidCredentials(DomainError):
    code = ErrorCode.INVALID_CREDENTIALS

    def __init__(self, message: str = "Wrong login or password.", *, field: str | None = None) -> None:
        super().__init__(message, field=field)


class InvalidToken(DomainError):
    code = ErrorCode.INVALID_TOKEN

    def __init__(self, message: str = "The token is invalid, expired or revoked.", *, field: str | None = None) -> None:
        super().__init__(message, field=field)


class AccountDisabled(DomainError):
    code = ErrorCode.ACCOUNT_DISABLED

    def __init__(self) -> None:
        super().__init__("This account has been disabled.")


class WeakPassword(DomainError):
    code = ErrorCode.PASSWORD_TOO_WEAK


class PaymentPasswordInvalid(DomainError):
    code = ErrorCode.PAYMENT_PASSWORD_INVALID


class WechatCodeInvalid(DomainError):
    code = ErrorCode.WECHAT_CODE_INVALID


class WechatAlreadyBound(DomainError):
    code = ErrorCode.WECHAT_ALREADY_BOUND


class WechatUnavailable(DomainError):
    code = ErrorCode.WECHAT_UNAVAILABLE


class CannotModifySelf(DomainError):
    code = ErrorCode.CANNOT_MODIFY_SELF


class PermissionOutOfScope(DomainError):
    code = ErrorCode.PERMISSION_OUT_OF_SCOPE
