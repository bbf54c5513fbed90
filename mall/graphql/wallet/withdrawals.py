"""Money in and out in GraphQL: withdrawals (the type, me.withdrawals, staff withdrawals(status:), three mutations)
and walletTopUp."""

from __future__ import annotations

import strawberry

from mall.core.actors import Actor, Permission
from mall.flows import payouts, topping_up
from mall.graphql.accounts.loaders import UserByIdLoader
from mall.graphql.accounts.types import UserType
from mall.graphql.context import Info
from mall.graphql.errors import UserError
from mall.graphql.lookahead import selects
from mall.graphql.money import Money
from mall.graphql.orders.payments import PaymentChannel, PaymentProvider, PaymentType
from mall.graphql.permissions import require_permission, viewer_has
from mall.graphql.relay import Connection, Node, connection, decode_id, encode_id
from mall.graphql.runner import mutate
from mall.graphql.scalars import DateTime, Decimal
from mall.payments.providers.base import ProviderKind
from mall.settings import get_settings
from mall.wallet import top_ups, withdrawal_rules, withdrawals
from mall.wallet.withdrawals import Withdrawal

WithdrawalStatus = strawberry.enum(
    withdrawal_rules.WithdrawalStatus, name="WithdrawalStatus",
    description="REQUESTED → APPROVED → PAYING → PAID_OUT | FAILED, or REJECTED (DESIGN §3.5). The amount is held "
    "while REQUESTED, APPROVED or PAYING, and back in the wallet after REJECTED or FAILED.",
)


@strawberry.type(name="Withdrawal", description="A withdrawal (提现): the amount asked for (fee included), the fee, "
                 "and what the provider pays out.")
class WithdrawalType(Node):
    status: WithdrawalStatus  # type: ignore[valid-type]
    amount: Money
    fee: Money
    payout: Money
    provider: PaymentProvider  # type: ignore[valid-type]
    note: str = strawberry.field(description="What staff wrote when deciding.")
    failure: str = strawberry.field(description="Why the payout failed, when FAILED.")
    created_at: DateTime  # type: ignore[valid-type]
    decided_at: DateTime | None  # type: ignore[valid-type]
    settled_at: DateTime | None  # type: ignore[valid-type]
    _customer_id: strawberry.Private[int]

    @strawberry.field(description="Who asked. Staff with MANAGE_FINANCE only; null otherwise.")
    async def customer(self, info: Info) -> UserType | None:
        if not await viewer_has(info, Permission.MANAGE_FINANCE):
            return None
        user = await info.context.loader(UserByIdLoader).load(self._customer_id)
        return UserType.from_model(user) if user else None

    @classmethod
    def from_model(cls, row: Withdrawal) -> WithdrawalType:
        currency = get_settings().currency
        return cls(
            id=strawberry.ID(encode_id("Withdrawal", row.id)), status=withdrawal_rules.WithdrawalStatus(row.status),
            amount=Money.of(row.amount_minor, currency), fee=Money.of(row.fee_minor, currency),
            payout=Money.of(row.payout_minor, currency), provider=ProviderKind(row.provider), note=row.note,
            failure=row.failure, created_at=row.created_at, decided_at=row.decided_at, settled_at=row.settled_at,
            _customer_id=row.customer_id,
        )


async def own_withdrawals(
    info: Info, user_id: int, *, first: int | None, after: str | None, last: int | None, before: str | None,
) -> Connection[WithdrawalType]:
    return await connection(withdrawals.own(user_id), first=first, after=after, last=last, before=before,
                            to_node=WithdrawalType.from_model, edge_cursors=selects(info, "edges", "cursor"))


async def visible_withdrawal(info: Info, pk: int) -> WithdrawalType | None:
    """``node(id:)`` for a withdrawal: the customer's own, or any for MANAGE_FINANCE."""
    row = await withdrawals.visible(await info.context.actor(), pk)
    return WithdrawalType.from_model(row) if row else None


@strawberry.type
class WithdrawalQueries:
    @strawberry.field(description="Every withdrawal, newest first; only those of one status when given. MANAGE_FINANCE.")
    async def withdrawals(
        self, info: Info, first: int | None = None, after: str | None = None, last: int | None = None,
        before: str | None = None, status: WithdrawalStatus | None = None,  # type: ignore[valid-type]
    ) -> Connection[WithdrawalType] | None:
        await require_permission(info, Permission.MANAGE_FINANCE)
        return await connection(withdrawals.every(status), first=first, after=after, last=last, before=before,
                                to_node=WithdrawalType.from_model, edge_cursors=selects(info, "edges", "cursor"))


@strawberry.input(description="Take money out of your wallet.")
class WithdrawalCreateInput:
    amount: Decimal = strawberry.field(  # type: ignore[valid-type]
        description="Fee included, in yuan (at most two places), at least shopSettings.withdrawalMin; the fee is "
        "max(withdrawalMinFee, ceil(amount × withdrawalFeeRate)) and the rest is paid out.")
    payment_password: str = strawberry.field(description="Your six-digit payment password.")
    provider: PaymentProvider  # type: ignore[valid-type]
    idempotency_key: str = strawberry.field(description="Up to 64 characters: the same key and input make one "
                                            "withdrawal; the same key with other input: IDEMPOTENCY_MISMATCH.")
    account: str | None = strawberry.field(default=None, description="The Alipay login to pay (required for "
                                           "ALIPAY); WeChat Pay pays your bound openid.")


@strawberry.input(description="A staff decision on a withdrawal.")
class WithdrawalDecisionInput:
    withdrawal_id: strawberry.ID
    note: str | None = strawberry.field(default=None, description="Kept with the decision and in the audit log; "
                                        "at most 200 characters.")


@strawberry.type
class WithdrawalPayload:
    withdrawal: WithdrawalType | None = None
    user_errors: list[UserError]


@strawberry.type
class WithdrawalMutations:
    @strawberry.mutation(description="Ask to withdraw from your BALANCE (and rebate credit, where the shop allows): "
                         "the amount is held until staff approve (paid out) or reject (released). Needs the payment "
                         "password; wrong ones are throttled (RATE_LIMITED after MALL_PAYMENT_PASSWORD_MAX_FAILURES).")
    async def withdrawal_create(self, info: Info, input: WithdrawalCreateInput) -> WithdrawalPayload:
        async def action(actor: Actor) -> dict[str, object]:
            request = payouts.WithdrawRequest(amount=input.amount, provider=ProviderKind(input.provider.value),
                                              account=input.account, payment_password=input.payment_password)
            row = await payouts.withdrawal_create(actor, request=request, idempotency_key=input.idempotency_key)
            return {"withdrawal": WithdrawalType.from_model(row)}

        return await mutate(info, WithdrawalPayload, action, signed_in=True)

    @strawberry.mutation(description="Approve a REQUESTED withdrawal and pay it out through its provider: PAID_OUT, "
                         "or FAILED with the hold released. Approving again pays nothing more. MANAGE_FINANCE.")
    async def withdrawal_approve(self, info: Info, input: WithdrawalDecisionInput) -> WithdrawalPayload:
        async def action(actor: Actor) -> dict[str, object]:
            row = await payouts.withdrawal_approve(
                actor, withdrawal_id=decode_id(input.withdrawal_id, "Withdrawal", field="withdrawalId"), note=input.note)
            return {"withdrawal": WithdrawalType.from_model(row)}

        return await mutate(info, WithdrawalPayload, action, permission=Permission.MANAGE_FINANCE)

    @strawberry.mutation(description="Reject a REQUESTED withdrawal: the held amount goes back to the wallet. "
                         "MANAGE_FINANCE.")
    async def withdrawal_reject(self, info: Info, input: WithdrawalDecisionInput) -> WithdrawalPayload:
        async def action(actor: Actor) -> dict[str, object]:
            row = await payouts.withdrawal_reject(
                actor, withdrawal_id=decode_id(input.withdrawal_id, "Withdrawal", field="withdrawalId"), note=input.note)
            return {"withdrawal": WithdrawalType.from_model(row)}

        return await mutate(info, WithdrawalPayload, action, permission=Permission.MANAGE_FINANCE)


@strawberry.input(description="Pay money into your BALANCE through a provider.")
class WalletTopUpInput:
    amount: Decimal = strawberry.field(  # type: ignore[valid-type]
        description="In yuan (at most two places), between MALL_TOP_UP_MIN and MALL_TOP_UP_MAX.")
    provider: PaymentProvider  # type: ignore[valid-type]
    channel: PaymentChannel = strawberry.field(description="APP, H5, NATIVE (WeChat Pay); APP, WAP, PAGE (Alipay).")
    idempotency_key: str = strawberry.field(description="Up to 64 characters: the same key and input answer the same "
                                            "payment; the same key with other input: IDEMPOTENCY_MISMATCH.")
    return_url: str | None = strawberry.field(default=None, description="Where H5/WAP/PAGE payers come back to.")


@strawberry.type
class WalletTopUpPayload:
    payment: PaymentType | None = None
    user_errors: list[UserError]


@strawberry.type
class TopUpMutations:
    @strawberry.mutation(description="Top up your wallet: pay through the provider with the payment's clientParams; "
                         "the amount is credited to BALANCE once, when the provider's signed callback arrives.")
    async def wallet_top_up(self, info: Info, input: WalletTopUpInput) -> WalletTopUpPayload:
        async def action(actor: Actor) -> dict[str, object]:
            request = topping_up.TopUpRequest(amount=input.amount, provider=ProviderKind(input.provider.value),
                                              channel=input.channel.value, return_url=input.return_url)
            row = await topping_up.wallet_top_up(actor, request=request, idempotency_key=input.idempotency_key)
            return {"payment": PaymentType.from_top_up(row)}

        return await mutate(info, WalletTopUpPayload, action, signed_in=True)


async def visible_top_up(info: Info, pk: int) -> PaymentType | None:
    """``node(id:)`` for a top-up's payment: the customer's own only."""
    viewer = await info.context.viewer()
    if viewer is None:
        return None
    row = await top_ups.get(pk, customer_id=viewer.user.id)
    return PaymentType.from_top_up(row) if row else None
