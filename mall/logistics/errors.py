"""Logistics failures.

    DomainError
    └── PushRejected            INVALID    a tracking push we must not believe: nothing in it is used
        ├── PushMalformed                  not a form, fields missing, bad JSON, unknown carrier or state shape
        └── PushSignatureInvalid           the sign does not match the param

A push endpoint answers every ``PushRejected`` with the provider's
``refuse(reason)`` and logs it; the message is safe to send back.
"""

from __future__ import annotations

from mall.core.errors import DomainError, ErrorCode


class PushRejected(DomainError):
    """A tracking push that is not verifiably from the provider, or not readable."""

    code = ErrorCode.INVALID


class PushMalformed(PushRejected):
    """Not a form with ``param`` and ``sign``, or ``param`` is not the JSON the provider sends."""


class PushSignatureInvalid(PushRejected):
    """``sign`` is not the signature of ``param`` under our salt."""
