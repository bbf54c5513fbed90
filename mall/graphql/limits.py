"""Query limits (DESIGN §4): tokens, depth, aliases and cost.

Depth and aliases are validation rules: module-level classes reading their
limits from settings, so the validation cache keys stay stable across
requests (Strawberry's own limiters build a new rule class per request,
which defeats that cache). Cost needs the variables (``first: $n``), so it is
checked after validation, before execution. Token counts are limited at
parse time, and the work validation would take (``mall.graphql.selections``)
between parsing and validation.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from graphql import (
    DocumentNode,
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLNamedType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationRule,
    VariableNode,
    get_named_type,
    get_nullable_type,
    is_list_type,
    value_from_ast_untyped,
)
from strawberry.extensions import SchemaExtension

from mall.graphql.selections import measure, too_much
from mall.settings import get_settings

_INTROSPECTION = ("__schema", "__type")
# A connection asked for without first/last returns a default page; a plain
# list (a product's variants, a variant's options) is assumed this long.
_DEFAULT_PAGE = 20
_TYPICAL_LIST = 5


class _Measure:
    """Folds one number over a selection set, each fragment computed once per document.

    Memoising fragments keeps the walk linear: without it a chain of
    fragments each spreading the next twice takes exponential time.
    """

    def __init__(self, fragments: Mapping[str, FragmentDefinitionNode]) -> None:
        self.fragments = fragments
        self._memo: dict[str, int] = {}

    def of(self, selection_set: SelectionSetNode | None) -> int:
        raise NotImplementedError

    def fragment(self, name: str) -> int:
        if name not in self._memo:
            fragment = self.fragments.get(name)
            self._memo[name] = 0  # a cycle (refused by validation anyway) counts nothing
            self._memo[name] = self.of(fragment.selection_set) if fragment else 0
        return self._memo[name]

    def parts(self, selection_set: SelectionSetNode | None) -> Iterator[FieldNode | int]:
        """Fields of the selection, and the measures of its fragments."""
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                yield selection
            elif isinstance(selection, InlineFragmentNode):
                yield self.of(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                yield self.fragment(selection.name.value)


class _Depth(_Measure):
    def of(self, selection_set: SelectionSetNode | None) -> int:
        deepest = 0
        for part in self.parts(selection_set):
            if isinstance(part, FieldNode):
                if part.name.value in _INTROSPECTION:
                    continue
                part = 1 + self.of(part.selection_set)
            deepest = max(deepest, part)
        return deepest


class _Aliases(_Measure):
    def of(self, selection_set: SelectionSetNode | None) -> int:
        total = 0
        for part in self.parts(selection_set):
            if isinstance(part, FieldNode):
                part = (part.alias is not None) + self.of(part.selection_set)
            total += part
        return total


class _Cost:
    """Fields that may be resolved, walking the schema's types as well as the document.

    A field taking ``first``/``last`` multiplies what is below it by the page
    asked for (the default page when not given); any other list by a typical
    list length (``_TYPICAL_LIST``: a cost is an estimate, meant to stop
    nested fan-out, not honest pages). Each fragment is costed once per context.
    """

    def __init__(
        self, fragments: Mapping[str, FragmentDefinitionNode], variables: Mapping[str, Any], schema: GraphQLSchema | None
    ) -> None:
        self.fragments = fragments
        self.variables = variables
        self.schema = schema
        self._memo: dict[tuple[str, bool], int] = {}

    def _type(self, name: str | None) -> GraphQLNamedType | None:
        return self.schema.get_type(name) if self.schema is not None and name else None

    def fragment(self, name: str, paged: bool) -> int:
        key = (name, paged)
        if key not in self._memo:
            fragment = self.fragments.get(name)
            self._memo[key] = 0  # a cycle (refused by validation anyway) counts nothing
            if fragment is not None:
                self._memo[key] = self.of(fragment.selection_set, self._type(fragment.type_condition.name.value), paged)
        return self._memo[key]

    def _multiplier(self, field: FieldNode, definition: GraphQLField | None, *, paged: bool) -> tuple[int, bool]:
        """How many times what is below this field may appear, and whether it is a page."""
        page = _page_argument(field, self.variables)
        if page is not None:
            return page, True
        if definition is None:
            return 1, False
        if "first" in definition.args or "last" in definition.args:
            return _DEFAULT_PAGE, True
        # The edges of a page are that page, already counted.
        is_list = is_list_type(get_nullable_type(definition.type))
        return (_TYPICAL_LIST if is_list and not paged else 1), False

    def of(self, selection_set: SelectionSetNode | None, parent: GraphQLNamedType | None, paged: bool = False) -> int:
        total = 0
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                fields = getattr(parent, "fields", None) or {}
                definition = fields.get(selection.name.value)
                child = get_named_type(definition.type) if definition is not None else None
                times, page = self._multiplier(selection, definition, paged=paged)
                total += 1 + times * self.of(selection.selection_set, child, paged=page)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition.name.value if selection.type_condition else None
                total += self.of(selection.selection_set, self._type(condition) or parent, paged)
            elif isinstance(selection, FragmentSpreadNode):
                total += self.fragment(selection.name.value, paged)
        return total


def _fragments(document: DocumentNode) -> dict[str, FragmentDefinitionNode]:
    return {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}


class DepthLimit(ValidationRule):
    """Operations may nest fields at most ``MALL_MAX_QUERY_DEPTH`` deep (introspection aside)."""

    def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
        limit = get_settings().max_query_depth
        if _Depth(_fragments(self.context.document)).of(node.selection_set) > limit:
            name = node.name.value if node.name else "anonymous"
            self.report_error(GraphQLError(f"'{name}' exceeds the maximum query depth of {limit}.", node))


class AliasLimit(ValidationRule):
    """At most ``MALL_MAX_ALIASES`` aliases per operation (aliases multiply work cheaply)."""

    def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
        limit = get_settings().max_aliases
        if _Aliases(_fragments(self.context.document)).of(node.selection_set) > limit:
            self.report_error(GraphQLError(f"Operations may use at most {limit} aliases.", node))


RULES = (DepthLimit, AliasLimit)


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
    *,
    schema: GraphQLSchema | None = None,
    root: GraphQLNamedType | None = None,
) -> int:
    """Fields that may be resolved: each field counts once per parent it can appear under.

    A field taking ``first``/``last`` multiplies everything below it by that
    page size (connections), so nested lists cannot hide their fan-out. With
    the schema, a connection asked for without ``first`` counts as a default
    page and a plain list (a product's variants) as a typical list.
    """
    return _Cost(fragments, variables, schema).of(selection_set, root)


def _variables_with_defaults(operation: OperationDefinitionNode, given: Mapping[str, Any]) -> dict[str, Any]:
    """A variable left out takes its default, which a cost must count too."""
    values = {
        definition.variable.name.value: value_from_ast_untyped(definition.default_value)
        for definition in operation.variable_definitions or ()
        if definition.default_value is not None
    }
    return {**values, **given}


class QueryLimits(SchemaExtension):
    """Every limit in one extension (each extension costs per request):
    tokens at parse time, selections before validating, depth and aliases as
    validation rules, and the cost, which needs the variables, before executing."""

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context
        context.parse_options["max_tokens"] = get_settings().max_query_tokens
        context.validation_rules = (*context.validation_rules, *RULES)
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if context.graphql_document is not None:
            refusal = too_much(measure(context.graphql_document), get_settings().max_selections)
            if refusal is not None:
                context.pre_execution_errors = [GraphQLError(refusal)]
        yield

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None and not context.result:
            fragments = _fragments(document)
            operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
            chosen = [o for o in operations if context.operation_name is None or (o.name and o.name.value == context.operation_name)]
            limit = get_settings().max_query_cost
            if chosen:
                operation = chosen[0]
                schema = context.schema._schema
                root = schema.get_root_type(operation.operation)
                variables = _variables_with_defaults(operation, context.variables or {})
                cost = query_cost(operation.selection_set, fragments, variables, schema=schema, root=root)
                if cost > limit:
                    error = GraphQLError(f"This operation could resolve {cost} fields; the limit is {limit}. Ask for smaller pages.")
                    context.result = ExecutionResult(data=None, errors=[error])
        yield
