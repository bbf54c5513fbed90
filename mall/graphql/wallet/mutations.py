"""walletAdjust: staff add to or take from a customer's wallet (MANAGE_FINANCE, audited)."""

from __future__ import annotations

import strawberry

from mall.core.actors import Actor, Permission
from mall.graphql.context import Info
from mall.graphql.errors import UserError
from mall.graphql.relay import decode_id
from mall.graphql.runner import mutate
from mall.graphql.scalars import Decimal
from mall.graphql.wallet.types import WalletAsset, WalletEntryType
from mall.wallet import adjustments


@strawberry.input(description="Adjust one of a customer's wallet accounts.")
class WalletAdjustInput:
    customer_id: strawberry.ID
    asset: WalletAsset = strawberry.field(description="BALANCE, REBATE_CREDIT or POINTS.")  # type: ignore[valid-type]
    amount: Decimal = strawberry.field(  # type: ignore[valid-type]
        description="Signed, in the asset's unit: yuan (at most two places) or whole points. Negative takes value "
        "out, never below zero (INSUFFICIENT_FUNDS).")
    reason: str = strawberry.field(description="Required; kept in the audit log and shown to the customer as the "
                                   "statement line's memo. At most 200 characters.")
    idempotency_key: str = strawberry.field(description="Up to 64 characters: the same key and input post once and "
                                            "answer the same entry; the same key with other input: IDEMPOTENCY_MISMATCH.")


@strawberry.type
class WalletAdjustPayload:
    entry: WalletEntryType | None = None
    user_errors: list[UserError]


@strawberry.type
class WalletMutations:
    @strawberry.mutation(description="Add to or take from a customer's BALANCE, REBATE_CREDIT or POINTS, against the "
                         "adjustments account. A positive BALANCE adjustment is withdrawable stored value. Audited. "
                         "MANAGE_FINANCE.")
    async def wallet_adjust(self, info: Info, input: WalletAdjustInput) -> WalletAdjustPayload:
        async def action(actor: Actor) -> dict[str, object]:
            line = await adjustments.wallet_adjust(
                actor, customer_id=decode_id(input.customer_id, "User", field="customerId"), asset=input.asset,
                amount=input.amount, reason=input.reason, idempotency_key=input.idempotency_key,
            )
            return {"entry": WalletEntryType.from_line(line)}

        return await mutate(info, WalletAdjustPayload, action, permission=Permission.MANAGE_FINANCE)
