"""The real WeChat mini-program login: ``GET /sns/jscode2session``.

Called outside any database transaction (DESIGN §2), with timeouts.
"""

from __future__ import annotations

import httpx

from mall.accounts.errors import WechatCodeInvalid, WechatUnavailable
from mall.accounts.wechat.provider import WechatIdentity

API_BASE = "https://api.weixin.qq.com"
# errcode 40029: invalid code; 40163: code already used; 40226: risky user.
_REFUSED = {40029, 40163, 40226}


class MiniProgramLogin:
    def __init__(self, *, app_id: str, app_secret: str, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self._params = {"appid": app_id, "secret": app_secret, "grant_type": "authorization_code"}
        self._transport = transport

    async def code_to_identity(self, code: str) -> WechatIdentity:
        try:
            async with httpx.AsyncClient(
                base_url=API_BASE, timeout=httpx.Timeout(5.0, connect=3.0), transport=self._transport
            ) as client:
                response = await client.get("/sns/jscode2session", params={**self._params, "js_code": code})
            response.raise_for_status()
            body = response.json()
            if not isinstance(body, dict):
                raise ValueError("not a JSON object")
            errcode = int(body.get("errcode") or 0)
        except (httpx.HTTPError, ValueError, TypeError) as exc:
            raise WechatUnavailable("WeChat could not be reached; try again.") from exc
        if errcode in _REFUSED:
            raise WechatCodeInvalid("WeChat refused the login code; call wx.login again.", field="code")
        if errcode or not body.get("openid"):
            raise WechatUnavailable(f"WeChat answered an error ({errcode}); try again.")
        return WechatIdentity(openid=str(body["openid"]), unionid=body.get("unionid"))
