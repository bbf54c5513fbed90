"""Binding a WeChat identity through GraphQL over HTTP: the sandbox provider and the real client on a mock."""

from __future__ import annotations

import httpx
import pytest

from mall.accounts.models import User
from mall.accounts.wechat import binding
from mall.accounts.wechat.miniprogram import MiniProgramLogin
from tests import factories
from tests.operations import contract

WECHAT_BIND = contract("WechatBind")
ME = contract("Me")

ALREADY_BOUND = [{"field": ["input", "code"], "code": "WECHAT_ALREADY_BOUND",
                  "message": "This WeChat account is bound to another account."}]


async def _bind(api, account, code):
    return (await api(WECHAT_BIND, {"input": {"code": code}}, token=account.access_token)).data["wechatBind"]


async def _wechat_bound(api, account):
    return (await api(ME, token=account.access_token)).data["me"]["wechatBound"]


async def test_a_sandbox_code_binds_the_wechat_identity(api):
    account = await factories.customer()
    assert await _wechat_bound(api, account) is False

    payload = await _bind(api, account, "sandbox-abc")

    assert payload["userErrors"] == []
    assert payload["user"]["wechatBound"] is True
    assert await _wechat_bound(api, account) is True
    openid = (await User.get(id=account.user.id)).wechat_openid
    assert openid is not None and openid.startswith("sbx_")


async def test_the_same_wechat_identity_cannot_be_bound_to_a_second_account(api):
    first = await factories.customer()
    second = await factories.customer()
    await _bind(api, first, "sandbox-abc")
    openid = (await User.get(id=first.user.id)).wechat_openid

    payload = await _bind(api, second, "sandbox-abc")

    assert payload == {"user": None, "userErrors": ALREADY_BOUND}
    assert await _wechat_bound(api, second) is False
    assert (await User.get(id=first.user.id)).wechat_openid == openid
    assert await User.filter(wechat_openid=openid).count() == 1


async def test_a_code_wechat_refuses_is_invalid(api):
    account = await factories.customer()

    payload = await _bind(api, account, "071abcNotSandbox")

    assert payload == {
        "user": None,
        "userErrors": [{"field": ["input", "code"], "code": "WECHAT_CODE_INVALID",
                        "message": "WeChat refused the login code (sandbox codes start with 'sandbox-')."}],
    }
    assert await _wechat_bound(api, account) is False


async def test_an_empty_code_is_invalid(api):
    account = await factories.customer()

    payload = await _bind(api, account, "")

    assert payload == {
        "user": None,
        "userErrors": [{"field": ["input", "code"], "code": "INVALID", "message": "A WeChat login code is required."}],
    }


async def test_binding_the_same_identity_again_is_idempotent(api):
    account = await factories.customer()
    first = await _bind(api, account, "sandbox-abc")
    openid = (await User.get(id=account.user.id)).wechat_openid

    again = await _bind(api, account, "sandbox-abc")

    assert again == first == {"user": {"id": first["user"]["id"], "wechatBound": True}, "userErrors": []}
    assert (await User.get(id=account.user.id)).wechat_openid == openid


async def test_binding_needs_a_sign_in(api):
    result = await api(WECHAT_BIND, {"input": {"code": "sandbox-abc"}})

    assert result.data["wechatBind"] == {
        "user": None, "userErrors": [{"field": None, "code": "UNAUTHENTICATED", "message": "You need to sign in."}],
    }
    assert await User.filter(wechat_openid__not_isnull=True).count() == 0


async def test_without_the_sandbox_and_without_wechat_settings_binding_explains_itself(api, configure):
    configure(sandbox=False, wechat_app_id=None, wechat_app_secret=None)
    account = await factories.customer()

    payload = await _bind(api, account, "sandbox-abc")

    assert payload == {
        "user": None,
        "userErrors": [{"field": None, "code": "WECHAT_UNAVAILABLE",
                        "message": "WeChat login is not configured on this shop."}],
    }
    assert await _wechat_bound(api, account) is False


# --- the real mini-program client, driven through a mock transport -------------------

class FakeWechat:
    """Answers ``/sns/jscode2session`` like WeChat: code -> openid, or an errcode."""

    def __init__(self) -> None:
        self.answers: dict[str, dict[str, object]] = {}
        self.codes: list[str] = []

    def handler(self, request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/sns/jscode2session"
        code = request.url.params["js_code"]
        self.codes.append(code)
        if code == "network-down":
            raise httpx.ConnectError("connection refused", request=request)
        return httpx.Response(200, json=self.answers.get(code, {"errcode": 40029, "errmsg": "invalid code"}))


@pytest.fixture
def fake_wechat():
    fake = FakeWechat()
    binding.use_provider(
        MiniProgramLogin(app_id="wx-test-app", app_secret="wx-test-secret", transport=httpx.MockTransport(fake.handler))
    )
    try:
        yield fake
    finally:
        binding.use_provider(None)


async def test_the_real_client_binds_the_openid_wechat_returns(api, fake_wechat):
    account = await factories.customer()
    fake_wechat.answers["071good"] = {"openid": "oReal-openid-1", "session_key": "k3y"}

    payload = await _bind(api, account, "071good")

    assert payload["userErrors"] == []
    assert payload["user"]["wechatBound"] is True
    assert fake_wechat.codes == ["071good"]
    assert (await User.get(id=account.user.id)).wechat_openid == "oReal-openid-1"


async def test_the_real_client_reports_a_refused_code_and_an_unreachable_wechat(api, fake_wechat):
    account = await factories.customer()

    refused = await _bind(api, account, "071used")
    unreachable = await _bind(api, account, "network-down")

    assert refused == {
        "user": None,
        "userErrors": [{"field": ["input", "code"], "code": "WECHAT_CODE_INVALID",
                        "message": "WeChat refused the login code; call wx.login again."}],
    }
    assert unreachable == {
        "user": None,
        "userErrors": [{"field": None, "code": "WECHAT_UNAVAILABLE", "message": "WeChat could not be reached; try again."}],
    }
    assert await _wechat_bound(api, account) is False


async def test_use_provider_none_goes_back_to_the_sandbox_provider(api):
    account = await factories.customer()
    fake = FakeWechat()
    binding.use_provider(MiniProgramLogin(app_id="wx-test-app", app_secret="wx-test-secret",
                                          transport=httpx.MockTransport(fake.handler)))
    try:
        # The real client asks WeChat, which does not know sandbox codes.
        swapped = await _bind(api, account, "sandbox-abc")
    finally:
        binding.use_provider(None)

    restored = await _bind(api, account, "sandbox-abc")

    assert [e["code"] for e in swapped["userErrors"]] == ["WECHAT_CODE_INVALID"]
    assert fake.codes == ["sandbox-abc"]
    assert restored["userErrors"] == []
    assert restored["user"]["wechatBound"] is True
    assert fake.codes == ["sandbox-abc"]
