"""Points lots through the API (DESIGN §3.0, §3.4, §3.5): earned by walletAdjust, spent at checkout earliest-expiring
first, given back to their lots on cancel, expiry and refund (keeping each lot's expiry), expired by the job."""

from __future__ import annotations

import datetime as dt

from mall.core.actors import Permission
from mall.core.clock import clock
from mall.orders import lifecycle
from mall.orders.models import Order
from mall.wallet.models import PointsLot
from mall.wallet.statements import WalletBalances
from tests import factories
from tests.api.payments.scene import gid
from tests.api.refunds.test_after_sales import AFTER_SALE_APPROVE, AFTER_SALE_REFUND, as_staff, ask
from tests.api.wallet.funds_scene import ORDER_CANCEL, funded_buyer, pay, wallet_of
from tests.api.wallet.points_scene import DAY, cart, create, give_points, lots, preview, signed_in_again
from tests.api.wallet.scene import WALLET_VIEW, adjust, assert_ledger_sound, finance
from tests.services.test_jobs import mall_jobs
from tests.timetravel import travel

VALID = dt.timedelta(days=365)  # MALL_POINTS_VALID_DAYS by default


async def wallet_view(api, buyer) -> dict:
    return (await api(WALLET_VIEW, {"first": 20}, token=buyer.access_token)).data["me"]["wallet"]


async def test_walletadjust_gives_points_as_a_lot_valid_for_the_setting(api):
    buyer = await factories.customer()

    given = await adjust(api, await finance(), buyer, "250", asset="POINTS")

    assert given["userErrors"] == []
    lot = await PointsLot.get(customer_id=buyer.user.id)
    assert (lot.granted, lot.remaining, lot.cause, lot.expires_at - lot.created_at) == (250, 250, "ADJUSTMENT", VALID)
    assert (await wallet_view(api, buyer))["pointsExpiring"] == [{"points": 250, "expiresAt": lot.expires_at.astimezone(
        clock.zone).isoformat()}]
    await assert_ledger_sound()


async def test_a_negative_walletadjust_spends_the_earliest_expiring_lot_first(api):
    buyer = await factories.customer()
    await give_points(api, buyer, 100, 50)  # the second lot a day later: it expires a day later

    taken = await adjust(api, await finance(), buyer, "-120", asset="POINTS")

    assert taken["userErrors"] == []
    assert await lots(buyer) == [(100, 0), (50, 30)]
    later = await PointsLot.get(customer_id=buyer.user.id, granted=50)
    view = await wallet_view(api, buyer)
    assert view["points"] == 30
    assert [(due["points"], dt.datetime.fromisoformat(due["expiresAt"])) for due in view["pointsExpiring"]] == [
        (30, later.expires_at)]
    # More than the lots hold is refused whole.
    over = await adjust(api, await finance(), buyer, "-31", asset="POINTS")
    assert [error["code"] for error in over["userErrors"]] == ["INSUFFICIENT_FUNDS"]
    assert await lots(buyer) == [(100, 0), (50, 30)]
    await assert_ledger_sound()


async def test_the_preview_shows_the_most_points_the_order_may_use_and_their_discount(api):
    rich, poor = await factories.customer(), await factories.customer()
    await give_points(api, rich, 3000)
    await give_points(api, poor, 800)
    rich_input, poor_input = await cart(api, rich), await cart(api, poor)  # 2 × 25.00 goods, 10.00 shipping

    used = await preview(api, rich, rich_input, 1000)
    capped = await preview(api, poor, poor_input, 0)

    # Half of the 50.00 of goods: 2,500 points (100 a yuan); the poor buyer holds 800.
    assert (used["maxPoints"], used["pointsDiscount"]["amount"], used["total"]["amount"]) == (2500, "10.00", "50.00")
    assert used["userErrors"] == []
    assert (capped["maxPoints"], capped["pointsDiscount"]["amount"]) == (800, "0.00")


async def test_too_many_points_are_refused_never_cut_and_nothing_changes(api):
    buyer = await factories.customer()
    await give_points(api, buyer, 3000)
    order_input = await cart(api, buyer)

    over_cap = await preview(api, buyer, order_input, 2501)
    refused = await create(api, buyer, order_input, 2501)

    # The preview shows the order without points, what it may use, and why.
    assert over_cap["userErrors"] == [{"field": ["input", "pointsToUse"], "code": "LIMIT_EXCEEDED",
                                       "message": "This order may use at most 2500 points."}]
    assert (over_cap["maxPoints"], over_cap["pointsDiscount"]["amount"], over_cap["total"]["amount"]) == (
        2500, "0.00", "60.00")
    assert refused["order"] is None
    assert refused["userErrors"] == over_cap["userErrors"]
    assert await Order.filter(user_id=buyer.user.id).count() == 0
    assert await lots(buyer) == [(3000, 3000)]


async def test_more_points_than_held_are_refused(api):
    buyer = await factories.customer()
    await give_points(api, buyer, 800)
    order_input = await cart(api, buyer)

    refused = await create(api, buyer, order_input, 801)

    assert refused["userErrors"] == [{"field": ["input", "pointsToUse"], "code": "INSUFFICIENT_FUNDS",
                                      "message": "You hold 800 points."}]
    assert await lots(buyer) == [(800, 800)]


async def test_an_order_takes_its_points_earliest_expiring_first_and_a_cancel_gives_them_back(api):
    buyer = await factories.customer()
    await give_points(api, buyer, 300, 2000)
    order_input = await cart(api, buyer)

    created = await create(api, buyer, order_input, 1000)

    assert created["userErrors"] == []
    assert (created["order"]["pointsDiscount"]["amount"], created["order"]["total"]["amount"]) == ("10.00", "50.00")
    assert await lots(buyer) == [(300, 0), (2000, 1300)]
    view = await wallet_view(api, buyer)
    assert (view["points"], view["entries"]["edges"][0]["node"]["kind"]) == (1300, "ORDER_PAYMENT")

    cancelled = await api(ORDER_CANCEL, {"input": {"orderId": created["order"]["id"]}}, token=buyer.access_token)

    assert cancelled.data["orderCancel"]["userErrors"] == []
    assert await lots(buyer) == [(300, 300), (2000, 2000)]
    assert (await wallet_of(buyer)).points == 2300
    await assert_ledger_sound()


async def test_an_unpaid_order_expiring_gives_its_points_back_once(api):
    buyer = await factories.customer()
    await give_points(api, buyer, 1000)
    created = await create(api, buyer, await cart(api, buyer), 700)
    assert created["userErrors"] == []

    assert await lifecycle.expire_due_orders(clock.now() + DAY) == 1
    assert await lifecycle.expire_due_orders(clock.now() + DAY) == 0

    assert await lots(buyer) == [(1000, 1000)]
    assert (await wallet_of(buyer)).points == 1000
    await assert_ledger_sound()


async def _paid_with_two_fen_points(api, configure):
    """50 points a yuan (2 fen each); lots of 500 then 1000 points; 3 × 33.34 paid with 1001 points and balance."""
    configure(points_per_yuan=50)
    buyer = await funded_buyer(api, balance="100.00")
    await give_points(api, buyer, 500, 1000)
    created = await create(api, buyer, await cart(api, buyer, price="33.34", quantity=3), 1001, useWalletFunds=True)
    assert created["userErrors"] == []
    assert created["order"]["pointsDiscount"]["amount"] == "20.02"
    assert (await pay(api, buyer, created["order"]["id"]))["userErrors"] == []
    assert await lots(buyer) == [(500, 0), (1000, 499)]
    return buyer, await Order.get(number=created["order"]["number"])


async def test_a_partial_refund_gives_whole_points_back_to_the_latest_expiring_lot_first(api, configure):
    buyer, order = await _paid_with_two_fen_points(api, configure)
    expiries = [lot.expires_at for lot in await PointsLot.filter(customer_id=buyer.user.id).order_by("expires_at")]

    first = await ask(api, buyer, order, kind="REFUND_ONLY", quantity=1)
    await as_staff(api, AFTER_SALE_APPROVE, first["afterSale"]["id"])
    refunded = await as_staff(api, AFTER_SALE_REFUND, first["afterSale"]["id"], Permission.MANAGE_FINANCE)

    # 1001 points over 3 units: 334, 334, 333 — whole points; the first unit's 334 go to the later lot.
    assert refunded["afterSale"]["status"] == "REFUNDED"
    assert await lots(buyer) == [(500, 0), (1000, 833)]

    rest = await ask(api, buyer, order, kind="REFUND_ONLY", quantity=2)
    await as_staff(api, AFTER_SALE_APPROVE, rest["afterSale"]["id"])
    await as_staff(api, AFTER_SALE_REFUND, rest["afterSale"]["id"], Permission.MANAGE_FINANCE)

    # The other 667: the later lot takes back what the order took from it (501 in all), the earlier one the rest.
    assert await lots(buyer) == [(500, 500), (1000, 1000)]
    assert [lot.expires_at for lot in await PointsLot.filter(customer_id=buyer.user.id).order_by("expires_at")] == expiries
    assert (await wallet_of(buyer)).points == 1500
    await assert_ledger_sound()


async def test_a_staff_cancel_of_a_paid_order_gives_back_all_its_points(api, configure):
    buyer, order = await _paid_with_two_fen_points(api, configure)
    clerk = await factories.staff(Permission.MANAGE_ORDERS)

    answer = await api(ORDER_CANCEL, {"input": {"orderId": gid("Order", order.id)}}, token=clerk.access_token)

    assert answer.data["orderCancel"]["userErrors"] == []
    assert await lots(buyer) == [(500, 500), (1000, 1000)]
    assert await wallet_of(buyer) == WalletBalances(balance=10000, points=1500)
    await assert_ledger_sound()


async def test_lots_expire_at_the_sandbox_time_by_the_job_and_points_back_to_an_expired_lot_expire_again(api):
    buyer = await factories.customer()
    await give_points(api, buyer, 400, 600, days_apart=10)
    created = await create(api, buyer, await cart(api, buyer), 500)  # 400 from the first lot, 100 from the second
    assert await lots(buyer) == [(400, 0), (600, 500)]

    await travel(VALID - 5 * DAY)  # past the first lot's expiry, not the second's
    buyer = await signed_in_again(buyer)
    cancelled = await api(ORDER_CANCEL, {"input": {"orderId": created["order"]["id"]}}, token=buyer.access_token)
    assert cancelled.data["orderCancel"]["userErrors"] == []
    assert await lots(buyer) == [(400, 400), (600, 600)]  # back to its lot, which keeps its (past) expiry
    view = await wallet_view(api, buyer)
    assert [due["points"] for due in view["pointsExpiring"]] == [600]  # the expired lot is no longer spendable

    ran = mall_jobs("--job", "points.expire-lots")

    assert (ran.returncode, ran.stdout) == (0, "points.expire-lots: handled 1\n")
    assert await lots(buyer) == [(400, 0), (600, 600)]
    view = await wallet_view(api, buyer)
    assert view["points"] == 600
    assert [(e["node"]["kind"], e["node"]["amount"]) for e in view["entries"]["edges"][:1]] == [("POINTS_EXPIRY", "-400")]
    assert mall_jobs("--job", "points.expire-lots").stdout == "points.expire-lots: handled 0\n"
    await assert_ledger_sound()


async def test_spending_never_takes_expired_points_the_job_has_not_reached_yet(api):
    buyer = await factories.customer()
    await give_points(api, buyer, 400, 600, days_apart=10)
    await travel(VALID - 5 * DAY)
    buyer = await signed_in_again(buyer)
    order_input = await cart(api, buyer)

    refused = await create(api, buyer, order_input, 601)
    created = await create(api, buyer, order_input, 600)

    assert [error["code"] for error in refused["userErrors"]] == ["INSUFFICIENT_FUNDS"]
    assert created["userErrors"] == []
    assert await lots(buyer) == [(400, 0), (600, 0)]  # the first lot expired on the way, not spent
    view = await wallet_view(api, buyer)
    assert sorted(e["node"]["kind"] for e in view["entries"]["edges"][:2]) == ["ORDER_PAYMENT", "POINTS_EXPIRY"]
    await assert_ledger_sound()


async def test_a_staff_cancel_after_a_partial_refund_gives_back_only_the_points_not_yet_back(api, configure):
    buyer, order = await _paid_with_two_fen_points(api, configure)
    first = await ask(api, buyer, order, kind="REFUND_ONLY", quantity=1)
    await as_staff(api, AFTER_SALE_APPROVE, first["afterSale"]["id"])
    await as_staff(api, AFTER_SALE_REFUND, first["afterSale"]["id"], Permission.MANAGE_FINANCE)
    assert await lots(buyer) == [(500, 0), (1000, 833)]
    clerk = await factories.staff(Permission.MANAGE_ORDERS)

    answer = await api(ORDER_CANCEL, {"input": {"orderId": gid("Order", order.id)}}, token=clerk.access_token)

    assert answer.data["orderCancel"]["userErrors"] == []
    assert await lots(buyer) == [(500, 500), (1000, 1000)]  # 667 more: 1001 in all, never more
    assert (await wallet_of(buyer)).points == 1500
    await assert_ledger_sound()
