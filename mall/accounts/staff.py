"""Staff accounts (DESIGN §3.8), each change audited. Customers: ``customers.py``."""

from __future__ import annotations

from mall.accounts import acting, registration, sessions
from mall.accounts.errors import CannotModifySelf, PermissionOutOfScope
from mall.accounts.models import User
from mall.audit import services as audit
from mall.core.actors import Actor, ActorKind, Permission
from mall.core.clock import clock
from mall.core.errors import NotFound
from mall.core.paging import Ordering
from mall.infra.pages import QuerySetSource
from mall.infra.transactions import transaction

_NEWEST_FIRST = Ordering.of(("-id", int))


def _permission_names(permissions: list[Permission]) -> list[str]:
    return sorted({p.value for p in permissions})


def _check_grantable(actor: Actor, permissions: set[Permission]) -> None:
    beyond = sorted(p.value for p in permissions - actor.permissions)
    if beyond:
        raise PermissionOutOfScope(
            f"You cannot grant or remove permissions you do not hold: {', '.join(beyond)}.", field="permissions"
        )


async def _lock_actor_and(actor: Actor, user_id: int, **target_filters: object) -> tuple[Actor, User]:
    """Lock the acting staff member's row and the target's, in id order (no deadlock).

    The actor is re-checked inside the transaction (and returned with the
    permissions held now), so two managers deactivating each other at the
    same moment cannot both succeed.
    """
    ids = sorted({actor.user_id, user_id} - {None})
    rows = {row.id: row for row in await User.filter(id__in=ids).select_for_update().order_by("id")}
    if actor.kind is not ActorKind.SYSTEM:
        actor = acting.current(actor, rows.get(actor.user_id), Permission.MANAGE_STAFF)
    target = rows.get(user_id)
    if target is None or any(getattr(target, key) != value for key, value in target_filters.items()):
        raise NotFound("No such staff member.", field="userId")
    return actor, target


async def staff_create(
    actor: Actor, *, email: str, password: str, name: str, permissions: list[Permission]
) -> User:
    """Create a staff account with some of the permissions the creator holds."""
    actor.require(Permission.MANAGE_STAFF)
    _check_grantable(actor, set(permissions))
    prepared = await registration.prepare_user(
        email=email, mobile=None, password=password, name=name, is_staff=True,
        permissions=_permission_names(permissions),
    )
    async with transaction():
        _check_grantable(await acting.require(actor, Permission.MANAGE_STAFF), set(permissions))
        user = await registration.insert_user(prepared)
        await audit.record(
            actor, action="staff.create", target=f"User:{user.id}",
            new={"email": user.email, "name": user.name, "permissions": user.permissions},
        )
    return user


async def staff_update(
    actor: Actor, *, user_id: int, permissions: list[Permission] | None = None, is_active: bool | None = None
) -> User:
    """Change a staff member's permissions or deactivate them (which signs them out).

    Only a member whose permissions are all held by the actor can be changed
    (a MANAGE_STAFF-only manager cannot deactivate a superuser), and only
    permissions the actor holds can be granted or removed.
    """
    actor.require(Permission.MANAGE_STAFF)
    async with transaction():
        actor, user = await _lock_actor_and(actor, user_id, is_staff=True, deleted_at=None)
        if user.id != actor.user_id and not user.effective_permissions <= actor.permissions:
            raise PermissionOutOfScope("This staff member holds permissions you do not.", field="userId")
        before = {"permissions": sorted(p.value for p in user.effective_permissions), "isActive": user.is_active}
        after = dict(before)
        if permissions is not None:
            new_names = _permission_names(permissions)
            _check_grantable(actor, {Permission(p) for p in set(new_names).symmetric_difference(before["permissions"])})
            if user.id == actor.user_id and Permission.MANAGE_STAFF.value not in new_names:
                raise CannotModifySelf("You cannot remove your own MANAGE_STAFF permission.", field="permissions")
            after["permissions"] = new_names
        if is_active is not None:
            if user.id == actor.user_id and not is_active:
                raise CannotModifySelf("You cannot deactivate yourself.", field="isActive")
            after["isActive"] = is_active
        old, new = audit.changes(before, after)
        if new:
            changes: dict[str, object] = {"is_active": after["isActive"], "updated_at": clock.now()}
            if "permissions" in new:
                # Naming the permissions turns a superuser into a member holding exactly those.
                changes.update(permissions=after["permissions"], is_superuser=False)
            await User.filter(id=user.id).update(**changes)
            if not after["isActive"]:
                await sessions.revoke_all(user.id, reason="deactivated")
        await audit.record(actor, action="staff.update", target=f"User:{user.id}", old=old, new=new)
    return await User.get(id=user_id)


def staff_members() -> QuerySetSource[User]:
    """Staff accounts, newest first."""
    return QuerySetSource(User.filter(is_staff=True, deleted_at=None), _NEWEST_FIRST)
