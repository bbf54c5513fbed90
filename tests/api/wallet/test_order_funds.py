"""Wallet funds at checkout: held at orderCreate, captured by orderPay with the payment password, released on
cancel and expiry, refunded to the account that paid (DESIGN §3.4, §3.5)."""

from __future__ import annotations

import datetime as dt

from mall.core.actors import Permission
from mall.core.clock import clock
from mall.orders import lifecycle
from mall.orders.models import AfterSale, Order, Refund
from mall.orders.states import OrderStatus
from mall.wallet.statements import WalletBalances
from tests import factories
from tests.api.payments.scene import gid, simulate
from tests.api.refunds.test_after_sales import AFTER_SALE_APPROVE, AFTER_SALE_REFUND, as_staff, ask
from tests.api.refunds.test_cancel_with_refund import post, refund_callback
from tests.api.wallet.funds_scene import ORDER_CANCEL, checkout, funded_buyer, pay, wallet_of
from tests.api.wallet.scene import assert_ledger_sound


def amounts(order: dict) -> tuple[str, str, str, str]:
    return (order["rebateCreditUsed"]["amount"], order["balanceUsed"]["amount"], order["walletDue"]["amount"],
            order["externalDue"]["amount"])


async def test_an_order_paid_whole_by_the_wallet_is_paid_at_once_rebate_credit_first(api):
    buyer = await funded_buyer(api, balance="100.00", rebate_credit="20.00")

    created = await checkout(api, buyer)  # 2 × 25.00 + 10.00 shipping

    assert created["userErrors"] == []
    assert amounts(created["order"]) == ("20.00", "40.00", "60.00", "0.00")
    assert await wallet_of(buyer) == WalletBalances(balance=6000, held=6000, rebate_credit=0)

    paid = await pay(api, buyer, created["order"]["id"])

    assert paid == {"payment": None, "order": {"id": created["order"]["id"], "status": "PAID"}, "userErrors": []}
    assert await wallet_of(buyer) == WalletBalances(balance=6000, held=0, rebate_credit=0)
    await assert_ledger_sound()


async def test_a_mixed_order_captures_the_wallet_and_asks_the_provider_for_the_rest(api):
    buyer = await funded_buyer(api, balance="35.50")
    created = await checkout(api, buyer)
    assert amounts(created["order"]) == ("0.00", "35.50", "35.50", "24.50")

    paying = await pay(api, buyer, created["order"]["id"], provider="SANDBOX", channel="NATIVE")

    assert paying["userErrors"] == []
    assert (paying["payment"]["amount"]["amount"], paying["order"]["status"]) == ("24.50", "PENDING_PAYMENT")
    assert await wallet_of(buyer) == WalletBalances()  # captured: nothing held, nothing left
    # A second orderPay (another channel) captures nothing twice and needs no password now.
    again = await pay(api, buyer, created["order"]["id"], provider="SANDBOX", channel="H5", paymentPassword=None)
    assert again["userErrors"] == []
    assert (await simulate(api, buyer.access_token, again["payment"]["id"]))["userErrors"] == []
    assert (await Order.get(id=await _order_id(created))).status is OrderStatus.PAID
    await assert_ledger_sound()


async def _order_id(created: dict) -> int:
    return (await Order.get(number=created["order"]["number"])).id


async def test_without_wallet_funds_nothing_is_held(api):
    buyer = await funded_buyer(api, balance="100.00")

    created = await checkout(api, buyer, use_wallet=False)

    assert amounts(created["order"]) == ("0.00", "0.00", "0.00", "60.00")
    assert await wallet_of(buyer) == WalletBalances(balance=10000)


async def test_a_wrong_or_missing_payment_password_captures_nothing(api):
    buyer = await funded_buyer(api, balance="100.00")
    created = await checkout(api, buyer)
    order_id = created["order"]["id"]

    wrong = await pay(api, buyer, order_id, paymentPassword="135792")
    missing = await pay(api, buyer, order_id, paymentPassword=None)

    assert [e["code"] for e in wrong["userErrors"]] == ["PAYMENT_PASSWORD_INVALID"]
    assert [(e["code"], e["field"]) for e in missing["userErrors"]] == [("REQUIRED", ["input", "paymentPassword"])]
    assert (await Order.get(id=await _order_id(created))).status is OrderStatus.PENDING_PAYMENT
    assert await wallet_of(buyer) == WalletBalances(balance=4000, held=6000)


async def test_the_customer_cancelling_gives_every_held_fen_back_to_its_account(api):
    buyer = await funded_buyer(api, balance="50.00", rebate_credit="15.00")
    created = await checkout(api, buyer)

    cancelled = await api(ORDER_CANCEL, {"input": {"orderId": created["order"]["id"]}}, token=buyer.access_token)

    assert cancelled.data["orderCancel"]["userErrors"] == []
    assert await wallet_of(buyer) == WalletBalances(balance=5000, rebate_credit=1500)
    await assert_ledger_sound()


async def test_expiry_gives_back_held_funds_and_funds_captured_for_a_payment_that_never_came(api):
    held = await funded_buyer(api, balance="100.00")
    held_order = await checkout(api, held)
    assert held_order["userErrors"] == []
    captured = await funded_buyer(api, balance="20.00", rebate_credit="5.00")
    captured_order = await checkout(api, captured)
    assert (await pay(api, captured, captured_order["order"]["id"], provider="SANDBOX", channel="NATIVE"))[
        "userErrors"] == []
    assert await wallet_of(captured) == WalletBalances()

    expired = await lifecycle.expire_due_orders(clock.now() + dt.timedelta(days=1))

    assert expired == 2
    assert await wallet_of(held) == WalletBalances(balance=10000)
    assert await wallet_of(captured) == WalletBalances(balance=2000, rebate_credit=500)
    assert await lifecycle.expire_due_orders(clock.now() + dt.timedelta(days=1)) == 0
    await assert_ledger_sound()


async def test_a_wallet_emptied_meanwhile_refuses_the_order_whole(api):
    buyer = await funded_buyer(api, balance="60.00")
    first = await checkout(api, buyer)
    assert first["userErrors"] == []

    second = await checkout(api, buyer, use_wallet=True)

    # The second order finds nothing left to use: it is paid externally in full, nothing overdrawn.
    assert amounts(second["order"]) == ("0.00", "0.00", "0.00", "60.00")
    assert await wallet_of(buyer) == WalletBalances(held=6000)


async def test_staff_cancel_of_a_wallet_paid_order_refunds_each_part_to_its_account(api):
    buyer = await funded_buyer(api, balance="100.00", rebate_credit="20.00")
    created = await checkout(api, buyer)
    assert (await pay(api, buyer, created["order"]["id"]))["userErrors"] == []
    clerk = await factories.staff(Permission.MANAGE_ORDERS)

    answer = await api(ORDER_CANCEL, {"input": {"orderId": created["order"]["id"]}}, token=clerk.access_token)

    assert answer.data["orderCancel"]["userErrors"] == []
    order = await Order.get(id=await _order_id(created))
    assert (order.status, order.refund_status.value) == (OrderStatus.CANCELLED, "FULL")
    assert sorted(await Refund.filter(order_id=order.id).values_list("channel", "amount_minor", "status")) == [
        ("BALANCE", 4000, "REFUNDED"), ("REBATE_CREDIT", 2000, "REFUNDED")]
    assert await wallet_of(buyer) == WalletBalances(balance=10000, rebate_credit=2000)
    # Asking again refunds nothing more.
    again = await api(ORDER_CANCEL, {"input": {"orderId": gid("Order", order.id)}}, token=clerk.access_token)
    assert [e["code"] for e in again.data["orderCancel"]["userErrors"]] == ["INVALID_STATE"]
    assert await wallet_of(buyer) == WalletBalances(balance=10000, rebate_credit=2000)
    await assert_ledger_sound()


async def _mixed_paid_order(api):
    """3 × 30.00 + 10.00 shipping: 10.00 rebate credit, 35.50 balance, 54.50 external (paid); buyer and order."""
    buyer = await funded_buyer(api, balance="35.50", rebate_credit="10.00")
    created = await checkout(api, buyer, price="30.00", quantity=3)
    assert amounts(created["order"]) == ("10.00", "35.50", "45.50", "54.50")
    paying = await pay(api, buyer, created["order"]["id"], provider="SANDBOX", channel="NATIVE")
    assert (await simulate(api, buyer.access_token, paying["payment"]["id"]))["userErrors"] == []
    return buyer, await Order.get(id=await _order_id(created))


async def test_a_partial_after_sale_refund_returns_each_part_of_its_units_exactly(api):
    buyer, order = await _mixed_paid_order(api)

    created = await ask(api, buyer, order, kind="REFUND_ONLY", quantity=1)
    after_sale_id = created["afterSale"]["id"]
    await as_staff(api, AFTER_SALE_APPROVE, after_sale_id)
    refunding = await as_staff(api, AFTER_SALE_REFUND, after_sale_id, Permission.MANAGE_FINANCE)

    # One unit of three: each part split over the units by largest remainder (the first unit takes the odd fen).
    assert created["afterSale"]["refundAmount"]["amount"] == "30.02"  # 3.34 + 11.84 + 14.84
    assert refunding["userErrors"] == []
    rows = await Refund.filter(order_id=order.id).order_by("id")
    assert [(r.channel, r.amount_minor, r.status) for r in rows] == [
        ("REBATE_CREDIT", 334, "REFUNDED"), ("BALANCE", 1184, "REFUNDED"), ("EXTERNAL", 1484, "PENDING")]
    assert await wallet_of(buyer) == WalletBalances(balance=1184, rebate_credit=334)
    await post(api, *await refund_callback(rows[-1]))
    assert (await AfterSale.get(id=int(rows[-1].after_sale_id))).status.value == "REFUNDED"
    assert (await Order.get(id=order.id)).refund_status.value == "PARTIAL"
    await assert_ledger_sound()


async def test_staff_refunding_less_than_computed_split_it_over_the_parts_exactly(api):
    buyer, order = await _mixed_paid_order(api)
    created = await ask(api, buyer, order, kind="REFUND_ONLY", quantity=1)
    after_sale_id = created["afterSale"]["id"]
    await as_staff(api, AFTER_SALE_APPROVE, after_sale_id)

    refunding = await as_staff(api, AFTER_SALE_REFUND, after_sale_id, Permission.MANAGE_FINANCE, refundAmount="20.00")

    assert refunding["userErrors"] == []
    rows = await Refund.filter(order_id=order.id).order_by("id").values_list("channel", "amount_minor")
    assert rows == [("REBATE_CREDIT", 222), ("BALANCE", 789), ("EXTERNAL", 989)]
    assert sum(amount for _, amount in rows) == 2000
    await assert_ledger_sound()


async def test_a_whole_wallet_paid_after_sale_is_refunded_at_once(api):
    buyer = await funded_buyer(api, balance="100.00")
    created = await checkout(api, buyer)
    assert (await pay(api, buyer, created["order"]["id"]))["userErrors"] == []
    order = await Order.get(id=await _order_id(created))

    asked = await ask(api, buyer, order, kind="REFUND_ONLY", quantity=1)
    await as_staff(api, AFTER_SALE_APPROVE, asked["afterSale"]["id"])
    refunded = await as_staff(api, AFTER_SALE_REFUND, asked["afterSale"]["id"], Permission.MANAGE_FINANCE)

    assert refunded["afterSale"]["status"] == "REFUNDED"
    assert asked["afterSale"]["refundAmount"]["amount"] == "25.00"
    assert await wallet_of(buyer) == WalletBalances(balance=4000 + 2500)
    await assert_ledger_sound()
