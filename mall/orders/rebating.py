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
from mall.rebates.lines import margin_minor, rebate_line
from mall.rebates.terms import RebateLine

__all__ = ["award_rebates", "margin_minor", "rebate_lines"]


async def rebate_lines(lines: Sequence[OrderLine]) -> tuple[RebateLine, ...]:
    """``lines`` as the engine reads them (one query for their categories)."""
    above = await lineages(line.category_id for line in lines)
    return tuple(
        rebate_line(
            line_id=line.id, product_id=line.product_id, category_id=line.category_id,
            basis_minor=line.rebate_basis_minor, unit_price_minor=line.unit_price_minor,
            unit_cost_minor=line.unit_cost_minor, quantity=line.quantity, lineages=above,
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
