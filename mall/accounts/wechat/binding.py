"""Binding a WeChat identity to the signed-in account."""

from __future__ import annotations

from tortoise.exceptions import IntegrityError

from mall.accounts.errors import WechatAlreadyBound, WechatUnavailable
from mall.accounts.models import User
from mall.accounts.wechat.miniprogram import MiniProgramLogin
from mall.accounts.wechat.provider import WechatLoginProvider
from mall.accounts.wechat.sandbox import SandboxWechatLogin
from mall.core.actors import Actor
from mall.core.clock import clock
from mall.core.errors import InvalidInput
from mall.settings import get_settings

_override: WechatLoginProvider | None = None


def provider() -> WechatLoginProvider:
    """The sandbox provider with MALL_SANDBOX on; otherwise the real mini-program API."""
    if _override is not None:
        return _override
    settings = get_settings()
    if settings.sandbox_enabled:
        return SandboxWechatLogin()
    if not settings.wechat_app_id or settings.wechat_app_secret is None:
        raise WechatUnavailable("WeChat login is not configured on this shop.")
    return MiniProgramLogin(app_id=settings.wechat_app_id, app_secret=settings.wechat_app_secret.get_secret_value())


def use_provider(replacement: WechatLoginProvider | None) -> None:
    """Swap the provider (tests drive the real one through a mock transport)."""
    global _override
    _override = replacement


async def wechat_bind(actor: Actor, *, code: str) -> User:
    """Exchange the code (no transaction open during the call), then store the openid."""
    user_id = actor.require_user()
    if not code or len(code) > 128:
        raise InvalidInput.one("code", "A WeChat login code is required.")
    identity = await provider().code_to_identity(code)
    user = await User.get(id=user_id)
    if user.wechat_openid == identity.openid:
        return user
    if await User.filter(wechat_openid=identity.openid).exclude(id=user_id).exists():
        raise WechatAlreadyBound("This WeChat account is bound to another account.", field="code")
    try:
        await User.filter(id=user_id).update(wechat_openid=identity.openid, updated_at=clock.now())
    except IntegrityError as exc:
        raise WechatAlreadyBound("This WeChat account is bound to another account.", field="code") from exc
    return await User.get(id=user_id)
