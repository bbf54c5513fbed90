"""Idempotency keys with Stripe's semantics, for every money-moving mutation.

A key is scoped to the caller and the operation. ``once()``:

- claims the key with an INSERT in its own short transaction, so the unique
  constraint decides a race between two requests carrying it;
- runs the work, and in the SAME transaction marks the key DONE with a
  reference to the result (``{"orderId": 5}``), so a result exists exactly
  when its key says so;
- if the work fails, deletes the claim: the work was rolled back, so a
  corrected retry may run;
- for a key already DONE with the same request fingerprint, answers the
  first result again without running anything; with another fingerprint,
  IDEMPOTENCY_MISMATCH; for a key still IN_PROGRESS, IDEMPOTENCY_IN_PROGRESS.

Keys are kept at least ``KEEP_FOR`` (24 hours); an expired key may be
claimed again (deleting old rows is a job, later). A process that dies
mid-work leaves its claim IN_PROGRESS until it expires.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from tortoise import fields
from tortoise.exceptions import IntegrityError
from tortoise.models import Model

from mall.core.clock import clock
from mall.core.errors import DomainError, ErrorCode, InvalidInput
from mall.infra.transactions import transaction

KEEP_FOR = dt.timedelta(hours=24)
MAX_KEY_LENGTH = 64
_KEY = re.compile(r"[\x21-\x7e]{1,64}")  # printable ASCII, no spaces

T = TypeVar("T")


class KeyState(enum.StrEnum):
    IN_PROGRESS = "IN_PROGRESS"
    DONE = "DONE"


class IdempotencyKey(Model):
    id = fields.BigIntField(primary_key=True)
    user_id = fields.BigIntField()
    operation = fields.CharField(max_length=64)
    key = fields.CharField(max_length=MAX_KEY_LENGTH)
    fingerprint = fields.CharField(max_length=64)
    state = fields.CharEnumField(KeyState, max_length=16)
    result: fields.Field[dict[str, Any] | None] = fields.JSONField(null=True)
    created_at = fields.DatetimeField()
    expires_at = fields.DatetimeField()

    class Meta:
        table = "idempotency_keys"
        unique_together = (("user_id", "operation", "key"),)
        indexes = (("expires_at",),)

    def __str__(self) -> str:
        return f"{self.operation} {self.key}"


class IdempotencyMismatch(DomainError):
    """The key was used before with a different request."""

    code = ErrorCode.IDEMPOTENCY_MISMATCH


class IdempotencyInProgress(DomainError):
    """A request with this key is still running: it is refused, not run twice."""

    code = ErrorCode.IDEMPOTENCY_IN_PROGRESS


def check_key(key: str, *, field: str = "idempotencyKey") -> str:
    """``key`` if it is 1–64 printable ASCII characters without spaces; ``InvalidInput`` otherwise."""
    if not _KEY.fullmatch(key):
        raise InvalidInput.one(field, f"An idempotency key is 1 to {MAX_KEY_LENGTH} printable ASCII characters, no spaces.")
    return key


async def once(
    *,
    user_id: int,
    operation: str,
    key: str,
    fingerprint: str,
    work: Callable[[], Awaitable[T]],
    remember: Callable[[T], dict[str, Any]],
    recall: Callable[[dict[str, Any]], Awaitable[T]],
) -> T:
    """Run ``work`` once per (user, operation, key); a replay answers ``recall(remember(first result))``."""
    check_key(key)
    claim_id = await _claim(user_id, operation, key, fingerprint)
    if isinstance(claim_id, dict):
        return await recall(claim_id)
    try:
        async with transaction():
            result = await work()
            done = await IdempotencyKey.filter(id=claim_id, state=KeyState.IN_PROGRESS).update(
                state=KeyState.DONE, result=remember(result)
            )
            if not done:  # only if the claim vanished meanwhile: never commit work twice
                raise IdempotencyInProgress("This request is already being processed.")
    except BaseException:
        async with transaction():
            await IdempotencyKey.filter(id=claim_id, state=KeyState.IN_PROGRESS).delete()
        raise
    return result


async def _claim(user_id: int, operation: str, key: str, fingerprint: str) -> int | dict[str, Any]:
    """The id of a new IN_PROGRESS claim, or the stored result of the same request done before."""
    for _ in range(2):
        now = clock.now()
        try:
            async with transaction():
                row = await IdempotencyKey.create(
                    user_id=user_id, operation=operation, key=key, fingerprint=fingerprint,
                    state=KeyState.IN_PROGRESS, created_at=now, expires_at=now + KEEP_FOR,
                )
            return row.id
        except IntegrityError:
            pass
        existing = await IdempotencyKey.get_or_none(user_id=user_id, operation=operation, key=key)
        if existing is None:
            continue  # released meanwhile: claim again
        if existing.expires_at <= now:
            await IdempotencyKey.filter(id=existing.id, expires_at__lte=now).delete()
            continue
        if existing.fingerprint != fingerprint:
            raise IdempotencyMismatch(
                "This idempotency key was used with a different request.", field="idempotencyKey"
            )
        if existing.state is KeyState.IN_PROGRESS or existing.result is None:
            raise IdempotencyInProgress("A request with this idempotency key is still in progress.", field="idempotencyKey")
        return existing.result
    raise IdempotencyInProgress("A request with this idempotency key is still in progress.", field="idempotencyKey")


async def purge_expired(now: dt.datetime, *, batch: int = 1000) -> int:
    """Delete keys past their ``expires_at`` (a scheduled job), at most ``batch`` a run; how many."""
    ids = await IdempotencyKey.filter(expires_at__lt=now).order_by("id").limit(batch).values_list("id", flat=True)
    if not ids:
        return 0
    return int(await IdempotencyKey.filter(id__in=list(ids), expires_at__lt=now).delete())
