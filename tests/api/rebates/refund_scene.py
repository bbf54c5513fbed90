"""What the rebate refund tests share: a paid order with a rebate, its after-sales refunded by staff, a release
by the release job, and reads of the result."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from mall.core.actors import Actor, Permission
from mall.core.clock import clock
from mall.flows import rebate_releases
from mall.infra.outbox import OutboxEvent
from mall.infra.transactions import transaction
from mall.orders.models import Order, OrderLine
from mall.rebates.models import Rebate, RebateInstallment, RebateRule
from mall.wallet import ledger, points
from mall.wallet.chart import AccountRef, Asset, SystemCode
from mall.wallet.journal import Cause, transfer
from mall.wallet.models import LedgerAccount
from mall.wallet.verification import verify
from tests import factories
from tests.api.payments.scene import gid
from tests.api.rebates.scene import active_rule, manager, ordered, pay
from tests.operations import contract

AFTER_SALE_CREATE = contract("AfterSaleCreate")
AFTER_SALE_APPROVE = contract("AfterSaleApprove")
AFTER_SALE_REFUND = contract("AfterSaleRefund")
ORDER_CANCEL = contract("OrderCancel")


async def goods(price: str, stock: int = 20):  # type: ignore[no-untyped-def]
    return await factories.variant_of(await factories.product(prices=(price,), stock=stock))


async def paid_with_rule(api, lines: list[tuple[str, int]], **terms: Any):  # type: ignore[no-untyped-def]
    """A rule made ACTIVE with ``terms``, and a buyer's order of ``lines`` (price, quantity) paid through the
    sandbox: (rule id, buyer, order, its lines in order)."""
    rule_id = await active_rule(api, await manager(), **terms)
    buyer = await factories.customer()
    variants = [(await goods(price)).id for price, _ in lines]
    order = await ordered(buyer, *((variant, quantity) for variant, (_, quantity) in zip(variants, lines, strict=True)))
    await pay(api, buyer, order)
    order_lines = await OrderLine.filter(order_id=order.id).order_by("position")
    return rule_id, buyer, await Order.get(id=order.id), order_lines


async def approved_after_sale(api, buyer, order, line, quantity: int) -> str:  # type: ignore[no-untyped-def]
    """A REFUND_ONLY after-sale of ``quantity`` units of ``line``, approved by staff: its id."""
    asked = await api(AFTER_SALE_CREATE, {"input": {
        "orderId": gid("Order", order.id), "kind": "REFUND_ONLY", "reason": "不想要了", "images": [],
        "lines": [{"orderLineId": gid("OrderLine", line.id), "quantity": quantity}]}}, token=buyer.access_token)
    payload = asked.data["afterSaleCreate"]
    assert payload["userErrors"] == []
    after_sale_id = payload["afterSale"]["id"]
    clerk = await factories.staff(Permission.MANAGE_ORDERS, Permission.MANAGE_FINANCE)
    approved = await api(AFTER_SALE_APPROVE, {"input": {"afterSaleId": after_sale_id}}, token=clerk.access_token)
    assert approved.data["afterSaleApprove"]["userErrors"] == []
    return after_sale_id


async def refund_after_sale(api, after_sale_id: str, amount: str | None = None) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    clerk = await factories.staff(Permission.MANAGE_FINANCE)
    extra = {} if amount is None else {"refundAmount": amount}
    refunded = await api(AFTER_SALE_REFUND, {"input": {"afterSaleId": after_sale_id, **extra}},
                         token=clerk.access_token)
    return refunded.data["afterSaleRefund"]


async def refund_units(api, buyer, order, line, quantity: int, amount: str | None = None) -> None:  # type: ignore[no-untyped-def]
    """A REFUND_ONLY after-sale of ``quantity`` units of ``line``, approved and refunded by staff."""
    after_sale_id = await approved_after_sale(api, buyer, order, line, quantity)
    assert (await refund_after_sale(api, after_sale_id, amount))["userErrors"] == []


async def cancel(api, order) -> None:  # type: ignore[no-untyped-def]
    clerk = await factories.staff(Permission.MANAGE_ORDERS)
    answer = await api(ORDER_CANCEL, {"input": {"orderId": gid("Order", order.id)}}, token=clerk.access_token)
    assert answer.data["orderCancel"]["userErrors"] == []


async def release(rebate_id: int, seq: int) -> None:
    """Installment ``seq`` released by the release job (``flows.rebate_releases``): the rebate made ACTIVE, that
    installment due now and the later ones not yet, then one run of the job."""
    now = clock.now()
    await Rebate.filter(id=rebate_id, status="PENDING").update(status="ACTIVE", activated_at=now)
    await RebateInstallment.filter(rebate_id=rebate_id, status="SCHEDULED").update(due_at=now + dt.timedelta(days=30))
    await RebateInstallment.filter(rebate_id=rebate_id, seq=seq).update(due_at=now - dt.timedelta(seconds=1))
    assert await rebate_releases.release_due(now) == 1


async def spend_credit(customer_id: int, amount: int) -> None:
    """Rebate credit spent elsewhere (as an order would take it)."""
    async with transaction():
        await ledger.post(key=f"test-spend:{secrets.token_hex(6)}", cause=Cause.ORDER_PAYMENT, actor=Actor.system(),
                          legs=transfer(AccountRef.customer(customer_id, Asset.REBATE_CREDIT),
                                        AccountRef.system(SystemCode.ORDER_PAYMENTS), amount))


async def balance(customer_id: int, asset: Asset) -> int:
    row = await LedgerAccount.get_or_none(account_key=AccountRef.customer(customer_id, asset).key)
    return row.balance_minor if row is not None else 0


async def rebate_of(order) -> Rebate:  # type: ignore[no-untyped-def]
    return await Rebate.get(order_id=order.id)


async def installments(rebate: Rebate) -> list[tuple[int, int, str]]:
    return await RebateInstallment.filter(rebate_id=rebate.id).order_by("seq").values_list(
        "seq", "amount_minor", "status")


async def budget(rule_id: int) -> tuple[int | None, str]:
    rule = await RebateRule.get(id=rule_id)
    return rule.budget_remaining_minor, rule.status


async def changes(rebate: Rebate) -> list[tuple[str, str | None, str, str]]:
    """The rebate's outbox events after it was made: (type, from, to, amountDelta)."""
    rows = await OutboxEvent.filter(topic="rebate.changed", aggregate_id=rebate.id).order_by("id")
    return [(row.payload["type"], row.payload["fromStatus"], row.payload["toStatus"], row.payload["amountDelta"])
            for row in rows][1:]


async def ledger_clean() -> bool:
    report = await verify()
    assert report.problems == ()
    return True


async def spend_points(customer_id: int, amount: int) -> None:
    """Points spent elsewhere (as an order would take them)."""
    await points.spend(Actor.system(), customer_id=customer_id, points=amount, key=f"test-spend:{secrets.token_hex(6)}",
                       cause=Cause.ORDER_PAYMENT, cause_id=None, destination=SystemCode.POINTS_REDEEMED)
