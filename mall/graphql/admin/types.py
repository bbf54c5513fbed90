"""The audit record type."""

from __future__ import annotations

import strawberry

from mall.audit.models import AuditRecord
from mall.audit.visibility import visible_values
from mall.core.actors import Actor
from mall.graphql.accounts.loaders import UserByIdLoader
from mall.graphql.accounts.types import UserType
from mall.graphql.context import Info
from mall.graphql.relay import Node, encode_id
from mall.graphql.scalars import JSON, DateTime


@strawberry.type(name="AuditRecord", description="One admin action: who, when, what, from what, to what.")
class AuditRecordType(Node):
    at: DateTime  # type: ignore[valid-type]
    actor_kind: str
    action: str
    target: str
    old_value: JSON | None  # type: ignore[valid-type]
    new_value: JSON | None  # type: ignore[valid-type]
    reason: str
    _actor_id: strawberry.Private[int | None]

    @strawberry.field(description="The staff member who acted; null for the system.")
    async def actor(self, info: Info) -> UserType | None:
        if self._actor_id is None:
            return None
        user = await info.context.loader(UserByIdLoader).load(self._actor_id)
        return UserType.from_model(user) if user else None

    @classmethod
    def from_model(cls, record: AuditRecord, *, reader: Actor) -> AuditRecordType:
        """The record as ``reader`` may see it (values it may not see left out)."""
        return cls(
            id=strawberry.ID(encode_id("AuditRecord", record.id)),
            at=record.at,
            actor_kind=record.actor_kind,
            action=record.action,
            target=record.target,
            old_value=visible_values(record.old_value, target=record.target, reader=reader),
            new_value=visible_values(record.new_value, target=record.target, reader=reader),
            reason=record.reason,
            _actor_id=record.actor_id,
        )
