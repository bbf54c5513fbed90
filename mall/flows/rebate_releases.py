"""The rebate jobs (DESIGN §3.6): activation (orders and rebates) and release (rebates and the wallet).

``activate_due``: for each order with PENDING rebates eligible now, in its
own short transaction: lock the order row (the lock order of every path:
order, …, rebates), ask the orders domain whether an after-sale is open,
and let ``rebates.lifecycle.activate_order`` activate or postpone them.

``release_due``: nothing while releases are paused (the switch is read again
for every batch, so a pause set during a run stops it after the batch in flight). Otherwise batches of due installments, each batch one transaction:
``rebates.releasing.claim`` locks their rebates (in id order) and re-reads
them, working out what each pays after unrecovered clawbacks;
``wallet.rebate_payouts.pay_many`` pays them (ledger entries keyed
``rebate-installment:<id>``, lots, vouchers); ``releasing.record`` claims
them SCHEDULED → RELEASED by one conditional UPDATE and writes and
announces the result. A batch that fails is undone whole and tried again one
installment at a time (see ``release_due``). Two workers at once: the second
waits on the rebate rows, then finds the installments RELEASED and pays
none. A run goes on while batches come back full and its time budget lasts
(the job lock is renewed meanwhile).
"""

from __future__ import annotations

import datetime as dt
import logging
import time

from mall.catalog.invalidation import catalog_changed
from mall.core.actors import Actor
from mall.infra.transactions import transaction
from mall.orders import after_sale_requests
from mall.orders import lifecycle as order_lifecycle
from mall.rebates import lifecycle, releasing, switches
from mall.wallet import rebate_payouts

RUN_BUDGET_SECONDS = 20  # well inside the job lock's 60 s (renewed meanwhile anyway)

_log = logging.getLogger(__name__)


async def activate_due(now: dt.datetime, *, budget_seconds: float = RUN_BUDGET_SECONDS) -> int:
    """Activate the rebates eligible at ``now``, batch after batch of orders until none is left or the time
    budget is spent; how many became ACTIVE. Every listed order changes (activated, or postponed past
    ``now``), so no batch lists it twice."""
    started = time.monotonic()
    activated = 0
    while True:
        due = await lifecycle.activation_due(now)
        for order_id in due:
            async with transaction():
                await order_lifecycle.locked(order_id)
                activated += await lifecycle.activate_order(
                    order_id, now, after_sale_open=await after_sale_requests.any_open(order_id))
        if not due or time.monotonic() - started >= budget_seconds:
            return activated


async def release_due(now: dt.datetime, *, batch: int = releasing.BATCH,
                      budget_seconds: float = RUN_BUDGET_SECONDS) -> int:
    """Release the installments due at ``now``; how many were released.

    A batch that fails is undone whole and tried again one installment at a time, so one installment that
    cannot be paid (its account at its ceiling, say) holds up only itself: it stays SCHEDULED, logged, and
    is left out for the rest of the run (the next run tries it again).
    """
    if (await switches.current()).pause_releases:
        return 0
    started = time.monotonic()
    released = 0
    failed: set[int] = set()
    while time.monotonic() - started < budget_seconds:
        listed = await releasing.due(now, limit=batch + len(failed))
        due = [d for d in listed if d.installment_id not in failed][:batch]
        if not due:
            break
        try:
            done = await release_batch(due, now)
        except Exception:  # noqa: BLE001 - isolated below, one by one; each failure is logged there
            done = 0
            for one in due:
                try:
                    done += await release_batch([one], now)
                except Exception:
                    _log.exception("rebate installment %s could not be released; it stays SCHEDULED",
                                   one.installment_id)
                    failed.add(one.installment_id)
        released += done
        if not done and not failed.intersection(d.installment_id for d in due):
            break  # nothing claimable among what is listed (changed meanwhile): the next run looks again
        if len(listed) < batch + len(failed):
            break
    return released


async def release_batch(due: list[releasing.Due], now: dt.datetime) -> int:
    """One batch in one transaction: claim, pay, record; how many installments it released (none once
    releases are paused: the switch is read again for every batch, so a pause stops a run within one)."""
    async with transaction():
        if (await switches.current()).pause_releases:
            return 0
        claimed = await releasing.claim(due, now)
        payouts = [
            rebate_payouts.Payout(
                installment_id=r.installment.id, customer_id=r.rebate.customer_id,
                form=rebate_payouts.Form(r.form.value), amount_minor=r.pay_minor, points=r.points,
                voucher_min_spend_minor=r.rebate.voucher_min_spend_minor,
                voucher_valid_days=r.rebate.voucher_valid_days,
                memo=f"Rebate of order {r.rebate.order_id}, installment {r.installment.seq}",
            )
            for r in claimed.releases if r.pay_minor > 0
        ]
        paid = await rebate_payouts.pay_many(Actor.system(), payouts)
        for r in claimed.releases:
            answer = paid.get(r.installment.id)
            if answer is not None:
                r.entry_id, r.voucher_id = answer.entry_id, answer.voucher_id
        await releasing.record(claimed, now)
        if claimed.reactivated_rule_ids:
            catalog_changed()  # a rule with budget again shows in the hints again
    return len(claimed.releases)
