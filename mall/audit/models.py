"""One append-only table: a record per admin action."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class AuditRecord(Model):
    id = fields.BigIntField(primary_key=True)
    at = fields.DatetimeField()
    actor_kind = fields.CharField(max_length=16)
    # No foreign key: the record outlives whatever it names, and the actor
    # may be the system.
    actor_id = fields.BigIntField(null=True)
    action = fields.CharField(max_length=64)
    target = fields.CharField(max_length=128)
    old_value = fields.JSONField(null=True)
    new_value = fields.JSONField(null=True)
    reason = fields.CharField(max_length=500, default="")
    request_id = fields.CharField(max_length=64, default="")
    client_ip = fields.CharField(max_length=45, default="")

    class Meta:
        table = "audit_records"
        indexes = (("actor_id",), ("target",))

    def __str__(self) -> str:
        return f"{self.action} on {self.target}"
