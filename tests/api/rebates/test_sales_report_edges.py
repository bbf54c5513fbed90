"""salesReport on the edges of the calendar: a range ending 9999-12-31 (the day after it does not exist) or
starting 0001-01-01 (its local midnight in Asia/Shanghai is before year 1 in UTC) would overflow the days' UTC
bounds; it is BAD_USER_INPUT (§4), never a 500."""

from __future__ import annotations

import pytest

from mall.core.actors import Permission
from tests import factories
from tests.api.rebates.reading import REPORTS


@pytest.mark.parametrize(("first", "last"), [("9999-12-31", "9999-12-31"), ("0001-01-01", "0001-01-01")])
async def test_a_range_at_the_ends_of_the_calendar_is_refused_not_a_500(api, first, last):
    finance = await factories.staff(Permission.MANAGE_FINANCE)

    answer = await api(REPORTS, {"from": first, "to": last}, token=finance.access_token)

    assert "INTERNAL_SERVER_ERROR" not in answer.error_codes
    assert answer.error_codes == ["BAD_USER_INPUT"] or len(answer.data["salesReport"]) == 1
