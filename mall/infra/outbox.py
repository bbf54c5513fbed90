"""The outbox (DESIGN §3.9): events written in the same transaction as the change they announce.

Only committed changes are ever published, and none is lost: a relay (the
real-time issue) reads unpublished rows in id order, hands them on and sets
``published_at``. Each event carries a stable id that subscribers and
webhooks can de-duplicate on.
"""

from __future__ import annotations

import uuid
from typing import Any

import orjson
from tortoise import connections, fields
from tortoise.models import Model

from mall.core.clock import clock
from mall.infra.transactions import in_transaction_block


class OutboxEvent(Model):
    id = fields.BigIntField(primary_key=True)
    event_id = fields.CharField(max_length=32, unique=True)
    topic = fields.CharField(max_length=64)
    aggregate_type = fields.CharField(max_length=32)
    aggregate_id = fields.BigIntField()
    # Whose event it is, so it reaches that customer's subscriptions (and staff's).
    customer_id = fields.BigIntField(null=True)
    payload: fields.Field[dict[str, Any]] = fields.JSONField()
    created_at = fields.DatetimeField()
    published_at = fields.DatetimeField(null=True)

    class Meta:
        table = "outbox_events"
        indexes = (("published_at", "id"),)

    def __str__(self) -> str:
        return f"{self.topic} {self.event_id}"


async def append(
    *, topic: str, aggregate_type: str, aggregate_id: int, customer_id: int | None, payload: dict[str, Any]
) -> OutboxEvent:
    """Record an event; call inside the transaction that makes the change."""
    if not in_transaction_block():
        raise RuntimeError("outbox.append() belongs inside the transaction of the change it announces")
    return await OutboxEvent.create(
        event_id=uuid.uuid4().hex, topic=topic, aggregate_type=aggregate_type, aggregate_id=aggregate_id,
        customer_id=customer_id, payload=payload, created_at=clock.now(),
    )


async def append_many(events: list[tuple[str, str, int, int | None, dict[str, Any]]]) -> None:
    """``append`` for a batch — (topic, aggregate type, aggregate id, customer id, payload) each — in one INSERT."""
    if not in_transaction_block():
        raise RuntimeError("outbox.append_many() belongs inside the transaction of the changes it announces")
    if not events:
        return
    now = clock.now()
    connection = connections.get("default")
    if connection.capabilities.dialect == "postgres":  # arrays in, one parameter per column
        columns = list(zip(*events, strict=True))
        await connection.execute_query(
            "INSERT INTO outbox_events (event_id, topic, aggregate_type, aggregate_id, customer_id, payload, created_at) "
            "SELECT e, t, a, i, c, p::jsonb, $7 FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], "
            "$5::bigint[], $6::text[]) AS v(e, t, a, i, c, p)",
            [[uuid.uuid4().hex for _ in events], list(columns[0]), list(columns[1]), list(columns[2]),
             list(columns[3]), [orjson.dumps(payload).decode() for payload in columns[4]], now])
        return
    await OutboxEvent.bulk_create([
        OutboxEvent(event_id=uuid.uuid4().hex, topic=topic, aggregate_type=aggregate_type, aggregate_id=aggregate_id,
                    customer_id=customer_id, payload=payload, created_at=now)
        for topic, aggregate_type, aggregate_id, customer_id, payload in events
    ])
