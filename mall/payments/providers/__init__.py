"""The configured payment providers: ``provider(kind)``, built from the settings once.

SANDBOX is available with MALL_SANDBOX on. WeChat Pay and Alipay come with
the payments issue; until then asking for them is ``ProviderNotConfigured``.
"""

from __future__ import annotations

from mall.core.errors import SandboxDisabled
from mall.payments.errors import ProviderNotConfigured
from mall.payments.providers.base import PaymentProvider, ProviderKind
from mall.payments.providers.sandbox import SandboxProvider
from mall.settings import Settings, get_settings

_NAMES = {ProviderKind.WECHAT_PAY: "WeChat Pay", ProviderKind.ALIPAY: "Alipay"}
# Built for one settings object; tests that swap the settings get fresh providers.
_built: tuple[Settings, dict[ProviderKind, PaymentProvider]] | None = None


def provider(kind: ProviderKind) -> PaymentProvider:
    """The provider for ``kind``; raises ``SandboxDisabled`` or ``ProviderNotConfigured``."""
    global _built
    settings = get_settings()
    if _built is None or _built[0] is not settings:
        _built = (settings, {})
    providers = _built[1]
    if kind not in providers:
        providers[kind] = _build(kind, settings)
    return providers[kind]


def _build(kind: ProviderKind, settings: Settings) -> PaymentProvider:
    if kind is ProviderKind.SANDBOX:
        if not settings.sandbox_enabled:
            raise SandboxDisabled()
        pem = settings.sandbox_payment_private_key
        return SandboxProvider(
            secret_key=settings.signing_key, private_key_pem=pem.get_secret_value() if pem is not None else None
        )
    raise ProviderNotConfigured(f"{_NAMES[kind]} is not configured on this shop.")
