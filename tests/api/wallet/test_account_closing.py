"""accountDelete refuses while the mall still owes the account money or has its business under way."""

from __future__ import annotations

from mall.accounts.models import User
from tests.api.wallet.funds_scene import ORDER_CANCEL, checkout, funded_buyer, pay, wallet_of
from tests.api.wallet.scene import adjust, finance
from tests.api.wallet.withdrawal_scene import saver, withdraw
from tests.operations import contract

ACCOUNT_DELETE = contract("AccountDelete")


async def delete(api, buyer):  # type: ignore[no-untyped-def]
    return (await api(ACCOUNT_DELETE, {"input": {"password": buyer.password}}, token=buyer.access_token)).data[
        "accountDelete"]


async def still_there(buyer) -> bool:  # type: ignore[no-untyped-def]
    user = await User.get(id=buyer.user.id)
    return user.deleted_at is None and user.is_active


async def test_an_account_whose_wallet_holds_money_is_not_erased(api):
    for asset in ("BALANCE", "REBATE_CREDIT"):
        buyer = await funded_buyer(api, **{asset.lower(): "0.01"})

        answer = await delete(api, buyer)

        assert answer["ok"] is False
        assert [error["code"] for error in answer["userErrors"]] == ["INVALID_STATE"]
        assert "wallet still holds money" in answer["userErrors"][0]["message"]
        assert await still_there(buyer)


async def test_an_open_withdrawal_or_an_unpaid_order_keeps_the_account(api):
    saving = await saver(api, "100.00")
    assert (await withdraw(api, saving, "100.00"))["userErrors"] == []  # all of it held, balance 0
    buyer = await funded_buyer(api, balance="100.00")
    created = await checkout(api, buyer)  # 60.00 held for an unpaid order
    assert created["userErrors"] == []

    refused = [await delete(api, saving), await delete(api, buyer)]

    assert [[error["code"] for error in answer["userErrors"]] for answer in refused] == [["INVALID_STATE"]] * 2
    assert "withdrawal" in refused[0]["userErrors"][0]["message"]
    assert "order" in refused[1]["userErrors"][0]["message"]
    assert await still_there(saving) and await still_there(buyer)
    assert (await wallet_of(buyer)).held == 6000


async def test_a_paid_order_in_progress_keeps_the_account_even_with_an_empty_wallet(api):
    buyer = await funded_buyer(api, balance="60.00")
    created = await checkout(api, buyer)
    assert (await pay(api, buyer, created["order"]["id"]))["userErrors"] == []
    assert (await wallet_of(buyer)).balance == 0

    answer = await delete(api, buyer)

    assert [error["code"] for error in answer["userErrors"]] == ["INVALID_STATE"]
    assert await still_there(buyer)


async def test_once_nothing_is_owed_or_under_way_the_account_closes_points_and_all(api):
    buyer = await funded_buyer(api, balance="60.00")
    created = await checkout(api, buyer)
    cancelled = await api(ORDER_CANCEL, {"input": {"orderId": created["order"]["id"]}}, token=buyer.access_token)
    assert cancelled.data["orderCancel"]["userErrors"] == []
    teller = await finance()
    assert (await adjust(api, teller, buyer, "-60.00"))["userErrors"] == []  # the balance paid out by staff
    assert (await adjust(api, teller, buyer, "500", asset="POINTS"))["userErrors"] == []  # points are not money

    answer = await delete(api, buyer)

    assert answer == {"ok": True, "userErrors": []}
    assert not await still_there(buyer)
