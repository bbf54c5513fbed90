"""The rebates of a paid order, made PENDING with their budgets reserved (DESIGN §3.6).

Called in the transaction that marks the order PAID, after the order row is
locked. For the rules live when the order was created:

1. lock the rows of those that are budgeted, in id order, and the
   customer's per-rule totals of those with a per-customer cap (created
   first when missing), so what is left of each is read under lock;
2. compute every rebate with the engine (the same call the preview makes);
3. reserve each amount by a conditional UPDATE (``remaining >= amount``, and
   ``earned + amount <= cap``); a rule whose budget reaches 0 is EXHAUSTED;
4. write each rebate PENDING with its rule snapshot, computation, per-line
   split and installments (due dates are set when it becomes ACTIVE), and
   announce it in the outbox.

The locks make the conditional UPDATEs certain; they stay as the guard the
database itself enforces (with the CHECK on the budget). Should one ever
change no row, that rebate is not made: money fails closed, and the payment
is not refused for it. Nothing is made while new rebates are paused.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from tortoise.expressions import F

from mall.core.clock import clock
from mall.rebates import events, live, snapshots
from mall.rebates.engine import RuleRebate, compute_rebates
from mall.rebates.installments import split_amount, unit_minor
from mall.rebates.models import Rebate, RebateCustomerTotal, RebateInstallment, RebateRule
from mall.rebates.statuses import InstallmentStatus, RebateStatus, RuleStatus
from mall.rebates.switches import current as current_switches
from mall.rebates.terms import PayoutForm, RebateLine

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PaidOrder:
    """What the rebates of an order are decided from: that order alone."""

    order_id: int
    customer_id: int
    created_at: dt.datetime  # rules are judged live at this moment
    lines: tuple[RebateLine, ...]


@dataclass(frozen=True, slots=True)
class Awarded:
    rebates: tuple[Rebate, ...]
    exhausted_rule_ids: tuple[int, ...]  # rules this payment used up (what the catalog shows changed)


async def award(order: PaidOrder) -> Awarded:
    """Make the order's rebates PENDING; call inside the transaction that marks it PAID (once per order)."""
    if not order.lines or (await current_switches()).pause_new_rebates:
        return Awarded((), ())
    live_rules = await live.rules_live_at(order.created_at)
    candidates = [
        rule for rule, terms in zip(live_rules, live.engine_terms(live_rules), strict=True)
        if any(terms.scope.covers(line) for line in order.lines)
    ]
    if not candidates:
        return Awarded((), ())
    rules = await _lock(candidates, order)
    capped = [rule.id for rule in rules if rule.per_customer_cap_minor is not None]
    earned = await _lock_totals(order.customer_id, capped)
    point = live.point_value_minor()
    results = compute_rebates(live.engine_terms(rules, earned), order.lines, minor_per_point=point)
    by_id = {rule.id: rule for rule in rules}
    made, exhausted = [], []
    for result in results:
        if result.amount_minor == 0:
            continue
        rule = by_id[result.rule_id]
        # What the rule pays in: a POINTS rule cannot pay less than one point's worth.
        unit = unit_minor(result.payout_form, point)
        reserved = await _reserve(rule, result.amount_minor, order.customer_id, unit)
        if reserved is None:
            continue
        if rule.status == RuleStatus.EXHAUSTED.value:
            exhausted.append(rule.id)
        made.append(await _create(order, rule, result, reserved, point))
    return Awarded(tuple(made), tuple(exhausted))


async def _lock(candidates: Sequence[RebateRule], order: PaidOrder) -> list[RebateRule]:
    """The candidates, budgeted ones re-read under their row lock (still live: a rule paused or used up
    meanwhile drops out); unbudgeted ones as read (nothing of theirs is reserved)."""
    budgeted = [rule.id for rule in candidates if rule.budget_minor is not None]
    locked = {rule.id: rule for rule in await live.lock_live(budgeted, order.created_at)}
    return [locked[rule.id] if rule.id in budgeted else rule for rule in candidates
            if rule.id not in budgeted or rule.id in locked]


async def _lock_totals(customer_id: int, rule_ids: list[int]) -> dict[int, int]:
    """The customer's totals under capped rules, created when missing and locked in rule order."""
    if not rule_ids:
        return {}
    await RebateCustomerTotal.bulk_create(
        [RebateCustomerTotal(rule_id=rule_id, customer_id=customer_id, earned_minor=0) for rule_id in rule_ids],
        ignore_conflicts=True,
    )
    rows = await RebateCustomerTotal.filter(customer_id=customer_id, rule_id__in=rule_ids).order_by(
        "rule_id").select_for_update(no_key=True)
    return {row.rule_id: row.earned_minor for row in rows}


async def _reserve(rule: RebateRule, amount: int, customer_id: int, unit: int) -> int | None:
    """Take ``amount`` from the rule's budget and the customer's cap; what was taken of the budget
    (0 when unbounded), or ``None`` (nothing taken) when either would be overspent. A budget left
    below ``unit`` (all it could still pay) makes the rule EXHAUSTED."""
    cap = rule.per_customer_cap_minor
    if cap is not None:
        raised = await RebateCustomerTotal.filter(
            rule_id=rule.id, customer_id=customer_id, earned_minor__lte=cap - amount
        ).update(earned_minor=F("earned_minor") + amount)
        if not raised:
            _log.error("rule %s: customer %s's cap would be passed; no rebate made", rule.id, customer_id)
            return None
    if rule.budget_minor is None:
        return 0
    taken = await RebateRule.filter(id=rule.id, budget_remaining_minor__gte=amount).update(
        budget_remaining_minor=F("budget_remaining_minor") - amount)
    if not taken:
        if cap is not None:
            await RebateCustomerTotal.filter(rule_id=rule.id, customer_id=customer_id).update(
                earned_minor=F("earned_minor") - amount)
        _log.error("rule %s: its budget would be overspent; no rebate made", rule.id)
        return None
    assert rule.budget_remaining_minor is not None
    rule.budget_remaining_minor -= amount
    if rule.budget_remaining_minor < unit:
        await RebateRule.filter(id=rule.id, status=RuleStatus.ACTIVE.value).update(
            status=RuleStatus.EXHAUSTED.value, updated_at=clock.now())
        rule.status = RuleStatus.EXHAUSTED.value
    return amount


async def _create(order: PaidOrder, rule: RebateRule, result: RuleRebate, reserved: int, point: int) -> Rebate:
    now = clock.now()
    form = PayoutForm(rule.payout_form)
    rebate = await Rebate.create(
        order_id=order.order_id, customer_id=order.customer_id, rule_id=rule.id, rule_version=rule.version,
        status=RebateStatus.PENDING.value, payout_form=form.value, minor_per_point=point,
        original_amount_minor=result.amount_minor, amount_minor=result.amount_minor, budget_reserved_minor=reserved,
        snapshot=snapshots.rule_snapshot(live.columns(rule)),
        computation=snapshots.computation_record(result.computation),
        lines=[{"lineId": part.line_id, "basis": part.basis_minor, "amount": part.amount_minor}
               for part in result.lines],
        created_at=now, updated_at=now,
    )
    unit = unit_minor(form, point)
    await RebateInstallment.bulk_create([
        RebateInstallment(rebate_id=rebate.id, customer_id=order.customer_id, seq=seq, amount_minor=amount,
                          status=InstallmentStatus.SCHEDULED.value)
        for seq, amount in enumerate(split_amount(result.amount_minor, rule.installment_count, unit_minor=unit),
                                     start=1)
    ])
    await events.announce(rebate, events.ChangeType.STATUS_CHANGED, from_status=None,
                          amount_delta_minor=result.amount_minor)
    return rebate
