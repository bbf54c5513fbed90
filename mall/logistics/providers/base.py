"""The tracking-provider interface (DESIGN §3.7): subscribe to a parcel, verify and parse its pushes.

A push endpoint hands ``verify_push`` the raw body and the request headers
and answers with ``acknowledge()`` or ``refuse(reason)``. The signature is
checked before any field of the payload is read. Subscribing reaches the
network: never inside a database transaction (DESIGN §2).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol


class TrackingProviderKind(enum.Enum):
    SANDBOX = "SANDBOX"


class TrackingState(enum.Enum):
    """Where a parcel stands, in the words of DESIGN §3.7 (providers' finer states map onto these)."""

    IN_TRANSIT = "IN_TRANSIT"
    DELIVERED = "DELIVERED"
    EXCEPTION = "EXCEPTION"  # a problem or a refusal: a person should look
    RETURNED = "RETURNED"  # on its way back, or back with the sender


@dataclass(frozen=True, slots=True)
class TrackingEvent:
    """One scan of the parcel: when, what state it put the parcel in, and the carrier's words."""

    at: dt.datetime
    state: TrackingState
    description: str

    def __post_init__(self) -> None:
        if self.at.tzinfo is None:
            raise ValueError("a tracking event's time must be timezone-aware")


@dataclass(frozen=True, slots=True)
class TrackingUpdate:
    """A verified push: the parcel (our carrier code and its number), its state now, and its events, oldest first."""

    carrier: str
    tracking_number: str
    state: TrackingState
    events: tuple[TrackingEvent, ...]

    def __post_init__(self) -> None:
        if not self.events:
            raise ValueError("a tracking update has at least one event")


@dataclass(frozen=True, slots=True)
class PushAnswer:
    """The HTTP answer to a provider's push, in that provider's format."""

    status: int
    content_type: str
    body: bytes


class TrackingProvider(Protocol):
    """One tracking provider."""

    kind: TrackingProviderKind

    async def subscribe(self, *, carrier: str, tracking_number: str, callback_url: str) -> None:
        """Ask the provider to push this parcel's updates to ``callback_url``."""
        ...

    def verify_push(self, headers: Mapping[str, str], body: bytes) -> TrackingUpdate:
        """Verify the raw push, then parse it; raises a ``PushRejected`` before reading any field."""
        ...

    def acknowledge(self) -> PushAnswer:
        """The answer that tells the provider the push was taken."""
        ...

    def refuse(self, reason: str, *, status: int) -> PushAnswer:
        """The answer that tells the provider the push was not taken."""
        ...
