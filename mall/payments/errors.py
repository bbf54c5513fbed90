"""Payment failures.

    DomainError
    ├── ProviderUnavailable         PAYMENT_PROVIDER_UNAVAILABLE  network, timeout, 5xx: retry later
    │   └── ProviderNotConfigured   PAYMENT_PROVIDER_UNAVAILABLE  the shop has no credentials for it
    ├── ProviderRejected            PAYMENT_FAILED                the provider refused (a business answer)
    └── CallbackRejected            PAYMENT_FAILED                a callback we must not believe
        ├── CallbackMalformed                                     missing headers, bad JSON, wrong fields
        ├── CallbackSignatureInvalid                              signature, serial or ciphertext wrong
        ├── CallbackExpired                                       timestamp outside the replay window
        └── CallbackMerchantUnknown                               addressed to another merchant or app

A callback endpoint answers every ``CallbackRejected`` with the provider's
``refuse(reason)`` and records it; the message is safe to send back.
"""

from __future__ import annotations

from mall.core.errors import DomainError, ErrorCode


class ProviderUnavailable(DomainError):
    """The provider could not be reached or answered an error; the call may be retried."""

    code = ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE


class ProviderNotConfigured(ProviderUnavailable):
    """The provider is not set up on this shop (no credentials, or the sandbox is off)."""


class ProviderRejected(DomainError):
    """The provider refused the request for a business reason; retrying will not help."""

    code = ErrorCode.PAYMENT_FAILED


class CallbackRejected(DomainError):
    """A callback that is not verifiably from the provider, or not for us: nothing in it is used."""

    code = ErrorCode.PAYMENT_FAILED


class CallbackMalformed(CallbackRejected):
    """Headers missing, body too large, not JSON, or a field of the wrong shape."""


class CallbackSignatureInvalid(CallbackRejected):
    """The signature does not verify, the key serial is unknown, or the resource will not decrypt."""


class CallbackExpired(CallbackRejected):
    """The signed timestamp is outside the replay window."""


class CallbackMerchantUnknown(CallbackRejected):
    """The callback names a merchant or app id that is not ours."""
