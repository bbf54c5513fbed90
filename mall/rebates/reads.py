"""Reading rebates (DESIGN §3.6): a customer's own, staff lists by customer and order, and their installments.

Only the customer a rebate belongs to, or staff holding MANAGE_REBATES, may
read it; ``visible`` is the one place that rule is decided for a single
rebate. Lists are newest first (the index on ``customer_id, id`` serves the
customer's list).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from mall.core.actors import Actor, Permission
from mall.core.paging import Ordering
from mall.infra.pages import QuerySetSource
from mall.rebates.models import Rebate, RebateInstallment  # re-exported: only the rebates domain imports its models
from mall.rebates.statuses import OPEN_REBATE_STATUSES, RebateStatus

_NEWEST_FIRST = Ordering.of(("-id", int))


def own(customer_id: int, status: RebateStatus | None = None) -> QuerySetSource[Rebate]:
    """A customer's rebates (of one status when given), newest first."""
    query = Rebate.filter(customer_id=customer_id)
    if status is not None:
        query = query.filter(status=status.value)
    return QuerySetSource(query, _NEWEST_FIRST)


def every(
    *, customer_id: int | None = None, order_id: int | None = None, status: RebateStatus | None = None,
) -> QuerySetSource[Rebate]:
    """Every rebate, narrowed to one customer, order or status when given, newest first (staff)."""
    query = Rebate.all()
    if customer_id is not None:
        query = query.filter(customer_id=customer_id)
    if order_id is not None:
        query = query.filter(order_id=order_id)
    if status is not None:
        query = query.filter(status=status.value)
    return QuerySetSource(query, _NEWEST_FIRST)


async def visible(actor: Actor, rebate_id: int) -> Rebate | None:
    """The rebate if ``actor`` may see it: its customer, or staff with MANAGE_REBATES; ``None`` otherwise."""
    if actor.has(Permission.MANAGE_REBATES):
        return await Rebate.get_or_none(id=rebate_id)
    if actor.user_id is None:
        return None
    return await Rebate.get_or_none(id=rebate_id, customer_id=actor.user_id)


async def visible_installment(actor: Actor, installment_id: int) -> tuple[RebateInstallment, Rebate] | None:
    """An installment with its rebate, if ``actor`` may see the rebate."""
    installment = await RebateInstallment.get_or_none(id=installment_id)
    if installment is None:
        return None
    rebate = await visible(actor, installment.rebate_id)
    return (installment, rebate) if rebate else None


async def by_orders(order_ids: Iterable[int]) -> dict[int, list[Rebate]]:
    """The rebates of each order, by rule priority as they were computed (rebate id order)."""
    found: dict[int, list[Rebate]] = defaultdict(list)
    for row in await Rebate.filter(order_id__in=list(order_ids)).order_by("order_id", "id"):
        found[row.order_id].append(row)
    return found


async def installments_of(rebate_ids: Iterable[int]) -> dict[int, list[RebateInstallment]]:
    """The installments of each rebate, by ``seq``."""
    found: dict[int, list[RebateInstallment]] = defaultdict(list)
    for row in await RebateInstallment.filter(rebate_id__in=list(rebate_ids)).order_by("rebate_id", "seq"):
        found[row.rebate_id].append(row)
    return found


async def has_open(customer_id: int) -> bool:
    """Whether the customer has a rebate still PENDING or ACTIVE (value still to release or to take back)."""
    return await Rebate.filter(customer_id=customer_id,
                               status__in=[status.value for status in OPEN_REBATE_STATUSES]).exists()
