"""Account queries: the viewer."""

from __future__ import annotations

import strawberry

from mall.graphql.accounts.types import UserType
from mall.graphql.context import Info
from mall.graphql.errors import Unauthenticated


@strawberry.type
class AccountQueries:
    @strawberry.field(
        description=(
            "The signed-in user; null when no token is sent. An expired or revoked "
            "token is a top-level UNAUTHENTICATED error, so the app knows to refresh."
        )
    )
    async def me(self, info: Info) -> UserType | None:
        viewer = await info.context.viewer()
        if viewer is None:
            if info.context.token_error is not None:
                raise Unauthenticated(info.context.token_error.message)
            return None
        return UserType.from_model(viewer.user)
