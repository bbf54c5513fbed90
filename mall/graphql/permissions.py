"""Guards for query fields: a top-level UNAUTHENTICATED or FORBIDDEN (DESIGN §4).

Mutations do not use these: their services check the actor and the failure
comes back as a userError.
"""

from __future__ import annotations

from mall.accounts.sessions import Viewer
from mall.core.actors import Actor, Permission
from mall.graphql.context import Info
from mall.graphql.errors import Forbidden, Unauthenticated


async def require_viewer(info: Info) -> Viewer:
    viewer = await info.context.viewer()
    if viewer is None:
        error = info.context.token_error
        raise Unauthenticated(error.message if error else "Sign in to see this.")
    return viewer


async def require_permission(info: Info, permission: Permission) -> Actor:
    await require_viewer(info)
    actor = await info.context.actor()
    if not actor.has(permission):
        raise Forbidden(f"This needs the {permission.value} permission.")
    return actor


async def viewer_has(info: Info, permission: Permission) -> bool:
    """For staff-only fields: True only for staff holding ``permission``; never raises."""
    viewer = await info.context.viewer()
    return viewer is not None and (await info.context.actor()).has(permission)


async def is_self_or_staff(info: Info, user_id: int, *permissions: Permission) -> bool:
    """For a user's own fields: True for that user, or staff holding any of ``permissions``; never raises."""
    viewer = await info.context.viewer()
    if viewer is None:
        return False
    if viewer.user.id == user_id:
        return True
    actor = await info.context.actor()
    return any(actor.has(p) for p in permissions)
