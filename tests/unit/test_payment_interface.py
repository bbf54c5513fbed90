"""The payment-provider interface: its values, the callback answers, the registry and the sandbox's calls."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from mall.core.errors import ErrorCode, SandboxDisabled
from mall.payments import errors
from mall.payments.providers import answers, provider
from mall.payments.providers.base import (
    CallbackAnswer,
    Channel,
    PaymentCreated,
    PaymentRequest,
    PaymentState,
    PaymentStatus,
    PayoutRequest,
    PayoutResult,
    PayoutStatus,
    ProviderKind,
    RefundRequest,
    RefundResult,
    RefundStatus,
)
from mall.payments.providers.sandbox import IN_PROGRESS_PAYEE, SandboxProvider
from mall.settings import Settings, get_settings, use_settings
from tests.unit.payment_keys import SECRET, pem

EXPIRES = dt.datetime(2030, 5, 17, 9, 0, 0, tzinfo=dt.UTC)


def payment(**overrides) -> PaymentRequest:
    values = {
        "trade_no": "P2030051700000001",
        "amount_minor": 12_345,
        "currency": "CNY",
        "description": "Mall order 2030051700001",
        "expires_at": EXPIRES,
        "channel": Channel.JSAPI,
        "payer_openid": "sbx_openid_1",
    } | overrides
    return PaymentRequest(**values)


def sandbox() -> SandboxProvider:
    return SandboxProvider(secret_key=SECRET, private_key_pem=pem())


# --- values ---


@pytest.mark.parametrize(
    ("overrides", "error", "message"),
    [
        ({"trade_no": "P" * 33}, ValueError, "trade_no must be 6-32 letters or digits"),
        ({"trade_no": "P-2030"}, ValueError, "trade_no must be 6-32 letters or digits"),
        ({"amount_minor": 0}, ValueError, "amount_minor out of range: 0"),
        ({"amount_minor": 123.45}, TypeError, "amount_minor must be an int of minor units, not float"),
        ({"amount_minor": True}, TypeError, "amount_minor must be an int of minor units, not bool"),
        ({"currency": "cny"}, ValueError, "currency must be three capital letters"),
        ({"expires_at": dt.datetime(2030, 5, 17, 9, 0)}, ValueError, "expires_at must be timezone-aware"),
        ({"payer_openid": None}, ValueError, "a JSAPI payment needs the payer's openid"),
    ],
)
def test_a_payment_request_refuses_what_no_provider_accepts(overrides, error, message):
    with pytest.raises(error, match=message):
        payment(**overrides)


def test_a_refund_never_exceeds_what_was_paid():
    with pytest.raises(ValueError, match="a refund cannot exceed what was paid"):
        RefundRequest(refund_no="R000001", trade_no="P000001", amount_minor=101, total_minor=100, currency="CNY")


# --- errors reach the API with the payment codes ---


def test_provider_errors_carry_the_payment_codes():
    codes = {
        cls.__name__: cls("x").code
        for cls in (
            errors.ProviderUnavailable, errors.ProviderNotConfigured, errors.ProviderRejected,
            errors.CallbackRejected, errors.CallbackMalformed, errors.CallbackSignatureInvalid,
            errors.CallbackExpired, errors.CallbackMerchantUnknown,
        )
    }

    assert codes == {
        "ProviderUnavailable": ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE,
        "ProviderNotConfigured": ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE,
        "ProviderRejected": ErrorCode.PAYMENT_FAILED,
        "CallbackRejected": ErrorCode.PAYMENT_FAILED,
        "CallbackMalformed": ErrorCode.PAYMENT_FAILED,
        "CallbackSignatureInvalid": ErrorCode.PAYMENT_FAILED,
        "CallbackExpired": ErrorCode.PAYMENT_FAILED,
        "CallbackMerchantUnknown": ErrorCode.PAYMENT_FAILED,
    }


# --- callback answers ---


def test_callback_answers_follow_each_provider():
    sandbox_provider = sandbox()

    assert sandbox_provider.acknowledge() == CallbackAnswer(status=204, content_type=None, body=b"")
    assert sandbox_provider.refuse("The callback\nsignature does not verify.") == CallbackAnswer(
        status=400,
        content_type="application/json",
        body=b'{"code": "FAIL", "message": "The callback signature does not verify."}',
    )
    assert answers.alipay_acknowledge() == CallbackAnswer(status=200, content_type="text/plain", body=b"success")
    assert answers.alipay_refuse("bad sign") == CallbackAnswer(status=200, content_type="text/plain", body=b"failure")


def test_a_refusal_reason_is_one_bounded_line_of_json():
    answer = answers.wechat_refuse('quote " and 签名\r\n' + "x" * 500)

    message = json.loads(answer.body)["message"]
    assert message == 'quote " and 签名 ' + "x" * 185
    assert len(message) == 200


# --- the sandbox's calls ---


@pytest.mark.parametrize(
    ("channel", "extra"),
    [
        (Channel.JSAPI, {}),
        (Channel.NATIVE, {"codeUrl": "sandbox://pay/P2030051700000001"}),
        (Channel.H5, {"returnUrl": "https://shop.example.com/paid"}),
    ],
)
async def test_the_sandbox_creates_a_payment_with_json_client_params_and_the_orders_expiry(channel, extra):
    request = payment(channel=channel, return_url=extra.get("returnUrl"))

    created = await sandbox().create_payment(request)

    assert created == PaymentCreated(
        trade_no="P2030051700000001",
        client_params={
            "provider": "SANDBOX",
            "channel": channel.value,
            "tradeNo": "P2030051700000001",
            "prepayId": "sbxP2030051700000001",
            "expiresAt": "2030-05-17T09:00:00+00:00",
            "simulateWith": "sandboxPaymentSimulate",
        } | extra,
        expires_at=EXPIRES,
    )
    assert json.loads(json.dumps(created.client_params)) == created.client_params


async def test_the_sandbox_answers_query_close_refund_and_payout_at_once():
    provider = sandbox()

    state = await provider.query_payment("P2030051700000001")
    closed = await provider.close_payment("P2030051700000001")
    refund = await provider.refund(
        RefundRequest(refund_no="R000001", trade_no="P000001", amount_minor=2_345, total_minor=12_345, currency="CNY")
    )
    payout = await provider.payout(
        PayoutRequest(payout_no="W000001", payee="sbx_openid_1", amount_minor=10_000, currency="CNY", description="提现")
    )

    assert state == PaymentState(trade_no="P2030051700000001", status=PaymentStatus.PENDING)
    assert closed is None
    assert refund == RefundResult(
        refund_no="R000001", refund_id="sbxrR000001", amount_minor=2_345, currency="CNY", status=RefundStatus.PENDING
    )
    assert payout == PayoutResult(
        payout_no="W000001", payout_id="sbxpW000001", amount_minor=10_000, status=PayoutStatus.SUCCESS
    )


async def test_the_sandbox_remembers_payouts_answers_one_number_with_one_transfer_and_finishes_in_progress_ones():
    provider = sandbox()
    paid = PayoutRequest(payout_no="W000002", payee="sbx_openid_1", amount_minor=500, currency="CNY", description="x")
    slow = PayoutRequest(payout_no="W000003", payee=IN_PROGRESS_PAYEE, amount_minor=700, currency="CNY",
                         description="x")

    unknown = await provider.query_payout("W000002")
    first = await provider.payout(paid)
    again = await provider.payout(paid)
    accepted = await provider.payout(slow)
    while_in_progress = await provider.query_payout("W000003")
    finished = provider.finish_payout("W000003", PayoutStatus.FAILED)

    assert unknown is None
    assert first == again == await provider.query_payout("W000002")
    assert (accepted.status, while_in_progress) == (PayoutStatus.PENDING, accepted)
    assert finished == await provider.query_payout("W000003") == PayoutResult(
        payout_no="W000003", payout_id="sbxpW000003", amount_minor=700, status=PayoutStatus.FAILED)
    assert await provider.payout(slow) == finished  # sent again: the same transfer, as it stands
    with pytest.raises(ValueError, match="FAILED already"):
        provider.finish_payout("W000003", PayoutStatus.SUCCESS)


# --- the registry ---


@pytest.fixture
def restore_settings():
    before = get_settings()
    yield
    use_settings(before)


def shop(**changes) -> Settings:
    return Settings(database_url="sqlite://:memory:", secret_key=SECRET, _env_file=None, **changes)


def test_the_registry_builds_the_sandbox_once_per_settings(restore_settings):
    use_settings(shop(sandbox=True, sandbox_payment_private_key=pem()))

    first = provider(ProviderKind.SANDBOX)
    again = provider(ProviderKind.SANDBOX)
    use_settings(shop(sandbox=True))
    rebuilt = provider(ProviderKind.SANDBOX)

    assert isinstance(first, SandboxProvider)
    assert again is first
    assert rebuilt is not first


def test_the_registry_refuses_the_sandbox_when_it_is_off(restore_settings):
    use_settings(shop(sandbox=False))

    with pytest.raises(SandboxDisabled):
        provider(ProviderKind.SANDBOX)


@pytest.mark.parametrize(("kind", "name"), [(ProviderKind.WECHAT_PAY, "WeChat Pay"), (ProviderKind.ALIPAY, "Alipay")])
def test_real_providers_are_not_configured_yet(restore_settings, kind, name):
    use_settings(shop(sandbox=True))

    with pytest.raises(errors.ProviderNotConfigured) as caught:
        provider(kind)

    assert caught.value.code is ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE
    assert caught.value.message == f"{name} is not configured on this shop."
