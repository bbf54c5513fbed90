"""Refunds recompute rebates (DESIGN §3.6): on the remaining basis with the rule frozen into each, never upwards;
cuts come off the last unreleased installments first; released value is clawed back from the payout account as
far as the customer holds it, the rest recorded as unrecovered; freed budget goes back to the rule."""

from __future__ import annotations

import datetime as dt

from mall.core.actors import Actor
from mall.core.clock import clock
from mall.flows import rebate_refunds
from mall.orders.models import Refund
from mall.payments.providers.base import RefundStatus as ProviderRefundStatus
from mall.wallet import points
from mall.wallet.chart import Asset, SystemCode
from mall.wallet.journal import Cause
from mall.wallet.models import PointsLot, Voucher
from tests.api.rebates.refund_scene import (
    approved_after_sale,
    balance,
    budget,
    cancel,
    changes,
    goods,
    installments,
    ledger_clean,
    paid_with_rule,
    rebate_of,
    refund_after_sale,
    refund_units,
    release,
    spend_credit,
    spend_points,
)
from tests.api.rebates.scene import ordered, pay
from tests.api.refunds.test_cancel_with_refund import post, refund_callback

TEN = {"name": "Ten", "kind": "FIXED_RATIO", "ratio": "0.10", "payoutForm": "REBATE_CREDIT", "installmentCount": 3,
       "period": "MONTH", "budget": "100"}


async def test_partial_refunds_of_a_pending_rebate_cut_the_last_installments_first(api):
    # 40.00 + 2 × 25.50: basis 91.00, 10% = 9.10 in 3.03 + 3.03 + 3.04
    rule_id, buyer, order, (tea, cups) = await paid_with_rule(api, [("40.00", 1), ("25.50", 2)], **TEN)

    await refund_units(api, buyer, order, cups, 1)  # basis 65.50: 6.55, 2.55 less
    after_one = await rebate_of(order)
    first = (after_one.amount_minor, await installments(after_one), await budget(rule_id))
    await refund_units(api, buyer, order, tea, 1)  # basis 25.50: 2.55, 4.00 less
    rebate = await rebate_of(order)

    assert first == (655, [(1, 303, "SCHEDULED"), (2, 303, "SCHEDULED"), (3, 49, "SCHEDULED")], (10000 - 655, "ACTIVE"))
    assert (rebate.status, rebate.amount_minor, rebate.original_amount_minor) == ("PENDING", 255, 910)
    assert await installments(rebate) == [(1, 255, "SCHEDULED"), (2, 0, "CANCELLED"), (3, 0, "CANCELLED")]
    assert rebate.lines == [{"lineId": tea.id, "basis": 0, "amount": 0}, {"lineId": cups.id, "basis": 2550, "amount": 255}]
    assert (rebate.computation["basis"], rebate.budget_reserved_minor, rebate.clawed_back_minor) == (2550, 255, 0)
    assert await budget(rule_id) == (10000 - 255, "ACTIVE")
    assert await changes(rebate) == [("ADJUSTED", "PENDING", "PENDING", "-2.55"), ("ADJUSTED", "PENDING", "PENDING", "-4.00")]


async def test_a_refund_of_less_than_computed_cuts_only_the_basis_refunded(api):
    _, buyer, order, (cups,) = await paid_with_rule(api, [("25.50", 2)], **TEN)

    await refund_units(api, buyer, order, cups, 1, amount="10.00")  # 10.00 of the customer's money back

    assert (await rebate_of(order)).amount_minor == 410  # 10% of 51.00 − 10.00


async def test_returning_goods_that_reached_a_threshold_removes_its_reward(api):
    rule_id, buyer, order, (tea,) = await paid_with_rule(
        api, [("40.00", 3)], name="满100返15", kind="THRESHOLD", threshold="100", reward="15",
        payoutForm="REBATE_CREDIT", budget="50")
    assert (await rebate_of(order)).amount_minor == 1500

    await refund_units(api, buyer, order, tea, 1)  # 80.00 left: under the threshold
    rebate = await rebate_of(order)

    assert (rebate.status, rebate.amount_minor, rebate.budget_reserved_minor) == ("CANCELLED", 0, 0)
    assert await installments(rebate) == [(1, 0, "CANCELLED")]
    assert await budget(rule_id) == (5000, "ACTIVE")
    assert await changes(rebate) == [("ADJUSTED", "PENDING", "CANCELLED", "-15.00"),
                                     ("STATUS_CHANGED", "PENDING", "CANCELLED", "0.00")]


async def test_a_repeating_threshold_keeps_the_repeats_the_rest_still_reaches(api):
    _, buyer, order, (tea,) = await paid_with_rule(
        api, [("40.00", 3)], name="每满30返5", kind="THRESHOLD", threshold="30", reward="5", repeat=True,
        payoutForm="REBATE_CREDIT")
    assert (await rebate_of(order)).amount_minor == 2000  # 120.00: 4 × 5.00

    await refund_units(api, buyer, order, tea, 1)

    assert (await rebate_of(order)).amount_minor == 1000  # 80.00: 2 × 5.00


async def test_a_paid_order_cancelled_before_release_cancels_its_rebate_and_frees_the_budget(api):
    rule_id, _, order, _ = await paid_with_rule(api, [("40.00", 1), ("25.50", 2)], **TEN)

    await cancel(api, order)
    rebate = await rebate_of(order)

    assert (rebate.status, rebate.amount_minor, rebate.budget_reserved_minor, rebate.clawed_back_minor,
            rebate.unrecovered_minor) == ("CANCELLED", 0, 0, 0, 0)
    assert await installments(rebate) == [(1, 0, "CANCELLED"), (2, 0, "CANCELLED"), (3, 0, "CANCELLED")]
    assert await budget(rule_id) == (10000, "ACTIVE")
    assert await changes(rebate) == [("ADJUSTED", "PENDING", "CANCELLED", "-9.10"),
                                     ("STATUS_CHANGED", "PENDING", "CANCELLED", "0.00")]
    assert await ledger_clean()


async def test_a_refund_frees_budget_and_an_exhausted_rule_is_active_again(api, monkeypatch):
    rule_id, buyer, order, (tea,) = await paid_with_rule(
        api, [("20.00", 2)], name="Small", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT", budget="4")
    assert await budget(rule_id) == (0, "EXHAUSTED")
    expired = []
    monkeypatch.setattr(rebate_refunds, "catalog_changed", lambda: expired.append(True))

    await refund_units(api, buyer, order, tea, 1)

    assert await budget(rule_id) == (200, "ACTIVE")
    assert expired == [True]  # the cached catalog shows the rule's hints again


async def test_released_credit_is_clawed_back_and_everything_taken_back_is_reversed(api):
    # 9.10 in 4.55 + 4.55; the first released
    rule_id, buyer, order, (tea, cups) = await paid_with_rule(
        api, [("40.00", 1), ("25.50", 2)], **{**TEN, "installmentCount": 2})
    rebate = await rebate_of(order)
    await release(rebate.id, 1)
    customer = buyer.user.id

    await refund_units(api, buyer, order, cups, 1)  # 2.55 less: off the unreleased second
    partly = await rebate_of(order)
    after_partial = (partly.status, partly.amount_minor, await installments(partly), await balance(customer, Asset.REBATE_CREDIT))
    await refund_units(api, buyer, order, tea, 1)  # 4.00 less: the second's 2.00, then 2.00 of the first back
    mostly = await rebate_of(order)
    after_tea = (mostly.status, mostly.amount_minor, mostly.clawed_back_minor, await installments(mostly))
    await refund_units(api, buyer, order, cups, 1)  # nothing left: the 2.55 still released back
    rebate = await rebate_of(order)

    assert after_partial == ("ACTIVE", 655, [(1, 455, "RELEASED"), (2, 200, "SCHEDULED")], 455)
    assert (rebate.status, rebate.amount_minor, rebate.released_minor, rebate.clawed_back_minor,
            rebate.unrecovered_minor, rebate.budget_reserved_minor) == ("REVERSED", 0, 455, 455, 0, 0)
    assert await installments(rebate) == [(1, 455, "RELEASED"), (2, 0, "CANCELLED")]
    assert await balance(customer, Asset.REBATE_CREDIT) == 0
    assert await budget(rule_id) == (10000, "ACTIVE")
    # nothing left to release after the tea: COMPLETED
    assert after_tea == ("COMPLETED", 255, 200, [(1, 455, "RELEASED"), (2, 0, "CANCELLED")])
    assert await changes(rebate) == [
        ("INSTALLMENT_RELEASED", "ACTIVE", "ACTIVE", "4.55"),
        ("ADJUSTED", "ACTIVE", "ACTIVE", "-2.55"),
        ("ADJUSTED", "ACTIVE", "COMPLETED", "-4.00"), ("CLAWED_BACK", "ACTIVE", "COMPLETED", "-2.00"),
        ("STATUS_CHANGED", "ACTIVE", "COMPLETED", "0.00"),
        ("ADJUSTED", "COMPLETED", "REVERSED", "-2.55"), ("CLAWED_BACK", "COMPLETED", "REVERSED", "-2.55"),
        ("STATUS_CHANGED", "COMPLETED", "REVERSED", "0.00"),
    ]
    assert await ledger_clean()


async def test_what_the_customer_cannot_cover_is_recorded_as_unrecovered(api):
    rule_id, buyer, order, (cups,) = await paid_with_rule(api, [("25.50", 2)], **{**TEN, "installmentCount": 1})
    rebate = await rebate_of(order)  # 5.10, released whole
    await release(rebate.id, 1)
    await spend_credit(buyer.user.id, 400)  # 1.10 of it left

    await refund_units(api, buyer, order, cups, 2)
    rebate = await rebate_of(order)

    assert (rebate.status, rebate.amount_minor, rebate.clawed_back_minor, rebate.unrecovered_minor,
            rebate.budget_reserved_minor) == ("REVERSED", 0, 110, 400, 400)
    assert await balance(buyer.user.id, Asset.REBATE_CREDIT) == 0
    assert await budget(rule_id) == (10000 - 400, "ACTIVE")  # what left and did not come back stays spent
    assert (await changes(rebate))[-3:] == [("ADJUSTED", "COMPLETED", "REVERSED", "-5.10"),
                                            ("CLAWED_BACK", "COMPLETED", "REVERSED", "-1.10"),
                                            ("STATUS_CHANGED", "COMPLETED", "REVERSED", "0.00")]
    assert await ledger_clean()


async def test_released_points_are_taken_back_as_far_as_the_customer_holds_them(api):
    # 100 points a yuan: 1 fen a point. 10% of 51.00 = 510 points in 255 + 255, both released
    _, buyer, order, (cups,) = await paid_with_rule(
        api, [("25.50", 2)], **{**TEN, "payoutForm": "POINTS", "installmentCount": 2})
    rebate = await rebate_of(order)
    await release(rebate.id, 1)
    await release(rebate.id, 2)
    customer = buyer.user.id

    await refund_units(api, buyer, order, cups, 1)  # 255 points owed back, all held
    partly = await rebate_of(order)
    after_partial = (partly.status, partly.amount_minor, partly.clawed_back_minor, await balance(customer, Asset.POINTS))
    await spend_points(customer, 200)  # 55 left
    await refund_units(api, buyer, order, cups, 1)
    rebate = await rebate_of(order)

    assert after_partial == ("COMPLETED", 255, 255, 255)
    assert (rebate.status, rebate.clawed_back_minor, rebate.unrecovered_minor) == ("REVERSED", 310, 200)
    assert await balance(customer, Asset.POINTS) == 0
    assert await ledger_clean()


async def test_expired_rebate_points_count_as_recovered_once_across_refunds(api):
    # 510 points (255 + 255, released), 300 spent; the other 210 expire unused. The customer holds 100 other points.
    _, buyer, order, (cups,) = await paid_with_rule(
        api, [("25.50", 2)], **{**TEN, "payoutForm": "POINTS", "installmentCount": 2})
    rebate = await rebate_of(order)
    await release(rebate.id, 1)
    await release(rebate.id, 2)
    customer = buyer.user.id
    await spend_points(customer, 300)
    await PointsLot.filter(customer_id=customer).update(expires_at=clock.now() - dt.timedelta(seconds=1))
    await points.credit(Actor.system(), customer_id=customer, points=100, key="test-other-points",
                        cause=Cause.ADJUSTMENT, cause_id=None, source=SystemCode.POINTS_ISSUED)

    await refund_units(api, buyer, order, cups, 1)  # 255 owed: the 210 expired count, 45 taken from the others
    partly = await rebate_of(order)
    after_partial = (partly.clawed_back_minor, partly.unrecovered_minor, await balance(customer, Asset.POINTS))
    await refund_units(api, buyer, order, cups, 1)  # 255 owed: the 210 expired counted already; 55 taken
    rebate = await rebate_of(order)

    assert after_partial == (255, 0, 55)
    # 300 of the rebate's points were spent: 100 came back from the customer's other points, 200 are owed.
    assert (rebate.status, rebate.clawed_back_minor, rebate.unrecovered_minor) == ("REVERSED", 310, 200)
    assert await balance(customer, Asset.POINTS) == 0
    assert await ledger_clean()


async def test_released_vouchers_still_available_are_revoked_when_worth_no_more_than_owed(api):
    # 9.10 as vouchers of 4.55 + 4.55, both released
    _, buyer, order, (_, cups) = await paid_with_rule(
        api, [("40.00", 1), ("25.50", 2)],
        **{**TEN, "payoutForm": "VOUCHER", "installmentCount": 2, "voucherValidDays": 30, "voucherMinSpend": "0"})
    rebate = await rebate_of(order)
    await release(rebate.id, 1)
    await release(rebate.id, 2)

    await refund_units(api, buyer, order, cups, 1)  # 2.55 owed: both vouchers worth more, kept
    partly = await rebate_of(order)
    after_partial = (partly.clawed_back_minor, partly.unrecovered_minor)
    await cancel(api, order)  # the rest refunded: 6.55 owed, the later voucher (4.55) revoked, 2.00 unrecovered
    rebate = await rebate_of(order)
    statuses = await Voucher.filter(customer_id=buyer.user.id).order_by("rebate_installment_id").values_list(
        "status", flat=True)

    assert after_partial == (0, 255)
    assert (rebate.status, rebate.amount_minor, rebate.clawed_back_minor, rebate.unrecovered_minor) == (
        "REVERSED", 0, 455, 255 + 200)
    assert statuses == ["AVAILABLE", "REVOKED"]


async def test_what_was_not_recovered_is_deducted_from_the_customers_next_release(api):
    _, buyer, order, (cups,) = await paid_with_rule(api, [("25.50", 2)], **{**TEN, "installmentCount": 1})
    first = await rebate_of(order)
    await release(first.id, 1)  # 5.10 of credit
    await spend_credit(buyer.user.id, 400)
    await refund_units(api, buyer, order, cups, 2)  # 1.10 clawed back, 4.00 owed
    later = await ordered(buyer, ((await goods("50.00")).id, 1))
    await pay(api, buyer, later)
    second = await rebate_of(later)  # 5.00

    await release(second.id, 1)

    assert ((await rebate_of(order)).unrecovered_minor, await balance(buyer.user.id, Asset.REBATE_CREDIT)) == (0, 100)
    assert await ledger_clean()


async def test_a_refund_the_provider_fails_and_staff_retry_cuts_the_rebate_once(api):
    _, buyer, order, (tea, cups) = await paid_with_rule(api, [("40.00", 1), ("25.50", 2)], **TEN)
    after_sale = await approved_after_sale(api, buyer, order, cups, 1)
    assert (await refund_after_sale(api, after_sale))["userErrors"] == []
    failed = await Refund.get(order_id=order.id, channel="EXTERNAL")
    assert (await post(api, *await refund_callback(failed, status=ProviderRefundStatus.FAILED))).status_code == 204

    retried = await refund_after_sale(api, after_sale)
    rebate = await rebate_of(order)

    assert retried["userErrors"] == [] and retried["afterSale"]["status"] == "REFUNDING"
    assert rebate.amount_minor == 655  # cut when the refund started, not again on the retry
    assert await changes(rebate) == [("ADJUSTED", "PENDING", "PENDING", "-2.55")]
