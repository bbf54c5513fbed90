"""What lines would earn now, without reserving anything, and the rules products show as hints (DESIGN §3.6).

**Previews** (``cart.rebatePreview``, ``orderPreview.rebatePreview``) feed
``engine.compute_rebates`` exactly what ``awarding.award`` feeds it at
payment: the rules live at the moment (``live.rules_live_at``), what is left
of their budgets, what is left of a signed-in customer's per-customer caps
(``live.earned_by``; an anonymous reader gets the whole cap) and the point
value (``live.point_value_minor``). So an order paid as previewed gets the
rebates its preview showed, unless a budget or cap was spent meanwhile, a
rule changed, or its window closed. Nothing is locked or reserved: a
preview is a read. While new rebates are paused there is nothing to show.

The preview's ``total_minor`` sums every item's amount (a POINTS item at
the worth of its whole points), ``points`` sums the points of the POINTS
items; items whose amount is 0 (an unreached threshold, a spent budget) are
left out, as payment makes no rebate for them.

**Hints** (``product.rebateHints``): the live rules whose scope covers a
product, each in plain words (``wording``). They are read once per request
(``live_hints``) and matched per product in memory; none while new rebates
are paused either (the kill switch pauses every rule at once). A rule's
budget does not enter a hint beyond "while the budget lasts": an EXHAUSTED
rule is not live, and exhaustion expires the cached catalog.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from mall.core.clock import clock
from mall.rebates import live, wording
from mall.rebates.engine import application_order, compute_rebates
from mall.rebates.models import RebateRule
from mall.rebates.switches import current as current_switches
from mall.rebates.terms import PayoutForm, RebateLine, RuleKind, RuleTerms, Scope, ScopeKind


@dataclass(frozen=True, slots=True)
class PreviewItem:
    """What one rule would give."""

    rule_id: int
    name: str
    kind: RuleKind
    payout_form: PayoutForm
    amount_minor: int
    points: int  # whole points when the form is POINTS, else 0
    installment_count: int


@dataclass(frozen=True, slots=True)
class Preview:
    items: tuple[PreviewItem, ...] = ()

    @property
    def total_minor(self) -> int:
        return sum(item.amount_minor for item in self.items)

    @property
    def points(self) -> int:
        return sum(item.points for item in self.items)


async def live_rules(at: dt.datetime | None = None) -> list[RebateRule]:
    """The rules a preview at ``at`` (the clock's now) reads; none while new rebates are paused. The rules
    first: with none live (the usual case without a campaign) the switches need no statement."""
    rules = await live.rules_live_at(at or clock.now())
    if not rules or (await current_switches()).pause_new_rebates:
        return []
    return rules


async def preview(
    lines: Sequence[RebateLine], *, customer_id: int | None, rules: Sequence[RebateRule] | None = None,
) -> Preview:
    """What ``lines`` would earn if paid now, for ``customer_id`` (``None``: anonymous); ``rules`` as
    ``live_rules`` answers (read now when not given: callers that must read more to build their lines
    read the rules first, and skip that when none is live)."""
    if rules is None:
        rules = await live_rules() if lines else []
    if not lines or not rules:
        return Preview()
    capped = [rule.id for rule in rules if rule.per_customer_cap_minor is not None]
    earned = await live.earned_by(customer_id, capped) if customer_id is not None and capped else {}
    point = live.point_value_minor()
    results = compute_rebates(live.engine_terms(rules, earned), lines, minor_per_point=point)
    by_id = {rule.id: rule for rule in rules}
    items = []
    for result in results:
        if result.amount_minor == 0:
            continue
        rule = by_id[result.rule_id]
        form = PayoutForm(rule.payout_form)
        items.append(PreviewItem(
            rule_id=rule.id, name=rule.name, kind=RuleKind(rule.kind), payout_form=form,
            amount_minor=result.amount_minor,
            points=result.amount_minor // point if form is PayoutForm.POINTS else 0,
            installment_count=rule.installment_count,
        ))
    return Preview(tuple(items))


@dataclass(frozen=True, slots=True)
class Hint:
    """A live rule as a product shows it."""

    rule_id: int
    kind: RuleKind
    payout_form: PayoutForm
    description: str
    scope: Scope
    stackable: bool = True


@dataclass(frozen=True, slots=True)
class LiveHints:
    """The hints of every live rule, in the order the rules apply (higher priority first, then older)."""

    hints: tuple[Hint, ...] = ()

    @property
    def need_categories(self) -> bool:
        """Whether matching needs products' category lineages (a rule is scoped to categories)."""
        return any(hint.scope.kind is ScopeKind.CATEGORIES for hint in self.hints)

    def for_product(self, product_id: int, category_ids: frozenset[int] = frozenset()) -> list[Hint]:
        """The hints whose scope covers the product and that the engine would let apply to it, as it takes rules
        (``engine``): after a non-stackable rule, no other; a non-stackable rule not after any other.
        ``category_ids``: the product's category and every one above it. Each covering rule is assumed to pay
        something (a threshold the order may not reach still takes the line in the hint)."""
        line = RebateLine(line_id=0, product_id=product_id, basis_minor=0, category_ids=category_ids)
        shown: list[Hint] = []
        for hint in self.hints:
            if not hint.scope.covers(line):
                continue
            if shown and not shown[-1].stackable:
                break  # a non-stackable rule took the product: no later rule applies
            if shown and not hint.stackable:
                continue  # a non-stackable rule skips a product another rule already took
            shown.append(hint)
        return shown


async def live_hints(at: dt.datetime | None = None) -> LiveHints:
    """Every live rule's hint (the rules, then the switches when a rule is live: two statements at most)."""
    rules = {rule.id: rule for rule in await live_rules(at)}
    return LiveHints(tuple(_hint(rules[terms.id], terms)
                           for terms in application_order(live.engine_terms(list(rules.values())))))


def _hint(rule: RebateRule, terms: RuleTerms) -> Hint:
    columns = live.columns(rule)
    return Hint(
        rule_id=rule.id, kind=RuleKind(rule.kind), payout_form=PayoutForm(rule.payout_form),
        description=wording.describe(columns, zone=clock.zone, budgeted=rule.budget_minor is not None,
                                     minor_per_point=live.point_value_minor()),
        scope=terms.scope, stackable=terms.stackable,
    )
