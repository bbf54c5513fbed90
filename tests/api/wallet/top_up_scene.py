"""What the top-up settlement tests share: provider stubs that record what they were asked, and signed refund notices."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from mall.core.clock import clock
from mall.payments.providers import provider
from mall.payments.providers.base import (
    PaymentState,
    PaymentStatus,
    ProviderKind,
    RefundNotice,
    RefundResult,
    RefundStatus,
)
from mall.payments.providers.sandbox import SandboxProvider
from mall.wallet.models import TopUp


def paid_at_provider(amount_minor: int) -> Callable[..., Awaitable[PaymentState]]:
    """A ``query_payment`` that reports the payment made, for ``amount_minor``."""

    async def query(self, trade_no: str) -> PaymentState:  # type: ignore[no-untyped-def]
        return PaymentState(trade_no=trade_no, status=PaymentStatus.SUCCESS, transaction_id="4200000077",
                            amount_minor=amount_minor, currency="CNY", paid_at=clock.now())

    return query


def recording_closes() -> tuple[list[str], Callable[..., Awaitable[None]]]:
    """A ``close_payment`` that records the trade numbers it closes."""
    closed: list[str] = []

    async def close(self, trade_no: str) -> None:  # type: ignore[no-untyped-def]
        closed.append(trade_no)

    return closed, close


def recording_refunds(status: RefundStatus) -> tuple[list[tuple[str, int]], Callable[..., Awaitable[RefundResult]]]:
    """A ``refund`` that records (refund number, amount) and answers ``status``."""
    asked: list[tuple[str, int]] = []

    async def refund(self, request) -> RefundResult:  # type: ignore[no-untyped-def]
        asked.append((request.refund_no, request.amount_minor))
        return RefundResult(refund_no=request.refund_no, refund_id="sbxr" + request.refund_no,
                            amount_minor=request.amount_minor, currency=request.currency, status=status)

    return asked, refund


async def refund_notice(row: TopUp, **changes: Any) -> tuple[dict[str, str], bytes]:
    """The signed refund callback for the whole of a top-up (confirmed, unless ``changes`` say otherwise)."""
    fields = {"refund_no": "V" + row.trade_number[1:], "trade_no": row.trade_number,
              "refund_id": "5030" + row.trade_number[-10:], "amount_minor": row.amount_minor, "currency": row.currency,
              "merchant_id": SandboxProvider.merchant_id, "status": RefundStatus.SUCCESS, "refunded_at": clock.now(),
              **changes}
    return await provider(ProviderKind.SANDBOX).build_callback(RefundNotice(**fields))
