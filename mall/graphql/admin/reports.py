"""Staff reports: salesReport (DESIGN §3.8), days in MALL_TIME_ZONE. MANAGE_FINANCE."""

from __future__ import annotations

from typing import Annotated

import strawberry

from mall.core.actors import Permission
from mall.core.errors import InvalidInput
from mall.flows import sales_report
from mall.graphql.context import Info
from mall.graphql.errors import BadUserInput
from mall.graphql.money import Money
from mall.graphql.permissions import require_permission
from mall.graphql.scalars import Date
from mall.settings import get_settings


@strawberry.type(description="One local day of sales.")
class SalesReportDay:
    day: Date  # type: ignore[valid-type]
    orders: int = strawberry.field(description="Orders paid that day.")
    gross: Money = strawberry.field(description="Their totals (shipping included), whatever became of them later.")
    refunded: Money = strawberry.field(description="Refunds that succeeded that day, whichever day their orders "
                                       "were paid.")
    rebates_earned: Money = strawberry.field(description="Rebates made that day (at payment), at their original "
                                             "amounts.")

    @classmethod
    def of(cls, row: sales_report.SalesDay) -> SalesReportDay:
        currency = get_settings().currency
        return cls(day=row.day, orders=row.orders, gross=Money.of(row.gross_minor, currency),
                   refunded=Money.of(row.refunded_minor, currency),
                   rebates_earned=Money.of(row.rebates_earned_minor, currency))


@strawberry.type
class ReportQueries:
    @strawberry.field(description=f"Sales per day from `from` to `to` (both included, at most "
                      f"{sales_report.MAX_DAYS} days; BAD_USER_INPUT otherwise), oldest first, every day listed. "
                      "MANAGE_FINANCE.")
    async def sales_report(
        self, info: Info, from_: Annotated[Date, strawberry.argument(name="from")], to: Date,  # type: ignore[valid-type]
    ) -> list[SalesReportDay] | None:
        actor = await require_permission(info, Permission.MANAGE_FINANCE)
        try:
            days = await sales_report.sales_report(actor, first=from_, last=to)
        except InvalidInput as exc:
            raise BadUserInput(exc.message) from exc
        return [SalesReportDay.of(row) for row in days]
