"""The SANDBOX tracking provider: no network, pushes signed exactly as Kuaidi100 signs them.

``build_push`` seals a push the way Kuaidi100 does and ``verify_push`` opens
it through the same code a real Kuaidi100 push goes through, so
``sandboxTrackingPush`` exercises the real verification path in process.

The salt is derived from ``MALL_SECRET_KEY`` with HKDF (its own ``info``, so
it reveals nothing about the token key or any other derived key): every
process of one deployment signs and verifies alike, with nothing to
configure. Subscribing answers at once: the sandbox remembers nothing, and a
push carries only the scan it was asked for (recording merges scans, so a
partial snapshot loses nothing).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from mall.logistics.providers import kuaidi100_push
from mall.logistics.providers.base import PushAnswer, TrackingEvent, TrackingProviderKind, TrackingState, TrackingUpdate

_SALT_INFO = b"mall/logistics/sandbox/kuaidi100-salt"


def derive_salt(secret_key: str) -> str:
    """The sandbox's push salt: 32 hex characters from HKDF-SHA256 over the secret key."""
    hkdf = HKDF(algorithm=hashes.SHA256(), length=16, salt=None, info=_SALT_INFO)
    return hkdf.derive(secret_key.encode()).hex()


class SandboxTrackingProvider:
    """Kuaidi100's push format under a salt of our own."""

    kind = TrackingProviderKind.SANDBOX

    def __init__(self, *, secret_key: str) -> None:
        self._salt = derive_salt(secret_key)

    async def subscribe(self, *, carrier: str, tracking_number: str, callback_url: str) -> None:
        """Nothing to ask: sandbox pushes are made by ``build_push``."""

    def build_push(
        self, *, carrier: str, tracking_number: str, state: TrackingState, description: str, at: dt.datetime
    ) -> tuple[dict[str, str], bytes]:
        """The headers and form body Kuaidi100 would post for one scan of a parcel."""
        event = TrackingEvent(at=at.replace(microsecond=0), state=state, description=description)
        body = kuaidi100_push.seal(carrier=carrier, tracking_number=tracking_number, events=[event], salt=self._salt)
        return {"content-type": kuaidi100_push.FORM}, body

    def verify_push(self, headers: Mapping[str, str], body: bytes) -> TrackingUpdate:
        return kuaidi100_push.open_push(headers, body, self._salt)

    def acknowledge(self) -> PushAnswer:
        return kuaidi100_push.acknowledged()

    def refuse(self, reason: str, *, status: int) -> PushAnswer:
        return kuaidi100_push.refused(reason, status=status)
