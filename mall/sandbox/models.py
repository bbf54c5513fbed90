"""The sandbox clock offset, shared by every process through the database."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class SandboxClock(Model):
    """A single row (id 1): how far the sandbox clock runs ahead of real time."""

    id = fields.IntField(primary_key=True)
    offset_us = fields.BigIntField(default=0)
    set_at = fields.DatetimeField()
    set_by_id = fields.BigIntField(null=True)

    class Meta:
        table = "sandbox_clock"

    def __str__(self) -> str:
        return f"sandbox clock offset {self.offset_us} µs"
