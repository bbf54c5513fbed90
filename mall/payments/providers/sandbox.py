"""The SANDBOX payment provider: no network, callbacks signed exactly as WeChat Pay v3 signs them.

``build_callback`` seals a notice the way WeChat Pay does (RSA-SHA256 headers
over the raw body, resource under AES-256-GCM) and ``verify_*_callback``
opens it through the same code a real WeChat Pay callback goes through, so
``sandboxPaymentSimulate`` exercises the real verification path in process.

Keys: the RSA key pair is ``MALL_SANDBOX_PAYMENT_PRIVATE_KEY``; when unset,
one is generated at first use in a worker thread (RSA-2048 takes ~50 ms) and
kept for the life of this provider (one per process). That is enough while
``sandboxPaymentSimulate`` signs and verifies in the same process; a
multi-process sandbox, or one receiving callbacks from outside, must set the
key so every process verifies the same signatures. The APIv3-style AES key
is derived from ``MALL_SECRET_KEY`` with HKDF.

Create, query, close and refund answer at once and remember nothing:
no state here that another process would need. ``query_payment`` therefore
always reports PENDING ("nothing paid at the provider beyond what its
callbacks said"): for sandbox payments the caller's own tables, settled by
the simulated callbacks, are the truth.

Payouts are remembered in this process only, by payout number, so that
sending one again answers the same transfer (as real providers deduplicate)
and ``query_payout`` can answer. A payout to ``IN_PROGRESS_PAYEE`` is
accepted as PENDING — a transfer the provider has not finished — until
``finish_payout`` gives its final answer; every other payee is paid at once.
A payout made in another process is unknown here (``None``): whoever asks
then sends it again under the same number, which is what they would do with
a provider that never received it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import threading
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from mall.core.clock import clock
from mall.payments.providers import answers, v3_notices
from mall.payments.providers.base import (
    CallbackAnswer,
    Channel,
    PaymentCreated,
    PaymentNotice,
    PaymentRequest,
    PaymentState,
    PaymentStatus,
    PayoutRequest,
    PayoutResult,
    PayoutStatus,
    ProviderKind,
    RefundNotice,
    RefundRequest,
    RefundResult,
    RefundStatus,
    check_merchant_number,
)
from mall.payments.providers.v3_callbacks import open_callback, seal_callback

SANDBOX_MERCHANT_ID = "1900000109"
IN_PROGRESS_PAYEE = "sandbox-payout-in-progress"  # a payout to it stays PENDING until finish_payout
PAYOUTS_REMEMBERED = 10_000  # the oldest are forgotten beyond this: a long-running sandbox stays bounded
SANDBOX_APP_ID = "wxsandbox00000000"
_API_V3_KEY_INFO = b"mall/payments/sandbox/apiv3-key"


@dataclass(frozen=True, slots=True)
class SandboxKeys:
    """The sandbox's signing key pair, its serial (a public-key fingerprint) and its AES-256-GCM key."""

    private_key: rsa.RSAPrivateKey
    public_key: rsa.RSAPublicKey
    serial: str
    api_v3_key: bytes


def load_keys(*, private_key_pem: str | None, secret_key: str) -> SandboxKeys:
    """Load (or, with no PEM, generate) the key pair and derive the AES key. Slow: not on the event loop."""
    if private_key_pem is None:
        private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    else:
        loaded = serialization.load_pem_private_key(private_key_pem.encode(), password=None)
        if not isinstance(loaded, rsa.RSAPrivateKey):
            raise ValueError("the sandbox payment key must be an RSA private key")
        private_key = loaded
    public_key = private_key.public_key()
    public_der = public_key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    api_v3_key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_API_V3_KEY_INFO).derive(
        secret_key.encode()
    )
    return SandboxKeys(
        private_key=private_key,
        public_key=public_key,
        serial=hashlib.sha256(public_der).hexdigest()[:40].upper(),
        api_v3_key=api_v3_key,
    )


class SandboxProvider:
    """A payment provider for development and tests; see the module docstring."""

    kind = ProviderKind.SANDBOX
    merchant_id = SANDBOX_MERCHANT_ID
    app_id = SANDBOX_APP_ID

    def __init__(
        self,
        *,
        secret_key: str,
        private_key_pem: str | None = None,
        now: Callable[[], dt.datetime] = clock.now,
    ) -> None:
        self._secret_key = secret_key
        self._private_key_pem = private_key_pem
        self._now = now
        self._keys: SandboxKeys | None = None
        self._keys_lock = threading.Lock()
        self._payouts: dict[str, PayoutResult] = {}

    async def keys(self) -> SandboxKeys:
        """The keys, loaded once in a worker thread; concurrent first callers share one load."""
        if self._keys is None:
            await asyncio.to_thread(self._load_keys)
        assert self._keys is not None
        return self._keys

    def _load_keys(self) -> None:
        with self._keys_lock:
            if self._keys is None:
                self._keys = load_keys(private_key_pem=self._private_key_pem, secret_key=self._secret_key)

    # --- building callbacks (sandboxPaymentSimulate, simulated refunds) ---

    async def build_callback(self, notice: PaymentNotice | RefundNotice) -> tuple[dict[str, str], bytes]:
        """Headers and raw body of the callback WeChat Pay would send for ``notice``, signed now."""
        keys = await self.keys()
        if isinstance(notice, PaymentNotice):
            event_type = v3_notices.payment_event_type(notice.status)
            original_type = v3_notices.PAYMENT_TYPE
            resource = v3_notices.transaction_resource(notice, app_id=self.app_id)
        else:
            event_type = v3_notices.refund_event_type(notice.status)
            original_type = v3_notices.REFUND_TYPE
            resource = v3_notices.refund_resource(notice)
        return seal_callback(
            private_key=keys.private_key,
            serial=keys.serial,
            api_v3_key=keys.api_v3_key,
            event_id=str(uuid.uuid4()),
            event_type=event_type,
            original_type=original_type,
            resource=resource,
            now=self._now(),
        )

    # --- the provider interface ---

    async def verify_payment_callback(self, headers: Mapping[str, str], body: bytes) -> PaymentNotice:
        keys = await self.keys()
        opened = open_callback(
            headers, body, public_keys={keys.serial: keys.public_key}, api_v3_key=keys.api_v3_key, now=self._now()
        )
        return v3_notices.payment_notice(opened, merchant_id=self.merchant_id, app_id=self.app_id)

    async def verify_refund_callback(self, headers: Mapping[str, str], body: bytes) -> RefundNotice:
        keys = await self.keys()
        opened = open_callback(
            headers, body, public_keys={keys.serial: keys.public_key}, api_v3_key=keys.api_v3_key, now=self._now()
        )
        return v3_notices.refund_notice(opened, merchant_id=self.merchant_id)

    async def create_payment(self, request: PaymentRequest) -> PaymentCreated:
        params: dict[str, Any] = {
            "provider": self.kind.value,
            "channel": request.channel.value,
            "tradeNo": request.trade_no,
            "prepayId": "sbx" + request.trade_no,
            "expiresAt": request.expires_at.isoformat(),
            "simulateWith": "sandboxPaymentSimulate",
        }
        if request.channel is Channel.NATIVE:
            params["codeUrl"] = "sandbox://pay/" + request.trade_no
        if request.return_url is not None:
            params["returnUrl"] = request.return_url
        return PaymentCreated(trade_no=request.trade_no, client_params=params, expires_at=request.expires_at)

    async def query_payment(self, trade_no: str) -> PaymentState:
        check_merchant_number(trade_no, "trade_no")
        return PaymentState(trade_no=trade_no, status=PaymentStatus.PENDING)

    async def close_payment(self, trade_no: str) -> None:
        check_merchant_number(trade_no, "trade_no")

    async def refund(self, request: RefundRequest) -> RefundResult:
        """Accepted as PENDING, as WeChat answers PROCESSING; a refund callback (``build_callback``) confirms it."""
        return RefundResult(
            refund_no=request.refund_no,
            refund_id="sbxr" + request.refund_no,
            amount_minor=request.amount_minor,
            currency=request.currency,
            status=RefundStatus.PENDING,
        )

    async def payout(self, request: PayoutRequest) -> PayoutResult:
        known = self._payouts.get(request.payout_no)
        if known is not None:  # the same number again: the same transfer, never a second one
            return known
        status = PayoutStatus.PENDING if request.payee == IN_PROGRESS_PAYEE else PayoutStatus.SUCCESS
        result = PayoutResult(
            payout_no=request.payout_no,
            payout_id="sbxp" + request.payout_no,
            amount_minor=request.amount_minor,
            status=status,
        )
        self._payouts[request.payout_no] = result
        if len(self._payouts) > PAYOUTS_REMEMBERED:
            del self._payouts[next(iter(self._payouts))]
        return result

    async def query_payout(self, payout_no: str) -> PayoutResult | None:
        check_merchant_number(payout_no, "payout_no")
        return self._payouts.get(payout_no)

    def finish_payout(self, payout_no: str, status: PayoutStatus) -> PayoutResult:
        """The final answer to a payout accepted as PENDING (development and tests drive it)."""
        known = self._payouts[payout_no]
        if known.status is not PayoutStatus.PENDING:
            raise ValueError(f"payout {payout_no} is {known.status.value} already")
        self._payouts[payout_no] = finished = PayoutResult(
            payout_no=known.payout_no, payout_id=known.payout_id, amount_minor=known.amount_minor, status=status)
        return finished

    def acknowledge(self) -> CallbackAnswer:
        return answers.wechat_acknowledge()

    def refuse(self, reason: str) -> CallbackAnswer:
        return answers.wechat_refuse(reason)
