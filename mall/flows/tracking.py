"""Tracking pushes (DESIGN §3.7): a provider's verified word recorded on the shipment and its order.

``receive_push`` is the one path every push takes, the push endpoint's and
``sandboxTrackingPush``'s alike: the provider verifies the raw body before
anything in it is read, then ``orders/delivery.py`` records the update.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from mall.core.actors import Actor, Permission
from mall.core.clock import clock
from mall.core.errors import ErrorCode, InvalidInput, Problem
from mall.logistics.carriers import CARRIERS
from mall.logistics.providers import sandbox_provider, tracking_provider
from mall.logistics.providers.base import TrackingProviderKind, TrackingState
from mall.logistics.providers.kuaidi100_push import MAX_DESCRIPTION, MAX_NUMBER
from mall.orders import delivery
from mall.orders.models import Shipment


async def receive_push(kind: TrackingProviderKind, *, headers: Mapping[str, str], body: bytes) -> Shipment:
    """Verify a raw push with provider ``kind`` and record it; ``PushRejected`` or ``NotFound`` change nothing."""
    update = tracking_provider(kind).verify_push(headers, body)
    return await delivery.record_update(update)


async def simulate_push(
    actor: Actor, *, carrier: str, tracking_number: str, state: TrackingState, description: str,
    at: dt.datetime | None = None,
) -> Shipment:
    """``sandboxTrackingPush`` (MANAGE_ORDERS): one scan, signed as Kuaidi100 signs it, through ``receive_push``.

    ``at`` defaults to now on the (sandbox) clock; the push carries whole seconds, as Kuaidi100's do.
    """
    actor.require(Permission.MANAGE_ORDERS)
    provider = sandbox_provider()
    carrier = carrier.strip().upper()
    tracking_number = tracking_number.strip()
    problems = []
    if carrier not in CARRIERS:
        problems.append(Problem(ErrorCode.INVALID, f"Unknown carrier; one of {', '.join(CARRIERS)}.", ("carrier",)))
    if not 0 < len(tracking_number) <= MAX_NUMBER:
        problems.append(Problem(
            ErrorCode.INVALID, f"A tracking number is 1 to {MAX_NUMBER} characters.", ("trackingNumber",)))
    if len(description) > MAX_DESCRIPTION:
        problems.append(Problem(
            ErrorCode.INVALID, f"A description is at most {MAX_DESCRIPTION} characters.", ("description",)))
    if problems:
        raise InvalidInput(problems)
    headers, body = provider.build_push(
        carrier=carrier, tracking_number=tracking_number, state=state, description=description.strip(),
        at=at or clock.now(),
    )
    return await receive_push(TrackingProviderKind.SANDBOX, headers=headers, body=body)
