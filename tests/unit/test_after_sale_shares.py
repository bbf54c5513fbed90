"""line_share: any split of a line's units into after-sales gives back exactly each part the line was paid with."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mall.orders.after_sale_requests import line_share
from mall.orders.models import OrderLine


def three_for_ten() -> OrderLine:
    return OrderLine(quantity=3, external_minor=1000, rebate_credit_minor=0, balance_minor=0, points_minor=0)


def test_one_unit_at_a_time_adds_up_to_the_line_exactly():
    line = three_for_ten()

    parts = [line_share(line, already=n, quantity=1).external_minor for n in range(3)]

    assert parts == [334, 333, 333]
    assert sum(parts) == 1000


def test_two_then_one_adds_up_to_the_line_exactly():
    line = three_for_ten()

    first, rest = line_share(line, already=0, quantity=2), line_share(line, already=2, quantity=1)

    assert first.external_minor + rest.external_minor == 1000


def test_each_channel_is_split_on_its_own():
    line = OrderLine(quantity=3, external_minor=100, rebate_credit_minor=200, balance_minor=1, points_minor=0)

    share = line_share(line, already=0, quantity=1)

    assert (share.rebate_credit_minor, share.balance_minor, share.external_minor) == (67, 1, 34)
    assert share.total_minor == 102


@given(
    quantity=st.integers(1, 50),
    parts=st.tuples(*[st.integers(0, 10**9)] * 3),
    points=st.integers(0, 10**6),
    minor_per_point=st.sampled_from([1, 2, 4, 5, 10, 20, 25, 50, 100]),
    data=st.data(),
)
def test_any_split_of_units_returns_every_part_exactly(quantity, parts, points, minor_per_point, data):
    rebate_credit, balance, external = parts
    line = OrderLine(quantity=quantity, rebate_credit_minor=rebate_credit, balance_minor=balance,
                     external_minor=external, points_minor=points * minor_per_point)
    cuts = sorted(data.draw(st.sets(st.integers(1, quantity - 1))) if quantity > 1 else set())
    bounds = [0, *cuts, quantity]

    shares = [line_share(line, already=start, quantity=end - start, minor_per_point=minor_per_point)
              for start, end in zip(bounds, bounds[1:])]

    # Points go back in whole points, and all of them across the after-sales.
    assert sum(share.points for share in shares) == points

    assert sum(share.rebate_credit_minor for share in shares) == rebate_credit
    assert sum(share.balance_minor for share in shares) == balance
    assert sum(share.external_minor for share in shares) == external


def test_points_are_split_over_units_as_whole_points():
    # 5 points of 2 fen each on 3 units: 2, 2, 1 points; never a fraction of a point.
    line = OrderLine(quantity=3, external_minor=0, rebate_credit_minor=0, balance_minor=0, points_minor=10)

    assert [line_share(line, already=n, quantity=1, minor_per_point=2).points for n in range(3)] == [2, 2, 1]
