"""Rebate rules for staff (MANAGE_REBATES): the AdminRebateRule type, rebateRules, rebateRuleCreate and
rebateRuleUpdate (DESIGN §3.6, §3.8)."""

from __future__ import annotations

from typing import Any

import strawberry

from mall.core.actors import Actor, Permission
from mall.core.keep import KEEP
from mall.flows import rebate_rules
from mall.graphql.context import Info
from mall.graphql.errors import UserError
from mall.graphql.lookahead import selects
from mall.graphql.money import Money
from mall.graphql.permissions import require_permission
from mall.graphql.rebates.types import RebatePayoutForm, RebateRuleKind
from mall.graphql.relay import Connection, Node, connection, decode_id, encode_id
from mall.graphql.runner import mutate
from mall.graphql.scalars import DateTime, Decimal
from mall.rebates import rules, statuses, terms, validation
from mall.rebates.drafts import RuleChanges, TierInput
from mall.rebates.rules import RebateRule
from mall.settings import get_settings

RebateRuleStatus = strawberry.enum(
    statuses.RuleStatus, name="RebateRuleStatus",
    description="DRAFT → ACTIVE ⇄ PAUSED → ENDED (final), set by staff; EXHAUSTED set by the system when the budget "
    "runs out, ACTIVE again when budget is raised or freed.",
)
RebateTierMode = strawberry.enum(
    terms.TierMode, name="RebateTierMode",
    description="WHOLE: the bracket reached sets the rate for the whole basis; PROGRESSIVE: each slice at its own rate.",
)
RebatePeriod = strawberry.enum(terms.Period, name="RebatePeriod", description="Time between two installments.")
RebateScopeKind = strawberry.enum(terms.ScopeKind, name="RebateScopeKind",
                                  description="Which lines a rule covers: all, or those of the listed categories "
                                  "(and below) or products.")


@strawberry.type(description="A bracket of a TIERED rule: from this basis upwards, this rate.")
class RebateTier:
    from_: Money = strawberry.field(name="from")
    rate: Decimal  # type: ignore[valid-type]


@strawberry.type(description="The lines a rule covers.")
class RebateScope:
    kind: RebateScopeKind  # type: ignore[valid-type]
    ids: list[strawberry.ID] = strawberry.field(description="Category or Product ids; empty for ALL.")


@strawberry.type(name="AdminRebateRule", description="A rebate rule with all its terms, as staff manage it "
                 "(MANAGE_REBATES). Its Node id is a RebateRule id.")
class AdminRebateRule(Node):
    name: str
    description: str
    kind: RebateRuleKind
    status: RebateRuleStatus  # type: ignore[valid-type]
    ratio: Decimal | None = strawberry.field(description="FIXED_RATIO, FULL_RETURN.")  # type: ignore[valid-type]
    tiers: list[RebateTier] = strawberry.field(description="TIERED, by increasing from.")
    tier_mode: RebateTierMode | None  # type: ignore[valid-type]
    threshold: Money | None = strawberry.field(description="THRESHOLD: the basis that earns the reward.")
    reward: Money | None = strawberry.field(
        description="THRESHOLD: what the threshold earns (for every full threshold when repeat).")
    repeat: bool
    payout_form: RebatePayoutForm
    voucher_valid_days: int | None
    voucher_min_spend: Money | None
    installment_count: int
    period: RebatePeriod | None  # type: ignore[valid-type]
    scope: RebateScope
    starts_at: DateTime | None  # type: ignore[valid-type]
    ends_at: DateTime | None  # type: ignore[valid-type]
    priority: int = strawberry.field(description="Higher first; ties by rule id.")
    stackable: bool
    per_customer_cap: Money | None = strawberry.field(description="Over the rule's life; null: none.")
    budget: Money | None = strawberry.field(description="Null: unbounded.")
    budget_remaining: Money | None = strawberry.field(description="Not reserved by rebates yet.")
    margin_cap_share: Decimal | None = strawberry.field(  # type: ignore[valid-type]
        description="At most this share of each line's gross margin; null: no margin cap.")
    version: int = strawberry.field(description="Goes up with every edit; rebates record the version they were made "
                                    "under.")
    created_at: DateTime  # type: ignore[valid-type]
    updated_at: DateTime  # type: ignore[valid-type]

    @classmethod
    def from_model(cls, row: RebateRule) -> AdminRebateRule:
        currency = get_settings().currency
        found = rules.terms(row)

        id_type = "Category" if found["scope_kind"] is terms.ScopeKind.CATEGORIES else "Product"
        return cls(
            id=strawberry.ID(encode_id("RebateRule", row.id)), name=found["name"], description=found["description"],
            kind=RebateRuleKind(row.kind), status=statuses.RuleStatus(row.status), ratio=found["ratio"],
            tiers=[RebateTier(from_=Money.of(t.from_minor, currency), rate=t.rate) for t in found["tiers"]],
            tier_mode=found["tier_mode"], threshold=Money.optional(found["threshold_minor"], currency),
            reward=Money.optional(found["reward_minor"], currency), repeat=found["repeat"],
            payout_form=RebatePayoutForm(row.payout_form), voucher_valid_days=found["voucher_valid_days"],
            voucher_min_spend=Money.optional(found["voucher_min_spend_minor"], currency),
            installment_count=found["installment_count"], period=found["period"],
            scope=RebateScope(kind=found["scope_kind"],
                              ids=[strawberry.ID(encode_id(id_type, pk)) for pk in found["scope_ids"]]),
            starts_at=found["starts_at"], ends_at=found["ends_at"], priority=found["priority"],
            stackable=found["stackable"], per_customer_cap=Money.optional(found["per_customer_cap_minor"], currency),
            budget=Money.optional(found["budget_minor"], currency),
            budget_remaining=Money.optional(row.budget_remaining_minor, currency),
            margin_cap_share=found["margin_cap_share"], version=row.version, created_at=row.created_at,
            updated_at=row.updated_at,
        )


async def visible_rebate_rule(info: Info, pk: int) -> AdminRebateRule | None:
    """``node(id:)`` for a rule: staff with MANAGE_REBATES only."""
    row = await rules.visible(await info.context.actor(), pk)
    return AdminRebateRule.from_model(row) if row else None


@strawberry.input(description="A bracket: from this basis (yuan) upwards, this rate (0 .. 1, at most four places).")
class RebateTierInput:
    from_: Decimal = strawberry.field(name="from")  # type: ignore[valid-type]
    rate: Decimal  # type: ignore[valid-type]


@strawberry.input(description="Which lines a rule covers: ALL (no ids), or the listed categories or products.")
class RebateScopeInput:
    kind: RebateScopeKind  # type: ignore[valid-type]
    ids: list[strawberry.ID] = strawberry.field(default_factory=list,
                                                description="Category or Product ids (up to 500).")


_MONEY_NOTE = "Yuan, at most two places."


@strawberry.input(description="A new rebate rule (DRAFT until an update makes it ACTIVE). Terms a kind or payout "
                  "form does not use are ignored.")
class RebateRuleCreateInput:
    name: str = strawberry.field(description="At most 100 characters.")
    description: str | None = strawberry.field(default=None, description="Staff notes, at most 2000 characters.")
    kind: RebateRuleKind
    ratio: Decimal | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="FIXED_RATIO, FULL_RETURN: \"0.01\" .. \"1.00\", at most four places.")
    tiers: list[RebateTierInput] | None = strawberry.field(default=None, description="TIERED: increasing from.")
    tier_mode: RebateTierMode | None = None  # type: ignore[valid-type]
    threshold: Decimal | None = strawberry.field(default=None, description="THRESHOLD. " + _MONEY_NOTE)  # type: ignore[valid-type]
    reward: Decimal | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="THRESHOLD: at most the threshold. " + _MONEY_NOTE)
    repeat: bool | None = strawberry.field(default=None, description="THRESHOLD: for every full threshold (每满).")
    payout_form: RebatePayoutForm
    voucher_valid_days: int | None = strawberry.field(default=None, description="VOUCHER payouts: required, 1 to 3650 days.")
    voucher_min_spend: Decimal | None = strawberry.field(default=None, description=_MONEY_NOTE)  # type: ignore[valid-type]
    installment_count: int | None = strawberry.field(default=None, description="1 (the default) = one release; "
                                                     "at most 366.")
    period: RebatePeriod | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="Required with more than one installment.")
    scope: RebateScopeInput | None = strawberry.field(default=None, description="ALL when not given.")
    starts_at: DateTime | None = None  # type: ignore[valid-type]
    ends_at: DateTime | None = None  # type: ignore[valid-type]
    priority: int | None = strawberry.field(default=None, description="Higher first (default 0); ties by rule id.")
    stackable: bool | None = strawberry.field(default=None, description="Default true.")
    per_customer_cap: Decimal | None = strawberry.field(default=None, description=_MONEY_NOTE)  # type: ignore[valid-type]
    budget: Decimal | None = strawberry.field(default=None, description="Null: unbounded. " + _MONEY_NOTE)  # type: ignore[valid-type]
    margin_cap_share: Decimal | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="\"0.50\" = at most half of each line's gross margin.")


@strawberry.input(description="New terms or status for a rule; fields not sent stay as they are, null clears a "
                  "term that may be empty. Never changes rebates already made.")
class RebateRuleUpdateInput:
    rule_id: strawberry.ID
    status: RebateRuleStatus | None = strawberry.field(  # type: ignore[valid-type]
        default=strawberry.UNSET, description="DRAFT (only while DRAFT), ACTIVE, PAUSED or ENDED (final). EXHAUSTED is "
        "the system's.")
    name: str | None = strawberry.UNSET
    description: str | None = strawberry.UNSET
    kind: RebateRuleKind | None = strawberry.UNSET
    ratio: Decimal | None = strawberry.UNSET  # type: ignore[valid-type]
    tiers: list[RebateTierInput] | None = strawberry.UNSET
    tier_mode: RebateTierMode | None = strawberry.UNSET  # type: ignore[valid-type]
    threshold: Decimal | None = strawberry.UNSET  # type: ignore[valid-type]
    reward: Decimal | None = strawberry.UNSET  # type: ignore[valid-type]
    repeat: bool | None = strawberry.UNSET
    payout_form: RebatePayoutForm | None = strawberry.UNSET
    voucher_valid_days: int | None = strawberry.UNSET
    voucher_min_spend: Decimal | None = strawberry.UNSET  # type: ignore[valid-type]
    installment_count: int | None = strawberry.UNSET
    period: RebatePeriod | None = strawberry.UNSET  # type: ignore[valid-type]
    scope: RebateScopeInput | None = strawberry.UNSET
    starts_at: DateTime | None = strawberry.UNSET  # type: ignore[valid-type]
    ends_at: DateTime | None = strawberry.UNSET  # type: ignore[valid-type]
    priority: int | None = strawberry.UNSET
    stackable: bool | None = strawberry.UNSET
    per_customer_cap: Decimal | None = strawberry.UNSET  # type: ignore[valid-type]
    budget: Decimal | None = strawberry.UNSET  # type: ignore[valid-type]
    margin_cap_share: Decimal | None = strawberry.UNSET  # type: ignore[valid-type]


@strawberry.type
class RebateRulePayload:
    rule: AdminRebateRule | None = None
    user_errors: list[UserError]


_SAME_NAMED = ("name", "description", "ratio", "threshold", "reward", "repeat", "voucher_valid_days",
               "voucher_min_spend", "installment_count", "starts_at", "ends_at", "priority", "stackable",
               "per_customer_cap", "budget", "margin_cap_share")


def _changes(input: RebateRuleCreateInput | RebateRuleUpdateInput, *, creating: bool) -> RuleChanges:
    """The service's changes: on create a field not given is KEEP (the new rule's default); on update, UNSET is."""

    def given(value: Any) -> Any:
        if value is strawberry.UNSET or (creating and value is None):
            return KEEP
        return value

    values: dict[str, Any] = {name: given(getattr(input, name)) for name in _SAME_NAMED}
    kind, payout_form = given(input.kind), given(input.payout_form)
    values["kind"] = kind if kind in (KEEP, None) else terms.RuleKind(kind.value)
    values["payout_form"] = payout_form if payout_form in (KEEP, None) else terms.PayoutForm(payout_form.value)
    values["tier_mode"], values["period"] = given(input.tier_mode), given(input.period)
    tiers = given(input.tiers)
    values["tiers"] = tiers if tiers in (KEEP, None) else tuple(TierInput(t.from_, t.rate) for t in tiers)
    scope = given(input.scope)
    if scope is None:
        values["scope_kind"] = values["scope_ids"] = None
    elif scope is not KEEP:
        id_type = "Category" if scope.kind is terms.ScopeKind.CATEGORIES else "Product"
        values["scope_kind"] = scope.kind
        # One past the limit is enough for validation to refuse the list.
        values["scope_ids"] = tuple(decode_id(pk, id_type, field="scope")
                                    for pk in scope.ids[:validation.MAX_SCOPE_IDS + 1])
    return RuleChanges(**values)


def _updated_status(value: Any) -> statuses.RuleStatus | None:
    return None if value in (strawberry.UNSET, None) else statuses.RuleStatus(value)


@strawberry.type
class RebateRuleQueries:
    @strawberry.field(description="Every rebate rule, newest first; only those of one status when given. "
                      "MANAGE_REBATES.")
    async def rebate_rules(
        self, info: Info, first: int | None = None, after: str | None = None, last: int | None = None,
        before: str | None = None, status: RebateRuleStatus | None = None,  # type: ignore[valid-type]
    ) -> Connection[AdminRebateRule] | None:
        await require_permission(info, Permission.MANAGE_REBATES)
        return await connection(rules.listed(status), first=first, after=after, last=last, before=before,
                                to_node=AdminRebateRule.from_model, edge_cursors=selects(info, "edges", "cursor"))


@strawberry.type
class RebateRuleMutations:
    @strawberry.mutation(description="Create a rebate rule, DRAFT. Audited. MANAGE_REBATES.")
    async def rebate_rule_create(self, info: Info, input: RebateRuleCreateInput) -> RebateRulePayload:
        async def action(actor: Actor) -> dict[str, object]:
            rule = await rebate_rules.rule_create(actor, _changes(input, creating=True))
            return {"rule": AdminRebateRule.from_model(rule)}

        return await mutate(info, RebateRulePayload, action, permission=Permission.MANAGE_REBATES)

    @strawberry.mutation(description="Change a rule's terms or status (not once ENDED); never changes rebates "
                         "already made. Audited. MANAGE_REBATES.")
    async def rebate_rule_update(self, info: Info, input: RebateRuleUpdateInput) -> RebateRulePayload:
        async def action(actor: Actor) -> dict[str, object]:
            rule_id = decode_id(input.rule_id, "RebateRule", field="ruleId")
            rule = await rebate_rules.rule_update(actor, rule_id, _changes(input, creating=False),
                                                  _updated_status(input.status))
            return {"rule": AdminRebateRule.from_model(rule)}

        return await mutate(info, RebateRulePayload, action, permission=Permission.MANAGE_REBATES)

