"""What the rebate reading tests share: the storefront's and console's rebate operations, goods, a paid order."""

from __future__ import annotations

from typing import Any

from mall.graphql.relay import encode_id
from tests import factories
from tests.api.rebates.scene import ordered, pay
from tests.operations import contract

MY_REBATES = contract("MyRebates")
LIABILITY = contract("RebateLiability")
SWITCHES_SET = contract("RebateSwitchesSet")
REPORTS = contract("Reports")

REBATE_NODE = """
query RebateNode($id: ID!) {
  node(id: $id) { id ... on Rebate { status amount { amount } order { number } rule { name description } } }
}
"""

STAFF_REBATES = """
query StaffRebates($first: Int, $after: String, $customerId: ID, $orderId: ID, $status: RebateStatus) {
  rebates(first: $first, after: $after, customerId: $customerId, orderId: $orderId, status: $status) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id status amount { amount } order { number } } }
  }
}
"""

SWITCHES = "query { rebateSwitches { pauseNewRebates pauseReleases } }"


async def goods(price: str = "40.00", stock: int = 50):  # type: ignore[no-untyped-def]
    return await factories.variant_of(await factories.product(prices=(price,), stock=stock))


async def paid_order(api, buyer: factories.Account, *lines: tuple[int, int]):  # type: ignore[no-untyped-def]
    order = await ordered(buyer, *lines)
    await pay(api, buyer, order)
    return order


async def my_rebates(api, buyer: factories.Account, **variables: Any) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return (await api(MY_REBATES, variables, token=buyer.access_token)).data["me"]


def order_id(order) -> str:  # type: ignore[no-untyped-def]
    return encode_id("Order", order.id)


def money(amount: str) -> dict[str, str]:
    return {"amount": amount, "currency": "CNY"}
