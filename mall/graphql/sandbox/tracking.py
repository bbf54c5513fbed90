"""sandboxTrackingPush: a tracking scan signed as Kuaidi100 signs it, through the real push path."""

from __future__ import annotations

import strawberry

from mall.core.actors import Actor, Permission
from mall.flows import tracking
from mall.graphql.context import Info
from mall.graphql.errors import UserError
from mall.graphql.orders.types import ShipmentType
from mall.graphql.runner import mutate
from mall.graphql.scalars import DateTime
from mall.logistics.providers.base import TrackingState

TrackingStatus = strawberry.enum(
    TrackingState, name="TrackingStatus", description="A parcel's state as a tracking provider reports it."
)


@strawberry.input
class SandboxTrackingPushInput:
    carrier: str = strawberry.field(description="The carrier's code, as the order was shipped with.")
    tracking_number: str
    status: TrackingStatus  # type: ignore[valid-type]
    description: str = strawberry.field(default="", description="The carrier's words for this scan.")
    at: DateTime | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="When the scan happened; now on the sandbox clock when null."
    )


@strawberry.type
class SandboxTrackingPushPayload:
    shipment: ShipmentType | None = None
    user_errors: list[UserError]


@strawberry.type
class SandboxTrackingMutations:
    @strawberry.mutation(description=(
        "Push a tracking scan, signed as Kuaidi100 signs it, through the same verification and recording as a "
        "real push. DELIVERED moves a SHIPPED order to DELIVERED; an order in another state (COMPLETED, "
        "CANCELLED, …) gets the scan recorded but keeps its state. The same push twice records once. "
        "MANAGE_ORDERS. SANDBOX_DISABLED when MALL_SANDBOX is off."
    ))
    async def sandbox_tracking_push(self, info: Info, input: SandboxTrackingPushInput) -> SandboxTrackingPushPayload:
        async def action(actor: Actor) -> dict[str, object]:
            shipment = await tracking.simulate_push(
                actor, carrier=input.carrier, tracking_number=input.tracking_number, state=input.status,
                description=input.description, at=input.at,
            )
            return {"shipment": ShipmentType.from_model(shipment)}

        return await mutate(info, SandboxTrackingPushPayload, action, permission=Permission.MANAGE_ORDERS)
