"""A line to rebate, from what orders and carts know of it (DESIGN §3.6), pure.

Orders (lines as ordered), the order preview (lines as they would be
ordered) and the cart (lines as if paid with money alone) all build the
engine's lines here, so the margin and the category lineage are read one
way; each caller supplies the basis its own way. The lineages come from
the catalog (``catalog.tree.lineages``), which rebates do not import.
"""

from __future__ import annotations

from collections.abc import Mapping

from mall.rebates.terms import RebateLine


def margin_minor(unit_price_minor: int, unit_cost_minor: int | None, quantity: int) -> int | None:
    """A line's gross margin, or ``None`` when its variant has no cost price (the margin cap then does not apply)."""
    return None if unit_cost_minor is None else (unit_price_minor - unit_cost_minor) * quantity


def rebate_line(
    *, line_id: int, product_id: int, category_id: int | None, basis_minor: int, unit_price_minor: int,
    unit_cost_minor: int | None, quantity: int, lineages: Mapping[int, frozenset[int]],
) -> RebateLine:
    """A line as the engine reads it; ``lineages`` maps a category to itself and every category above it."""
    return RebateLine(
        line_id=line_id, product_id=product_id, basis_minor=basis_minor,
        margin_minor=margin_minor(unit_price_minor, unit_cost_minor, quantity),
        category_ids=lineages.get(category_id, frozenset()) if category_id is not None else frozenset(),
    )
