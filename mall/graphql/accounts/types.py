"""Account types: User, Address, Session."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from mall.accounts import models
from mall.core.actors import Permission
from mall.graphql.accounts.loaders import (
    ActiveSessionsByUserIdLoader,
    AddressesByUserIdLoader,
)
from mall.graphql.context import Info
from mall.graphql.permissions import is_self_or_staff
from mall.graphql.relay import Connection, Node, encode_id
from mall.graphql.scalars import DateTime

if TYPE_CHECKING:
    from mall.graphql.orders.types import AfterSaleType, OrderStatus, OrderType
    from mall.graphql.rebates.history import RebateStatus, RebateSummary, RebateType
    from mall.graphql.wallet.types import Wallet
    from mall.graphql.wallet.withdrawals import WithdrawalType

PermissionEnum = strawberry.enum(Permission, name="Permission", description="Staff permissions (DESIGN §3.8).")


@strawberry.type(name="Address")
class AddressType(Node):
    recipient: str
    phone: str
    province: str
    city: str
    district: str
    street: str
    postal_code: str
    is_default: bool

    @classmethod
    def from_model(cls, address: models.Address) -> AddressType:
        return cls(
            id=strawberry.ID(encode_id("Address", address.id)),
            recipient=address.recipient,
            phone=address.phone,
            province=address.province,
            city=address.city,
            district=address.district,
            street=address.street,
            postal_code=address.postal_code,
            is_default=address.is_default,
        )


@strawberry.type(name="Session", description="A signed-in device of the viewer.")
class SessionType(Node):
    created_at: DateTime  # type: ignore[valid-type]
    last_used_at: DateTime  # type: ignore[valid-type]
    user_agent: str
    _pk: strawberry.Private[int]

    @strawberry.field(description="Whether this is the session making the request.")
    async def current(self, info: Info) -> bool:
        viewer = await info.context.viewer()
        return viewer is not None and viewer.session.id == self._pk

    @classmethod
    def from_model(cls, session: models.Session) -> SessionType:
        return cls(
            id=strawberry.ID(encode_id("Session", session.id)),
            created_at=session.created_at,
            last_used_at=session.last_used_at,
            user_agent=session.user_agent,
            _pk=session.id,
        )


@strawberry.type(name="User", description="A customer or staff account.")
class UserType(Node):
    email: str | None
    mobile: str | None
    name: str
    is_staff: bool
    is_active: bool
    permissions: list[PermissionEnum]  # type: ignore[valid-type]
    has_payment_password: bool
    wechat_bound: bool
    created_at: DateTime  # type: ignore[valid-type]
    _pk: strawberry.Private[int]

    @strawberry.field(description="The user's shipping addresses, default first. Null unless it is you or staff with MANAGE_USERS or MANAGE_ORDERS.")
    async def addresses(self, info: Info) -> list[AddressType] | None:
        if not await is_self_or_staff(info, self._pk, Permission.MANAGE_USERS, Permission.MANAGE_ORDERS):
            return None
        rows = await info.context.loader(AddressesByUserIdLoader).load(self._pk)
        return [AddressType.from_model(row) for row in rows]

    @strawberry.field(description="Signed-in devices, most recently used first. Null unless it is you.")
    async def sessions(self, info: Info) -> list[SessionType] | None:
        if not await is_self_or_staff(info, self._pk):
            return None
        rows = await info.context.loader(ActiveSessionsByUserIdLoader).load(self._pk)
        return [SessionType.from_model(row) for row in rows]

    @strawberry.field(description="Your orders, newest first; statuses: any of them, e.g. [SHIPPED, DELIVERED]. Null unless it is you.")
    async def orders(
        self, info: Info, first: int | None = None, after: str | None = None, last: int | None = None,
        before: str | None = None,
        statuses: list[Annotated[OrderStatus, strawberry.lazy("mall.graphql.orders.types")]] | None = None,
    ) -> Connection[Annotated[OrderType, strawberry.lazy("mall.graphql.orders.types")]] | None:
        from mall.graphql.orders.queries import own_orders

        if not await is_self_or_staff(info, self._pk):
            return None
        return await own_orders(info, self._pk, first=first, after=after, last=last, before=before, statuses=statuses)

    @strawberry.field(description="One of your orders by its number. Null unless it is you and yours.")
    async def order(self, info: Info, number: str) -> Annotated[OrderType, strawberry.lazy("mall.graphql.orders.types")] | None:
        from mall.graphql.orders.queries import own_order

        if not await is_self_or_staff(info, self._pk):
            return None
        return await own_order(self._pk, number)

    @strawberry.field(description="Your after-sale requests, newest first. Null unless it is you.")
    async def after_sales(
        self, info: Info, first: int | None = None, after: str | None = None, last: int | None = None,
        before: str | None = None,
    ) -> Connection[Annotated[AfterSaleType, strawberry.lazy("mall.graphql.orders.types")]] | None:
        from mall.graphql.after_sales.queries import own_after_sales

        if not await is_self_or_staff(info, self._pk):
            return None
        return await own_after_sales(info, self._pk, first=first, after=after, last=last, before=before)

    @strawberry.field(description="Your withdrawals, newest first. Null unless it is you or staff with MANAGE_FINANCE.")
    async def withdrawals(
        self, info: Info, first: int | None = None, after: str | None = None, last: int | None = None,
        before: str | None = None,
    ) -> Connection[Annotated[WithdrawalType, strawberry.lazy("mall.graphql.wallet.withdrawals")]] | None:
        from mall.graphql.wallet.withdrawals import own_withdrawals

        if not await is_self_or_staff(info, self._pk, Permission.MANAGE_FINANCE):
            return None
        return await own_withdrawals(info, self._pk, first=first, after=after, last=last, before=before)

    @strawberry.field(description="Your rebates, newest first; only those of one status when given. Null unless it "
                      "is you or staff with MANAGE_REBATES.")
    async def rebates(
        self, info: Info, first: int | None = None, after: str | None = None, last: int | None = None,
        before: str | None = None,
        status: Annotated[RebateStatus, strawberry.lazy("mall.graphql.rebates.history")] | None = None,
    ) -> Connection[Annotated[RebateType, strawberry.lazy("mall.graphql.rebates.history")]] | None:
        from mall.graphql.rebates.history import own_rebates

        if not await is_self_or_staff(info, self._pk, Permission.MANAGE_REBATES):
            return None
        return await own_rebates(info, self._pk, first=first, after=after, last=last, before=before, status=status)

    @strawberry.field(description="Your rebates added up (see RebateSummary). Null unless it is you or staff with "
                      "MANAGE_REBATES.")
    async def rebate_summary(
        self, info: Info,
    ) -> Annotated[RebateSummary, strawberry.lazy("mall.graphql.rebates.history")] | None:
        from mall.graphql.rebates.history import rebate_summary

        if not await is_self_or_staff(info, self._pk, Permission.MANAGE_REBATES):
            return None
        return await rebate_summary(info, self._pk)

    @strawberry.field(description="Your wallet: balances, points, vouchers and the statement. Null unless it is you "
                      "or staff with MANAGE_FINANCE.")
    async def wallet(self, info: Info) -> Annotated[Wallet, strawberry.lazy("mall.graphql.wallet.types")] | None:
        from mall.graphql.wallet.types import Wallet

        if not await is_self_or_staff(info, self._pk, Permission.MANAGE_FINANCE):
            return None
        return Wallet(_customer_id=self._pk)

    @classmethod
    def from_model(cls, user: models.User) -> UserType:
        granted = sorted(user.effective_permissions, key=lambda p: p.value)
        return cls(
            id=strawberry.ID(encode_id("User", user.id)),
            email=user.email,
            mobile=user.mobile,
            name=user.name,
            is_staff=user.is_staff,
            is_active=user.is_active,
            permissions=granted,
            has_payment_password=user.payment_password_hash is not None,
            wechat_bound=user.wechat_openid is not None,
            created_at=user.created_at,
            _pk=user.id,
        )


