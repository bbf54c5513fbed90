"""Wrong payment passwords lock payment-password operations only, for a while (DESIGN §3.1, §4)."""

from __future__ import annotations

import asyncio

from mall.wallet.models import Withdrawal
from mall.wallet.statements import WalletBalances, balances
from tests.api.wallet.scene import adjust, finance
from tests.api.wallet.withdrawal_scene import PAY_PASSWORD, saver, withdraw
from tests.operations import contract

LOGIN = contract("Login")
PAYMENT_PASSWORD_SET = contract("PaymentPasswordSet")


def _codes(payload: dict) -> list[str]:
    return [e["code"] for e in payload["userErrors"]]


async def _guess_wrong(api, buyer, times: int) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [_codes(await withdraw(api, buyer, "20.00", password=f"{n:06d}")) for n in range(times)]


async def test_five_wrong_payment_passwords_lock_it_even_for_the_right_one(api):
    buyer = await saver(api, "100.00")

    wrong = await _guess_wrong(api, buyer, 5)
    locked = await withdraw(api, buyer, "20.00", password=PAY_PASSWORD)

    assert wrong == [["PAYMENT_PASSWORD_INVALID"]] * 5
    assert _codes(locked) == ["RATE_LIMITED"]
    assert await Withdrawal.all().count() == 0
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=10000)}


async def test_a_right_password_forgives_nothing_but_itself(api):
    buyer = await saver(api, "100.00")

    await _guess_wrong(api, buyer, 4)
    right = await withdraw(api, buyer, "20.00")
    fifth = await _guess_wrong(api, buyer, 1)
    after = await withdraw(api, buyer, "20.00")

    assert _codes(right) == []
    assert fifth == [["PAYMENT_PASSWORD_INVALID"]]
    assert _codes(after) == ["RATE_LIMITED"]


async def test_the_lock_ends_with_its_window(api, configure):
    configure(payment_password_window_seconds=1)
    buyer = await saver(api, "100.00")
    await _guess_wrong(api, buyer, 5)
    assert _codes(await withdraw(api, buyer, "20.00")) == ["RATE_LIMITED"]

    await asyncio.sleep(1.2)

    assert _codes(await withdraw(api, buyer, "20.00")) == []


async def test_the_lock_leaves_sign_in_and_the_rest_of_the_wallet_alone(api):
    buyer = await saver(api, "100.00")
    await _guess_wrong(api, buyer, 6)

    login = await api(LOGIN, {"input": {"login": buyer.user.email, "password": buyer.password}})
    credited = await adjust(api, await finance(), buyer, "5.00")

    assert login.data["tokenCreate"]["userErrors"] == [] and login.data["tokenCreate"]["accessToken"]
    assert credited["userErrors"] == []
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=10500)}


async def test_the_owner_lifts_the_lock_by_setting_a_new_payment_password_with_the_login_password(api):
    buyer = await saver(api, "100.00")
    await _guess_wrong(api, buyer, 5)

    reset = await api(PAYMENT_PASSWORD_SET, {"input": {"password": buyer.password, "paymentPassword": "246801"}},
                      token=buyer.access_token)
    payload = await withdraw(api, buyer, "20.00", password="246801")

    assert reset.data["paymentPasswordSet"]["userErrors"] == []
    assert _codes(payload) == []
