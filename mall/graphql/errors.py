"""How failures reach clients (DESIGN §4).

- Expected failures of mutations (``DomainError``) become ``userErrors``.
- Query fields needing a sign-in or permission, and bad arguments, raise a
  top-level ``ApiError`` with ``extensions.code``.
- Everything else that escapes a resolver is a bug: masked as "Unexpected
  error", logged with the request id.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

import strawberry
from graphql import GraphQLError
from strawberry.extensions import MaskErrors

from mall.core.errors import DomainError, ErrorCode
from mall.infra import logs

logger = logging.getLogger("mall.graphql")
_SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")

UserErrorCode = strawberry.enum(
    ErrorCode, name="UserErrorCode", description="Why a mutation (or preview) refused the input."
)


@strawberry.type(description="An expected failure: nothing was changed.")
class UserError:
    field: list[str] | None = strawberry.field(description="Path to the input field at fault, if one is.")
    code: UserErrorCode  # type: ignore[valid-type]
    message: str


def user_errors(error: DomainError, *, prefix: Sequence[str] = ("input",)) -> list[UserError]:
    return [
        UserError(field=[*prefix, *problem.field] if problem.field else None, code=problem.code, message=problem.message)
        for problem in error.problems
    ]


class ApiError(GraphQLError):
    """A deliberate top-level error with a stable ``extensions.code``."""

    code = "BAD_USER_INPUT"

    def __init__(self, message: str) -> None:
        super().__init__(message, extensions={"code": self.code})


class Unauthenticated(ApiError):
    code = "UNAUTHENTICATED"

    def __init__(self, message: str = "Sign in to see this.") -> None:
        super().__init__(message)


class Forbidden(ApiError):
    code = "FORBIDDEN"


class BadUserInput(ApiError):
    code = "BAD_USER_INPUT"


def _is_deliberate(error: GraphQLError) -> bool:
    return isinstance(error.original_error, ApiError) or isinstance(error, ApiError)


def should_mask(error: GraphQLError) -> bool:
    """Mask execution errors that nobody raised on purpose.

    Request errors (syntax, validation, limits, bad variables) carry no path
    and are the client's to read; so are ``ApiError``s.
    """
    return error.path is not None and not _is_deliberate(error)


class MaskUnexpectedErrors(MaskErrors):
    """``MaskErrors`` that logs what it hides and tells the client the request id."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=should_mask, error_message="Unexpected error.")

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        request_id = logs.request_id.get()
        original = error.original_error or error
        logger.error(
            "unexpected error at %s: %s", ".".join(map(str, error.path or ())), error.message,
            exc_info=(type(original), original, original.__traceback__),
        )
        return GraphQLError(
            message=self.error_message,
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
            extensions={"code": "INTERNAL_SERVER_ERROR", "requestId": request_id},
        )


class HideSuggestions(MaskErrors):
    """Strip "Did you mean …?" from every error, over HTTP and WebSocket alike (outside debug).

    graphql-core suggests names of types, arguments and enum values even with
    field suggestions disabled: they reveal the schema with introspection off.
    """

    def __init__(self) -> None:
        super().__init__(should_mask_error=lambda error: _SUGGESTION.search(error.message) is not None)

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        return GraphQLError(
            message=_SUGGESTION.sub("", error.message),
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
            original_error=error.original_error,
            extensions=error.extensions,
        )
