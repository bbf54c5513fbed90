"""Which requests the response cache may answer, and under what key.

Only anonymous reads of catalog data are cached: a query operation whose
root fields are all public catalog fields. The key covers everything the
response depends on besides the data itself: the document, the operation
name and the variables. The data's version (``mall.infra.cache``) makes entries
stale the moment the catalog changes.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from typing import Any

from graphql import (
    FieldNode,
    GraphQLError,
    OperationDefinitionNode,
    OperationType,
    parse,
)

from mall.catalog.invalidation import CACHE_SCOPE
from mall.settings import get_settings

SCOPE = CACHE_SCOPE
CACHEABLE_ROOT_FIELDS = frozenset({"products", "product", "categories", "shopSettings", "__typename"})
_DECISIONS_MAX = 1024
_decisions: OrderedDict[tuple[str, str | None], bool] = OrderedDict()


def _cacheable_document(query: str, operation_name: str | None) -> bool:
    try:
        document = parse(query)
    except GraphQLError:
        return False
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is not None:
        operations = [o for o in operations if o.name and o.name.value == operation_name]
    if len(operations) != 1 or operations[0].operation is not OperationType.QUERY:
        return False
    selections = operations[0].selection_set.selections
    # Fragments at the root are rare for these; not caching them keeps the rule simple.
    return all(isinstance(s, FieldNode) and s.name.value in CACHEABLE_ROOT_FIELDS for s in selections)


def cacheable(query: str, operation_name: str | None) -> bool:
    """Whether an anonymous request for this document may be served from the cache (memoised)."""
    key = (query, operation_name)
    decision = _decisions.get(key)
    if decision is None:
        decision = _cacheable_document(query, operation_name)
        _decisions[key] = decision
        if len(_decisions) > _DECISIONS_MAX:
            _decisions.popitem(last=False)
    return decision


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


def request_key(payload: Any) -> str | None:
    """The cache key of a request payload ({query, operationName, variables}), or None if not cacheable."""
    if not isinstance(payload, dict):
        return None
    query, operation_name, variables = payload.get("query"), payload.get("operationName"), payload.get("variables")
    if not isinstance(query, str) or not isinstance(operation_name, str | None) or not isinstance(variables, dict | None):
        return None
    if len(query) > 20_000 or not cacheable(query, operation_name):
        return None
    material = json.dumps(
        [_settings_fingerprint(), query, operation_name, variables or {}],
        sort_keys=True, ensure_ascii=False, separators=(",", ":"),
    )
    return hashlib.sha256(material.encode()).hexdigest()
