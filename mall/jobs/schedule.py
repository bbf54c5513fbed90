"""Mall's own scheduled jobs, registered by the processes that run jobs (DESIGN §3.4, §3.7)."""

from __future__ import annotations

import datetime as dt
import time

from mall.cart import expiry as cart_expiry
from mall.flows import payouts, rebate_releases, reconciliation
from mall.infra import idempotency
from mall.jobs.registry import Job, Registry
from mall.orders import lifecycle
from mall.wallet import points

POINTS_EXPIRY_BUDGET_SECONDS = 20  # well inside the job lock's 60 s (renewed meanwhile anyway)


async def _expire_points(now: dt.datetime) -> int:
    """Batches of due lots until none is left or the time budget is spent (the rest waits for the next run)."""
    started = time.monotonic()
    expired = 0
    while time.monotonic() - started < POINTS_EXPIRY_BUDGET_SECONDS:
        done = await points.expire_due(now)
        expired += done
        if done < points.BATCH:
            break
    return expired


async def _reconcile(now: dt.datetime) -> int:
    done = await reconciliation.reconcile_pending_payments(now)
    return done.settled + done.closed + done.refunds_asked


MALL_JOBS = (
    # Unpaid orders past MALL_ORDER_PAYMENT_TIMEOUT give their stock back.
    Job("orders.expire-unpaid", lifecycle.expire_due_orders, interval=dt.timedelta(minutes=1)),
    # Shipped orders complete MALL_ORDER_AUTO_CONFIRM_DAYS after shipping.
    Job("orders.complete-unconfirmed", lifecycle.complete_due_orders, interval=dt.timedelta(minutes=10)),
    # Payment attempts and top-ups stuck PENDING past their expiry (paid: settled; else closed at the provider and
    # here), and refunds still pending, asked of the provider.
    Job("payments.reconcile", _reconcile, interval=dt.timedelta(minutes=5), lock_ttl=dt.timedelta(minutes=5)),
    # Withdrawals PAYING over a minute (a payout in progress, or a process that died mid-payout) get the final answer.
    Job("withdrawals.settle-paying", payouts.settle_paying, interval=dt.timedelta(minutes=1),
        lock_ttl=dt.timedelta(minutes=2)),
    # Points lots past MALL_POINTS_VALID_DAYS expire (their remaining points to POINTS_EXPIRED).
    Job("points.expire-lots", _expire_points, interval=dt.timedelta(minutes=10)),
    # Rebates of completed orders whose after-sale window (and hold) has passed become ACTIVE; then, in that
    # order, their installments due are released (points, vouchers, rebate credit).
    Job("rebates.activate", rebate_releases.activate_due, interval=dt.timedelta(minutes=1)),
    Job("rebates.release-due", rebate_releases.release_due, interval=dt.timedelta(minutes=5)),
    # Nothing grows without a bound: expired idempotency keys and abandoned guest carts go.
    Job("idempotency.purge-expired", idempotency.purge_expired, interval=dt.timedelta(hours=1)),
    Job("cart.purge-abandoned-guest-carts", cart_expiry.purge_abandoned_guest_carts, interval=dt.timedelta(hours=1)),
)


def register_mall_jobs(registry: Registry) -> Registry:
    """Add Mall's jobs to ``registry`` (once; a second call changes nothing)."""
    for job in MALL_JOBS:
        if registry.get(job.name) is None:
            registry.register(job)
    return registry
