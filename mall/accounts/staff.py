"""Staff accounts and customer administration (DESIGN §3.8), each change audited."""

from __future__ import annotations

from tortoise.transactions import in_transaction

from mall.accounts import registration, sessions
from mall.accounts.errors import CannotModifySelf, PermissionOutOfScope
from mall.accounts.models import User
from mall.audit import services as audit
from mall.core.actors import Actor, Permission
from mall.core.clock import clock
from mall.core.errors import NotFound
from mall.accounts.validation import clean_text


def _permission_names(permissions: list[Permission]) -> list[str]:
    return sorted({p.value for p in permissions})


def _check_grantable(actor: Actor, permissions: list[Permission]) -> None:
    beyond = sorted(p.value for p in set(permissions) - actor.permissions)
    if beyond:
        raise PermissionOutOfScope(
            f"You cannot grant permissions you do not hold: {', '.join(beyond)}.", field="permissions"
        )


async def staff_create(
    actor: Actor, *, email: str, password: str, name: str, permissions: list[Permission]
) -> User:
    """Create a staff account with some of the permissions the creator holds."""
    actor.require(Permission.MANAGE_STAFF)
    _check_grantable(actor, permissions)
    async with in_transaction():
        user = await registration.create_user(
            email=email, mobile=None, password=password, name=name, is_staff=True,
            permissions=_permission_names(permissions),
        )
        await audit.record(
            actor, action="staff.create", target=f"User:{user.id}",
            new={"email": user.email, "name": user.name, "permissions": user.permissions},
        )
    return user


async def staff_update(
    actor: Actor, *, user_id: int, permissions: list[Permission] | None = None, is_active: bool | None = None
) -> User:
    """Change a staff member's permissions or deactivate them (which signs them out)."""
    actor.require(Permission.MANAGE_STAFF)
    async with in_transaction():
        user = await User.filter(id=user_id, is_staff=True, deleted_at=None).select_for_update().first()
        if user is None:
            raise NotFound("No such staff member.", field="userId")
        before = {"permissions": list(user.permissions), "isActive": user.is_active}
        after = dict(before)
        if permissions is not None:
            new_names = _permission_names(permissions)
            changed = set(new_names).symmetric_difference(user.permissions)
            _check_grantable(actor, [Permission(p) for p in changed if p in Permission.__members__])
            if user.id == actor.user_id and Permission.MANAGE_STAFF.value not in new_names:
                raise CannotModifySelf("You cannot remove your own MANAGE_STAFF permission.", field="permissions")
            after["permissions"] = new_names
        if is_active is not None:
            if user.id == actor.user_id and not is_active:
                raise CannotModifySelf("You cannot deactivate yourself.", field="isActive")
            after["isActive"] = is_active
        old, new = audit.changes(before, after)
        if new:
            await User.filter(id=user.id).update(
                permissions=after["permissions"], is_active=after["isActive"], updated_at=clock.now()
            )
            if not after["isActive"]:
                await sessions.revoke_all(user.id, reason="deactivated")
        await audit.record(actor, action="staff.update", target=f"User:{user.id}", old=old, new=new)
    return await User.get(id=user_id)


async def customer_update(actor: Actor, *, customer_id: int, is_active: bool | None, reason: str = "") -> User:
    """Activate or deactivate a customer; deactivation signs them out everywhere."""
    actor.require(Permission.MANAGE_USERS)
    reason = clean_text(reason, field="reason", max_length=500, required=False)
    async with in_transaction():
        user = await User.filter(id=customer_id, is_staff=False, deleted_at=None).select_for_update().first()
        if user is None:
            raise NotFound("No such customer.", field="customerId")
        old, new = audit.changes({"isActive": user.is_active}, {"isActive": user.is_active if is_active is None else is_active})
        if new:
            await User.filter(id=user.id).update(is_active=new["isActive"], updated_at=clock.now())
            if not new["isActive"]:
                await sessions.revoke_all(user.id, reason="deactivated")
        await audit.record(actor, action="customer.update", target=f"User:{user.id}", old=old, new=new, reason=reason)
    return await User.get(id=customer_id)
