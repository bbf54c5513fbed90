"""Rebates for staff (DESIGN §3.6 safeguards, §3.8): the liability per rule, rebates by customer and order,
the kill switches (MANAGE_REBATES)."""

from __future__ import annotations

import strawberry

from mall.core.actors import Actor, Permission
from mall.flows import rebate_rules
from mall.graphql.context import Info
from mall.graphql.errors import UserError
from mall.graphql.lookahead import selects
from mall.graphql.money import Money
from mall.graphql.permissions import require_permission
from mall.graphql.rebates.history import RebateStatus, RebateType
from mall.graphql.relay import Connection, connection, decode_query_id, encode_id
from mall.graphql.runner import mutate
from mall.rebates import reads, switches, totals
from mall.rebates.rules import RebateRule
from mall.settings import get_settings


@strawberry.type(name="RebateLiabilityRule", description="The rule a liability row is about.")
class LiabilityRule:
    id: strawberry.ID
    name: str
    budget: Money | None = strawberry.field(description="Null: unbounded.")


@strawberry.type(description="What one rule's rebates add up to (words as in RebateSummary): pending, outstanding, "
                 "released, clawed back, unrecovered, and the budget not reserved yet.")
class RebateLiability:
    rule: LiabilityRule
    earned: Money
    pending: Money
    outstanding: Money
    released: Money
    clawed_back: Money
    unrecovered: Money
    remaining_budget: Money | None = strawberry.field(description="Not reserved by rebates yet; null: unbounded.")

    @classmethod
    def of(cls, rule: RebateRule, found: totals.Totals) -> RebateLiability:
        currency = get_settings().currency

        return cls(
            rule=LiabilityRule(id=strawberry.ID(encode_id("RebateRule", rule.id)), name=rule.name,
                               budget=Money.optional(rule.budget_minor, currency)),
            earned=Money.of(found.earned_minor, currency), pending=Money.of(found.pending_minor, currency),
            outstanding=Money.of(found.outstanding_minor, currency),
            released=Money.of(found.released_minor, currency),
            clawed_back=Money.of(found.clawed_back_minor, currency),
            unrecovered=Money.of(found.unrecovered_minor, currency),
            remaining_budget=Money.optional(rule.budget_remaining_minor, currency),
        )


@strawberry.type(name="RebateSwitches", description="The kill switches: no new rebates at payment; separately, no "
                 "releases.")
class RebateSwitchesType:
    pause_new_rebates: bool
    pause_releases: bool

    @classmethod
    def of(cls, found: switches.Switches) -> RebateSwitchesType:
        return cls(pause_new_rebates=found.pause_new_rebates, pause_releases=found.pause_releases)


@strawberry.input(description="Set the kill switches; a switch not given stays as it is.")
class RebateSwitchesSetInput:
    pause_new_rebates: bool | None = strawberry.field(default=None, description="No new rebates at payment.")
    pause_releases: bool | None = strawberry.field(default=None, description="No installment released.")
    reason: str = strawberry.field(description="Why; required, at most 500 characters, kept in the audit log.")


@strawberry.type
class RebateSwitchesSetPayload:
    switches: RebateSwitchesType | None = None
    user_errors: list[UserError]


def _query_id(value: strawberry.ID | None, type_name: str) -> int | None:
    if value is None:
        return None
    return decode_query_id(value, type_name) or -1  # another type's id matches nothing


@strawberry.type
class RebateStaffQueries:
    @strawberry.field(description="The outstanding liability per rule (every rule that has left DRAFT, newest "
                      "first), from aggregate SQL. MANAGE_REBATES.")
    async def rebate_liability(self, info: Info) -> list[RebateLiability] | None:
        await require_permission(info, Permission.MANAGE_REBATES)
        return [RebateLiability.of(rule, found) for rule, found in await totals.liability_by_rule()]

    @strawberry.field(description="Every rebate, newest first; only one customer's, one order's or one status's when "
                      "given. MANAGE_REBATES.")
    async def rebates(
        self, info: Info, first: int | None = None, after: str | None = None, last: int | None = None,
        before: str | None = None, customer_id: strawberry.ID | None = None, order_id: strawberry.ID | None = None,
        status: RebateStatus | None = None,  # type: ignore[valid-type]
    ) -> Connection[RebateType] | None:
        await require_permission(info, Permission.MANAGE_REBATES)
        source = reads.every(customer_id=_query_id(customer_id, "User"), order_id=_query_id(order_id, "Order"),
                             status=status)
        return await connection(source, first=first, after=after, last=last, before=before,
                                to_node=RebateType.from_model, edge_cursors=selects(info, "edges", "cursor"))

    @strawberry.field(description="The kill switches as they stand. MANAGE_REBATES.")
    async def rebate_switches(self, info: Info) -> RebateSwitchesType | None:
        await require_permission(info, Permission.MANAGE_REBATES)
        return RebateSwitchesType.of(await switches.current())


@strawberry.type
class RebateStaffMutations:
    @strawberry.mutation(description="Pause (or resume) new rebates and, separately, releases. Needs a reason; "
                         "audited with the old and new values. MANAGE_REBATES.")
    async def rebate_switches_set(self, info: Info, input: RebateSwitchesSetInput) -> RebateSwitchesSetPayload:
        async def action(actor: Actor) -> dict[str, object]:
            found = await rebate_rules.switches_set(actor, pause_new_rebates=input.pause_new_rebates,
                                                pause_releases=input.pause_releases, reason=input.reason)
            return {"switches": RebateSwitchesType.of(found)}

        return await mutate(info, RebateSwitchesSetPayload, action, permission=Permission.MANAGE_REBATES)
