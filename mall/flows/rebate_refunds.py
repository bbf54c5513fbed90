"""A refund's effect on the order's rebates (DESIGN §3.6), in the refund's own transaction, in two steps.

``plan`` is called before the refund posts anything — it locks the rules,
the customer's per-rule totals, the rebates and their installments after
the order row and the stock, the lock order of every path — and ``finish``
after the refund's own postings: the released value the rebates no longer
owe is taken back from the payout accounts (``wallet.rebate_clawbacks``:
points before money, as everywhere), then the rebates, budgets and totals
are written (``rebates.refunding``). Taking back after the refund's own
postings lets the clawback reach rebate credit or points the refund has
just given back. A rule that has budget again expires the cached catalog
(its hints show again) once the transaction commits.
"""

from __future__ import annotations

from mall.catalog.invalidation import catalog_changed
from mall.core.actors import Actor
from mall.orders.models import Order
from mall.orders.rebating import remaining_lines
from mall.rebates import refunding
from mall.wallet import rebate_clawbacks, rebate_payouts


async def plan(order: Order, *, everything: bool = False) -> refunding.Plan:
    """Lock and recompute the order's rebates on what its refunds (recorded, or about to be: ``everything``)
    leave; call inside the refund's transaction before any ledger posting."""
    planned = await refunding.plan(order.id, await remaining_lines(order, everything=everything))
    if planned.clawbacks:
        # The clawback posts after the refund's own postings: its customer accounts are locked now, in order.
        await rebate_clawbacks.lock_accounts(order.user_id)
    return planned


async def finish(actor: Actor, planned: refunding.Plan, *, refund_number: str) -> refunding.Applied:
    """Claw back, then write ``planned``; ``refund_number`` keys the clawback entries (one per rebate and refund)."""
    recovered = {}
    for claw in planned.clawbacks:
        recovered[claw.rebate_id] = await rebate_clawbacks.take_back(
            actor, form=rebate_payouts.Form(claw.payout_form.value), customer_id=claw.customer_id, rebate_id=claw.rebate_id,
            owed_minor=claw.owed_minor, minor_per_point=claw.minor_per_point, installment_ids=claw.installment_ids,
            key=f"rebate:{claw.rebate_id}:clawback:{refund_number}", recovered_minor=claw.recovered_minor,
        )
    applied = await refunding.apply(planned, recovered)
    if applied.reactivated_rule_ids:
        catalog_changed()
    return applied
