"""shopSettings: the public rules a frontend needs to explain the wallet and checkout."""

from __future__ import annotations

import strawberry

from mall.graphql.money import Money
from mall.graphql.scalars import Decimal
from mall.settings import get_settings


@strawberry.type
class ShopSettings:
    currency: str
    time_zone: str
    points_per_yuan: int = strawberry.field(description="How many points make one yuan.")
    points_max_share: Decimal = strawberry.field(description="At most this share of an order may be paid with points.")  # type: ignore[valid-type]
    after_sale_window_days: int
    withdrawal_min: Money
    withdrawal_fee_rate: Decimal  # type: ignore[valid-type]
    withdrawal_min_fee: Money
    sandbox: bool = strawberry.field(description="Whether sandbox providers and mutations are enabled.")


@strawberry.type
class ShopQueries:
    @strawberry.field
    def shop_settings(self) -> ShopSettings:
        settings = get_settings()
        return ShopSettings(
            currency=settings.currency,
            time_zone=settings.time_zone,
            points_per_yuan=settings.points_per_yuan,
            points_max_share=settings.points_max_share,
            after_sale_window_days=settings.after_sale_window_days,
            withdrawal_min=Money.of(settings.withdrawal_min_minor, settings.currency),
            withdrawal_fee_rate=settings.withdrawal_fee_rate,
            withdrawal_min_fee=Money.of(settings.withdrawal_min_fee_minor, settings.currency),
            sandbox=settings.sandbox_enabled,
        )
