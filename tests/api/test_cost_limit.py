"""Operations that could resolve too many fields are refused before they run."""

from __future__ import annotations

from mall.core.actors import Permission
from tests import factories

CUSTOMERS = "query($n: Int) { customers(first: $n) { edges { node { id email } } } }"


async def test_an_operation_over_the_cost_limit_is_a_request_error(api, configure):
    configure(max_query_cost=100)
    staff = await factories.staff(Permission.MANAGE_USERS)

    small = await api(CUSTOMERS, {"n": 10}, token=staff.access_token)
    big = await api(CUSTOMERS, {"n": 50}, token=staff.access_token)

    assert small.status == 200 and small.data["customers"]["edges"] == []
    assert big.status == 400
    assert "data" not in big.body
    assert big.errors[0]["message"] == (
        "This operation could resolve 201 fields; the limit is 100. Ask for smaller pages."
    )
