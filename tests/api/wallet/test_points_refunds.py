"""Points in after-sale refunds: staff refunding less money give back that share of the points; an order paid
with points alone is refunded whole once every unit is."""

from __future__ import annotations

from decimal import Decimal

from mall.core.actors import Permission
from mall.orders.models import AfterSale, Order
from tests import factories
from tests.api.refunds.test_after_sales import AFTER_SALE_APPROVE, AFTER_SALE_REFUND, as_staff, ask
from tests.api.wallet.funds_scene import pay
from tests.api.wallet.points_scene import cart, create, give_points, lots
from tests.api.wallet.scene import assert_ledger_sound
from tests.api.wallet.test_points import _paid_with_two_fen_points


async def test_staff_refunding_less_money_give_back_that_share_of_the_points(api, configure):
    # given 3 units paid with 1001 points (334 on the first unit) and money: 33.34 a unit before points
    buyer, order = await _paid_with_two_fen_points(api, configure)
    asked = await ask(api, buyer, order, kind="REFUND_ONLY", quantity=1)
    computed = asked["afterSale"]["refundAmount"]["amount"]
    assert computed == "26.67"  # the unit's share of the money (each channel is split over units on its own)
    await as_staff(api, AFTER_SALE_APPROVE, asked["afterSale"]["id"])

    # when staff refund half the money, then (another unit) nothing
    half = await as_staff(api, AFTER_SALE_REFUND, asked["afterSale"]["id"], Permission.MANAGE_FINANCE,
                          refundAmount="13.34")
    again = await ask(api, buyer, order, kind="REFUND_ONLY", quantity=1)
    await as_staff(api, AFTER_SALE_APPROVE, again["afterSale"]["id"])
    nothing = await as_staff(api, AFTER_SALE_REFUND, again["afterSale"]["id"], Permission.MANAGE_FINANCE,
                             refundAmount="0.00")

    # then that share of the unit's 334 points came back (⌊334 × 1334 / 2667⌋ = 167), then none: never more
    # than staff decided
    assert (half["afterSale"]["status"], nothing["afterSale"]["status"]) == ("REFUNDED", "REFUNDED")
    assert await lots(buyer) == [(500, 0), (1000, 499 + 167)]
    await assert_ledger_sound()


async def test_an_order_paid_with_points_alone_is_refunded_whole_and_closed_once_every_unit_is(api, configure):
    configure(points_max_share=Decimal("1"), free_shipping_threshold=Decimal("0.01"))
    buyer = await factories.customer()
    await give_points(api, buyer, 10000)
    created = await create(api, buyer, await cart(api, buyer, price="25.00", quantity=2), 5000)
    assert created["userErrors"] == []
    assert (await pay(api, buyer, created["order"]["id"]))["userErrors"] == []
    order = await Order.get(number=created["order"]["number"])
    assert (order.status.value, order.total_minor) == ("PAID", 0)

    first = await ask(api, buyer, order, kind="REFUND_ONLY", quantity=1)
    await as_staff(api, AFTER_SALE_APPROVE, first["afterSale"]["id"])
    await as_staff(api, AFTER_SALE_REFUND, first["afterSale"]["id"], Permission.MANAGE_FINANCE)
    after_one = await Order.get(id=order.id)
    second = await ask(api, buyer, order, kind="REFUND_ONLY", quantity=1)
    await as_staff(api, AFTER_SALE_APPROVE, second["afterSale"]["id"])
    await as_staff(api, AFTER_SALE_REFUND, second["afterSale"]["id"], Permission.MANAGE_FINANCE)
    after_both = await Order.get(id=order.id)

    assert (after_one.status.value, after_one.refund_status.value) == ("PAID", "PARTIAL")
    assert (after_both.status.value, after_both.refund_status.value) == ("CANCELLED", "FULL")  # stock released
    assert await lots(buyer) == [(10000, 10000)]
    await assert_ledger_sound()


async def test_a_staff_cancel_of_the_paid_order_closes_its_waiting_after_sales(api, configure):
    from tests.api.payments.scene import gid
    from tests.api.wallet.funds_scene import ORDER_CANCEL, wallet_of

    buyer, order = await _paid_with_two_fen_points(api, configure)
    waiting = await ask(api, buyer, order, kind="REFUND_ONLY", quantity=1)
    await as_staff(api, AFTER_SALE_APPROVE, waiting["afterSale"]["id"])
    clerk = await factories.staff(Permission.MANAGE_ORDERS)

    cancelled = await api(ORDER_CANCEL, {"input": {"orderId": gid("Order", order.id)}}, token=clerk.access_token)
    refund_after = await as_staff(api, AFTER_SALE_REFUND, waiting["afterSale"]["id"], Permission.MANAGE_FINANCE)

    assert cancelled.data["orderCancel"]["userErrors"] == []
    # the order's cancel refunded everything: the after-sale closed with it, nothing left for it to refund
    assert [e["code"] for e in refund_after["userErrors"]] == ["INVALID_STATE"]
    assert (await AfterSale.get(id=order_after_sale_id(waiting))).status.value == "CANCELLED"
    assert await lots(buyer) == [(500, 500), (1000, 1000)]
    assert (await wallet_of(buyer)).balance == 10000
    await assert_ledger_sound()


def order_after_sale_id(payload: dict) -> int:
    from mall.graphql.relay import decode_id
    return decode_id(payload["afterSale"]["id"], "AfterSale", field="afterSaleId")
