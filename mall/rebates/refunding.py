"""A refund recomputes the order's rebates and takes back what they no longer owe (DESIGN §3.6).

Two steps, both inside the refund's transaction (the order row locked):

1. ``plan`` — before the refund posts anything to the ledger — locks, in the
   lock order of every path, the rows of the order's rules (by id), the
   customer's per-rule totals of the capped ones, the order's open rebates
   (PENDING, ACTIVE, and COMPLETED ones, whose released value may be clawed
   back) and their installments; then recomputes each rebate with the rule
   frozen into it on the order's remaining lines:
   ``engine.recompute_after_refund`` = min(engine on the remaining basis,
   current amount), so a refund never raises a rebate and a lost threshold
   drops its reward. The cut comes off the SCHEDULED installments from the
   last backwards (``installments.reduce_installments``, whole points for
   POINTS); what they cannot cover was released already, and is a
   ``Clawback`` for the wallet to take back.
2. ``apply`` — after the wallet has taken back what it could — writes it
   all: the new amount, split and computation; the installments (one cut
   to 0 is CANCELLED); ``clawed_back_minor`` and ``unrecovered_minor`` (what
   the customer could not cover; the release job deducts it from their
   later releases); the freed budget back to the rule by a conditional
   UPDATE (an EXHAUSTED rule with budget again is ACTIVE) and off the
   customer's per-rule total; the status; and the outbox events.

Decisions where DESIGN is silent:

- **Freed budget** is the cut minus what could not be recovered (at most
  what the rebate holds of the budget): money that left and did not come
  back was spent from the budget, so it stays spent; the same amount comes
  off the customer's total under the rule's cap. A later release that
  absorbs an unrecovered amount frees it then (``releasing``).
- **Status.** A PENDING rebate cut to 0 is CANCELLED (its installments
  too); an ACTIVE or COMPLETED one cut to 0 is REVERSED (what could not be
  recovered stays recorded as unrecovered). An ACTIVE rebate left with
  nothing SCHEDULED to release (the cut took the rest) is COMPLETED: no
  release would ever complete it otherwise.
- **Amounts.** ``amount_minor`` is the new amount; released installments
  keep their amounts (their value left), so after a clawback the
  installments add up to the amount plus what was clawed back or left
  unrecovered by refunds.
- **Each refund claws back what its own cut reaches** into released value;
  an amount left unrecovered by an earlier refund is not asked again here
  (the release job deducts it from the customer's later releases).
- **Events**, in this order, each with the rebate as it stands after the
  whole change: ADJUSTED (``amountDelta`` −cut), CLAWED_BACK (−recovered,
  when something was), STATUS_CHANGED (when the status moved).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from tortoise.expressions import F

from mall.core.clock import clock
from mall.rebates import events, snapshots
from mall.rebates.engine import LineRebate, RuleRebate, recompute_after_refund
from mall.rebates.installments import Part, reduce_installments, unit_minor
from mall.rebates.models import Rebate, RebateCustomerTotal, RebateInstallment, RebateRule
from mall.rebates.statuses import InstallmentStatus, RebateStatus, RuleStatus
from mall.rebates.terms import PayoutForm, RebateLine

# Rebates a refund may still change: COMPLETED ones too, for what they released.
RECOMPUTED = (RebateStatus.PENDING.value, RebateStatus.ACTIVE.value, RebateStatus.COMPLETED.value)


@dataclass(frozen=True, slots=True)
class Clawback:
    """Released value of one rebate to take back from the account it was paid to (the wallet's part).

    ``owed_minor`` is in fen (whole points' worth for POINTS);
    ``installment_ids`` are its RELEASED installments, latest first (a
    VOUCHER rebate's vouchers name them, a POINTS rebate's points lots);
    ``recovered_minor`` is what earlier refunds recovered of it (its
    ``clawed_back_minor``): the wallet counts an expired point once.
    """

    rebate_id: int
    customer_id: int
    payout_form: PayoutForm
    owed_minor: int
    minor_per_point: int
    installment_ids: tuple[int, ...]
    recovered_minor: int = 0


@dataclass(slots=True)
class _Cut:
    rebate: Rebate
    installments: list[RebateInstallment]
    result: RuleRebate
    cut_minor: int
    amounts: dict[int, int]  # installments' new amounts by seq
    clawback: Clawback | None


@dataclass(slots=True)
class Plan:
    """What a refund does to an order's rebates; the rows it names are locked until the transaction ends."""

    cuts: list[_Cut] = field(default_factory=list)
    rules: dict[int, RebateRule] = field(default_factory=dict)

    @property
    def clawbacks(self) -> list[Clawback]:
        """What the wallet is asked to take back: POINTS first (points move before money in every transaction)."""
        found = [cut.clawback for cut in self.cuts if cut.clawback is not None]
        return sorted(found, key=lambda c: (c.payout_form is not PayoutForm.POINTS, c.rebate_id))


@dataclass(frozen=True, slots=True)
class Applied:
    """What ``apply`` changed that others must hear of."""

    reduced: tuple[int, ...]  # rebate ids
    reactivated_rule_ids: tuple[int, ...]  # EXHAUSTED rules ACTIVE again (the catalog shows their hints again)


async def plan(order_id: int, remaining_lines: Sequence[RebateLine]) -> Plan:
    """Lock and recompute the order's open rebates on ``remaining_lines``; call before any ledger posting
    of the refund's transaction (see the module docstring)."""
    found = await Rebate.filter(order_id=order_id, status__in=RECOMPUTED).values_list("rule_id", "customer_id")
    if not found:
        return Plan()
    rule_ids = sorted({rule_id for rule_id, _ in found})
    customer_id = found[0][1]
    # FOR NO KEY UPDATE: nothing here changes a key, and a plain FOR UPDATE would also block the foreign-key
    # checks (FOR KEY SHARE) of another transaction writing a rebate it wrote before — the release job
    # does — while we wait for that rebate: a deadlock.
    rules = {rule.id: rule for rule in await RebateRule.filter(id__in=rule_ids).order_by("id").select_for_update(
        no_key=True)}
    capped = [rule_id for rule_id in rule_ids if rules[rule_id].per_customer_cap_minor is not None]
    if capped:
        await RebateCustomerTotal.filter(customer_id=customer_id, rule_id__in=capped).order_by(
            "rule_id").select_for_update(no_key=True)
    rebates = await Rebate.filter(order_id=order_id, status__in=RECOMPUTED).order_by("id").select_for_update(
        no_key=True)
    if not rebates:  # a racing refund closed them meanwhile
        return Plan(rules=rules)
    installments: dict[int, list[RebateInstallment]] = {rebate.id: [] for rebate in rebates}
    for row in await RebateInstallment.filter(rebate_id__in=list(installments)).order_by(
            "rebate_id", "seq").select_for_update(no_key=True):
        installments[row.rebate_id].append(row)
    point = rebates[0].minor_per_point
    results = recompute_after_refund(
        [snapshots.rule_terms(rebate.snapshot) for rebate in rebates], remaining_lines,
        [_current(rebate) for rebate in rebates], minor_per_point=point,
    )
    by_rule = {rebate.rule_id: rebate for rebate in rebates}
    out = Plan(rules=rules)
    for result in results:
        rebate = by_rule[result.rule_id]
        cut = rebate.amount_minor - result.amount_minor
        if cut <= 0:
            continue
        rows = installments[rebate.id]
        form = PayoutForm(rebate.payout_form)
        unit = unit_minor(form, rebate.minor_per_point)
        reduction = reduce_installments(
            [Part(seq=row.seq, amount_minor=row.amount_minor, released=row.status == InstallmentStatus.RELEASED.value)
             for row in rows if row.status != InstallmentStatus.CANCELLED.value],
            cut, unit_minor=unit,
        )
        clawback = None
        if reduction.clawback_minor:
            released = [row.id for row in reversed(rows) if row.status == InstallmentStatus.RELEASED.value]
            clawback = Clawback(rebate_id=rebate.id, customer_id=rebate.customer_id, payout_form=form,
                                owed_minor=reduction.clawback_minor, minor_per_point=rebate.minor_per_point,
                                installment_ids=tuple(released), recovered_minor=rebate.clawed_back_minor)
        out.cuts.append(_Cut(rebate=rebate, installments=rows, result=result, cut_minor=cut,
                             amounts=reduction.amounts, clawback=clawback))
    return out


def _current(rebate: Rebate) -> RuleRebate:
    return RuleRebate(
        rule_id=rebate.rule_id, payout_form=PayoutForm(rebate.payout_form), amount_minor=rebate.amount_minor,
        lines=tuple(LineRebate(line_id=line["lineId"], basis_minor=line["basis"], amount_minor=line["amount"])
                    for line in rebate.lines),
        computation=snapshots.computation_of(rebate.computation),
    )


async def apply(planned: Plan, recovered: Mapping[int, int]) -> Applied:
    """Write ``planned``, ``recovered`` being what the wallet took back of each clawback (by rebate id)."""
    now = clock.now()
    reactivated: list[int] = []
    for cut in planned.cuts:
        rebate = cut.rebate
        owed = cut.clawback.owed_minor if cut.clawback is not None else 0
        got = min(recovered.get(rebate.id, 0), owed)
        unrecovered = owed - got
        await _installments(cut, now)
        freed = min(cut.cut_minor - unrecovered, rebate.budget_reserved_minor)
        rule = planned.rules[rebate.rule_id]
        if await free_budget(rule, freed, now):
            reactivated.append(rule.id)
        if rule.per_customer_cap_minor is not None:
            await lower_total(rule.id, rebate.customer_id, cut.cut_minor - unrecovered)
        before = rebate.status
        rebate.amount_minor = cut.result.amount_minor
        rebate.lines = [{"lineId": part.line_id, "basis": part.basis_minor, "amount": part.amount_minor}
                        for part in cut.result.lines]
        rebate.computation = snapshots.computation_record(cut.result.computation)
        rebate.budget_reserved_minor -= max(freed, 0)
        rebate.clawed_back_minor += got
        rebate.unrecovered_minor += unrecovered
        rebate.status = _status_after(before, rebate.amount_minor, cut)
        rebate.updated_at = now
        await rebate.save(update_fields=["amount_minor", "lines", "computation", "budget_reserved_minor",
                                         "clawed_back_minor", "unrecovered_minor", "status", "updated_at"])
        await events.announce(rebate, events.ChangeType.ADJUSTED, from_status=before,
                              amount_delta_minor=-cut.cut_minor)
        if got:
            await events.announce(rebate, events.ChangeType.CLAWED_BACK, from_status=before, amount_delta_minor=-got)
        if rebate.status != before:
            await events.announce(rebate, events.ChangeType.STATUS_CHANGED, from_status=before)
    return Applied(tuple(cut.rebate.id for cut in planned.cuts), tuple(reactivated))


async def _installments(cut: _Cut, now: dt.datetime) -> None:
    """The SCHEDULED installments' new amounts; one cut to 0 is CANCELLED (so is every one of a rebate cut to 0)."""
    for row in cut.installments:
        if row.status != InstallmentStatus.SCHEDULED.value:
            continue
        amount = cut.amounts.get(row.seq, row.amount_minor)
        status = InstallmentStatus.CANCELLED.value if amount == 0 else row.status
        if (amount, status) != (row.amount_minor, row.status):
            row.amount_minor, row.status = amount, status
            await RebateInstallment.filter(id=row.id).update(amount_minor=amount, status=status)


def _status_after(before: str, amount: int, cut: _Cut) -> str:
    if before == RebateStatus.PENDING.value:
        return RebateStatus.CANCELLED.value if amount == 0 else before
    if amount == 0:
        return RebateStatus.REVERSED.value
    if before == RebateStatus.ACTIVE.value and not any(
            row.status == InstallmentStatus.SCHEDULED.value for row in cut.installments):
        return RebateStatus.COMPLETED.value
    return before


async def free_budget(rule: RebateRule, freed: int, now: dt.datetime) -> bool:
    """``freed`` back to the rule's budget (locked by ``plan``); whether an EXHAUSTED rule became ACTIVE."""
    if rule.budget_minor is None or freed <= 0:
        return False
    raised = await RebateRule.filter(id=rule.id, budget_remaining_minor__lte=rule.budget_minor - freed).update(
        budget_remaining_minor=F("budget_remaining_minor") + freed)
    if not raised:
        # Staff lowered the budget below what rebates hold: the freed part above it is gone with it.
        await RebateRule.filter(id=rule.id).update(budget_remaining_minor=rule.budget_minor)
    rule.budget_remaining_minor = min((rule.budget_remaining_minor or 0) + freed, rule.budget_minor)
    if rule.status == RuleStatus.EXHAUSTED.value and rule.budget_remaining_minor > 0:
        await RebateRule.filter(id=rule.id, status=RuleStatus.EXHAUSTED.value).update(
            status=RuleStatus.ACTIVE.value, updated_at=now)
        rule.status = RuleStatus.ACTIVE.value
        return True
    return False


async def lower_total(rule_id: int, customer_id: int, by: int) -> None:
    """What the customer holds under the rule's cap, lowered by ``by`` (never below 0)."""
    if by <= 0:
        return
    lowered = await RebateCustomerTotal.filter(rule_id=rule_id, customer_id=customer_id, earned_minor__gte=by).update(
        earned_minor=F("earned_minor") - by)
    if not lowered:  # holds less than that (a cap added after payment counted from then on)
        await RebateCustomerTotal.filter(rule_id=rule_id, customer_id=customer_id).update(earned_minor=0)
