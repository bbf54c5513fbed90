"""A rebate's whole life through the API on the sandbox clock (issue 9's "Must show"), on both databases.

pay → PENDING → delivered → receipt confirmed → the after-sale window closes
→ ACTIVE → monthly installments released (the wallet statement shows them)
→ a partial refund (a warranty claim staff open after the window) → the
unreleased installment cut and released credit clawed back. The clock moves
by ``sandboxClockSet``; the jobs run as ``mall jobs run`` runs them; the
ledger check answers ok at every step.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from mall.core.actors import Permission
from mall.core.clock import clock
from mall.graphql.relay import decode_id, encode_id
from mall.orders.models import OrderLine
from tests import factories
from tests.api.rebates.releases import run_jobs, signed_in
from tests.api.rebates.scene import active_rule, manager
from tests.operations import contract

CART_LINES_ADD = contract("CartLinesAdd")
ORDER_CREATE = contract("OrderCreate")
ORDER_PAY = contract("OrderPay")
SANDBOX_PAYMENT_SIMULATE = contract("SandboxPaymentSimulate")
ORDER_SHIP = contract("OrderShip")
SANDBOX_TRACKING_PUSH = contract("SandboxTrackingPush")
ORDER_RECEIPT_CONFIRM = contract("OrderReceiptConfirm")
SANDBOX_CLOCK_SET = contract("SandboxClockSet")
MY_REBATES = contract("MyRebates")
WALLET_VIEW = contract("WalletView")
LEDGER_CHECK = contract("LedgerCheck")
AFTER_SALE_CREATE = contract("AfterSaleCreate")
AFTER_SALE_APPROVE = contract("AfterSaleApprove")
AFTER_SALE_REFUND = contract("AfterSaleRefund")

DAY = dt.timedelta(days=1)


class Mall:
    """The API as each party uses it, signing in again whenever the clock has moved past their tokens."""

    def __init__(self, api: Any, buyer: factories.Account, clerk: factories.Account) -> None:
        self.api, self.buyer, self.clerk = api, buyer, clerk

    async def as_buyer(self, operation: str, variables: dict[str, Any]) -> dict[str, Any]:
        return await self._call(self.buyer, operation, variables)

    async def as_clerk(self, operation: str, variables: dict[str, Any]) -> dict[str, Any]:
        return await self._call(self.clerk, operation, variables)

    async def _call(self, account: factories.Account, operation: str, variables: dict[str, Any]) -> dict[str, Any]:
        answer = await self.api(operation, variables, token=await signed_in(self.api, account))
        assert "errors" not in answer.body, answer.errors
        data = answer.data
        payload = next(iter(data.values()))
        if isinstance(payload, dict) and "userErrors" in payload:
            assert payload["userErrors"] == [], payload
        return data

    async def move_clock(self, by: dt.timedelta) -> None:
        target = (clock.now() + by).isoformat()
        await self.as_clerk(SANDBOX_CLOCK_SET, {"input": {"now": target}})

    async def ledger_ok(self) -> bool:
        check = (await self.as_clerk(LEDGER_CHECK, {}))["ledgerCheck"]
        assert check["problems"] == [], check
        return bool(check["ok"])

    async def rebate(self) -> dict[str, Any]:
        me = (await self.as_buyer(MY_REBATES, {"first": 10}))["me"]
        (edge,) = me["rebates"]["edges"]
        return {"summary": me["rebateSummary"], **edge["node"]}

    async def credit_and_entries(self) -> tuple[str, list[tuple[str, str]]]:
        seen = (await self.as_buyer(WALLET_VIEW, {"first": 50}))["me"]["wallet"]
        entries = [(edge["node"]["kind"], edge["node"]["amount"]) for edge in seen["entries"]["edges"]
                   if edge["node"]["asset"] == "REBATE_CREDIT"]
        return seen["rebateCredit"]["amount"], entries


def installments(rebate: dict[str, Any]) -> list[tuple[int, str, str]]:
    return [(i["seq"], i["amount"]["amount"], i["status"]) for i in rebate["installments"]]


async def test_a_rebate_from_payment_through_monthly_releases_to_a_partial_refund_with_clawback(api):
    # A 30% rule paid as rebate credit in three monthly installments
    staff = await manager()
    await active_rule(api, staff, name="Thirty", kind="FIXED_RATIO", ratio="0.30", payoutForm="REBATE_CREDIT",
                      installmentCount=3, period="MONTH")
    buyer = await factories.customer()
    address = await factories.address(buyer)
    clerk = await factories.staff(Permission.MANAGE_ORDERS, Permission.MANAGE_FINANCE, Permission.MANAGE_STAFF)
    mall = Mall(api, buyer, clerk)
    tea = await factories.variant_of(await factories.product(prices=("60.00",), stock=5))
    cup = await factories.variant_of(await factories.product(prices=("40.00",), stock=5))

    # Cart, order (100.00 of goods, free shipping), paid through the sandbox provider
    await mall.as_buyer(CART_LINES_ADD, {"input": {"lines": [
        {"variantId": encode_id("ProductVariant", tea.id), "quantity": 1},
        {"variantId": encode_id("ProductVariant", cup.id), "quantity": 1}]}})
    order = (await mall.as_buyer(ORDER_CREATE, {"input": {
        "addressId": encode_id("Address", address.id), "useWalletFunds": False,
        "invoice": {"kind": "PERSONAL", "title": "张三"}, "note": ""}}))["orderCreate"]["order"]
    payment = (await mall.as_buyer(ORDER_PAY, {"input": {"orderId": order["id"], "provider": "SANDBOX",
                                                         "channel": "NATIVE"}}))["orderPay"]["payment"]
    await mall.as_buyer(SANDBOX_PAYMENT_SIMULATE, {"input": {"paymentId": payment["id"], "outcome": "SUCCESS"}})

    pending = await mall.rebate()
    assert (pending["status"], pending["amount"]["amount"], pending["released"]["amount"]) == (
        "PENDING", "30.00", "0.00")
    assert installments(pending) == [(1, "10.00", "SCHEDULED"), (2, "10.00", "SCHEDULED"), (3, "10.00", "SCHEDULED")]
    assert all(i["dueAt"] is None for i in pending["installments"])
    assert pending["summary"]["pending"]["amount"] == "30.00"
    assert await mall.ledger_ok()

    # Shipped, delivered, receipt confirmed: still PENDING while the after-sale window is open
    await mall.as_clerk(ORDER_SHIP, {"input": {"orderId": order["id"], "carrier": "SF", "trackingNumber": "SF77001"}})
    await mall.as_clerk(SANDBOX_TRACKING_PUSH, {"input": {"carrier": "SF", "trackingNumber": "SF77001",
                                                          "status": "DELIVERED", "description": "已签收"}})
    await mall.as_buyer(ORDER_RECEIPT_CONFIRM, {"input": {"orderId": order["id"]}})
    await mall.move_clock(6 * DAY)
    await run_jobs()
    assert (await mall.rebate())["status"] == "PENDING"

    # The window closes: ACTIVE, and the first installment is due at once
    await mall.move_clock(DAY + dt.timedelta(minutes=5))
    await run_jobs()
    active = await mall.rebate()
    assert (active["status"], active["released"]["amount"]) == ("ACTIVE", "10.00")
    assert installments(active) == [(1, "10.00", "RELEASED"), (2, "10.00", "SCHEDULED"), (3, "10.00", "SCHEDULED")]
    assert (active["summary"]["released"]["amount"], active["summary"]["outstanding"]["amount"]) == ("10.00", "20.00")
    assert await mall.credit_and_entries() == ("10.00", [("REBATE_RELEASE", "10.00")])
    assert await mall.ledger_ok()

    # A month on, the second
    await mall.move_clock(32 * DAY)
    await run_jobs()
    second = await mall.rebate()
    assert installments(second)[1] == (2, "10.00", "RELEASED")
    assert await mall.credit_and_entries() == ("20.00", [("REBATE_RELEASE", "10.00"), ("REBATE_RELEASE", "10.00")])
    assert await mall.ledger_ok()

    # A warranty claim for the cup, opened by staff after the window and refunded: the basis is now 60.00, the
    # rebate 18.00; the 12.00 taken back is the third installment's 10.00, then 2.00 of released credit
    cup_line = await OrderLine.get(order_id=decode_id(order["id"], "Order", field="id"), variant_id=cup.id)
    after_sale = (await mall.as_clerk(AFTER_SALE_CREATE, {"input": {
        "orderId": order["id"], "kind": "REFUND_ONLY", "reason": "杯子有裂纹", "images": [],
        "lines": [{"orderLineId": encode_id("OrderLine", cup_line.id), "quantity": 1}]}}))["afterSaleCreate"]
    await mall.as_clerk(AFTER_SALE_APPROVE, {"input": {"afterSaleId": after_sale["afterSale"]["id"]}})
    await mall.as_clerk(AFTER_SALE_REFUND, {"input": {"afterSaleId": after_sale["afterSale"]["id"]}})

    cut = await mall.rebate()
    assert (cut["status"], cut["amount"]["amount"], cut["released"]["amount"]) == ("COMPLETED", "18.00", "20.00")
    assert installments(cut) == [(1, "10.00", "RELEASED"), (2, "10.00", "RELEASED"), (3, "0.00", "CANCELLED")]
    assert cut["summary"]["clawedBack"]["amount"] == "2.00"
    assert cut["unrecovered"]["amount"] == "0.00"
    credit, entries = await mall.credit_and_entries()
    assert credit == "18.00"
    assert sorted(amount for _, amount in entries) == ["-2.00", "10.00", "10.00"]
    assert await mall.ledger_ok()
