"""What a cart's selected lines would earn (``cart.rebatePreview``; DESIGN §3.6).

A cart does not know how it will be paid, so each selected line is taken as
paid entirely with money: its basis is its total at today's price, as the
subtotal counts it (a line whose variant is gone counts for neither). The
order preview shows the exact basis once vouchers, points and rebate credit
are chosen. The rules are read first (one statement when none is live);
then the switches, the variants' products and costs, their category
lineages and, signed in, the customer's totals under capped rules.
"""

from __future__ import annotations

from mall.cart.views import CartView
from mall.catalog.stock import sellable
from mall.catalog.tree import lineages
from mall.rebates import previews
from mall.rebates.lines import rebate_line


async def cart_rebates(cart: CartView, *, customer_id: int | None) -> previews.Preview:
    """The rebates ``cart``'s selected lines would earn if paid now with money alone."""
    chosen = [line for line in cart.lines if line.selected and line.unit_price_minor is not None]
    rules = await previews.live_rules() if chosen else []
    if not rules:
        return previews.Preview()
    variants = await sellable(line.variant_id for line in chosen)
    known = [(line, variants[line.variant_id]) for line in chosen if line.variant_id in variants]
    above = await lineages(variant.category_id for _, variant in known)
    lines = []
    for line, variant in known:
        assert line.unit_price_minor is not None and line.total_minor is not None
        lines.append(rebate_line(
            line_id=line.id, product_id=variant.product_id, category_id=variant.category_id,
            basis_minor=line.total_minor, unit_price_minor=line.unit_price_minor, unit_cost_minor=variant.cost_minor,
            quantity=line.quantity, lineages=above,
        ))
    return await previews.preview(lines, customer_id=customer_id, rules=rules)
