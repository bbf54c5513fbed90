"""Staff lists: staff members, customers, the audit log."""

from __future__ import annotations

from functools import partial

import strawberry

from mall.accounts import customers, staff
from mall.audit import services as audit
from mall.core.actors import Permission
from mall.graphql.accounts.types import UserType
from mall.graphql.admin.types import AuditRecordType
from mall.graphql.context import Info
from mall.graphql.permissions import require_permission
from mall.graphql.relay import Connection, connection


# Nullable, so a FORBIDDEN here leaves the rest of the response intact.
@strawberry.type
class AdminQueries:
    @strawberry.field(description="Staff accounts. MANAGE_STAFF.")
    async def staff(
        self, info: Info, first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
    ) -> Connection[UserType] | None:
        await require_permission(info, Permission.MANAGE_STAFF)
        return await connection(staff.staff_members(), first=first, after=after, last=last, before=before,
                                to_node=UserType.from_model)

    @strawberry.field(description="Customer accounts, newest first; search matches email, mobile or name. MANAGE_USERS.")
    async def customers(
        self, info: Info, first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None, search: str | None = None,
    ) -> Connection[UserType] | None:
        await require_permission(info, Permission.MANAGE_USERS)
        return await connection(customers.customers(search), first=first, after=after, last=last, before=before,
                                to_node=UserType.from_model)

    @strawberry.field(description="Every admin action, newest first. MANAGE_STAFF.")
    async def audit_log(
        self, info: Info, first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
    ) -> Connection[AuditRecordType] | None:
        reader = await require_permission(info, Permission.MANAGE_STAFF)
        return await connection(audit.records(), first=first, after=after, last=last, before=before,
                                to_node=partial(AuditRecordType.from_model, reader=reader))
