"""The mutation runner, ``mutate()``: call the service, turn a ``DomainError`` into userErrors.

Every mutation payload has ``userErrors``; anything other than a
``DomainError`` propagates and is masked as a bug. The service runs to
completion (commit or rollback) even if the client goes away meanwhile:
cancelled half-way, Tortoise would keep a connection or SQLite's lock.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from mall.core.actors import Actor, Permission
from mall.core.errors import DomainError, Unauthenticated
from mall.graphql.context import Info
from mall.graphql.errors import user_errors
from mall.infra.transactions import run_to_completion

PayloadT = TypeVar("PayloadT")


async def mutate(
    info: Info,
    payload: Callable[..., PayloadT],
    action: Callable[[Actor], Coroutine[Any, Any, dict[str, Any]]],
    *,
    permission: Permission | None = None,
    signed_in: bool = False,
) -> PayloadT:
    """``payload(**await action(actor), user_errors=[])``, or ``payload(user_errors=…)``.

    ``permission``/``signed_in`` are checked before the action runs, so a
    caller without them hears that first, not about malformed ids in the
    input. The services check again: this only orders the answers.
    """
    actor = await info.context.actor()
    try:
        if permission is not None:
            actor.require(permission)
        elif signed_in:
            actor.require_user()
        fields = await run_to_completion(action(actor))
    except Unauthenticated as exc:
        # Say why when a token was sent but is no good (expired, revoked).
        token_error = info.context.token_error
        reason = Unauthenticated(token_error.message) if token_error else exc
        return payload(user_errors=user_errors(reason, prefix=()))
    except DomainError as exc:
        return payload(user_errors=user_errors(exc))
    finally:
        # What the payload shows must be read after the change, not from a cache.
        info.context.clear_loaders()
    return payload(**fields, user_errors=[])
