"""The payment-provider interface (DESIGN §3.7): what checkout, settlement and refunds may ask of a provider.

Every implementation (sandbox now; WeChat Pay v3 and Alipay later) answers
with these frozen dataclasses, amounts always integer minor units. Calls that
reach the network raise ``ProviderUnavailable`` (retryable) or
``ProviderRejected`` (a business refusal) and never run inside a database
transaction: record the intent, call, then settle (DESIGN §2).

A callback endpoint hands ``verify_payment_callback``/``verify_refund_callback``
the raw body bytes and the request headers (a Starlette ``request.headers``
fits ``Mapping[str, str]``) and answers with ``acknowledge()`` or
``refuse(reason)``. Verification comes before any business field is read.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from mall.core.money import MAX_MINOR

# Letters and digits only, 6-32 long: what WeChat Pay and Alipay both accept
# for out_trade_no, out_refund_no and transfer bill numbers.
_MERCHANT_NUMBER = re.compile(r"[0-9A-Za-z]{6,32}")


class ProviderKind(enum.Enum):
    SANDBOX = "SANDBOX"
    WECHAT_PAY = "WECHAT_PAY"
    ALIPAY = "ALIPAY"


class Channel(enum.Enum):
    """How the payer pays: WeChat trade types and Alipay product codes."""

    JSAPI = "JSAPI"  # WeChat inside a mini-program or official account: needs the payer's openid
    APP = "APP"
    H5 = "H5"  # a mobile browser outside WeChat (Alipay: wap pay)
    NATIVE = "NATIVE"  # a QR code to scan
    PAGE = "PAGE"  # Alipay desktop page pay


class PaymentStatus(enum.Enum):
    PENDING = "PENDING"  # created, not paid yet (WeChat NOTPAY/USERPAYING, Alipay WAIT_BUYER_PAY)
    SUCCESS = "SUCCESS"
    CLOSED = "CLOSED"  # closed or expired unpaid; a late payment is then refunded
    FAILED = "FAILED"  # the payer's payment failed (WeChat PAYERROR)


class RefundStatus(enum.Enum):
    PENDING = "PENDING"
    SUCCESS = "SUCCESS"
    CLOSED = "CLOSED"
    FAILED = "FAILED"  # WeChat ABNORMAL: needs staff


class PayoutStatus(enum.Enum):
    PENDING = "PENDING"
    SUCCESS = "SUCCESS"
    FAILED = "FAILED"


def check_merchant_number(value: str, what: str) -> None:
    """Our trade, refund and payout numbers: letters and digits, 6 to 32 of them."""
    if not isinstance(value, str) or not _MERCHANT_NUMBER.fullmatch(value):
        raise ValueError(f"{what} must be 6-32 letters or digits, got {value!r}")


def check_amount(value: int, what: str, *, allow_zero: bool = False) -> None:
    """An integer number of minor units, positive (or zero when allowed) and within a BIGINT."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be an int of minor units, not {type(value).__name__}")
    if value < (0 if allow_zero else 1) or value > MAX_MINOR:
        raise ValueError(f"{what} out of range: {value}")


def _check_currency(value: str) -> None:
    if not (isinstance(value, str) and len(value) == 3 and value.isascii() and value.isupper()):
        raise ValueError(f"currency must be three capital letters, got {value!r}")


def _check_aware(value: dt.datetime | None, what: str) -> None:
    if value is not None and value.tzinfo is None:
        raise ValueError(f"{what} must be timezone-aware")


@dataclass(frozen=True, slots=True)
class PaymentRequest:
    """One payment attempt: its own trade number, and the order's expiry as the provider's."""

    trade_no: str
    amount_minor: int
    currency: str
    description: str
    expires_at: dt.datetime
    channel: Channel
    payer_openid: str | None = None
    return_url: str | None = None

    def __post_init__(self) -> None:
        check_merchant_number(self.trade_no, "trade_no")
        check_amount(self.amount_minor, "amount_minor")
        _check_currency(self.currency)
        _check_aware(self.expires_at, "expires_at")
        if not self.description or len(self.description) > 127:
            raise ValueError("description must be 1-127 characters")
        if self.channel is Channel.JSAPI and not self.payer_openid:
            raise ValueError("a JSAPI payment needs the payer's openid")


@dataclass(frozen=True, slots=True)
class PaymentCreated:
    """What the frontend needs to start paying (JSON-able), and the provider's expiry."""

    trade_no: str
    client_params: dict[str, Any]
    expires_at: dt.datetime


@dataclass(frozen=True, slots=True)
class PaymentNotice:
    """A verified payment callback. Settlement matches it on trade number, merchant, amount and currency."""

    trade_no: str
    transaction_id: str
    amount_minor: int
    currency: str
    merchant_id: str
    status: PaymentStatus
    paid_at: dt.datetime | None = None
    payer_openid: str | None = None

    def __post_init__(self) -> None:
        check_merchant_number(self.trade_no, "trade_no")
        check_amount(self.amount_minor, "amount_minor")
        _check_currency(self.currency)
        _check_aware(self.paid_at, "paid_at")
        if self.status is PaymentStatus.SUCCESS and self.paid_at is None:
            raise ValueError("a successful payment has a paid_at")


@dataclass(frozen=True, slots=True)
class PaymentState:
    """What a query says about a payment; a payment never paid has no transaction id or amount."""

    trade_no: str
    status: PaymentStatus
    transaction_id: str | None = None
    amount_minor: int | None = None
    currency: str | None = None
    paid_at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class RefundRequest:
    """A refund of part or all of one paid attempt; ``refund_no`` makes retries idempotent at the provider."""

    refund_no: str
    trade_no: str
    amount_minor: int
    total_minor: int  # what the attempt paid (WeChat needs it)
    currency: str
    reason: str = ""

    def __post_init__(self) -> None:
        check_merchant_number(self.refund_no, "refund_no")
        check_merchant_number(self.trade_no, "trade_no")
        check_amount(self.amount_minor, "amount_minor")
        check_amount(self.total_minor, "total_minor")
        _check_currency(self.currency)
        if self.amount_minor > self.total_minor:
            raise ValueError("a refund cannot exceed what was paid")
        if len(self.reason) > 80:
            raise ValueError("reason must be at most 80 characters")


@dataclass(frozen=True, slots=True)
class RefundResult:
    refund_no: str
    refund_id: str
    amount_minor: int
    currency: str
    status: RefundStatus


@dataclass(frozen=True, slots=True)
class RefundNotice:
    """A verified refund callback."""

    refund_no: str
    trade_no: str
    refund_id: str
    amount_minor: int
    currency: str
    merchant_id: str
    status: RefundStatus
    refunded_at: dt.datetime | None = None

    def __post_init__(self) -> None:
        check_merchant_number(self.refund_no, "refund_no")
        check_merchant_number(self.trade_no, "trade_no")
        check_amount(self.amount_minor, "amount_minor")
        _check_currency(self.currency)
        _check_aware(self.refunded_at, "refunded_at")


@dataclass(frozen=True, slots=True)
class PayoutRequest:
    """Money to a person: a WeChat openid or an Alipay account; the name is checked by the provider."""

    payout_no: str
    payee: str
    amount_minor: int
    currency: str
    description: str
    payee_name: str | None = None

    def __post_init__(self) -> None:
        check_merchant_number(self.payout_no, "payout_no")
        check_amount(self.amount_minor, "amount_minor")
        _check_currency(self.currency)
        if not self.payee:
            raise ValueError("a payout needs a payee")


@dataclass(frozen=True, slots=True)
class PayoutResult:
    payout_no: str
    payout_id: str
    amount_minor: int
    status: PayoutStatus


@dataclass(frozen=True, slots=True)
class CallbackAnswer:
    """The HTTP answer to a provider's callback, in that provider's format."""

    status: int
    content_type: str | None
    body: bytes = field(default=b"")


class PaymentProvider(Protocol):
    """One payment provider. Every method may raise ``ProviderUnavailable`` or ``ProviderRejected``."""

    kind: ProviderKind
    merchant_id: str

    async def create_payment(self, request: PaymentRequest) -> PaymentCreated:
        """Open a payment at the provider; returns the frontend's parameters."""
        ...

    async def verify_payment_callback(self, headers: Mapping[str, str], body: bytes) -> PaymentNotice:
        """Verify the raw callback, then parse it; raises a ``CallbackRejected`` before reading any field."""
        ...

    async def query_payment(self, trade_no: str) -> PaymentState:
        """Ask the provider where a payment stands (reconciling attempts stuck in PENDING)."""
        ...

    async def close_payment(self, trade_no: str) -> None:
        """Close an unpaid payment so it can no longer be paid (before an order is cancelled)."""
        ...

    async def refund(self, request: RefundRequest) -> RefundResult:
        """Ask for a refund; usually PENDING until the refund callback."""
        ...

    async def verify_refund_callback(self, headers: Mapping[str, str], body: bytes) -> RefundNotice:
        """Verify and parse a refund callback, like ``verify_payment_callback``."""
        ...

    async def payout(self, request: PayoutRequest) -> PayoutResult:
        """Send money to a payee (withdrawals); PENDING when the provider accepted it but has not finished.

        Sending the same ``payout_no`` again never makes a second transfer: the
        provider answers the transfer it has under that number.
        """
        ...

    async def query_payout(self, payout_no: str) -> PayoutResult | None:
        """Where a payout stands (settling withdrawals left PAYING); ``None`` if the provider has none of that number."""
        ...

    def acknowledge(self) -> CallbackAnswer:
        """The answer that stops the provider from retrying a callback."""
        ...

    def refuse(self, reason: str) -> CallbackAnswer:
        """The answer that makes the provider retry a callback later."""
        ...
