"""Writing and reading the audit log.

``record`` is called by each admin service inside its own transaction, so the
record and the change commit together or not at all.
"""

from __future__ import annotations

from typing import Any

from mall.audit.models import AuditRecord
from mall.core.actors import Actor
from mall.core.clock import clock
from mall.core.paging import Ordering
from mall.infra.pages import QuerySetSource

_NEWEST_FIRST = Ordering.of(("-id", int))


async def record(
    actor: Actor,
    *,
    action: str,
    target: str,
    old: dict[str, Any] | None = None,
    new: dict[str, Any] | None = None,
    reason: str = "",
) -> AuditRecord:
    """Append one audit record: who did ``action`` to ``target``, from ``old`` to ``new``."""
    return await AuditRecord.create(
        at=clock.now(),
        actor_kind=actor.kind.value,
        actor_id=actor.user_id,
        action=action,
        target=target,
        old_value=old,
        new_value=new,
        reason=reason[:500],
        request_id=actor.request_id or "",
        client_ip=actor.client_ip or "",
    )


def records() -> QuerySetSource[AuditRecord]:
    """Every audit record, newest first."""
    return QuerySetSource(AuditRecord.all(), _NEWEST_FIRST)


async def record_by_id(record_id: int) -> AuditRecord | None:
    return await AuditRecord.get_or_none(id=record_id)


def changes(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the keys whose values differ, as (old, new)."""
    keys = [k for k in after if before.get(k) != after[k]]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}
