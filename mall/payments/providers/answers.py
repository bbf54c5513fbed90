"""How each provider wants its callbacks answered (STACK-NOTES, Payments).

WeChat Pay v3: success is 200/204 with no body; anything else is 4xx/5xx with
``{"code", "message"}`` and WeChat retries (15 s … 6 h over about a day).
Alipay: the plain text ``success``; anything else and Alipay retries.
"""

from __future__ import annotations

import json

from mall.payments.providers.base import CallbackAnswer

# Reasons go back to the provider's logs: short, one line.
_MAX_REASON = 200


def _one_line(reason: str) -> str:
    return " ".join(reason.split())[:_MAX_REASON] or "refused"


def wechat_acknowledge() -> CallbackAnswer:
    return CallbackAnswer(status=204, content_type=None)


def wechat_refuse(reason: str) -> CallbackAnswer:
    body = json.dumps({"code": "FAIL", "message": _one_line(reason)}, ensure_ascii=False).encode()
    return CallbackAnswer(status=400, content_type="application/json", body=body)


def alipay_acknowledge() -> CallbackAnswer:
    return CallbackAnswer(status=200, content_type="text/plain", body=b"success")


def alipay_refuse(reason: str) -> CallbackAnswer:
    # Alipay reads only whether the body is exactly "success"; the reason stays in our records.
    return CallbackAnswer(status=200, content_type="text/plain", body=b"failure")
