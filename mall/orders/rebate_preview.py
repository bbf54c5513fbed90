"""What an order would earn if made and paid as previewed (``orderPreview.rebatePreview``; DESIGN §3.6).

Each line's basis is exactly what orderCreate would record for it
(``LinePrice.rebate_basis_minor``: its total after vouchers, points and
rebate credit), its margin and categories are read as ``rebating`` reads an
ordered line's, and the rules as payment reads them
(``rebates.previews``), so the preview is the rebate payment makes, fen for
fen, while nothing changes in between. Lines are numbered by position: the
preview has no line ids yet.
"""

from __future__ import annotations

from mall.catalog.tree import lineages
from mall.orders.creation import OrderPlan
from mall.rebates import previews
from mall.rebates.lines import rebate_line


async def plan_rebates(plan: OrderPlan) -> previews.Preview:
    """The rebates ``plan`` would earn if paid now (the rules first: nothing more when none is live)."""
    rules = await previews.live_rules()
    if not rules:
        return previews.Preview()
    above = await lineages(line.variant.category_id for line in plan.lines)
    lines = [
        rebate_line(
            line_id=position, product_id=line.variant.product_id, category_id=line.variant.category_id,
            basis_minor=priced.rebate_basis_minor, unit_price_minor=priced.unit_price_minor,
            unit_cost_minor=line.variant.cost_minor, quantity=priced.quantity, lineages=above,
        )
        for position, (line, priced) in enumerate(zip(plan.lines, plan.price.lines, strict=True))
    ]
    return await previews.preview(lines, customer_id=plan.user_id, rules=rules)
