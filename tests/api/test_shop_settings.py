"""shopSettings: the public rules a frontend shows, exactly as configured (DESIGN §3.0)."""

from __future__ import annotations

from decimal import Decimal

from tests import factories
from tests.operations import contract

SHOP_SETTINGS = contract("ShopSettings")

DEFAULTS = {
    "currency": "CNY",
    "timeZone": "Asia/Shanghai",
    "pointsPerYuan": 100,
    "pointsMaxShare": "0.5",
    "afterSaleWindowDays": 7,
    "withdrawalMin": {"amount": "10.00", "currency": "CNY"},
    "withdrawalFeeRate": "0.006",
    "withdrawalMinFee": {"amount": "1.00", "currency": "CNY"},
}


async def test_shop_settings_show_the_defaults_without_a_sign_in(api):
    result = await api(SHOP_SETTINGS)

    assert result.status == 200
    assert result.body == {"data": {"shopSettings": DEFAULTS}}


async def test_shop_settings_are_the_same_for_customers_and_staff(api):
    customer = await factories.customer()
    owner = await factories.staff(superuser=True)

    for account in (customer, owner):
        result = await api(SHOP_SETTINGS, token=account.access_token)

        assert result.data == {"shopSettings": DEFAULTS}


async def test_shop_settings_follow_the_configuration(api, configure):
    configure(
        points_per_yuan=10, points_max_share=Decimal("0.25"), after_sale_window_days=15,
        withdrawal_min=Decimal("50"), withdrawal_fee_rate=Decimal("0.01"), withdrawal_min_fee=Decimal("2.5"),
    )

    result = await api(SHOP_SETTINGS)

    assert result.data == {"shopSettings": {
        **DEFAULTS,
        "pointsPerYuan": 10,
        "pointsMaxShare": "0.25",
        "afterSaleWindowDays": 15,
        "withdrawalMin": {"amount": "50.00", "currency": "CNY"},
        "withdrawalFeeRate": "0.01",
        "withdrawalMinFee": {"amount": "2.50", "currency": "CNY"},
    }}


async def test_shop_settings_say_whether_the_sandbox_is_on(api, configure):
    on = await api("{ shopSettings { sandbox } }")
    configure(sandbox=False)
    off = await api("{ shopSettings { sandbox } }")

    assert on.data == {"shopSettings": {"sandbox": True}}
    assert off.data == {"shopSettings": {"sandbox": False}}
