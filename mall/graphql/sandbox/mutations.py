"""sandboxClockSet: move the clock every process and job reads."""

from __future__ import annotations

import datetime as dt

import strawberry

from mall.core.actors import Actor, Permission
from mall.graphql.context import Info
from mall.graphql.errors import UserError
from mall.graphql.runner import mutate
from mall.graphql.scalars import DateTime
from mall.sandbox import services


@strawberry.input
class SandboxClockSetInput:
    now: DateTime | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="The time the clock should read now; null returns to real time."
    )


@strawberry.type
class SandboxClockSetPayload:
    now: DateTime | None = None  # type: ignore[valid-type]
    user_errors: list[UserError]


@strawberry.type
class SandboxMutations:
    @strawberry.mutation(description="Set the sandbox clock. MANAGE_STAFF. SANDBOX_DISABLED when MALL_SANDBOX is off.")
    async def sandbox_clock_set(self, info: Info, input: SandboxClockSetInput) -> SandboxClockSetPayload:
        async def action(actor: Actor) -> dict[str, object]:
            moment: dt.datetime | None = input.now
            return {"now": await services.clock_set(actor, now=moment)}

        return await mutate(info, SandboxClockSetPayload, action, permission=Permission.MANAGE_STAFF)
