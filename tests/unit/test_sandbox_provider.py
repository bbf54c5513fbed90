"""The sandbox payment provider: callbacks signed as WeChat Pay v3 signs them, verified by the same code."""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import json

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding

from mall.payments.errors import (
    CallbackExpired,
    CallbackMalformed,
    CallbackMerchantUnknown,
    CallbackSignatureInvalid,
)
from mall.payments.providers import v3_callbacks
from mall.payments.providers.base import PaymentNotice, PaymentStatus, RefundNotice, RefundStatus
from mall.payments.providers.sandbox import SANDBOX_MERCHANT_ID, SandboxProvider
from tests.unit.payment_keys import OTHER_SECRET, SECRET, pem

NOW = dt.datetime(2030, 5, 17, 8, 30, 0, tzinfo=dt.UTC)
PAID_AT = dt.datetime(2030, 5, 17, 16, 29, 58, tzinfo=dt.timezone(dt.timedelta(hours=8)))


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, moment: dt.datetime = NOW) -> None:
        self.moment = moment

    def __call__(self) -> dt.datetime:
        return self.moment


def sandbox(*, key: str | None = "ours", secret: str = SECRET, clock: Clock | None = None) -> SandboxProvider:
    return SandboxProvider(secret_key=secret, private_key_pem=pem(key) if key else None, now=clock or Clock())


def paid(**overrides) -> PaymentNotice:
    values = {
        "trade_no": "P2030051700000001",
        "transaction_id": "4200002030051712345678",
        "amount_minor": 12_345,
        "currency": "CNY",
        "merchant_id": SANDBOX_MERCHANT_ID,
        "status": PaymentStatus.SUCCESS,
        "paid_at": PAID_AT,
        "payer_openid": "sbx_openid_1",
    } | overrides
    return PaymentNotice(**values)


def refunded(**overrides) -> RefundNotice:
    values = {
        "refund_no": "R2030051700000001",
        "trade_no": "P2030051700000001",
        "refund_id": "50300000012030051700001",
        "amount_minor": 2_345,
        "currency": "CNY",
        "merchant_id": SANDBOX_MERCHANT_ID,
        "status": RefundStatus.SUCCESS,
        "refunded_at": PAID_AT,
    } | overrides
    return RefundNotice(**values)


async def resigned(provider: SandboxProvider, body: bytes, headers: dict[str, str]) -> dict[str, str]:
    """Headers with a valid signature over ``body``: tests the layers behind the signature on their own."""
    keys = await provider.keys()
    signature = keys.private_key.sign(
        v3_callbacks.signed_message(headers["Wechatpay-Timestamp"], headers["Wechatpay-Nonce"], body),
        padding.PKCS1v15(),
        hashes.SHA256(),
    )
    return headers | {"Wechatpay-Signature": base64.b64encode(signature).decode()}


async def sealed(provider: SandboxProvider, resource: dict, *, event_type: str = "TRANSACTION.SUCCESS") -> tuple:
    """A correctly signed and encrypted callback carrying any resource."""
    keys = await provider.keys()
    return v3_callbacks.seal_callback(
        private_key=keys.private_key, serial=keys.serial, api_v3_key=keys.api_v3_key, event_id="EV-1",
        event_type=event_type, original_type="transaction", resource=resource, now=NOW,
    )


# --- round trips ---


async def test_a_payment_callback_round_trips():
    provider = sandbox()
    headers, body = await provider.build_callback(paid())

    notice = await provider.verify_payment_callback(headers, body)

    assert notice == paid()
    assert set(headers) == {"Wechatpay-Timestamp", "Wechatpay-Nonce", "Wechatpay-Serial", "Wechatpay-Signature"}
    assert headers["Wechatpay-Timestamp"] == str(int(NOW.timestamp()))


@pytest.mark.parametrize("status", [PaymentStatus.CLOSED, PaymentStatus.FAILED, PaymentStatus.PENDING])
async def test_a_failure_status_round_trips_without_a_payment_time(status):
    provider = sandbox()
    headers, body = await provider.build_callback(paid(status=status, paid_at=None))

    assert await provider.verify_payment_callback(headers, body) == paid(status=status, paid_at=None)


async def test_a_refund_callback_round_trips():
    provider = sandbox()
    headers, body = await provider.build_callback(refunded())

    assert await provider.verify_refund_callback(headers, body) == refunded()


async def test_header_names_are_matched_whatever_their_case():
    provider = sandbox()
    headers, body = await provider.build_callback(paid())

    assert await provider.verify_payment_callback({k.lower(): v for k, v in headers.items()}, body) == paid()


async def test_amounts_stay_integers_of_fen_end_to_end():
    # 2**53 + 1 is the first integer a float cannot hold.
    provider = sandbox()
    headers, body = await provider.build_callback(paid(amount_minor=2**53 + 1))
    keys = await provider.keys()

    opened = v3_callbacks.open_callback(
        headers, body, public_keys={keys.serial: keys.public_key}, api_v3_key=keys.api_v3_key, now=NOW
    )
    notice = await provider.verify_payment_callback(headers, body)

    assert json.loads(opened.plaintext)["amount"] == {"total": 2**53 + 1, "payer_total": 2**53 + 1, "currency": "CNY"}
    assert notice.amount_minor == 9_007_199_254_740_993


@pytest.mark.parametrize("amount", ["123.45", 123.45, True, None])
async def test_an_amount_that_is_not_an_integer_is_refused(amount):
    provider = sandbox()
    headers, body = await sealed(provider, {
        "mchid": SANDBOX_MERCHANT_ID, "appid": provider.app_id, "out_trade_no": "P2030051700000001",
        "transaction_id": "42", "trade_state": "SUCCESS", "success_time": PAID_AT.isoformat(),
        "amount": {"total": amount, "currency": "CNY"},
    })

    with pytest.raises(CallbackMalformed, match="'total' is not an integer amount"):
        await provider.verify_payment_callback(headers, body)


# --- tampering ---


def flip(text: str, index: int) -> str:
    return text[:index] + ("A" if text[index] != "A" else "B") + text[index + 1:]


async def test_every_changed_byte_of_the_body_is_refused():
    provider = sandbox()
    headers, body = await provider.build_callback(paid())
    refused = 0

    for index in range(0, len(body), 7):
        changed = body[:index] + bytes([body[index] ^ 0x01]) + body[index + 1:]
        with pytest.raises(CallbackSignatureInvalid, match="^The callback signature does not verify.$"):
            await provider.verify_payment_callback(headers, changed)
        refused += 1

    assert refused == len(range(0, len(body), 7))


@pytest.mark.parametrize(
    ("header", "change", "error"),
    [
        ("Wechatpay-Signature", lambda v: flip(v, 10), CallbackSignatureInvalid),
        ("Wechatpay-Signature", lambda v: "not base64!", CallbackSignatureInvalid),
        ("Wechatpay-Serial", lambda v: flip(v, 0), CallbackSignatureInvalid),
        ("Wechatpay-Nonce", lambda v: flip(v, 0), CallbackSignatureInvalid),
        ("Wechatpay-Timestamp", lambda v: str(int(v) - 1), CallbackSignatureInvalid),
        ("Wechatpay-Timestamp", lambda v: "soon", CallbackMalformed),
    ],
)
async def test_a_changed_header_is_refused(header, change, error):
    provider = sandbox()
    headers, body = await provider.build_callback(paid())

    with pytest.raises(error):
        await provider.verify_payment_callback(headers | {header: change(headers[header])}, body)


@pytest.mark.parametrize("header", ["Wechatpay-Timestamp", "Wechatpay-Nonce", "Wechatpay-Serial", "Wechatpay-Signature"])
async def test_a_missing_header_is_refused(header):
    provider = sandbox()
    headers, body = await provider.build_callback(paid())
    del headers[header]

    with pytest.raises(CallbackMalformed, match="lacks its Wechatpay-\\* signature headers"):
        await provider.verify_payment_callback(headers, body)


async def test_a_callback_signed_by_another_key_is_refused_even_under_our_serial():
    ours, theirs = sandbox(), sandbox(key="theirs")
    headers, body = await theirs.build_callback(paid())
    our_serial = (await ours.keys()).serial

    with pytest.raises(CallbackSignatureInvalid, match="unknown key serial"):
        await ours.verify_payment_callback(headers, body)
    with pytest.raises(CallbackSignatureInvalid, match="does not verify"):
        await ours.verify_payment_callback(headers | {"Wechatpay-Serial": our_serial}, body)


async def test_the_signature_is_checked_before_the_body_is_parsed():
    provider = sandbox()
    headers, _ = await provider.build_callback(paid())

    with pytest.raises(CallbackSignatureInvalid):
        await provider.verify_payment_callback(headers, b"{not json")


async def test_a_signed_body_that_is_not_json_is_malformed():
    provider = sandbox()
    headers, _ = await provider.build_callback(paid())
    headers = await resigned(provider, b"{not json", headers)

    with pytest.raises(CallbackMalformed, match="not JSON"):
        await provider.verify_payment_callback(headers, b"{not json")


async def test_a_body_too_large_to_be_a_notice_is_refused_unread():
    provider = sandbox()
    headers, _ = await provider.build_callback(paid())

    with pytest.raises(CallbackMalformed, match="too large"):
        await provider.verify_payment_callback(headers, b" " * (v3_callbacks.MAX_CALLBACK_BYTES + 1))


# --- the replay window ---


@pytest.mark.parametrize(
    ("later", "accepted"),
    [
        (dt.timedelta(minutes=5), True),
        (dt.timedelta(minutes=5, seconds=1), False),
        (-dt.timedelta(minutes=5), True),
        (-dt.timedelta(minutes=5, seconds=1), False),
    ],
)
async def test_callbacks_are_accepted_within_five_minutes_of_their_timestamp(later, accepted):
    clock = Clock()
    provider = sandbox(clock=clock)
    headers, body = await provider.build_callback(paid())
    clock.moment = NOW + later

    if accepted:
        assert await provider.verify_payment_callback(headers, body) == paid()
    else:
        with pytest.raises(CallbackExpired, match="outside the five-minute window"):
            await provider.verify_payment_callback(headers, body)


# --- the AES-256-GCM resource ---


async def test_a_resource_encrypted_with_another_key_is_refused():
    # Same signing key pair, another MALL_SECRET_KEY: the signature verifies, the resource does not decrypt.
    provider, other = sandbox(), sandbox(secret=OTHER_SECRET)
    headers, body = await other.build_callback(paid())

    with pytest.raises(CallbackSignatureInvalid, match="does not decrypt"):
        await provider.verify_payment_callback(headers, body)


@pytest.mark.parametrize(
    ("field", "value"),
    [("associated_data", "refund"), ("nonce", "000000000000"), ("ciphertext", None)],
)
async def test_a_resource_changed_behind_a_valid_signature_does_not_decrypt(field, value):
    provider = sandbox()
    headers, body = await provider.build_callback(paid())
    envelope = json.loads(body)
    resource = envelope["resource"]
    resource[field] = value if value is not None else base64.b64encode(
        bytes([base64.b64decode(resource["ciphertext"])[0] ^ 1]) + base64.b64decode(resource["ciphertext"])[1:]
    ).decode()
    changed = json.dumps(envelope).encode()

    with pytest.raises(CallbackSignatureInvalid, match="does not decrypt"):
        await provider.verify_payment_callback(await resigned(provider, changed, headers), changed)


# --- whose callback, and of what kind ---


async def test_a_callback_for_another_merchant_is_refused():
    provider = sandbox()
    headers, body = await provider.build_callback(paid(merchant_id="1900000999"))

    with pytest.raises(CallbackMerchantUnknown, match="another merchant or app"):
        await provider.verify_payment_callback(headers, body)


async def test_a_callback_for_another_app_is_refused():
    provider = sandbox()
    headers, body = await sealed(provider, {
        "mchid": SANDBOX_MERCHANT_ID, "appid": "wx0000000000other", "out_trade_no": "P2030051700000001",
        "transaction_id": "42", "trade_state": "SUCCESS", "success_time": PAID_AT.isoformat(),
        "amount": {"total": 100, "currency": "CNY"},
    })

    with pytest.raises(CallbackMerchantUnknown):
        await provider.verify_payment_callback(headers, body)


async def test_a_refund_callback_is_not_taken_for_a_payment_nor_the_reverse():
    provider = sandbox()
    refund_headers, refund_body = await provider.build_callback(refunded())
    payment_headers, payment_body = await provider.build_callback(paid())

    with pytest.raises(CallbackMalformed, match="Expected a transaction notice, got 'REFUND.SUCCESS'"):
        await provider.verify_payment_callback(refund_headers, refund_body)
    with pytest.raises(CallbackMalformed, match="Expected a refund notice, got 'TRANSACTION.SUCCESS'"):
        await provider.verify_refund_callback(payment_headers, payment_body)


# --- keys ---


async def test_without_a_configured_key_each_provider_generates_its_own_once():
    first, second = sandbox(key=None), sandbox(key=None)

    loaded = await asyncio.gather(first.keys(), first.keys(), first.keys())
    headers, body = await first.build_callback(paid())

    assert loaded[0] is loaded[1] is loaded[2] is await first.keys()
    assert await first.verify_payment_callback(headers, body) == paid()
    with pytest.raises(CallbackSignatureInvalid, match="unknown key serial"):
        await second.verify_payment_callback(headers, body)


async def test_the_same_configured_key_verifies_across_providers():
    # Two processes with the same MALL_SANDBOX_PAYMENT_PRIVATE_KEY and MALL_SECRET_KEY.
    headers, body = await sandbox().build_callback(paid())

    assert await sandbox().verify_payment_callback(headers, body) == paid()
