"""WeChat Pay API v3 notice resources ↔ our ``PaymentNotice``/``RefundNotice``.

Parsing runs only on a resource ``v3_callbacks.open_callback`` verified and
decrypted. Every field is type-checked (amounts are integers of fen, never
floats or strings), the merchant and app ids must be ours, and anything
unexpected is ``CallbackMalformed``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from mall.payments.errors import CallbackMalformed, CallbackMerchantUnknown
from mall.payments.providers.base import PaymentNotice, PaymentStatus, RefundNotice, RefundStatus
from mall.payments.providers.v3_callbacks import OpenedCallback

PAYMENT_TYPE = "transaction"
REFUND_TYPE = "refund"

_TRADE_STATES = {
    "SUCCESS": PaymentStatus.SUCCESS,
    "REFUND": PaymentStatus.SUCCESS,  # paid, and a refund has since started
    "NOTPAY": PaymentStatus.PENDING,
    "USERPAYING": PaymentStatus.PENDING,
    "CLOSED": PaymentStatus.CLOSED,
    "REVOKED": PaymentStatus.CLOSED,
    "PAYERROR": PaymentStatus.FAILED,
}
_TRADE_STATE_OF = {
    PaymentStatus.SUCCESS: "SUCCESS",
    PaymentStatus.PENDING: "NOTPAY",
    PaymentStatus.CLOSED: "CLOSED",
    PaymentStatus.FAILED: "PAYERROR",
}
_REFUND_STATES = {
    "SUCCESS": RefundStatus.SUCCESS,
    "PROCESSING": RefundStatus.PENDING,
    "CLOSED": RefundStatus.CLOSED,
    "ABNORMAL": RefundStatus.FAILED,
}
_REFUND_STATE_OF = {status: state for state, status in _REFUND_STATES.items()}


def payment_notice(opened: OpenedCallback, *, merchant_id: str, app_id: str) -> PaymentNotice:
    """The payment a verified ``TRANSACTION.*`` callback reports."""
    data = _resource(opened, PAYMENT_TYPE, "TRANSACTION.")
    _check_ours(data, merchant_id=merchant_id, app_id=app_id)
    amount = _object(data, "amount")
    payer = data.get("payer")
    state = _text(data, "trade_state")
    if state not in _TRADE_STATES:
        raise CallbackMalformed(f"Unknown trade_state {state!r}.")
    try:
        return PaymentNotice(
            trade_no=_text(data, "out_trade_no"),
            transaction_id=_text(data, "transaction_id"),
            amount_minor=_integer(amount, "total"),
            currency=_text(amount, "currency"),
            merchant_id=merchant_id,
            status=_TRADE_STATES[state],
            paid_at=_moment(data, "success_time"),
            payer_openid=payer.get("openid") if isinstance(payer, dict) else None,
        )
    except (TypeError, ValueError) as exc:
        raise CallbackMalformed(f"The payment notice is invalid: {exc}") from exc


def refund_notice(opened: OpenedCallback, *, merchant_id: str) -> RefundNotice:
    """The refund a verified ``REFUND.*`` callback reports."""
    data = _resource(opened, REFUND_TYPE, "REFUND.")
    _check_ours(data, merchant_id=merchant_id, app_id=None)
    amount = _object(data, "amount")
    state = _text(data, "refund_status")
    if state not in _REFUND_STATES:
        raise CallbackMalformed(f"Unknown refund_status {state!r}.")
    try:
        return RefundNotice(
            refund_no=_text(data, "out_refund_no"),
            trade_no=_text(data, "out_trade_no"),
            refund_id=_text(data, "refund_id"),
            amount_minor=_integer(amount, "refund"),
            currency=_text(amount, "currency"),
            merchant_id=merchant_id,
            status=_REFUND_STATES[state],
            refunded_at=_moment(data, "success_time"),
        )
    except (TypeError, ValueError) as exc:
        raise CallbackMalformed(f"The refund notice is invalid: {exc}") from exc


def transaction_resource(notice: PaymentNotice, *, app_id: str) -> dict[str, Any]:
    """A ``PaymentNotice`` as WeChat Pay's decrypted transaction resource (the sandbox sends these)."""
    resource: dict[str, Any] = {
        "mchid": notice.merchant_id,
        "appid": app_id,
        "out_trade_no": notice.trade_no,
        "transaction_id": notice.transaction_id,
        "trade_type": "JSAPI",
        "trade_state": _TRADE_STATE_OF[notice.status],
        "amount": {"total": notice.amount_minor, "payer_total": notice.amount_minor, "currency": notice.currency},
    }
    if notice.paid_at is not None:
        resource["success_time"] = notice.paid_at.isoformat(timespec="seconds")
    if notice.payer_openid is not None:
        resource["payer"] = {"openid": notice.payer_openid}
    return resource


def refund_resource(notice: RefundNotice) -> dict[str, Any]:
    """A ``RefundNotice`` as WeChat Pay's decrypted refund resource."""
    resource: dict[str, Any] = {
        "mchid": notice.merchant_id,
        "out_trade_no": notice.trade_no,
        "out_refund_no": notice.refund_no,
        "refund_id": notice.refund_id,
        "refund_status": _REFUND_STATE_OF[notice.status],
        "amount": {"refund": notice.amount_minor, "currency": notice.currency},
    }
    if notice.refunded_at is not None:
        resource["success_time"] = notice.refunded_at.isoformat(timespec="seconds")
    return resource


def payment_event_type(status: PaymentStatus) -> str:
    return "TRANSACTION." + _TRADE_STATE_OF[status]


def refund_event_type(status: RefundStatus) -> str:
    return "REFUND." + _REFUND_STATE_OF[status]


def _resource(opened: OpenedCallback, original_type: str, event_prefix: str) -> Mapping[str, Any]:
    if opened.original_type != original_type or not opened.event_type.startswith(event_prefix):
        raise CallbackMalformed(f"Expected a {original_type} notice, got {opened.event_type!r}.")
    try:
        data = json.loads(opened.plaintext)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise CallbackMalformed("The notice resource is not JSON.") from exc
    if not isinstance(data, dict):
        raise CallbackMalformed("The notice resource is not a JSON object.")
    return data


def _check_ours(data: Mapping[str, Any], *, merchant_id: str, app_id: str | None) -> None:
    if data.get("mchid") != merchant_id or (app_id is not None and data.get("appid") != app_id):
        raise CallbackMerchantUnknown("The notice is for another merchant or app.")


def _object(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise CallbackMalformed(f"The notice field {key!r} is missing or not an object.")
    return value


def _text(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value or len(value) > 128:
        raise CallbackMalformed(f"The notice field {key!r} is missing or not text.")
    return value


def _integer(data: Mapping[str, Any], key: str) -> int:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise CallbackMalformed(f"The notice field {key!r} is not an integer amount.")
    return value


def _moment(data: Mapping[str, Any], key: str) -> dt.datetime | None:
    value = data.get(key)
    if value is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise CallbackMalformed(f"The notice field {key!r} is not a time with an offset.")
    return moment
