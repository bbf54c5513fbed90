"""After-sales that come and go on one line: the units left always carry exactly the money left (no fen lost)."""

from __future__ import annotations

from mall.orders.models import Order, OrderLine
from tests.api.payments.scene import simulate
from tests.api.refunds.test_after_sales import (
    AFTER_SALE_CANCEL,
    AFTER_SALE_CREATE,
    as_customer,
    create_input,
    delivered,
)
from tests.api.wallet.funds_scene import funded_buyer, pay
from tests.api.wallet.test_vouchers import cart_of, create, issue


async def test_units_freed_by_a_cancelled_after_sale_carry_what_is_left_of_the_line(api):
    # given 3 × 30.00 with an 8.99 voucher: 81.01 paid for the line, 27.01 + 27.00 + 27.00 by unit
    buyer = await funded_buyer(api)
    await cart_of(api, buyer, ("30.00", 3, {}))
    voucher = (await issue(api, buyer, value="8.99"))["voucher"]["id"]
    created = await create(api, buyer, voucher)
    paying = await pay(api, buyer, created["order"]["id"], provider="SANDBOX", channel="NATIVE", paymentPassword=None)
    assert (await simulate(api, buyer.access_token, paying["payment"]["id"]))["userErrors"] == []
    order = await delivered(await Order.get(number=created["order"]["number"]))
    line = await OrderLine.get(order_id=order.id)
    assert line.external_minor == 8101

    async def ask(quantity: int) -> dict:
        answer = await api(AFTER_SALE_CREATE, create_input(order, line, kind="RETURN_REFUND", quantity=quantity),
                           token=buyer.access_token)
        payload = answer.data["afterSaleCreate"]
        assert payload["userErrors"] == []
        return payload["afterSale"]

    # when A takes one unit, B the next, A is cancelled, and C asks for the two units left
    first = await ask(1)
    second = await ask(1)
    assert (await as_customer(api, buyer, AFTER_SALE_CANCEL, first["id"]))["userErrors"] == []
    third = await ask(2)

    # then B and C together come to all 81.01 (not 81.00: C takes what B left, not two units' places)
    amounts = [after_sale["refundAmount"]["amount"] for after_sale in (first, second, third)]
    assert amounts == ["27.01", "27.00", "54.01"]
