"""line_share: any split of a line's units into after-sales gives back exactly its external share."""

from __future__ import annotations

from mall.orders.after_sale_requests import line_share
from mall.orders.models import OrderLine


def three_for_ten() -> OrderLine:
    return OrderLine(quantity=3, external_minor=1000)


def test_one_unit_at_a_time_adds_up_to_the_line_exactly():
    line = three_for_ten()

    parts = [line_share(line, already=n, quantity=1) for n in range(3)]

    assert parts == [334, 333, 333]
    assert sum(parts) == 1000


def test_two_then_one_adds_up_to_the_line_exactly():
    line = three_for_ten()

    assert line_share(line, already=0, quantity=2) + line_share(line, already=2, quantity=1) == 1000
