"""Racing orders against one wallet on PostgreSQL: holds never take more than the wallet holds."""

from __future__ import annotations

import asyncio

import pytest

from mall.orders.models import Order
from mall.wallet.errors import InsufficientFunds
from tests import factories
from tests.api.wallet.funds_scene import funded_buyer, wallet_of
from tests.api.wallet.scene import assert_ledger_sound

pytestmark = pytest.mark.postgres_only

DEADLINE = 60


async def test_twenty_parallel_orders_with_wallet_funds_never_overdraw_one_wallet(api, configure):
    configure(order_unpaid_max=50)
    buyer = await funded_buyer(api, balance="100.00")
    tea = await factories.variant_of(await factories.product(prices=("25.00",), stock=100))
    address = await factories.address(buyer)

    outcomes = await asyncio.wait_for(asyncio.gather(*(
        factories.order(buyer, (tea.id, 2), address_id=address.id, use_wallet_funds=True) for _ in range(20)
    ), return_exceptions=True), DEADLINE)

    refused = [o for o in outcomes if isinstance(o, BaseException)]
    assert all(isinstance(o, InsufficientFunds) for o in refused), refused
    orders = await Order.filter(user_id=buyer.user.id)
    assert len(orders) == 20 - len(refused)
    used = sum(order.balance_used_minor for order in orders)
    wallet = await wallet_of(buyer)
    assert used == wallet.held <= 10000
    assert wallet.balance + wallet.held == 10000
    await assert_ledger_sound()


async def test_one_voucher_raced_by_ten_orders_is_reserved_by_one(api, configure):
    from mall.core.errors import ErrorCode
    from mall.graphql.relay import decode_id
    from mall.wallet.models import Voucher
    from tests.api.wallet.test_vouchers import issue

    configure(order_unpaid_max=50)
    buyer = await funded_buyer(api)
    voucher_id = decode_id((await issue(api, buyer))["voucher"]["id"], "Voucher", field="id")
    tea = await factories.variant_of(await factories.product(prices=("25.00",), stock=100))
    address = await factories.address(buyer)

    outcomes = await asyncio.wait_for(asyncio.gather(*(
        factories.order(buyer, (tea.id, 1), address_id=address.id, voucher_ids=(voucher_id,)) for _ in range(10)
    ), return_exceptions=True), DEADLINE)

    won = [o for o in outcomes if isinstance(o, Order)]
    assert len(won) == 1
    # Refused at the conditional UPDATE, or seen RESERVED already when the order was planned: the same code.
    assert all(getattr(o, "code", None) is ErrorCode.VOUCHER_UNAVAILABLE for o in outcomes if o not in won), outcomes
    assert [(o.id, o.voucher_discount_minor) for o in await Order.filter(user_id=buyer.user.id)] == [(won[0].id, 2000)]
    voucher = await Voucher.get(id=voucher_id)
    assert (voucher.status, voucher.order_id) == ("RESERVED", won[0].id)
