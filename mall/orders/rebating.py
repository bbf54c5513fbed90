"""An order's lines as the rebate engine reads them, and its rebates made when it is paid (DESIGN §3.6).

The basis of each line is what was paid for it with the customer's own
money (``rebate_basis_minor``, decided by pricing at orderCreate); its
margin comes from the cost price frozen on the line; its categories are the
line's category and every one above it, so a rule scoped to a parent
category covers it.

After a refund (``remaining_lines``) a line's basis is its
``rebate_basis_minor`` minus the basis of its refunded units: of each
after-sale whose refund has started (REFUNDING, REFUNDED, or
REFUND_FAILED awaiting a retry), what it refunds of the customer's own
money — its units' balance and external parts, i.e. each after-sale line's
``refund_minor − rebate_credit_minor`` (the basis leaves vouchers, points
and rebate credit out, and so does this). When staff refund less than
computed, the own-money part of what is actually refunded (the split
``flows.refunds.after_sale_split`` makes) is spread over the after-sale's
lines in proportion to their own money, by largest remainder. The margin
is scaled to the units left. A refund that has started counts even if its
provider fails it: the money is owed back, staff retry, and a refund never
raises a rebate anyway.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from mall.catalog.invalidation import catalog_changed
from mall.catalog.tree import lineages
from mall.core.money import allocate
from mall.orders.after_sales import AfterSaleStatus
from mall.orders.models import AfterSale, AfterSaleLine, Order, OrderLine
from mall.rebates import awarding
from mall.rebates.lines import margin_minor, rebate_line
from mall.rebates.terms import RebateLine


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


# After-sales whose refund has started: their units' basis is no longer rebated.
REFUND_STARTED = (AfterSaleStatus.REFUNDING, AfterSaleStatus.REFUNDED, AfterSaleStatus.REFUND_FAILED)


def refunded_basis(refund_minor: int, lines: Iterable[tuple[int, int, int, int]]) -> dict[int, int]:
    """The basis one after-sale refunds per order line: ``lines`` are (order line id, refund_minor,
    rebate_credit_minor, balance_minor) of its lines, ``refund_minor`` what it actually refunds (staff may
    lower it). See the module docstring."""
    rows = list(lines)
    computed = sum(row[1] for row in rows)
    own = [row[1] - row[2] for row in rows]
    if refund_minor < computed:
        rebate_credit = sum(row[2] for row in rows)
        balance = sum(row[3] for row in rows)
        _, kept_balance, kept_external = allocate(refund_minor, [rebate_credit, balance, computed - rebate_credit - balance])
        own = allocate(kept_balance + kept_external, own) if sum(own) else own
    out: dict[int, int] = {}
    for row, basis in zip(rows, own, strict=True):
        out[row[0]] = out.get(row[0], 0) + basis
    return out


async def remaining_lines(order: Order, *, everything: bool = False) -> tuple[RebateLine, ...]:
    """The order's lines with what is left of their basis and margin after its refunds (``everything``: the
    whole order is refunded, nothing is left)."""
    lines = await OrderLine.filter(order_id=order.id).order_by("position")
    basis = {line.id: 0 if everything else line.rebate_basis_minor for line in lines}
    units = {line.id: 0 if everything else line.quantity for line in lines}
    if not everything:
        started = await AfterSale.filter(order_id=order.id, status__in=REFUND_STARTED).values_list("id", "refund_minor")
        refunds = dict(started)
        rows = await AfterSaleLine.filter(after_sale_id__in=list(refunds)).order_by("id").values_list(
            "after_sale_id", "order_line_id", "quantity", "refund_minor", "rebate_credit_minor", "balance_minor"
        ) if refunds else []
        for after_sale_id, refund_minor in started:
            mine = [row for row in rows if row[0] == after_sale_id]
            for line_id, refunded in refunded_basis(refund_minor, [row[1:2] + row[3:] for row in mine]).items():
                basis[line_id] -= refunded
            for row in mine:
                units[row[1]] -= row[2]
    current = {line.line_id: line for line in await rebate_lines(lines)}
    return tuple(
        replace(current[line.id], basis_minor=max(basis[line.id], 0),
                margin_minor=margin_minor(line.unit_price_minor, line.unit_cost_minor, max(units[line.id], 0)))
        for line in lines
    )
