"""salesReport (DESIGN §3.8): per local day (MALL_TIME_ZONE) the orders paid, their totals, the refunds that
succeeded and the rebates made; the range is bounded; MANAGE_FINANCE only."""

from __future__ import annotations

import datetime as dt

from mall.core.actors import Permission
from mall.core.clock import clock
from mall.orders.models import Order, Refund
from mall.rebates.models import Rebate
from tests import factories
from tests.api.rebates.reading import REPORTS, goods, money, paid_order
from tests.api.rebates.scene import active_rule, manager

UTC = dt.UTC


def _at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).astimezone(UTC)


async def _paid_at(api, buyer, variant, quantity: int, moment: str) -> Order:  # type: ignore[no-untyped-def]
    """An order paid through the API, its payment (and rebates) then moved to ``moment``."""
    order = await paid_order(api, buyer, (variant.id, quantity))
    await Order.filter(id=order.id).update(paid_at=_at(moment))
    await Rebate.filter(order_id=order.id).update(created_at=_at(moment))
    return await Order.get(id=order.id)


async def _refund(order: Order, amount_minor: int, status: str, moment: str | None) -> None:
    now = clock.now()
    await Refund.create(order=order, refund_number=f"R{order.id}{amount_minor}{status[:2]}", channel="EXTERNAL",
                        amount_minor=amount_minor, currency="CNY", status=status, created_at=now, updated_at=now,
                        refunded_at=None if moment is None else _at(moment))


async def test_days_split_at_local_midnight_in_shanghai(api):
    staff = await manager()
    await active_rule(api, staff, name="Ten", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT")
    tea, buyer = await goods("10.00"), await factories.customer()
    late = await _paid_at(api, buyer, tea, 1, "2026-03-10T23:59:59+08:00")  # the last second of the 10th
    next_day = await _paid_at(api, buyer, tea, 2, "2026-03-11T00:00:00+08:00")
    early = await _paid_at(api, buyer, tea, 3, "2026-03-10T00:00:00+08:00")
    await _paid_at(api, buyer, tea, 4, "2026-03-09T23:59:59+08:00")  # before the range
    await _refund(late, 500, "REFUNDED", "2026-03-11T23:59:00+08:00")
    await _refund(late, 300, "OVER_REFUNDED", "2026-03-11T08:00:00+08:00")
    await _refund(early, 200, "PENDING", None)
    await _refund(early, 100, "FAILED", None)
    await _refund(next_day, 700, "REFUNDED", "2026-03-12T00:00:00+08:00")  # after the range
    finance = await factories.staff(Permission.MANAGE_FINANCE)

    report = (await api(REPORTS, {"from": "2026-03-10", "to": "2026-03-12"}, token=finance.access_token)).data

    assert report["salesReport"] == [
        {"day": "2026-03-10", "orders": 2, "gross": money(f"{(late.total_minor + early.total_minor) / 100:.2f}"),
         "refunded": money("0.00"), "rebatesEarned": money("4.00")},
        {"day": "2026-03-11", "orders": 1, "gross": money(f"{next_day.total_minor / 100:.2f}"),
         "refunded": money("8.00"), "rebatesEarned": money("2.00")},
        {"day": "2026-03-12", "orders": 0, "gross": money("0.00"), "refunded": money("7.00"),
         "rebatesEarned": money("0.00")},
    ]
    assert late.total_minor == 1000 + late.shipping_minor


async def test_days_follow_a_daylight_saving_change(api, configure):
    # New York moves from -05:00 to -04:00 on 2026-03-08: days are 23 hours long, and midnight moves
    configure(time_zone="America/New_York")
    clock.configure(time_zone="America/New_York")
    try:
        tea, buyer = await goods("10.00"), await factories.customer()
        for moment in ("2026-03-07T23:59:00-05:00", "2026-03-08T00:00:00-05:00", "2026-03-08T23:59:00-04:00",
                       "2026-03-09T00:00:00-04:00", "2026-03-09T00:14:00-04:00"):
            await _paid_at(api, buyer, tea, 1, moment)
        finance = await factories.staff(Permission.MANAGE_FINANCE)

        report = (await api(REPORTS, {"from": "2026-03-07", "to": "2026-03-09"}, token=finance.access_token)).data

        assert [(day["day"], day["orders"]) for day in report["salesReport"]] == [
            ("2026-03-07", 1), ("2026-03-08", 2), ("2026-03-09", 2)]
    finally:
        clock.configure(time_zone="Asia/Shanghai")


async def test_the_range_is_bounded_and_ordered(api):
    finance = await factories.staff(Permission.MANAGE_FINANCE)

    leap_year = await api(REPORTS, {"from": "2028-01-01", "to": "2028-12-31"}, token=finance.access_token)
    too_long = await api(REPORTS, {"from": "2026-01-01", "to": "2027-01-02"}, token=finance.access_token)
    backwards = await api(REPORTS, {"from": "2026-03-02", "to": "2026-03-01"}, token=finance.access_token)

    assert len(leap_year.data["salesReport"]) == 366
    assert (too_long.error_codes, too_long.errors[0]["message"]) == (
        ["BAD_USER_INPUT"], "A report covers at most 366 days.")
    assert (backwards.error_codes, backwards.errors[0]["message"]) == (
        ["BAD_USER_INPUT"], "The range ends before it begins.")


async def test_the_report_needs_manage_finance(api):
    customer, rebates_staff = await factories.customer(), await manager()
    variables = {"from": "2026-03-01", "to": "2026-03-01"}
    assert (await api(REPORTS, variables)).error_codes == ["UNAUTHENTICATED"]
    for reader in (customer, rebates_staff):
        answer = await api(REPORTS, variables, token=reader.access_token)
        assert (answer.error_codes, answer.body["data"]) == (["FORBIDDEN"], {"salesReport": None})
