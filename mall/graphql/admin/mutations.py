"""Staff and customer administration mutations (audited by their services)."""

from __future__ import annotations

import strawberry

from mall.accounts import customers, staff
from mall.core.actors import Actor, Permission
from mall.graphql.accounts.mutations import UserPayload
from mall.graphql.accounts.types import PermissionEnum, UserType
from mall.graphql.context import Info
from mall.graphql.errors import UserError
from mall.graphql.relay import decode_id
from mall.graphql.runner import mutate


@strawberry.input
class StaffCreateInput:
    email: str
    password: str
    name: str = ""
    permissions: list[PermissionEnum]  # type: ignore[valid-type]


@strawberry.input
class StaffUpdateInput:
    user_id: strawberry.ID
    permissions: list[PermissionEnum] | None = None  # type: ignore[valid-type]
    is_active: bool | None = None


@strawberry.input
class CustomerUpdateInput:
    customer_id: strawberry.ID
    is_active: bool | None = None
    reason: str = ""


@strawberry.type
class CustomerUpdatePayload:
    customer: UserType | None = None
    user_errors: list[UserError]


@strawberry.type
class AdminMutations:
    @strawberry.mutation(description="Create a staff account. MANAGE_STAFF; only permissions you hold.")
    async def staff_create(self, info: Info, input: StaffCreateInput) -> UserPayload:
        async def action(actor: Actor) -> dict[str, object]:
            user = await staff.staff_create(
                actor, email=input.email, password=input.password, name=input.name,
                permissions=list(input.permissions),
            )
            return {"user": UserType.from_model(user)}

        return await mutate(info, UserPayload, action, permission=Permission.MANAGE_STAFF)

    @strawberry.mutation(description="Change a staff member's permissions or active flag. MANAGE_STAFF.")
    async def staff_update(self, info: Info, input: StaffUpdateInput) -> UserPayload:
        async def action(actor: Actor) -> dict[str, object]:
            user = await staff.staff_update(
                actor, user_id=decode_id(input.user_id, "User", field="userId"),
                permissions=list(input.permissions) if input.permissions is not None else None,
                is_active=input.is_active,
            )
            return {"user": UserType.from_model(user)}

        return await mutate(info, UserPayload, action, permission=Permission.MANAGE_STAFF)

    @strawberry.mutation(description="Activate or deactivate a customer (deactivating signs them out). MANAGE_USERS.")
    async def customer_update(self, info: Info, input: CustomerUpdateInput) -> CustomerUpdatePayload:
        async def action(actor: Actor) -> dict[str, object]:
            user = await customers.customer_update(
                actor, customer_id=decode_id(input.customer_id, "User", field="customerId"),
                is_active=input.is_active, reason=input.reason,
            )
            return {"customer": UserType.from_model(user)}

        return await mutate(info, CustomerUpdatePayload, action, permission=Permission.MANAGE_USERS)
