"""The WeChat login provider interface (binding.py chooses the implementation)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class WechatIdentity:
    openid: str
    unionid: str | None = None


class WechatLoginProvider(Protocol):
    async def code_to_identity(self, code: str) -> WechatIdentity:
        """Exchange a login code; raise ``WechatCodeInvalid`` or ``WechatUnavailable``."""
        ...
