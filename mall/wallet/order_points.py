"""Points an order pays with: taken at orderCreate, given back to their lots on release or refund (DESIGN §3.4).

Each movement is one entry through ``wallet.points`` under a key made of the
order's id, so a retry posts nothing twice:

- take     POINTS −n (earliest-expiring lots first) → POINTS_REDEEMED    ``order:<id>:points``
- release  all of them back (unpaid order cancelled or expired), once    ``order:<id>:points-release``
- refund   some of them back, once per refund                             ``refund:<refund number>:points``

Given-back points return to the lots the order took them from, each
keeping its expiry; never more than the order took, across every release
and refund.
"""

from __future__ import annotations

from mall.core.actors import Actor
from mall.wallet import points
from mall.wallet.chart import SystemCode
from mall.wallet.journal import Cause


def _take_key(order_id: int) -> str:
    return f"order:{order_id}:points"


async def take(actor: Actor, *, customer_id: int, order_id: int, amount: int) -> None:
    """The order's points out of the customer's lots (inside the order's transaction); INSUFFICIENT_FUNDS if not held."""
    if amount <= 0:
        return
    await points.spend(actor, customer_id=customer_id, points=amount, key=_take_key(order_id),
                       cause=Cause.ORDER_PAYMENT, cause_id=order_id, destination=SystemCode.POINTS_REDEEMED,
                       memo="Points paid for an order")


async def release(actor: Actor, *, customer_id: int, order_id: int) -> None:
    """An unpaid order closed: every point it took back to its lot."""
    await points.give_back(actor, customer_id=customer_id, spend_key=_take_key(order_id),
                           key=f"order:{order_id}:points-release", points=None, cause=Cause.ORDER_RELEASE,
                           cause_id=order_id, memo="Points released from a cancelled order")


async def refund(actor: Actor, *, customer_id: int, order_id: int, refund_number: str, amount: int | None) -> int:
    """``amount`` of the order's points back to their lots (``None``: all not yet back); how many went back."""
    if amount is not None and amount <= 0:
        return 0
    posted = await points.give_back(actor, customer_id=customer_id, spend_key=_take_key(order_id),
                                    key=f"refund:{refund_number}:points", points=amount, cause=Cause.POINTS_REFUND,
                                    cause_id=order_id, memo="Points refunded")
    return 0 if posted is None else next(leg.amount for leg in posted.legs if leg.account.is_customer)

