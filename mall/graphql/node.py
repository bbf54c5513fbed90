"""``node(id:)``: any object by global id, if the caller may see it (null otherwise)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import strawberry

from mall.accounts import addresses, sessions
from mall.audit import services as audit
from mall.catalog import visibility
from mall.core.actors import Permission
from mall.graphql.accounts.loaders import UserByIdLoader
from mall.graphql.accounts.types import AddressType, SessionType, UserType
from mall.graphql.admin.types import AuditRecordType
from mall.graphql.catalog.loaders import CategoryByIdLoader
from mall.graphql.catalog.types import CategoryType, ProductType, VariantType
from mall.graphql.context import Info
from mall.graphql.orders.queries import visible_order
from mall.graphql.rebates.history import visible_installment, visible_rebate
from mall.graphql.rebates.rules import visible_rebate_rule
from mall.graphql.relay import Node, decode_any_id
from mall.graphql.wallet.queries import visible_wallet_entry
from mall.graphql.wallet.withdrawals import visible_top_up, visible_withdrawal


async def _user(info: Info, pk: int) -> UserType | None:
    viewer = await info.context.viewer()
    if viewer is None:
        return None
    actor = await info.context.actor()
    if viewer.user.id != pk and not (actor.has(Permission.MANAGE_USERS) or actor.has(Permission.MANAGE_STAFF)):
        return None
    user = await info.context.loader(UserByIdLoader).load(pk)
    if user is None or user.deleted_at is not None:
        return None
    if user.id != viewer.user.id and user.is_staff and not actor.has(Permission.MANAGE_STAFF):
        return None
    return UserType.from_model(user)


async def _address(info: Info, pk: int) -> AddressType | None:
    viewer = await info.context.viewer()
    if viewer is None:
        return None
    address = await addresses.own_address(viewer.user.id, pk)
    return AddressType.from_model(address) if address else None


async def _session(info: Info, pk: int) -> SessionType | None:
    viewer = await info.context.viewer()
    if viewer is None:
        return None
    session = await sessions.own_session(viewer.user.id, pk)
    return SessionType.from_model(session) if session else None


async def _audit_record(info: Info, pk: int) -> AuditRecordType | None:
    actor = await info.context.actor()
    if not actor.has(Permission.MANAGE_STAFF):
        return None
    record = await audit.record_by_id(pk)
    return AuditRecordType.from_model(record, reader=actor) if record else None


async def _product(info: Info, pk: int) -> ProductType | None:
    actor = await info.context.actor()
    product = await visibility.product(actor, product_id=pk)
    return ProductType.from_model(product, staff=actor.has(Permission.MANAGE_PRODUCTS)) if product else None


async def _variant(info: Info, pk: int) -> VariantType | None:
    actor = await info.context.actor()
    variant = await visibility.variant(actor, pk)
    return VariantType.from_model(variant, staff=actor.has(Permission.MANAGE_PRODUCTS)) if variant else None


async def _category(info: Info, pk: int) -> CategoryType | None:
    category = await info.context.loader(CategoryByIdLoader).load(pk)
    return CategoryType.from_model(category) if category else None


RESOLVERS: dict[str, Callable[[Info, int], Awaitable[Node | None]]] = {
    "Product": _product,
    "ProductVariant": _variant,
    "Category": _category,
    "User": _user,
    "Address": _address,
    "Session": _session,
    "AuditRecord": _audit_record,
    "Order": visible_order,
    "WalletEntry": visible_wallet_entry,
    "Withdrawal": visible_withdrawal,
    "TopUp": visible_top_up,
    "RebateRule": visible_rebate_rule,
    "Rebate": visible_rebate,
    "RebateInstallment": visible_installment,
}


@strawberry.type
class NodeQueries:
    @strawberry.field(description="Fetch any object by its global ID; null if it does not exist or is not yours to see.")
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        type_name, pk = decode_any_id(id)
        resolver = RESOLVERS.get(type_name)
        return await resolver(info, pk) if resolver else None
