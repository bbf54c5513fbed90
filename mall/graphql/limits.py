"""Query limits (DESIGN §4): depth and aliases, checked during validation.

The rules are module-level classes reading their limits from settings, so
the validation cache keys stay stable across requests (Strawberry's own
limiters build a new rule class per request, which defeats that cache).
Token counts are limited at parse time (``MaxTokensLimiter``).
"""

from __future__ import annotations

from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationRule,
)

from mall.settings import get_settings

_INTROSPECTION = ("__schema", "__type")


def _depth(
    selection_set: SelectionSetNode | None,
    fragments: dict[str, FragmentDefinitionNode],
    seen: frozenset[str],
) -> int:
    if selection_set is None:
        return 0
    deepest = 0
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            if selection.name.value in _INTROSPECTION:
                continue
            deepest = max(deepest, 1 + _depth(selection.selection_set, fragments, seen))
        elif isinstance(selection, InlineFragmentNode):
            deepest = max(deepest, _depth(selection.selection_set, fragments, seen))
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            fragment = fragments.get(name)
            if fragment is not None and name not in seen:
                deepest = max(deepest, _depth(fragment.selection_set, fragments, seen | {name}))
    return deepest


class DepthLimit(ValidationRule):
    """Operations may nest fields at most ``MALL_MAX_QUERY_DEPTH`` deep (introspection aside)."""

    def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
        limit = get_settings().max_query_depth
        fragments = {
            definition.name.value: definition
            for definition in self.context.document.definitions
            if isinstance(definition, FragmentDefinitionNode)
        }
        depth = _depth(node.selection_set, fragments, frozenset())
        if depth > limit:
            name = node.name.value if node.name else "anonymous"
            self.report_error(GraphQLError(f"'{name}' exceeds the maximum query depth of {limit}.", node))


def _count_aliases(
    selection_set: SelectionSetNode | None,
    fragments: dict[str, FragmentDefinitionNode],
    seen: frozenset[str],
) -> int:
    if selection_set is None:
        return 0
    total = 0
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            total += (selection.alias is not None) + _count_aliases(selection.selection_set, fragments, seen)
        elif isinstance(selection, InlineFragmentNode):
            total += _count_aliases(selection.selection_set, fragments, seen)
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            fragment = fragments.get(name)
            if fragment is not None and name not in seen:
                total += _count_aliases(fragment.selection_set, fragments, seen | {name})
    return total


class AliasLimit(ValidationRule):
    """At most ``MALL_MAX_ALIASES`` aliases per operation (aliases multiply work cheaply)."""

    def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
        limit = get_settings().max_aliases
        fragments = {
            definition.name.value: definition
            for definition in self.context.document.definitions
            if isinstance(definition, FragmentDefinitionNode)
        }
        if _count_aliases(node.selection_set, fragments, frozenset()) > limit:
            self.report_error(GraphQLError(f"Operations may use at most {limit} aliases.", node))


RULES = (DepthLimit, AliasLimit)
