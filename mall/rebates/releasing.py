"""Releasing due installments (DESIGN §3.6): the rebates side of the release job, in batches.

The job (``flows.rebate_releases``) reads a batch of due installments
(``due``: SCHEDULED, ``due_at`` ≤ now, rebate ACTIVE; index ``status,
due_at``), then in ONE transaction per batch:

1. ``claim`` locks the batch's rebate rows together with every rebate of
   the same customers that still carries ``unrecovered_minor`` — one
   SELECT … ORDER BY id FOR UPDATE, so rebates are always locked in id
   order (the refunds flow locks a rebate row before it reduces or claws
   back, so a refund and a release serialize) — re-reads the installments
   under those locks and claims them by a conditional UPDATE SCHEDULED →
   RELEASED whose row count must match (else the batch is undone);
2. before paying, deducts the customer's outstanding unrecovered clawbacks
   (``installments.release_after_unrecovered``), oldest rebate first, in the
   same unit only: POINTS rebates' unrecovered from POINTS releases, money
   rebates' (REBATE_CREDIT and VOUCHER: both counted in fen of money) from
   REBATE_CREDIT and VOUCHER releases; a POINTS release pays whole points
   (any fen short of a point is not paid, as at payment);
3. the caller pays what is left (``wallet.rebate_payouts``);
4. ``record`` writes each installment's ``released_minor`` with its entry or
   voucher, the rebates' ``released_minor`` and ``unrecovered_minor``, makes
   a rebate with no SCHEDULED installment left COMPLETED, and writes the
   outbox: INSTALLMENT_RELEASED per installment, STATUS_CHANGED per
   completion, ADJUSTED for another rebate whose unrecovered was absorbed.

Statements per batch are bounded (not per installment) on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from tortoise import connections
from tortoise.expressions import Q

from mall.rebates import events
from mall.rebates.installments import release_after_unrecovered
from mall.rebates.models import Rebate, RebateInstallment
from mall.rebates.statuses import InstallmentStatus, RebateStatus
from mall.rebates.terms import PayoutForm

BATCH = 1000  # installments one transaction releases at most
_MAX_PARAMETERS = 30_000


class ReleaseConflict(RuntimeError):
    """An installment changed under the rebate's row lock: something wrote it without taking the lock."""


@dataclass(frozen=True, slots=True)
class Due:
    installment_id: int
    rebate_id: int
    customer_id: int


@dataclass(slots=True)
class Release:
    """One claimed installment and what its release pays after unrecovered clawbacks (fen; POINTS: ``points``)."""

    installment: RebateInstallment
    rebate: Rebate
    pay_minor: int
    points: int = 0
    entry_id: int | None = None
    voucher_id: int | None = None

    @property
    def form(self) -> PayoutForm:
        return PayoutForm(self.rebate.payout_form)

    @property
    def voucher_min_spend_minor(self) -> int:
        return int(self.rebate.snapshot.get("voucher_min_spend_minor") or 0)

    @property
    def voucher_valid_days(self) -> int | None:
        return self.rebate.snapshot.get("voucher_valid_days")


@dataclass(slots=True)
class Claimed:
    releases: list[Release] = field(default_factory=list)
    absorbed: dict[int, Rebate] = field(default_factory=dict)  # rebates whose unrecovered this batch lowered


async def due(now: dt.datetime, *, limit: int = BATCH) -> list[Due]:
    """Installments of ACTIVE rebates due at ``now`` and still SCHEDULED, earliest first; at most ``limit``."""
    rows = await RebateInstallment.filter(
        status=InstallmentStatus.SCHEDULED.value, due_at__lte=now, rebate__status=RebateStatus.ACTIVE.value,
    ).order_by("due_at", "id").limit(limit).values_list("id", "rebate_id", "customer_id")
    return [Due(*row) for row in rows]


def _unit(form: str) -> str:
    return "POINTS" if form == PayoutForm.POINTS.value else "MONEY"


async def claim(batch: Sequence[Due], now: dt.datetime) -> Claimed:
    """Lock, re-read and claim ``batch`` (call inside the batch's transaction); what each release pays."""
    claimed = Claimed()
    if not batch:
        return claimed
    rebate_ids = sorted({d.rebate_id for d in batch})
    customer_ids = sorted({d.customer_id for d in batch})
    locked = await Rebate.filter(
        Q(id__in=rebate_ids) | Q(customer_id__in=customer_ids, unrecovered_minor__gt=0)
    ).order_by("id").select_for_update()
    active = {r.id: r for r in locked if r.id in set(rebate_ids) and r.status == RebateStatus.ACTIVE.value}
    rows = await RebateInstallment.filter(
        id__in=[d.installment_id for d in batch], rebate_id__in=list(active), status=InstallmentStatus.SCHEDULED.value,
        due_at__lte=now,
    ).order_by("rebate_id", "seq")
    if not rows:
        return claimed
    taken = await RebateInstallment.filter(id__in=[row.id for row in rows],
                                           status=InstallmentStatus.SCHEDULED.value).update(
        status=InstallmentStatus.RELEASED.value, released_at=now)
    if taken != len(rows):
        raise ReleaseConflict(f"{len(rows) - taken} installments changed under their rebates' locks")
    owed: dict[tuple[int, str], list[Rebate]] = {}
    for rebate in locked:  # id order: the oldest rebate's unrecovered is absorbed first
        if rebate.unrecovered_minor > 0:
            owed.setdefault((rebate.customer_id, _unit(rebate.payout_form)), []).append(rebate)
    for row in rows:
        rebate = active[row.rebate_id]
        row.status, row.released_at = InstallmentStatus.RELEASED.value, now
        pay = row.amount_minor
        for debtor in owed.get((rebate.customer_id, _unit(rebate.payout_form)), ()):
            if not pay:
                break
            before = debtor.unrecovered_minor
            pay, debtor.unrecovered_minor = release_after_unrecovered(pay, before)
            if before != debtor.unrecovered_minor:
                claimed.absorbed[debtor.id] = debtor
        release = Release(installment=row, rebate=rebate, pay_minor=pay)
        if release.form is PayoutForm.POINTS:
            release.points = pay // rebate.minor_per_point
            release.pay_minor = release.points * rebate.minor_per_point
        claimed.releases.append(release)
    return claimed


async def record(claimed: Claimed, now: dt.datetime) -> list[int]:
    """Write what ``claimed`` paid (its releases' ``entry_id`` / ``voucher_id`` set by the caller) and announce
    it; the ids of the rebates it COMPLETED."""
    releases = claimed.releases
    if not releases:
        return []
    await _update_rows("rebate_installments", ("released_minor", "entry_id", "voucher_id"), [
        (r.installment.id, r.pay_minor, r.entry_id, r.voucher_id) for r in releases
        if r.pay_minor or r.entry_id or r.voucher_id
    ])
    for r in releases:
        r.installment.released_minor, r.installment.entry_id, r.installment.voucher_id = (
            r.pay_minor, r.entry_id, r.voucher_id)
    touched: dict[int, Rebate] = {}
    for r in releases:
        r.rebate.released_minor += r.pay_minor
        touched[r.rebate.id] = r.rebate
    for rebate in claimed.absorbed.values():
        touched[rebate.id] = rebate
    still = set(await RebateInstallment.filter(rebate_id__in=list(touched),
                                               status=InstallmentStatus.SCHEDULED.value).values_list(
        "rebate_id", flat=True))
    completed = sorted(rid for rid in {r.rebate.id for r in releases} if rid not in still)
    await _update_rows("rebates", ("released_minor", "unrecovered_minor"), [
        (rebate.id, rebate.released_minor, rebate.unrecovered_minor) for rebate in touched.values()
    ])
    await Rebate.filter(id__in=list(touched)).update(updated_at=now)
    if completed:
        await Rebate.filter(id__in=completed, status=RebateStatus.ACTIVE.value).update(
            status=RebateStatus.COMPLETED.value)
    changes = [events.Change(r.rebate, events.ChangeType.INSTALLMENT_RELEASED, from_status=RebateStatus.ACTIVE.value,
                             amount_delta_minor=r.pay_minor, installment=r.installment) for r in releases]
    for rebate_id in completed:
        touched[rebate_id].status = RebateStatus.COMPLETED.value
    released_ids = {r.rebate.id for r in releases}
    for rebate_id in completed:  # announced after the releases, which read ACTIVE → (now) COMPLETED
        changes.append(events.Change(touched[rebate_id], events.ChangeType.STATUS_CHANGED,
                                     from_status=RebateStatus.ACTIVE.value))
    for rebate in claimed.absorbed.values():
        if rebate.id not in released_ids:
            changes.append(events.Change(rebate, events.ChangeType.ADJUSTED, from_status=rebate.status))
    await events.announce_many(changes)
    return completed


async def _update_rows(table: str, columns: tuple[str, ...], rows: Sequence[tuple[int, ...] | tuple]) -> None:
    """Set ``columns`` (integers, or NULL) of each row by id: one UPDATE … FROM VALUES per chunk on PostgreSQL,
    one UPDATE per row elsewhere (the embedded database is not where batches are large)."""
    if not rows:
        return
    connection = connections.get("default")
    sets = ", ".join(f"{column} = v.{column}" for column in columns)
    if connection.capabilities.dialect != "postgres":
        for row in rows:
            await connection.execute_query(
                f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?", [*row[1:], row[0]])
        return
    width = len(columns) + 1
    size = _MAX_PARAMETERS // width
    for start in range(0, len(rows), size):
        values: list[int | None] = []
        groups = []
        for row in rows[start:start + size]:
            n = len(values)
            groups.append("(" + ", ".join(f"${n + i + 1}::bigint" for i in range(width)) + ")")
            values.extend(row)
        await connection.execute_query(
            f"UPDATE {table} AS t SET {sets} FROM (VALUES {', '.join(groups)}) "
            f"AS v(id, {', '.join(columns)}) WHERE t.id = v.id", values)
