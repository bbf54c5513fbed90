"""Rebates as customers (and staff) read them (DESIGN §3.6): the Rebate type with its frozen rule, computation,
per-line split and installments; ``me.rebates``, ``me.rebateSummary`` and ``node(id:)`` for a rebate.

Orders, order lines and installments come through dataloaders, so a page of
rebates costs the same statements whatever its size.
"""

from __future__ import annotations

from decimal import Decimal as PyDecimal
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from mall.core.actors import Permission
from mall.graphql.context import Info
from mall.graphql.lookahead import selects
from mall.graphql.money import Money
from mall.graphql.orders.loaders import OrderByIdLoader, OrderLineByIdLoader
from mall.graphql.permissions import is_self_or_staff
from mall.graphql.rebates.loaders import InstallmentsByRebateIdLoader, RebateSummaryByCustomerIdLoader
from mall.graphql.rebates.types import RebatePayoutForm, RebateRule, RebateRuleKind
from mall.graphql.relay import Connection, Node, connection, encode_id
from mall.graphql.scalars import DateTime, Decimal
from mall.rebates import reads, statuses, terms, totals
from mall.rebates.reads import Rebate, RebateInstallment
from mall.settings import get_settings

if TYPE_CHECKING:
    from mall.graphql.orders.types import OrderLineType, OrderType

RebateStatus = strawberry.enum(
    statuses.RebateStatus, name="RebateStatus",
    description="PENDING (order paid, amount frozen) → ACTIVE (the order completed and its after-sale window "
    "passed: installments fall due) → COMPLETED (all released); CANCELLED (refunded or cancelled while PENDING) or "
    "REVERSED (a refund took everything back after activation).",
)
RebateInstallmentStatus = strawberry.enum(
    statuses.InstallmentStatus, name="RebateInstallmentStatus",
    description="SCHEDULED (not released yet), RELEASED, or CANCELLED (a refund took it before its release).",
)
RebateCap = strawberry.enum(terms.Cap, name="RebateCap", description="A limit that cut a rebate's amount.")


def _points(form: str, minor: int, minor_per_point: int) -> int | None:
    return minor // minor_per_point if form == terms.PayoutForm.POINTS.value else None


@strawberry.type(description="A PROGRESSIVE slice of the basis and what it earned at its rate.")
class RebateSlice:
    from_: Money = strawberry.field(name="from")
    to: Money
    rate: Decimal  # type: ignore[valid-type]
    amount: Money


@strawberry.type(description="How a rebate's amount was reached, as computed at payment.")
class RebateComputation:
    basis: Money = strawberry.field(description="The basis of the lines the rule took: what was paid for them with "
                                    "the customer's own money.")
    formula_amount: Money = strawberry.field(description="What the rule's formula gave, before any cap.")
    bracket: int | None = strawberry.field(description="TIERED WHOLE: the index into the rule's tiers of the bracket "
                                           "reached; null below every tier or for other kinds.")
    slices: list[RebateSlice] = strawberry.field(description="TIERED PROGRESSIVE: each slice at its own rate.")
    repeats: int | None = strawberry.field(description="THRESHOLD: how many times the threshold was reached.")
    caps_applied: list[RebateCap] = strawberry.field(description="The caps that cut the amount, in order.")  # type: ignore[valid-type]

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> RebateComputation:
        currency = get_settings().currency
        return cls(
            basis=Money.of(record["basis"], currency), formula_amount=Money.of(record["formula"], currency),
            bracket=record["bracket"],
            slices=[RebateSlice(from_=Money.of(s["from"], currency), to=Money.of(s["to"], currency),
                                rate=PyDecimal(s["rate"]), amount=Money.of(s["amount"], currency))
                    for s in record["slices"]],
            repeats=record["repeats"], caps_applied=[terms.Cap(cap) for cap in record["caps"]],
        )


async def _may_see_order(info: Info, customer_id: int) -> bool:
    """As ``node(id:)`` decides for an Order: its customer, or staff with MANAGE_ORDERS (rebate staff see the
    rebate, not the order's address and payments)."""
    return await is_self_or_staff(info, customer_id, Permission.MANAGE_ORDERS)


@strawberry.type(description="A rebate's share on one order line.")
class RebateLineShare:
    basis: Money
    amount: Money
    _line_id: strawberry.Private[int]
    _customer_id: strawberry.Private[int]

    @strawberry.field(description="The line. Its customer, or staff with MANAGE_ORDERS; null otherwise.")
    async def order_line(self, info: Info) -> Annotated[OrderLineType, strawberry.lazy(
            "mall.graphql.orders.types")] | None:
        from mall.graphql.orders.types import OrderLineType

        if not await _may_see_order(info, self._customer_id):
            return None
        line = await info.context.loader(OrderLineByIdLoader).load(self._line_id)
        return OrderLineType.from_model(line, get_settings().currency) if line else None


@strawberry.type(name="RebateInstallment", description="One release of a rebate.")
class RebateInstallmentType(Node):
    seq: int = strawberry.field(description="1 .. installmentCount.")
    due_at: DateTime | None = strawberry.field(description="Set when the rebate becomes ACTIVE.")  # type: ignore[valid-type]
    amount: Money = strawberry.field(description="Its current share of the rebate.")
    points: int | None = strawberry.field(description="Whole points, when the payout form is POINTS.")
    released: Money = strawberry.field(description="What its release paid, after unrecovered clawbacks were "
                                       "deducted.")
    status: RebateInstallmentStatus  # type: ignore[valid-type]
    released_at: DateTime | None  # type: ignore[valid-type]

    @classmethod
    def from_model(cls, row: RebateInstallment, rebate: Rebate) -> RebateInstallmentType:
        currency = get_settings().currency
        return cls(
            id=strawberry.ID(encode_id("RebateInstallment", row.id)), seq=row.seq, due_at=row.due_at,
            amount=Money.of(row.amount_minor, currency),
            points=_points(rebate.payout_form, row.amount_minor, rebate.minor_per_point),
            released=Money.of(row.released_minor, currency), status=statuses.InstallmentStatus(row.status),
            released_at=row.released_at,
        )


@strawberry.type(name="Rebate", description="What one rule pays on one paid order (DESIGN §3.6). The rule is the "
                 "snapshot frozen when the rebate was made: later edits of the rule never change it.")
class RebateType(Node):
    status: RebateStatus  # type: ignore[valid-type]
    payout_form: RebatePayoutForm
    amount: Money = strawberry.field(description="The current amount; refunds only ever lower it.")
    original_amount: Money = strawberry.field(description="The amount frozen at payment.")
    points: int | None = strawberry.field(description="Whole points, when the payout form is POINTS; null otherwise.")
    released: Money = strawberry.field(description="Released to you so far.")
    clawed_back: Money = strawberry.field(description="What refunds took back of value already released.")
    unrecovered: Money = strawberry.field(description="What a clawback could not take back; deducted from later "
                                          "releases.")
    rule: RebateRule
    computation: RebateComputation
    lines: list[RebateLineShare] = strawberry.field(description="The amount split over the order's lines.")
    created_at: DateTime  # type: ignore[valid-type]
    eligible_at: DateTime | None = strawberry.field(  # type: ignore[valid-type]
        description="When it may become ACTIVE: set once the order completes.")
    activated_at: DateTime | None  # type: ignore[valid-type]
    _row: strawberry.Private[Rebate]

    @strawberry.field(description="The order it rebates. Its customer, or staff with MANAGE_ORDERS; null otherwise.")
    async def order(self, info: Info) -> Annotated[OrderType, strawberry.lazy("mall.graphql.orders.types")] | None:
        from mall.graphql.orders.types import OrderType

        if not await _may_see_order(info, self._row.customer_id):
            return None
        order = await info.context.loader(OrderByIdLoader).load(self._row.order_id)
        return OrderType.from_model(order) if order else None

    @strawberry.field(description="Its releases, by seq.")
    async def installments(self, info: Info) -> list[RebateInstallmentType]:
        rows = await info.context.loader(InstallmentsByRebateIdLoader).load(self._row.id)
        return [RebateInstallmentType.from_model(row, self._row) for row in rows]

    @classmethod
    def from_model(cls, row: Rebate) -> RebateType:
        currency = get_settings().currency
        snapshot = row.snapshot
        return cls(
            id=strawberry.ID(encode_id("Rebate", row.id)), status=statuses.RebateStatus(row.status),
            payout_form=RebatePayoutForm(row.payout_form), amount=Money.of(row.amount_minor, currency),
            original_amount=Money.of(row.original_amount_minor, currency),
            points=_points(row.payout_form, row.amount_minor, row.minor_per_point),
            released=Money.of(row.released_minor, currency), clawed_back=Money.of(row.clawed_back_minor, currency),
            unrecovered=Money.of(row.unrecovered_minor, currency),
            rule=RebateRule(id=strawberry.ID(encode_id("RebateRule", row.rule_id)), name=snapshot["name"],
                            kind=RebateRuleKind(snapshot["kind"]), description=snapshot.get("description", "")),
            computation=RebateComputation.from_record(row.computation),
            lines=[RebateLineShare(basis=Money.of(line["basis"], currency), amount=Money.of(line["amount"], currency),
                                   _line_id=line["lineId"], _customer_id=row.customer_id) for line in row.lines],
            created_at=row.created_at, eligible_at=row.eligible_at, activated_at=row.activated_at, _row=row,
        )


@strawberry.type(description="Your rebates added up. earned: the current amounts of every rebate not CANCELLED; "
                 "pending: PENDING rebates; outstanding: what ACTIVE rebates have not released yet; released: "
                 "released to you so far; clawedBack: what refunds took back of released value; unrecovered: what "
                 "they could not take back, still to be deducted from later releases.")
class RebateSummary:
    earned: Money = strawberry.field(description="The current amounts of every rebate not CANCELLED.")
    pending: Money = strawberry.field(description="The amounts of PENDING rebates (orders paid, not yet eligible).")
    outstanding: Money = strawberry.field(description="What ACTIVE rebates have not released yet.")
    released: Money = strawberry.field(description="Released to you so far.")
    clawed_back: Money = strawberry.field(description="What refunds took back of value already released.")
    unrecovered: Money = strawberry.field(description="What refunds could not take back; deducted from later "
                                          "releases.")

    @classmethod
    def of(cls, found: totals.Totals) -> RebateSummary:
        currency = get_settings().currency
        return cls(
            earned=Money.of(found.earned_minor, currency), pending=Money.of(found.pending_minor, currency),
            outstanding=Money.of(found.outstanding_minor, currency),
            released=Money.of(found.released_minor, currency),
            clawed_back=Money.of(found.clawed_back_minor, currency),
            unrecovered=Money.of(found.unrecovered_minor, currency),
        )


async def own_rebates(
    info: Info, customer_id: int, *, first: int | None, after: str | None, last: int | None, before: str | None,
    status: statuses.RebateStatus | None,
) -> Connection[RebateType]:
    """A customer's rebates, newest first (``User.rebates``)."""
    return await connection(reads.own(customer_id, status), first=first, after=after, last=last, before=before,
                            to_node=RebateType.from_model, edge_cursors=selects(info, "edges", "cursor"))


async def rebate_summary(info: Info, customer_id: int) -> RebateSummary:
    """A customer's rebates added up, batched with every other customer on the page (two statements)."""
    return RebateSummary.of(await info.context.loader(RebateSummaryByCustomerIdLoader).load(customer_id))


async def visible_rebate(info: Info, pk: int) -> RebateType | None:
    """``node(id:)`` for a rebate: its customer's own, or any for staff with MANAGE_REBATES."""
    if await info.context.viewer() is None:
        return None
    row = await reads.visible(await info.context.actor(), pk)
    return RebateType.from_model(row) if row else None


async def visible_installment(info: Info, pk: int) -> RebateInstallmentType | None:
    """``node(id:)`` for an installment: as for its rebate."""
    if await info.context.viewer() is None:
        return None
    found = await reads.visible_installment(await info.context.actor(), pk)
    return RebateInstallmentType.from_model(*found) if found else None
