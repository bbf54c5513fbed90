"""A WeChat login provider for development and tests: no network, deterministic openids.

A code ``sandbox-<anything>`` becomes openid ``sbx_`` + a hash of the code,
so the same code always names the same WeChat user; any other code is
refused as WeChat refuses an invalid or used code.
"""

from __future__ import annotations

import hashlib

from mall.accounts.errors import WechatCodeInvalid
from mall.accounts.wechat.provider import WechatIdentity

CODE_PREFIX = "sandbox-"


class SandboxWechatLogin:
    async def code_to_identity(self, code: str) -> WechatIdentity:
        if not code.startswith(CODE_PREFIX) or len(code) > 128:
            raise WechatCodeInvalid("WeChat refused the login code (sandbox codes start with 'sandbox-').", field="code")
        digest = hashlib.sha256(code.encode()).hexdigest()
        return WechatIdentity(openid="sbx_" + digest[:24])
