"""Releasing due installments (DESIGN §3.6): the rebates side of the release job, in batches.

The job (``flows.rebate_releases``) reads a batch of due installments
(``due``: SCHEDULED, ``due_at`` ≤ now, rebate ACTIVE; index ``status,
due_at``), then in ONE transaction per batch:

1. ``claim`` locks the batch's rebate rows together with every rebate of
   the same customers that still carries ``unrecovered_minor`` — one
   SELECT … ORDER BY id FOR UPDATE, so rebates are always locked in id
   order (the refunds flow locks a rebate row before it reduces or claws
   back, so a refund and a release serialize) — and re-reads the
   installments still SCHEDULED under those locks; a second worker with the
   same batch waits here, then finds none;
2. before paying, it deducts the customer's outstanding unrecovered
   clawbacks (``installments.release_after_unrecovered``), oldest rebate
   first, in the same unit only: POINTS rebates' unrecovered from POINTS
   releases, money rebates' (REBATE_CREDIT and VOUCHER: both counted in fen
   of money) from REBATE_CREDIT and VOUCHER releases. A POINTS release pays
   whole points at its own rebate's point value, which may differ from the
   one the debt was paid at (the operator changed ``MALL_POINTS_PER_YUAN``):
   it absorbs only as much as leaves it a whole number of its points, and
   the fen short of a point stay owed, so none is lost between the two;
3. the caller pays what is left (``wallet.rebate_payouts``);
4. ``record`` claims the installments by ONE conditional UPDATE SCHEDULED →
   RELEASED that also writes what paid each (its row count must match, or
   the batch and its payouts are undone), writes the rebates'
   ``released_minor`` and ``unrecovered_minor``, makes a rebate with no
   SCHEDULED installment left COMPLETED, and writes the outbox:
   INSTALLMENT_RELEASED per installment, STATUS_CHANGED per completion,
   ADJUSTED for another rebate whose unrecovered was absorbed. A debt
   absorbed is value recovered: its budget returns to its rule and the
   customer's total under the cap goes down, as a clawback's would (so the
   owing rebates' rules and totals are locked first, before any rebate:
   the lock order of payments and refunds).

On PostgreSQL a batch costs a fixed number of statements whatever its size
(arrays in; lookups join ``unnest`` of the list, see ``ledger.post_many``),
plus a few per rebate whose debt it absorbed, which is rare;
the embedded database goes row by row.
Rebates and installments travel as plain rows (``RebateRow``,
``InstallmentRow``), not ORM objects: a thousand model instances per batch
cost more than the statements.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from tortoise import connections
from tortoise.expressions import F, Q

from mall.rebates import events, refunding
from mall.rebates.installments import release_after_unrecovered, unit_minor
from mall.rebates.models import Rebate, RebateCustomerTotal, RebateInstallment, RebateRule
from mall.rebates.statuses import InstallmentStatus, RebateStatus
from mall.rebates.terms import PayoutForm

BATCH = 1000  # installments one transaction releases at most


class ReleaseConflict(RuntimeError):
    """An installment changed under the rebate's row lock: something wrote it without taking the lock."""


@dataclass(frozen=True, slots=True)
class Due:
    installment_id: int
    rebate_id: int
    customer_id: int


@dataclass(slots=True)
class RebateRow:
    """What a release reads and writes of a rebate (locked), and what its announcement says."""

    id: int
    order_id: int
    rule_id: int
    customer_id: int
    status: str
    payout_form: str
    minor_per_point: int
    amount_minor: int
    released_minor: int
    unrecovered_minor: int
    voucher_min_spend_minor: int = 0
    voucher_valid_days: int | None = None


@dataclass(slots=True)
class InstallmentRow:
    id: int
    rebate_id: int
    seq: int
    amount_minor: int
    status: str = InstallmentStatus.SCHEDULED.value


@dataclass(slots=True)
class Release:
    """One claimed installment and what its release pays after unrecovered clawbacks (fen; POINTS: ``points``)."""

    installment: InstallmentRow
    rebate: RebateRow
    pay_minor: int
    points: int = 0
    entry_id: int | None = None
    voucher_id: int | None = None

    @property
    def form(self) -> PayoutForm:
        return PayoutForm(self.rebate.payout_form)


@dataclass(slots=True)
class Claimed:
    releases: list[Release] = field(default_factory=list)
    absorbed: dict[int, RebateRow] = field(default_factory=dict)  # rebates whose unrecovered this batch lowered
    absorbed_minor: dict[int, int] = field(default_factory=dict)  # by how much, by rebate id
    rules: dict[int, RebateRule] = field(default_factory=dict)  # the owing rebates' rules, locked
    reactivated_rule_ids: list[int] = field(default_factory=list)  # EXHAUSTED rules ACTIVE again (set by record)


def _postgres() -> bool:
    return connections.get("default").capabilities.dialect == "postgres"


async def _rows(sql: str, values: list[Any]) -> list[dict[str, Any]]:
    return await connections.get("default").execute_query_dict(sql, values)


async def due(now: dt.datetime, *, limit: int = BATCH) -> list[Due]:
    """Installments of ACTIVE rebates due at ``now`` and still SCHEDULED, earliest first; at most ``limit``."""
    rows = await RebateInstallment.filter(
        status=InstallmentStatus.SCHEDULED.value, due_at__lte=now, rebate__status=RebateStatus.ACTIVE.value,
    ).order_by("due_at").limit(limit).values_list("id", "rebate_id", "customer_id")
    return [Due(*row) for row in rows]


def _unit(form: str) -> str:
    return "POINTS" if form == PayoutForm.POINTS.value else "MONEY"


_REBATE_COLUMNS = ("id, order_id, rule_id, customer_id, status, payout_form, minor_per_point, amount_minor, "
                   "released_minor, unrecovered_minor, (snapshot->>'voucher_min_spend_minor')::bigint AS vmin, "
                   "(snapshot->>'voucher_valid_days')::int AS vdays")


async def _lock_owing_rules(owing: Sequence[int], claimed: Claimed) -> None:
    """The rules of the rebates still owing unrecovered value, and their customers' totals, locked before any
    rebate (the lock order of payments and refunds: rules, totals, rebates): absorbing a debt frees budget."""
    if not owing:
        return
    pairs = await Rebate.filter(id__in=list(owing)).values_list("rule_id", "customer_id")
    rule_ids = sorted({rule_id for rule_id, _ in pairs})
    for rule in await RebateRule.filter(id__in=rule_ids).order_by("id").select_for_update(no_key=True):
        claimed.rules[rule.id] = rule
    await RebateCustomerTotal.filter(rule_id__in=rule_ids, customer_id__in=sorted({c for _, c in pairs})).order_by(
        "rule_id", "customer_id").select_for_update(no_key=True)


async def _lock_rebates(rebate_ids: list[int], customer_ids: list[int], claimed: Claimed) -> list[RebateRow]:
    """The rebates, and the customers' rebates still owing unrecovered value, locked in id order.

    The owing ones are found first (no lock), then everything is locked in one statement in id order and
    read under the lock: one whose unrecovered appears meanwhile is simply deducted by a later release.
    """
    if _postgres():
        owing = [row["id"] for row in await _rows(
            "SELECT r.id FROM unnest($1::bigint[]) AS c(id) JOIN rebates AS r ON r.customer_id = c.id "
            "WHERE r.unrecovered_minor > 0", [customer_ids])]
        await _lock_owing_rules(owing, claimed)
        rows = await _rows(f"SELECT {_REBATE_COLUMNS} FROM rebates WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE",
                           [sorted({*rebate_ids, *owing})])
        return [RebateRow(r["id"], r["order_id"], r["rule_id"], r["customer_id"], r["status"], r["payout_form"],
                          r["minor_per_point"], r["amount_minor"], r["released_minor"], r["unrecovered_minor"],
                          r["vmin"] or 0, r["vdays"]) for r in rows]
    await _lock_owing_rules(await Rebate.filter(customer_id__in=customer_ids, unrecovered_minor__gt=0).values_list(
        "id", flat=True), claimed)
    found = await Rebate.filter(Q(id__in=rebate_ids) | Q(customer_id__in=customer_ids, unrecovered_minor__gt=0)
                                ).order_by("id")
    return [RebateRow(r.id, r.order_id, r.rule_id, r.customer_id, r.status, r.payout_form, r.minor_per_point,
                      r.amount_minor, r.released_minor, r.unrecovered_minor,
                      int(r.snapshot.get("voucher_min_spend_minor") or 0), r.snapshot.get("voucher_valid_days"))
            for r in found]


async def _scheduled(installment_ids: list[int], rebate_ids: list[int], now: dt.datetime) -> list[InstallmentRow]:
    if _postgres():
        rows = await _rows(
            "SELECT i.id, i.rebate_id, i.seq, i.amount_minor FROM unnest($1::bigint[]) AS w(id) "
            "JOIN rebate_installments AS i ON i.id = w.id WHERE i.status = 'SCHEDULED' AND i.due_at <= $2 "
            "ORDER BY i.rebate_id, i.seq", [installment_ids, now])
        of = set(rebate_ids)
        return [InstallmentRow(r["id"], r["rebate_id"], r["seq"], r["amount_minor"]) for r in rows
                if r["rebate_id"] in of]
    found = await RebateInstallment.filter(
        id__in=installment_ids, rebate_id__in=rebate_ids, status=InstallmentStatus.SCHEDULED.value, due_at__lte=now,
    ).order_by("rebate_id", "seq").values_list("id", "rebate_id", "seq", "amount_minor")
    return [InstallmentRow(*row) for row in found]


async def claim(batch: Sequence[Due], now: dt.datetime) -> Claimed:
    """Lock ``batch``'s rebates and re-read its installments under those locks (call inside the batch's
    transaction); what each release pays. ``record`` claims them."""
    claimed = Claimed()
    if not batch:
        return claimed
    wanted = {d.rebate_id for d in batch}
    locked = await _lock_rebates(sorted(wanted), sorted({d.customer_id for d in batch}), claimed)
    active = {r.id: r for r in locked if r.id in wanted and r.status == RebateStatus.ACTIVE.value}
    rows = await _scheduled([d.installment_id for d in batch], list(active), now)
    if not rows:
        return claimed
    owed: dict[tuple[int, str], list[RebateRow]] = {}
    for rebate in locked:  # id order: the oldest rebate's unrecovered is absorbed first
        # Only debts whose rule was locked first (one owing since then waits for a later release).
        if rebate.unrecovered_minor > 0 and rebate.rule_id in claimed.rules:
            owed.setdefault((rebate.customer_id, _unit(rebate.payout_form)), []).append(rebate)
    for row in rows:
        rebate = active[row.rebate_id]
        row.status = InstallmentStatus.RELEASED.value
        pay = row.amount_minor
        unit = unit_minor(rebate.payout_form, rebate.minor_per_point)
        for debtor in owed.get((rebate.customer_id, _unit(rebate.payout_form)), ()) if owed else ():
            if not pay:
                break
            before = debtor.unrecovered_minor
            pay, debtor.unrecovered_minor = release_after_unrecovered(pay, before, unit_minor=unit)
            if before != debtor.unrecovered_minor:
                claimed.absorbed[debtor.id] = debtor
                taken = before - debtor.unrecovered_minor
                claimed.absorbed_minor[debtor.id] = claimed.absorbed_minor.get(debtor.id, 0) + taken
        release = Release(installment=row, rebate=rebate, pay_minor=pay)
        if rebate.payout_form == PayoutForm.POINTS.value:
            release.points = pay // rebate.minor_per_point
            release.pay_minor = release.points * rebate.minor_per_point
        claimed.releases.append(release)
    return claimed


async def record(claimed: Claimed, now: dt.datetime) -> list[int]:
    """Claim the installments of ``claimed`` SCHEDULED → RELEASED with what paid them (``entry_id`` /
    ``voucher_id``, set by the caller), write their rebates and announce it all; the ids of the rebates it
    COMPLETED. The claim is one conditional UPDATE: should it not change every row (something wrote an
    installment without its rebate's lock), ``ReleaseConflict`` undoes the batch, payouts included."""
    releases = claimed.releases
    if not releases:
        return []
    taken = await _claim(releases, now)
    if taken != len(releases):
        raise ReleaseConflict(f"{len(releases) - taken} installments changed under their rebates' locks")
    touched: dict[int, RebateRow] = {}
    for r in releases:
        r.rebate.released_minor += r.pay_minor
        touched[r.rebate.id] = r.rebate
    touched.update(claimed.absorbed)
    released_ids = {r.rebate.id for r in releases}
    still = await _still_scheduled(sorted(released_ids))
    completed = sorted(rid for rid in released_ids if rid not in still)
    for rebate_id in completed:
        touched[rebate_id].status = RebateStatus.COMPLETED.value
    await _record_rebates(list(touched.values()), now)
    await _free_absorbed(claimed, now)
    changes = [events.Change(r.rebate, events.ChangeType.INSTALLMENT_RELEASED,
                             from_status=RebateStatus.ACTIVE.value, amount_delta_minor=r.pay_minor,
                             installment=r.installment)
               for r in releases]
    changes += [events.Change(touched[rebate_id], events.ChangeType.STATUS_CHANGED,
                              from_status=RebateStatus.ACTIVE.value) for rebate_id in completed]
    changes += [events.Change(rebate, events.ChangeType.ADJUSTED, from_status=rebate.status)
                for rebate in claimed.absorbed.values() if rebate.id not in released_ids]
    await events.announce_many(changes)
    return completed


async def _claim(releases: list[Release], now: dt.datetime) -> int:
    """SCHEDULED → RELEASED with what paid each, conditionally; how many changed."""
    if _postgres():
        return len(await _rows(
            "UPDATE rebate_installments AS t SET status = 'RELEASED', released_at = $5, released_minor = v.paid, "
            "entry_id = v.entry, voucher_id = v.voucher "
            "FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[]) AS v(id, paid, entry, voucher) "
            "WHERE t.id = v.id AND t.status = 'SCHEDULED' RETURNING t.id",
            [[r.installment.id for r in releases], [r.pay_minor for r in releases], [r.entry_id for r in releases],
             [r.voucher_id for r in releases], now]))
    taken = 0
    for r in releases:
        taken += await RebateInstallment.filter(id=r.installment.id, status=InstallmentStatus.SCHEDULED.value).update(
            status=InstallmentStatus.RELEASED.value, released_at=now, released_minor=r.pay_minor, entry_id=r.entry_id,
            voucher_id=r.voucher_id)
    return taken


async def _still_scheduled(rebate_ids: list[int]) -> set[int]:
    if _postgres():
        return {row["rebate_id"] for row in await _rows(
            "SELECT DISTINCT i.rebate_id FROM unnest($1::bigint[]) AS r(id) JOIN rebate_installments AS i "
            "ON i.rebate_id = r.id WHERE i.status = 'SCHEDULED'", [rebate_ids])}
    return set(await RebateInstallment.filter(rebate_id__in=rebate_ids, status=InstallmentStatus.SCHEDULED.value
                                              ).values_list("rebate_id", flat=True))


async def _free_absorbed(claimed: Claimed, now: dt.datetime) -> None:
    """A debt a release absorbed is value the shop got back, as a clawback would have: its budget returns to the
    rule (capped at what the rebate still reserves) and the customer's total under the cap goes down. A few
    statements per debtor: debts are rare (a clawback the customer could not cover)."""
    if not claimed.absorbed_minor:
        return
    reserved = dict(await Rebate.filter(id__in=list(claimed.absorbed_minor)).values_list("id", "budget_reserved_minor"))
    for rebate_id, recovered in sorted(claimed.absorbed_minor.items()):
        debtor = claimed.absorbed[rebate_id]
        rule = claimed.rules[debtor.rule_id]
        freed = min(recovered, reserved[rebate_id])
        if freed > 0:
            await Rebate.filter(id=rebate_id).update(budget_reserved_minor=F("budget_reserved_minor") - freed)
        if await refunding.free_budget(rule, freed, now):
            claimed.reactivated_rule_ids.append(rule.id)
        if rule.per_customer_cap_minor is not None:
            await refunding.lower_total(rule.id, debtor.customer_id, recovered)


async def _record_rebates(rebates: list[RebateRow], now: dt.datetime) -> None:
    """Each rebate's released and unrecovered value and status, as this batch leaves them (rows locked)."""
    if _postgres():
        await connections.get("default").execute_query(
            "UPDATE rebates AS t SET released_minor = v.released, unrecovered_minor = v.unrecovered, status = v.status, "
            "updated_at = $5 FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[]) "
            "AS v(id, released, unrecovered, status) WHERE t.id = v.id",
            [[r.id for r in rebates], [r.released_minor for r in rebates], [r.unrecovered_minor for r in rebates],
             [r.status for r in rebates], now])
        return
    for r in rebates:
        await Rebate.filter(id=r.id).update(released_minor=r.released_minor, unrecovered_minor=r.unrecovered_minor,
                                            status=r.status, updated_at=now)
