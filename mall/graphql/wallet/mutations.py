"""walletAdjust and voucherIssue: staff add to or take from a customer's wallet, or give them a voucher
(MANAGE_FINANCE, audited)."""

from __future__ import annotations

from decimal import Decimal as DecimalValue

import strawberry

from mall.core.actors import Actor, Permission
from mall.graphql.context import Info
from mall.graphql.errors import UserError
from mall.graphql.relay import decode_id
from mall.graphql.runner import mutate
from mall.graphql.scalars import Decimal
from mall.graphql.wallet.types import Voucher, VoucherScopeKind, WalletAsset, WalletEntryType
from mall.wallet import adjustments, vouchers


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


@strawberry.input(description="What a voucher applies to: everything (no ids), or the listed products or categories.")
class VoucherScopeInput:
    kind: VoucherScopeKind
    ids: list[strawberry.ID] = strawberry.field(default_factory=list, description="Product or Category ids (1 to 100).")


@strawberry.input(description="A voucher for one customer.")
class VoucherIssueInput:
    customer_id: strawberry.ID
    value: Decimal = strawberry.field(description="What it takes off the goods in its scope, in yuan.")  # type: ignore[valid-type]
    min_spend: Decimal | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="The goods in its scope must come to at least this (yuan); 0 if not given.")
    valid_days: int = strawberry.field(description="Valid from now for this many days (1 to 3650).")
    scope: VoucherScopeInput
    reason: str = strawberry.field(description="Required; kept in the audit log. At most 200 characters.")


@strawberry.type
class VoucherIssuePayload:
    voucher: Voucher | None = None
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

    @strawberry.mutation(description="Give a customer a voucher (代金券), valid from now. Audited. MANAGE_FINANCE.")
    async def voucher_issue(self, info: Info, input: VoucherIssueInput) -> VoucherIssuePayload:
        async def action(actor: Actor) -> dict[str, object]:
            kind = vouchers.ScopeKind(input.scope.kind.value)
            id_type = "Category" if kind is vouchers.ScopeKind.CATEGORIES else "Product"
            min_spend = input.min_spend if input.min_spend is not None else DecimalValue(0)
            voucher = await vouchers.issue(actor, vouchers.VoucherTerms(
                customer_id=decode_id(input.customer_id, "User", field="customerId"), value=input.value,
                min_spend=min_spend, valid_days=input.valid_days, scope_kind=kind,
                scope_ids=tuple(decode_id(pk, id_type, field="scope") for pk in input.scope.ids[:101]),
                reason=input.reason,
            ))
            return {"voucher": Voucher.from_row(voucher)}

        return await mutate(info, VoucherIssuePayload, action, permission=Permission.MANAGE_FINANCE)
