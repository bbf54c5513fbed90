"""The real WeChat mini-program login client against a mock of ``GET /sns/jscode2session``."""

from __future__ import annotations

import httpx
import pytest

from mall.accounts.errors import WechatCodeInvalid, WechatUnavailable
from mall.accounts.wechat.miniprogram import MiniProgramLogin
from mall.accounts.wechat.provider import WechatIdentity

APP_ID = "wx1234567890abcdef"
APP_SECRET = "app-secret-for-tests"


def _login(handler):
    return MiniProgramLogin(app_id=APP_ID, app_secret=APP_SECRET, transport=httpx.MockTransport(handler))


def _answer(body, status=200):
    def handler(request):
        return httpx.Response(status, json=body)

    return handler


async def test_a_good_code_returns_the_openid_from_the_documented_request():
    requests = []

    def handler(request):
        requests.append(request)
        return httpx.Response(200, json={"openid": "oXyz-123", "session_key": "k3y", "unionid": "uAbc"})

    identity = await _login(handler).code_to_identity("071abcDEF")

    assert identity == WechatIdentity(openid="oXyz-123", unionid="uAbc")
    [request] = requests
    assert request.method == "GET"
    assert (request.url.scheme, request.url.host, request.url.path) == ("https", "api.weixin.qq.com", "/sns/jscode2session")
    assert dict(request.url.params) == {
        "appid": APP_ID, "secret": APP_SECRET, "js_code": "071abcDEF", "grant_type": "authorization_code",
    }
    # Never waits on WeChat for long (DESIGN §2: the call must not stall the request).
    assert request.extensions["timeout"] == {"connect": 3.0, "read": 5.0, "write": 5.0, "pool": 5.0}


async def test_without_a_unionid_the_identity_has_none():
    identity = await _login(_answer({"openid": "oXyz-123", "session_key": "k3y"})).code_to_identity("071abc")

    assert identity == WechatIdentity(openid="oXyz-123", unionid=None)


async def test_an_explicit_errcode_zero_is_success():
    identity = await _login(_answer({"errcode": 0, "errmsg": "ok", "openid": "oXyz-123"})).code_to_identity("071abc")

    assert identity.openid == "oXyz-123"


@pytest.mark.parametrize("errcode", [40029, 40163, 40226])
async def test_a_refused_code_is_invalid(errcode):
    login = _login(_answer({"errcode": errcode, "errmsg": "invalid code"}))

    with pytest.raises(WechatCodeInvalid) as raised:
        await login.code_to_identity("071used")

    assert raised.value.message == "WeChat refused the login code; call wx.login again."
    assert raised.value.field == ("code",)


async def test_a_busy_wechat_is_unavailable():
    login = _login(_answer({"errcode": -1, "errmsg": "system error"}))

    with pytest.raises(WechatUnavailable) as raised:
        await login.code_to_identity("071abc")

    assert raised.value.message == "WeChat answered an error (-1); try again."


async def test_an_answer_without_an_openid_is_unavailable():
    with pytest.raises(WechatUnavailable):
        await _login(_answer({"session_key": "k3y"})).code_to_identity("071abc")


async def test_a_connection_error_is_unavailable():
    def handler(request):
        raise httpx.ConnectError("connection refused", request=request)

    with pytest.raises(WechatUnavailable) as raised:
        await _login(handler).code_to_identity("071abc")

    assert raised.value.message == "WeChat could not be reached; try again."
    assert isinstance(raised.value.__cause__, httpx.ConnectError)


async def test_a_timeout_is_unavailable():
    def handler(request):
        raise httpx.ReadTimeout("timed out", request=request)

    with pytest.raises(WechatUnavailable):
        await _login(handler).code_to_identity("071abc")


async def test_a_non_json_body_is_unavailable():
    def handler(request):
        return httpx.Response(200, text="<html>502 Bad Gateway</html>", headers={"Content-Type": "text/html"})

    with pytest.raises(WechatUnavailable) as raised:
        await _login(handler).code_to_identity("071abc")

    assert raised.value.message == "WeChat could not be reached; try again."


async def test_an_http_error_status_is_unavailable():
    with pytest.raises(WechatUnavailable):
        await _login(_answer({"openid": "oXyz-123"}, status=503)).code_to_identity("071abc")


@pytest.mark.parametrize("body", ["null", "[]", '"maintenance"', '{"errcode": "busy"}'])
async def test_a_json_answer_not_shaped_like_wechats_is_unavailable(body):
    # A proxy or captive portal may answer JSON that is not WeChat's object:
    # that is WeChat being unreachable (WECHAT_UNAVAILABLE), not a crash of ours.
    def handler(request):
        return httpx.Response(200, content=body.encode(), headers={"Content-Type": "application/json"})

    with pytest.raises(WechatUnavailable):
        await _login(handler).code_to_identity("071abc")
