"""After-sale mutations: the customer asks, ships back or withdraws; staff decide, receive, ship and refund."""

from __future__ import annotations

import strawberry

from mall.core.actors import Actor, Permission
from mall.core.errors import InvalidInput
from mall.core.money import MoneyFormatError, decimal_to_minor
from mall.flows import refunds
from mall.graphql.after_sales.inputs import (
    AfterSaleCancelInput,
    AfterSaleCreateInput,
    AfterSaleDecisionInput,
    AfterSaleExchangeShipInput,
    AfterSaleRefundInput,
    AfterSaleShipBackInput,
)
from mall.graphql.context import Info
from mall.graphql.errors import UserError
from mall.graphql.orders.types import AfterSaleType
from mall.graphql.relay import decode_id
from mall.graphql.runner import mutate
from mall.orders import after_sale_requests
from mall.orders.after_sale_requests import RequestedLine
from mall.orders.models import AfterSale


@strawberry.type
class AfterSalePayload:
    after_sale: AfterSaleType | None = None
    user_errors: list[UserError]


def _payload(after_sale: AfterSale) -> dict[str, object]:
    return {"after_sale": AfterSaleType.from_model(after_sale)}


def _after_sale_id(given: strawberry.ID) -> int:
    return decode_id(given, "AfterSale", field="afterSaleId")


def _lines(input: AfterSaleCreateInput) -> list[RequestedLine]:
    return [
        RequestedLine(
            order_line_id=decode_id(line.order_line_id, "OrderLine", field="orderLineId"), quantity=line.quantity,
            exchange_variant_id=None if line.exchange_variant_id is None
            else decode_id(line.exchange_variant_id, "Variant", field="exchangeVariantId"),
        )
        for line in input.lines
    ]


def _amount(given: object) -> int | None:
    if given is None:
        return None
    try:
        return decimal_to_minor(given)  # type: ignore[arg-type]
    except MoneyFormatError as exc:
        raise InvalidInput.one("refundAmount", f"Not an amount: {exc}.") from exc


@strawberry.type
class AfterSaleMutations:
    @strawberry.mutation(description=(
        "Ask for a refund, a return or an exchange of lines of your paid order, within the after-sale window. Staff "
        "with MANAGE_ORDERS may open one on a customer's order, also after the window (a quality or warranty claim)."))
    async def after_sale_create(self, info: Info, input: AfterSaleCreateInput) -> AfterSalePayload:
        async def action(actor: Actor) -> dict[str, object]:
            after_sale = await after_sale_requests.create(
                actor, order_id=decode_id(input.order_id, "Order", field="orderId"), kind=input.kind,
                lines=_lines(input), reason=input.reason, images=input.images,
            )
            return _payload(after_sale)

        return await mutate(info, AfterSalePayload, action, signed_in=True)

    @strawberry.mutation(description="You sent the goods of an approved return or exchange back.")
    async def after_sale_ship_back(self, info: Info, input: AfterSaleShipBackInput) -> AfterSalePayload:
        async def action(actor: Actor) -> dict[str, object]:
            return _payload(await after_sale_requests.ship_back(
                actor, after_sale_id=_after_sale_id(input.after_sale_id), carrier=input.carrier,
                tracking_number=input.tracking_number,
            ))

        return await mutate(info, AfterSalePayload, action, signed_in=True)

    @strawberry.mutation(description="Withdraw your request while it is still REQUESTED.")
    async def after_sale_cancel(self, info: Info, input: AfterSaleCancelInput) -> AfterSalePayload:
        async def action(actor: Actor) -> dict[str, object]:
            return _payload(await after_sale_requests.cancel(actor, after_sale_id=_after_sale_id(input.after_sale_id)))

        return await mutate(info, AfterSalePayload, action, signed_in=True)

    @strawberry.mutation(description="Approve a request; an exchange holds its replacements' stock. MANAGE_ORDERS.")
    async def after_sale_approve(self, info: Info, input: AfterSaleDecisionInput) -> AfterSalePayload:
        async def action(actor: Actor) -> dict[str, object]:
            return _payload(await after_sale_requests.approve(
                actor, after_sale_id=_after_sale_id(input.after_sale_id), note=input.note))

        return await mutate(info, AfterSalePayload, action, permission=Permission.MANAGE_ORDERS)

    @strawberry.mutation(description="Reject a request. MANAGE_ORDERS.")
    async def after_sale_reject(self, info: Info, input: AfterSaleDecisionInput) -> AfterSalePayload:
        async def action(actor: Actor) -> dict[str, object]:
            return _payload(await after_sale_requests.reject(
                actor, after_sale_id=_after_sale_id(input.after_sale_id), note=input.note))

        return await mutate(info, AfterSalePayload, action, permission=Permission.MANAGE_ORDERS)

    @strawberry.mutation(description="The goods came back. MANAGE_ORDERS.")
    async def after_sale_receive(self, info: Info, input: AfterSaleDecisionInput) -> AfterSalePayload:
        async def action(actor: Actor) -> dict[str, object]:
            return _payload(await after_sale_requests.receive(
                actor, after_sale_id=_after_sale_id(input.after_sale_id), note=input.note))

        return await mutate(info, AfterSalePayload, action, permission=Permission.MANAGE_ORDERS)

    @strawberry.mutation(description="Ship the replacement of an exchange. MANAGE_ORDERS.")
    async def after_sale_exchange_ship(self, info: Info, input: AfterSaleExchangeShipInput) -> AfterSalePayload:
        async def action(actor: Actor) -> dict[str, object]:
            return _payload(await after_sale_requests.exchange_ship(
                actor, after_sale_id=_after_sale_id(input.after_sale_id), carrier=input.carrier,
                tracking_number=input.tracking_number,
            ))

        return await mutate(info, AfterSalePayload, action, permission=Permission.MANAGE_ORDERS)

    @strawberry.mutation(
        description="Refund through the channels that paid (DESIGN §3.4); REFUNDING until the provider confirms. "
        "MANAGE_FINANCE.")
    async def after_sale_refund(self, info: Info, input: AfterSaleRefundInput) -> AfterSalePayload:
        async def action(actor: Actor) -> dict[str, object]:
            return _payload(await refunds.refund_after_sale(
                actor, after_sale_id=_after_sale_id(input.after_sale_id), amount_minor=_amount(input.refund_amount),
                note=input.note,
            ))

        return await mutate(info, AfterSalePayload, action, permission=Permission.MANAGE_FINANCE)
