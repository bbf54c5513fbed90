"""The configured tracking providers: ``tracking_provider(kind)``, built from the settings once.

SANDBOX is available with MALL_SANDBOX on; Kuaidi100 comes with the payments issue.
"""

from __future__ import annotations

from mall.core.errors import SandboxDisabled
from mall.logistics.providers.base import TrackingProvider, TrackingProviderKind
from mall.logistics.providers.sandbox import SandboxTrackingProvider
from mall.settings import Settings, get_settings

# Built for one settings object; tests that swap the settings get a fresh provider.
_built: tuple[Settings, SandboxTrackingProvider] | None = None


def tracking_provider(kind: TrackingProviderKind) -> TrackingProvider:
    """The provider for ``kind``; raises ``SandboxDisabled``."""
    match kind:
        case TrackingProviderKind.SANDBOX:
            return sandbox_provider()


def sandbox_provider() -> SandboxTrackingProvider:
    """The sandbox provider, which alone can build pushes; raises ``SandboxDisabled`` when the sandbox is off."""
    global _built
    settings = get_settings()
    if not settings.sandbox_enabled:
        raise SandboxDisabled()
    if _built is None or _built[0] is not settings:
        _built = (settings, SandboxTrackingProvider(secret_key=settings.signing_key))
    return _built[1]
