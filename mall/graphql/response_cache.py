"""Which requests the response cache may answer, and under what key.

Only anonymous reads of catalog data are cached: a query operation whose
root fields are all public catalog fields. The key covers everything the
response depends on besides the data itself, and nothing else, so that
variations a client can make for free do not make new entries: the
document as parsed and printed (the operation selected, with the fragments;
comments, spacing and other operations gone), and the operation's variables
as coerced against their declared types (undeclared variables ignored, ``1``
and ``1.0`` one value). Variables that do not coerce are not cached: the
request runs and gets its error. The data's version (``mall.infra.cache``)
makes entries stale the moment the catalog changes; stock numbers are
served fresh on every hit (``mall.graphql.fresh_stock``).

Time changes what the catalog shows too: products show the rebate rules
live now (``rebateHints``), and a rule's window opens or closes with no
write to expire anything. So an entry lives at most until the next window
boundary of an ACTIVE rule (``entry_ttl``, from ``rebates.windows``, which
remembers that boundary per cache version instead of reading the rules per
request), and the sandbox clock's offset is part of the key: moving the
sandbox clock, forwards or back, reaches other entries.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import json
from collections.abc import Mapping
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    GraphQLError,
    GraphQLInputType,
    GraphQLSchema,
    OperationDefinitionNode,
    OperationType,
    Undefined,
    coerce_input_value,
    is_input_type,
    is_non_null_type,
    print_ast,
    type_from_ast,
)

from mall.catalog.invalidation import CACHE_SCOPE
from mall.core.clock import clock
from mall.graphql.documents import MAX_CACHED_TEXT, TextBoundedLru, parse_cached
from mall.rebates import windows
from mall.settings import get_settings

SCOPE = CACHE_SCOPE
# Part of every key: entries stored in another format (by an older release
# sharing the Redis) are never read.
ENTRY_FORMAT = "stock-holes/1"
CACHEABLE_ROOT_FIELDS = frozenset({"products", "product", "categories", "shopSettings", "__typename"})


@dataclasses.dataclass(frozen=True)
class _Plan:
    """What a cacheable document contributes to the key."""

    document: str  # digest of the printed operation and fragments
    variables: tuple[tuple[str, GraphQLInputType, bool], ...]  # name, type, has a default


_plans: TextBoundedLru[_Plan | None] = TextBoundedLru()


def _operation(document: DocumentNode, operation_name: str | None) -> OperationDefinitionNode | None:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is not None:
        operations = [o for o in operations if o.name and o.name.value == operation_name]
    if len(operations) != 1 or operations[0].operation is not OperationType.QUERY:
        return None
    # Fragments at the root are rare for these; not caching them keeps the rule simple.
    selections = operations[0].selection_set.selections
    if not all(isinstance(s, FieldNode) and s.name.value in CACHEABLE_ROOT_FIELDS for s in selections):
        return None
    return operations[0]


def _plan(query: str, operation_name: str | None, schema: GraphQLSchema) -> _Plan | None:
    try:
        document = parse_cached(query, max_tokens=get_settings().max_query_tokens)
    except GraphQLError:
        return None
    operation = _operation(document, operation_name)
    if operation is None:
        return None
    fragments = tuple(d for d in document.definitions if isinstance(d, FragmentDefinitionNode))
    printed = print_ast(DocumentNode(definitions=(operation, *fragments)))
    variables = []
    for definition in operation.variable_definitions or ():
        type_ = type_from_ast(schema, definition.type)
        if type_ is None or not is_input_type(type_):
            return None  # refused by validation: nothing to store
        variables.append((definition.variable.name.value, type_, definition.default_value is not None))
    return _Plan(hashlib.sha256(printed.encode()).hexdigest(), tuple(variables))


def _plain(value: object) -> object:
    """A coerced value JSON cannot hold (input objects, enums, custom scalars), told apart by its type."""
    kind = type(value).__qualname__
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {"__type": kind, **{f.name: getattr(value, f.name) for f in dataclasses.fields(value)}}
    if isinstance(value, enum.Enum):
        return [kind, value.name]
    return [kind, repr(value)]


def _coerced_variables(plan: _Plan, given: Mapping[str, Any]) -> str | None:
    values: dict[str, Any] = {}
    for name, type_, has_default in plan.variables:
        if name not in given:
            if is_non_null_type(type_) and not has_default:
                return None
            continue  # the default, printed in the document, applies
        try:
            value = coerce_input_value(given[name], type_)
        except Exception:  # noqa: BLE001 - an input class refusing it: the request reports it, uncached
            return None
        if value is Undefined:
            return None
        values[name] = value
    return json.dumps(values, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_plain)


_fingerprint: tuple[object, str] | None = None


def _settings_fingerprint() -> str:
    """Responses depend on settings too (currency, shopSettings): a restart with other
    settings must not be served entries that a shared Redis still holds. Remembered
    for the settings object it was computed from (held, so its id is never reused)."""
    global _fingerprint
    settings = get_settings()
    if _fingerprint is None or _fingerprint[0] is not settings:
        _fingerprint = (settings, hashlib.sha256(settings.model_dump_json().encode()).hexdigest()[:16])
    return _fingerprint[1]


def request_key(payload: Any, schema: GraphQLSchema) -> str | None:
    """The cache key of a request payload ({query, operationName, variables}), or None if not cacheable."""
    if not isinstance(payload, dict):
        return None
    query, operation_name, variables = payload.get("query"), payload.get("operationName"), payload.get("variables")
    if not isinstance(query, str) or not isinstance(operation_name, str | None) or not isinstance(variables, dict | None):
        return None
    if len(query) > MAX_CACHED_TEXT:
        return None  # not remembered parsed either: a key would cost a parse per request
    plan = _plans.get_or_make(query, (operation_name, schema), lambda: _plan(query, operation_name, schema))
    if plan is None:
        return None
    coerced = _coerced_variables(plan, variables or {})
    if coerced is None:
        return None
    offset = clock.offset // dt.timedelta(microseconds=1)
    material = f"{ENTRY_FORMAT}\n{_settings_fingerprint()}\n{offset}\n{plan.document}\n{coerced}"
    return hashlib.sha256(material.encode()).hexdigest()


async def entry_ttl(started: dt.datetime, version: int) -> int:
    """How long an answer computed from ``started`` on, at cache ``version``, may be kept, in whole seconds:
    the configured TTL, cut to end no later than the next rule window boundary after ``started`` (0: do not
    keep it, a boundary is less than a second away or already passed while it was computed)."""
    ttl = get_settings().response_cache_ttl_seconds
    boundary = await windows.next_boundary(started, (SCOPE, version))
    if boundary is None:
        return ttl
    return max(0, min(ttl, int((boundary - clock.now()).total_seconds())))
