"""Query limits (DESIGN §4): depth, aliases and cost.

Depth and aliases are validation rules: module-level classes reading their
limits from settings, so the validation cache keys stay stable across
requests (Strawberry's own limiters build a new rule class per request,
which defeats that cache). Cost needs the variables (``first: $n``), so it is
checked after validation, before execution. Token counts are limited at
parse time (``MaxTokensLimiter``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from graphql import (
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationRule,
    VariableNode,
)
from strawberry.extensions import SchemaExtension

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

# A list field without first/last (a product's variants) is assumed this long.
_DEFAULT_PAGE = 20


def _page_argument(field: FieldNode, variables: Mapping[str, Any]) -> int | None:
    for argument in field.arguments or ():
        if argument.name.value not in ("first", "last"):
            continue
        node = argument.value
        value = variables.get(node.name.value) if isinstance(node, VariableNode) else getattr(node, "value", None)
        if value is not None:
            try:
                return max(int(value), 0)
            except (TypeError, ValueError):
                return _DEFAULT_PAGE
    return None


def query_cost(
    selection_set: SelectionSetNode | None,
    fragments: Mapping[str, FragmentDefinitionNode],
    variables: Mapping[str, Any],
    seen: frozenset[str] = frozenset(),
) -> int:
    """Fields that may be resolved: each field counts once per parent it can appear under.

    A field taking ``first``/``last`` multiplies everything below it by that
    page size (connections), so nested lists cannot hide their fan-out.
    """
    if selection_set is None:
        return 0
    total = 0
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            page = _page_argument(selection, variables)
            below = query_cost(selection.selection_set, fragments, variables, seen)
            total += 1 + (page if page is not None else 1) * below
        elif isinstance(selection, InlineFragmentNode):
            total += query_cost(selection.selection_set, fragments, variables, seen)
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            if name in fragments and name not in seen:
                total += query_cost(fragments[name].selection_set, fragments, variables, seen | {name})
    return total


class CostLimit(SchemaExtension):
    """Refuse an operation whose cost exceeds ``MALL_MAX_QUERY_COST`` before executing it."""

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None and not context.result:
            fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
            operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
            chosen = [o for o in operations if context.operation_name is None or (o.name and o.name.value == context.operation_name)]
            limit = get_settings().max_query_cost
            if chosen:
                cost = query_cost(chosen[0].selection_set, fragments, context.variables or {})
                if cost > limit:
                    error = GraphQLError(f"This operation could resolve {cost} fields; the limit is {limit}. Ask for smaller pages.")
                    context.result = ExecutionResult(data=None, errors=[error])
        yield
