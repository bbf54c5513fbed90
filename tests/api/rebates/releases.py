"""What the activation and release tests share: an order taken to COMPLETED through the API, the rebate jobs
run as ``mall jobs run`` runs them, the clock moved as the sandbox moves it, and a look at the buyer's wallet."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mall.core.actors import Permission
from mall.core.clock import clock
from mall.graphql.relay import encode_id
from mall.jobs.runner import Runner
from mall.jobs.schedule import MALL_JOBS
from tests import factories
from tests.operations import contract
from tests.timetravel import travel

ORDER_SHIP = contract("OrderShip")
RECEIPT_CONFIRM = contract("OrderReceiptConfirm")
WALLET_VIEW = contract("WalletView")
LOGIN = contract("Login")
REBATE_JOBS = ("orders.complete-unconfirmed", "rebates.activate", "rebates.release-due")


async def goods(price: str = "40.00", stock: int = 10):  # type: ignore[no-untyped-def]
    return await factories.variant_of(await factories.product(prices=(price,), stock=stock))


async def shipped(api, order) -> None:  # type: ignore[no-untyped-def]
    staff = await factories.staff(Permission.MANAGE_ORDERS)
    answer = await api(ORDER_SHIP, {"input": {"orderId": encode_id("Order", order.id), "carrier": "SF",
                                              "trackingNumber": f"SF{order.id:08d}"}}, token=staff.access_token)
    assert answer.data["orderShip"]["userErrors"] == []


async def completed(api, buyer: factories.Account, order) -> None:  # type: ignore[no-untyped-def]
    """Shipped by staff, then the buyer confirms receipt: COMPLETED."""
    await shipped(api, order)
    answer = await api(RECEIPT_CONFIRM, {"input": {"orderId": encode_id("Order", order.id)}},
                       token=await signed_in(api, buyer))
    assert answer.data["orderReceiptConfirm"]["order"]["status"] == "COMPLETED"


async def run_jobs() -> dict[str, int]:
    """The rebate jobs once at the clock's time, as ``mall jobs run`` does: what each handled."""
    jobs = [job for job in MALL_JOBS if job.name in REBATE_JOBS]
    outcomes = await Runner(jobs).run_now()
    assert all(outcome.status == "ran" for outcome in outcomes), outcomes
    return {outcome.job: outcome.handled for outcome in outcomes}


async def later(by: dt.timedelta) -> None:
    """Move the sandbox clock ``by`` further on."""
    await travel(clock.offset + by)


async def signed_in(api, account: factories.Account) -> str:  # type: ignore[no-untyped-def]
    """A token issued at the clock's time (one from before a jump has expired)."""
    answer = await api(LOGIN, {"input": {"login": account.login, "password": account.password}})
    return answer.data["tokenCreate"]["accessToken"]


async def wallet(api, buyer: factories.Account) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    answer = await api(WALLET_VIEW, {"first": 50}, token=await signed_in(api, buyer))
    return answer.data["me"]["wallet"]
