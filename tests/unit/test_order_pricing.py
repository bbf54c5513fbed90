"""Order pricing and the payment split (DESIGN §3.0): hand-worked examples and arithmetic properties."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mall.core.errors import ErrorCode
from mall.orders.errors import OrderTooLarge
from mall.orders.pricing import (
    LinePrice,
    OrderLine,
    OrderPrice,
    PaymentParts,
    PointsRule,
    ShippingRule,
    VoucherUse,
    WalletFunds,
    price_order,
)

# The autouse ``clean`` fixture is function-scoped; these properties touch no state it resets.
PROPERTY = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

SHIPPING = ShippingRule(flat_fee_minor=1000, free_from_minor=19900)
POINTS = PointsRule(per_yuan=100, max_share=Decimal("0.5"))


# --- hand-worked examples ---


def test_every_channel_in_turn_split_over_two_lines():
    # given 3 × 33.33 and 1 × 50.01 (150.00, under the 199.00 free-shipping threshold), a 20.00 voucher,
    # 10,000 points offered and wallet funds of 30.00 rebate credit and 100.00 balance
    lines = [
        OrderLine(variant_id=1, unit_price_minor=3333, quantity=3),
        OrderLine(variant_id=2, unit_price_minor=5001, quantity=1),
    ]

    # when the order is priced
    price = price_order(
        lines, shipping=SHIPPING, points_rule=POINTS, vouchers=[VoucherUse(2000)], points=10000,
        wallet=WalletFunds(rebate_credit_minor=3000, balance_minor=10000),
    )

    # then points pay half of the 130.00 left after the voucher (6,500 points), rebate credit 30.00,
    # and the balance the remaining 35.00 of goods plus the 10.00 shipping
    assert price == OrderPrice(
        subtotal_minor=15000,
        shipping_minor=1000,
        voucher_discount_minor=2000,
        max_points=6500,
        points_used=6500,
        points_discount_minor=6500,
        total_minor=7500,
        voucher_takes_minor=(2000,),
        rebate_credit_used_minor=3000,
        balance_used_minor=4500,
        external_due_minor=0,
        lines=(
            # voucher 2000 × 9999/15000 = 1333.2 and × 5001/15000 = 666.8: the spare fen to the .8;
            # points 6500 over the unpaid 8666 and 4334 exactly; rebate credit 3000 over 4333 and 2167
            # = 1999.85 and 1000.15: the spare fen to the .85; the balance takes the rest exactly.
            LinePrice(1, 3333, 3, 9999, PaymentParts(1333, 4333, 2000, 2333, 0)),
            LinePrice(2, 5001, 1, 5001, PaymentParts(667, 2167, 1000, 1167, 0)),
        ),
        shipping_parts=PaymentParts(0, 0, 0, 1000, 0),
    )
    assert price.wallet_due_minor == 7500
    assert [line.rebate_basis_minor for line in price.lines] == [2333, 1167]


def test_without_wallet_funds_everything_after_discounts_is_external():
    # given goods of exactly the free-shipping threshold and no wallet funds
    price = price_order([OrderLine(7, 19900, 1)], shipping=SHIPPING, points_rule=POINTS)

    # then shipping is free and the whole total is due externally
    assert (price.shipping_minor, price.total_minor) == (0, 19900)
    assert (price.wallet_due_minor, price.external_due_minor) == (0, 19900)
    assert price.lines[0].parts == PaymentParts(0, 0, 0, 0, 19900)
    assert price.lines[0].rebate_basis_minor == 19900


def test_one_fen_under_the_threshold_pays_shipping():
    price = price_order([OrderLine(7, 19899, 1)], shipping=SHIPPING, points_rule=POINTS)

    assert (price.shipping_minor, price.total_minor) == (1000, 20899)
    assert price.shipping_parts == PaymentParts(0, 0, 0, 0, 1000)


def test_shipping_is_paid_last_so_rebate_credit_goes_to_goods_first():
    # given 50.00 of goods, 10.00 shipping and 55.00 of rebate credit
    price = price_order(
        [OrderLine(1, 5000, 1)], shipping=SHIPPING, points_rule=POINTS,
        wallet=WalletFunds(rebate_credit_minor=5500, balance_minor=0),
    )

    # then rebate credit pays all the goods and half the shipping; 5.00 is due externally, and nothing was
    # paid for the goods with the customer's own money
    assert (price.rebate_credit_used_minor, price.balance_used_minor, price.external_due_minor) == (5500, 0, 500)
    assert price.lines[0].parts == PaymentParts(0, 0, 5000, 0, 0)
    assert price.shipping_parts == PaymentParts(0, 0, 500, 0, 500)
    assert price.lines[0].rebate_basis_minor == 0


def test_the_points_cap_rounds_down_once_in_fen_then_to_whole_points():
    # given two-fen points (50 a yuan) and 9.99 of goods: half is 499.5 fen, 499 fen, 249 points
    rule = PointsRule(per_yuan=50, max_share=Decimal("0.5"))

    price = price_order([OrderLine(1, 999, 1)], shipping=ShippingRule(flat_fee_minor=0), points_rule=rule, points=1000)

    assert (price.points_used, price.points_discount_minor, price.total_minor) == (249, 498, 501)


def test_points_offered_below_the_cap_are_all_used():
    price = price_order([OrderLine(1, 10000, 1)], shipping=SHIPPING, points_rule=POINTS, points=1234)

    assert (price.points_used, price.points_discount_minor, price.total_minor) == (1234, 1234, 9766)


def test_a_voucher_worth_more_than_the_goods_is_capped_and_never_pays_shipping():
    price = price_order(
        [OrderLine(1, 3000, 1)], shipping=SHIPPING, points_rule=POINTS, vouchers=[VoucherUse(10000)], points=500
    )

    assert (price.voucher_discount_minor, price.points_used) == (3000, 0)
    assert (price.total_minor, price.external_due_minor) == (1000, 1000)
    assert price.lines[0].parts == PaymentParts(3000, 0, 0, 0, 0)


def test_each_voucher_pays_only_for_its_own_lines_beside_another():
    # given a 30.00 product voucher covering line 1 only and a 50.00 voucher covering both lines, 40.00 each
    lines = [OrderLine(1, 4000, 1), OrderLine(2, 4000, 1)]
    chosen = [VoucherUse(3000, (True, False)), VoucherUse(5000)]

    price = price_order(lines, shipping=ShippingRule(flat_fee_minor=0), points_rule=POINTS, vouchers=chosen)

    # then the first takes 30.00 of line 1; the second 50.00 over what is left (10.00 and 40.00): 10.00 and 40.00
    assert price.voucher_takes_minor == (3000, 5000)
    assert [line.parts.voucher_minor for line in price.lines] == [4000, 4000]

    # and a 60.00 product voucher on line 1 beside a 10.00 one on everything never reaches line 2 itself
    price = price_order(lines, shipping=ShippingRule(flat_fee_minor=0), points_rule=POINTS,
                        vouchers=[VoucherUse(6000, (True, False)), VoucherUse(1000)])
    assert price.voucher_takes_minor == (4000, 1000)
    assert [line.parts.voucher_minor for line in price.lines] == [4000, 1000]


def test_an_order_too_large_for_a_bigint_is_refused_with_a_code():
    with pytest.raises(OrderTooLarge) as refused:
        price_order([OrderLine(1, 2**62, 2)], shipping=SHIPPING, points_rule=POINTS)

    assert refused.value.code is ErrorCode.LIMIT_EXCEEDED
    assert refused.value.message == "The order total is too large."


def test_arguments_no_caller_should_pass_are_programming_errors():
    with pytest.raises(ValueError):
        price_order([], shipping=SHIPPING, points_rule=POINTS)
    with pytest.raises(ValueError):
        OrderLine(1, 100, 0)
    with pytest.raises(ValueError):
        price_order([OrderLine(1, 100, 1)], shipping=SHIPPING, points_rule=POINTS, points=-1)
    with pytest.raises(ValueError):
        PointsRule(per_yuan=30, max_share=Decimal("0.5"))  # a point would be 3.33 fen
    with pytest.raises(ValueError):
        PointsRule(per_yuan=100, max_share=Decimal("1.5"))


# --- properties ---

AMOUNTS = st.integers(min_value=0, max_value=10**9)
LINES = st.lists(
    st.builds(OrderLine, variant_id=st.integers(1, 10**6), unit_price_minor=AMOUNTS, quantity=st.integers(1, 999)),
    min_size=1, max_size=8,
)
SHIPPING_RULES = st.builds(ShippingRule, flat_fee_minor=st.integers(0, 10**5), free_from_minor=st.none() | AMOUNTS)
POINTS_RULES = st.builds(
    PointsRule,
    per_yuan=st.sampled_from([1, 2, 4, 5, 10, 20, 25, 50, 100]),
    max_share=st.decimals(min_value=0, max_value=1, places=4),
)
WALLETS = st.none() | st.builds(WalletFunds, rebate_credit_minor=AMOUNTS, balance_minor=AMOUNTS)


@st.composite
def priced_orders(draw) -> tuple[OrderPrice, dict]:
    lines = draw(LINES)
    arguments = {
        "lines": lines,
        "vouchers": draw(st.lists(st.builds(
            VoucherUse, value_minor=AMOUNTS,
            covers=st.none() | st.lists(st.booleans(), min_size=len(lines), max_size=len(lines)).map(tuple),
        ), max_size=3)),
        "shipping": draw(SHIPPING_RULES),
        "points_rule": draw(POINTS_RULES),
        "points": draw(st.integers(0, 10**11)),
        "wallet": draw(WALLETS),
    }
    return price_order(**arguments), arguments


CHANNELS = ("voucher_minor", "points_minor", "rebate_credit_minor", "balance_minor", "external_minor")


def order_parts(price: OrderPrice) -> PaymentParts:
    return PaymentParts(
        price.voucher_discount_minor, price.points_discount_minor,
        price.rebate_credit_used_minor, price.balance_used_minor, price.external_due_minor,
    )


@PROPERTY
@given(priced_orders())
def test_every_split_sums_exactly_to_its_whole(case):
    price, arguments = case

    assert price.subtotal_minor == sum(line.unit_price_minor * line.quantity for line in arguments["lines"])
    discounts = price.voucher_discount_minor + price.points_discount_minor
    assert price.total_minor == price.subtotal_minor + price.shipping_minor - discounts
    assert price.total_minor == price.wallet_due_minor + price.external_due_minor
    assert order_parts(price).total_minor == price.subtotal_minor + price.shipping_minor
    assert price.shipping_parts.total_minor == price.shipping_minor
    for line in price.lines:
        assert line.parts.total_minor == line.total_minor
    for channel in CHANNELS:
        across_lines = sum(getattr(line.parts, channel) for line in price.lines)
        assert across_lines + getattr(price.shipping_parts, channel) == getattr(order_parts(price), channel), channel


def _covered(use: VoucherUse, line_count: int) -> list[bool]:
    return list(use.covers) if use.covers is not None else [True] * line_count


@PROPERTY
@given(priced_orders())
def test_each_voucher_is_capped_at_and_split_over_only_the_lines_it_covers(case):
    price, arguments = case
    uses = arguments["vouchers"]
    covered_by_any = [any(on) for on in zip(*(_covered(use, len(price.lines)) for use in uses))] or [False] * len(
        price.lines)

    assert len(price.voucher_takes_minor) == len(uses)
    assert sum(price.voucher_takes_minor) == price.voucher_discount_minor
    for use, take in zip(uses, price.voucher_takes_minor):
        own_goods = sum(line.total_minor for line, on in zip(price.lines, _covered(use, len(price.lines))) if on)
        assert 0 <= take <= min(use.value_minor, own_goods)
    assert all(line.parts.voucher_minor == 0 for line, on in zip(price.lines, covered_by_any) if not on)


@PROPERTY
@given(priced_orders())
def test_a_lone_voucher_takes_its_value_or_all_it_covers(case):
    price, arguments = case
    if len(arguments["vouchers"]) != 1:
        return
    (use,) = arguments["vouchers"]
    own_goods = sum(line.total_minor for line, on in zip(price.lines, _covered(use, len(price.lines))) if on)

    assert price.voucher_discount_minor == min(use.value_minor, own_goods)


@PROPERTY
@given(priced_orders())
def test_nothing_is_negative_and_every_basis_is_within_its_line(case):
    price, _ = case

    assert min(getattr(order_parts(price), channel) for channel in CHANNELS) >= 0
    assert min(getattr(price.shipping_parts, channel) for channel in CHANNELS) >= 0
    assert price.points_used >= 0 and price.total_minor >= 0
    for line in price.lines:
        assert min(getattr(line.parts, channel) for channel in CHANNELS) >= 0
        assert 0 <= line.rebate_basis_minor <= line.total_minor
        assert line.rebate_basis_minor == line.parts.balance_minor + line.parts.external_minor


@PROPERTY
@given(priced_orders())
def test_the_order_of_payment_is_respected(case):
    price, arguments = case
    wallet = arguments["wallet"] or WalletFunds(rebate_credit_minor=0, balance_minor=0)
    rule = arguments["points_rule"]

    # vouchers first, capped at the goods they cover; points next, as many as offered up to the share of what
    # vouchers left
    assert price.voucher_discount_minor == sum(price.voucher_takes_minor)
    after_vouchers = price.subtotal_minor - price.voucher_discount_minor
    assert price.points_discount_minor == price.points_used * rule.minor_per_point
    assert price.points_discount_minor <= after_vouchers * rule.max_share
    assert price.max_points <= rule.max_points_for(after_vouchers)
    assert price.points_used == min(arguments["points"], price.max_points)
    # every line's points part is whole points, so every unit's and every refund's is too
    assert all(line.parts.points_minor % rule.minor_per_point == 0 for line in price.lines)
    assert sum(line.parts.points_minor for line in price.lines) == price.points_discount_minor
    # then rebate credit, then balance only once rebate credit is exhausted, then external only after both
    assert price.rebate_credit_used_minor == min(wallet.rebate_credit_minor, price.total_minor)
    if price.balance_used_minor:
        assert price.rebate_credit_used_minor == wallet.rebate_credit_minor
    if price.external_due_minor:
        used = (price.rebate_credit_used_minor, price.balance_used_minor)
        assert used == (wallet.rebate_credit_minor, wallet.balance_minor)
    assert price.shipping_parts.voucher_minor == price.shipping_parts.points_minor == 0


@PROPERTY
@given(priced_orders())
def test_goods_are_paid_before_shipping_within_the_order_of_payment(case):
    price, _ = case
    # a channel pays towards shipping only once every line is fully paid by it and the channels before it
    later_on_goods = {
        "rebate_credit_minor": ("balance_minor", "external_minor"),
        "balance_minor": ("external_minor",),
        "external_minor": (),
    }

    for channel, later in later_on_goods.items():
        if getattr(price.shipping_parts, channel):
            assert sum(getattr(line.parts, part) for line in price.lines for part in later) == 0, channel


def test_points_are_split_over_lines_in_whole_points_even_when_a_point_is_worth_two_fen():
    # given two-fen points and three lines of 3.33 each: half of 9.99 is 499 fen, 249 points
    rule = PointsRule(per_yuan=50, max_share=Decimal("0.5"))

    price = price_order([OrderLine(n, 333, 1) for n in (1, 2, 3)], shipping=ShippingRule(flat_fee_minor=0),
                        points_rule=rule, points=249)

    # then each line takes 83 whole points (166 fen), not 166.33 fen
    assert [line.parts.points_minor for line in price.lines] == [166, 166, 166]
    assert price.points_discount_minor == 498


def test_points_never_exceed_what_whole_points_of_the_lines_can_take():
    # given two-fen points, a share of 1 and two lines of one fen each: 2 fen of goods, yet no line fits a point
    rule = PointsRule(per_yuan=50, max_share=Decimal("1"))

    price = price_order([OrderLine(1, 1, 1), OrderLine(2, 1, 1)], shipping=ShippingRule(flat_fee_minor=0),
                        points_rule=rule, points=1)

    assert (price.max_points, price.points_used) == (0, 0)
