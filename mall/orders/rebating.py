"""An order's lines as the rebate engine reads them, and its rebates made when it is paid (DESIGN §3.6).

The basis of each line is what was paid for it with the customer's own
money (``rebate_basis_minor``, decided by pricing at orderCreate); its
margin comes from the cost price frozen on the line; its categories are the
line's category and every one above it, so a rule scoped to a parent
category covers it.
"""

from __future__ import annotations

from collections.abc import Sequence

from mall.catalog.invalidation import catalog_changed
from mall.catalog.tree import lineages
from mall.orders.models import Order, OrderLine
from mall.rebates import awarding
from mall.rebates.terms import RebateLine


def margin_minor(unit_price_minor: int, unit_cost_minor: int | None, quantity: int) -> int | None:
    """A line's gross margin, or ``None`` when its variant has no cost price (the margin cap then does not apply)."""
    return None if unit_cost_minor is None else (unit_price_minor - unit_cost_minor) * quantity


async def rebate_lines(lines: Sequence[OrderLine]) -> tuple[RebateLine, ...]:
    """``lines`` as the engine reads them (one query for their categories)."""
    above = await lineages(line.category_id for line in lines)
    return tuple(
        RebateLine(
            line_id=line.id, product_id=line.product_id, basis_minor=line.rebate_basis_minor,
            margin_minor=margin_minor(line.unit_price_minor, line.unit_cost_minor, line.quantity),
            category_ids=above.get(line.category_id, frozenset()) if line.category_id is not None else frozenset(),
        )
        for line in lines
    )


async def award_rebates(order: Order) -> awarding.Awarded:
    """The paid order's rebates, PENDING; call in the transaction that marks it PAID."""
    lines = await OrderLine.filter(order_id=order.id).order_by("position")
    awarded = await awarding.award(awarding.PaidOrder(
        order_id=order.id, customer_id=order.user_id, created_at=order.created_at, lines=await rebate_lines(lines),
    ))
    if awarded.exhausted_rule_ids:
        catalog_changed()  # a used-up rule no longer shows as a hint
    return awarded
