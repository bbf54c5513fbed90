"""Wallet types used before the wallet issue builds the wallet itself."""

from __future__ import annotations

import strawberry

from mall.graphql.money import Money


@strawberry.type(description=(
    "A voucher (代金券): single use, with a value, a minimum spend, a validity and a scope. "
    "Vouchers are issued from the wallet issue on; until then no order has any to apply."
))
class Voucher:
    id: strawberry.ID
    value: Money
