"""line_share: any sequence of after-sales on a line's units, some cancelled, gives back exactly each part it was paid."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mall.orders.after_sale_requests import Taken, line_share
from mall.orders.models import OrderLine


def three_for_ten() -> OrderLine:
    return OrderLine(quantity=3, external_minor=1000, rebate_credit_minor=0, balance_minor=0, points_minor=0)


def refunds(line: OrderLine, *quantities: int, minor_per_point: int = 1) -> list[Taken]:
    taken: list[Taken] = []
    for quantity in quantities:
        taken.append(Taken(quantity, line_share(line, taken=taken, quantity=quantity, minor_per_point=minor_per_point)))
    return taken


def test_one_unit_at_a_time_adds_up_to_the_line_exactly():
    parts = [taken.share.external_minor for taken in refunds(three_for_ten(), 1, 1, 1)]

    assert parts == [334, 333, 333]


def test_two_then_one_adds_up_to_the_line_exactly():
    first, rest = refunds(three_for_ten(), 2, 1)

    assert (first.share.external_minor, rest.share.external_minor) == (667, 333)


def test_a_cancelled_after_sale_frees_its_units_and_the_rest_still_adds_up():
    # given 3 units for 10.00: A takes the first unit (3.34), B the next (3.33); A is then cancelled
    line = three_for_ten()
    _, b = refunds(line, 1, 1)

    # when C asks for the two units left, after B alone
    c = line_share(line, taken=[b], quantity=2, minor_per_point=1)

    # then C gets all that B left: 6.67, and B + C = the line (not 3.33 + 6.66, a fen lost)
    assert c.external_minor == 667
    assert b.share.external_minor + c.external_minor == 1000


def test_an_exchange_keeps_the_least_paid_units_and_refunds_nothing():
    line = three_for_ten()

    after_exchange = line_share(line, taken=[Taken(1, None)], quantity=2, minor_per_point=1)

    assert after_exchange.external_minor == 667  # the exchanged unit is worth 3.33 of the 10.00


def test_each_channel_is_split_on_its_own():
    line = OrderLine(quantity=3, external_minor=100, rebate_credit_minor=200, balance_minor=1, points_minor=0)

    share = line_share(line, taken=[], quantity=1, minor_per_point=1)

    assert (share.rebate_credit_minor, share.balance_minor, share.external_minor) == (67, 1, 34)
    assert share.total_minor == 102


@given(
    quantity=st.integers(1, 30),
    parts=st.tuples(*[st.integers(0, 10**9)] * 3),
    points=st.integers(0, 10**6),
    minor_per_point=st.sampled_from([1, 2, 4, 5, 10, 20, 25, 50, 100]),
    data=st.data(),
)
def test_any_sequence_of_after_sales_some_cancelled_returns_every_part_exactly(quantity, parts, points,
                                                                              minor_per_point, data):
    rebate_credit, balance, external = parts
    line = OrderLine(quantity=quantity, rebate_credit_minor=rebate_credit, balance_minor=balance,
                     external_minor=external, points_minor=points * minor_per_point)
    live: list[Taken] = []
    while (units_left := quantity - sum(taken.quantity for taken in live)) > 0:
        asked = data.draw(st.integers(1, units_left))
        exchange = data.draw(st.booleans()) and data.draw(st.booleans())
        share = None if exchange else line_share(line, taken=live, quantity=asked, minor_per_point=minor_per_point)
        if data.draw(st.integers(0, 3)) == 3:  # cancelled or rejected: it never counted
            continue
        live.append(Taken(asked, share))
        assert share is None or min(share.rebate_credit_minor, share.balance_minor, share.external_minor,
                                    share.points) >= 0

    refunded = [taken.share for taken in live if taken.share is not None]
    if all(taken.share is not None for taken in live):
        assert sum(share.rebate_credit_minor for share in refunded) == rebate_credit
        assert sum(share.balance_minor for share in refunded) == balance
        assert sum(share.external_minor for share in refunded) == external
        assert sum(share.points for share in refunded) == points  # whole points, all of them
    else:  # exchanged units keep their money: the refunds never exceed the line
        assert sum(share.total_minor for share in refunded) <= rebate_credit + balance + external
        assert sum(share.points for share in refunded) <= points


def test_points_are_split_over_units_as_whole_points():
    # 5 points of 2 fen each on 3 units: 2, 2, 1 points; never a fraction of a point.
    line = OrderLine(quantity=3, external_minor=0, rebate_credit_minor=0, balance_minor=0, points_minor=10)

    assert [taken.share.points for taken in refunds(line, 1, 1, 1, minor_per_point=2)] == [2, 2, 1]
