"""The acting staff member, re-checked in the database by every staff service.

An ``Actor`` is what the access token said when the request began. A staff
member deactivated or stripped of a permission since then (or a caller that
built its ``Actor`` without authenticating) must not act, so every staff
service calls ``require`` inside its own transaction: the decision rests on
the row as it is now, locked until the commit (PostgreSQL), so a
deactivation committed meanwhile waits for the change or is seen by it.
"""

from __future__ import annotations

from mall.accounts.models import User
from mall.accounts.sessions import actor_for
from mall.core.actors import Actor, ActorKind, Permission
from mall.core.errors import PermissionDenied, Unauthenticated


async def require(actor: Actor, permission: Permission | None = None) -> Actor:
    """Lock the acting user's row and check they are an active staff member holding ``permission``.

    Call inside the service's transaction. Returns the actor with the
    permissions the row holds now (use those to decide what may be granted).
    The system actor (jobs, the CLI) has no row and passes as it is.
    """
    if actor.kind is ActorKind.SYSTEM:
        return actor
    if actor.user_id is None:
        raise Unauthenticated()
    row = await User.filter(id=actor.user_id).select_for_update().first()
    return current(actor, row, permission)


def current(actor: Actor, row: User | None, permission: Permission | None) -> Actor:
    """``require`` for a row the caller has already locked (with others, in id order)."""
    if row is None or row.deleted_at is not None or not row.is_active or not row.is_staff:
        raise PermissionDenied("Only active staff may do this.")
    if permission is not None and permission not in row.effective_permissions:
        raise PermissionDenied(f"This needs the {permission.value} permission.")
    return actor_for(row, session_id=actor.session_id, client_ip=actor.client_ip, request_id=actor.request_id)
