"""Customer administration by staff (DESIGN §3.8), each change audited."""

from __future__ import annotations

from tortoise.expressions import Q

from mall.accounts import acting, sessions
from mall.accounts.models import User
from mall.accounts.validation import clean_text
from mall.audit import services as audit
from mall.core.actors import Actor, Permission
from mall.core.clock import clock
from mall.core.errors import NotFound
from mall.core.paging import Ordering
from mall.infra.pages import QuerySetSource
from mall.infra.transactions import transaction

_SEARCH_MAX = 100
_NEWEST_FIRST = Ordering.of(("-id", int))


def customers(search: str | None = None) -> QuerySetSource[User]:
    """Customer accounts, newest first, optionally matching ``search`` in email, mobile or name."""
    query = User.filter(is_staff=False, deleted_at=None)
    term = (search or "").strip()[:_SEARCH_MAX]
    if term:
        query = query.filter(Q(email__icontains=term) | Q(mobile__contains=term) | Q(name__icontains=term))
    return QuerySetSource(query, _NEWEST_FIRST)


async def customer_update(actor: Actor, *, customer_id: int, is_active: bool | None, reason: str = "") -> User:
    """Activate or deactivate a customer; deactivation signs them out everywhere."""
    actor.require(Permission.MANAGE_USERS)
    reason = clean_text(reason, field="reason", max_length=500, required=False)
    async with transaction():
        await acting.require(actor, Permission.MANAGE_USERS)
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


async def wechat_openid(user_id: int) -> str | None:
    """The WeChat openid bound to the account, if any (a JSAPI payment needs it)."""
    openids = await User.filter(id=user_id).values_list("wechat_openid", flat=True)
    return openids[0] if openids else None  # type: ignore[return-value]


async def lock_customer(user_id: int) -> None:
    """Hold the customer's row until the transaction ends (call inside one).

    A limit counted per customer (unpaid orders) is then counted by one of
    their requests at a time: without it two requests would each count the
    other's row as not there yet and both pass. On SQLite, where row locks do
    nothing, transactions already run one at a time.
    """
    await User.filter(id=user_id).select_for_update().only("id").first()


async def require_customer(customer_id: int, *, field: str = "customerId") -> None:
    """``NotFound`` unless ``customer_id`` is a customer's account (not staff, not deleted)."""
    if not await User.filter(id=customer_id, is_staff=False, deleted_at=None).exists():
        raise NotFound("No such customer.", field=field)
