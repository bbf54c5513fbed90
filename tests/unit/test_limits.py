"""Depth and alias limits, as validation rules against the real schema."""

from __future__ import annotations

from functools import lru_cache

from graphql import (
    FragmentDefinitionNode,
    GraphQLSchema,
    OperationDefinitionNode,
    parse,
    validate,
)

from mall.graphql import limits
from mall.graphql.limits import AliasLimit, DepthLimit, query_cost
from mall.graphql.schema import build_schema
from mall.settings import get_settings


@lru_cache(maxsize=1)
def schema() -> GraphQLSchema:
    return build_schema(get_settings())._schema


def depth_errors(query: str) -> list[str]:
    return [error.message for error in validate(schema(), parse(query), [DepthLimit])]


def alias_errors(query: str) -> list[str]:
    return [error.message for error in validate(schema(), parse(query), [AliasLimit])]


def deepest_allowed(query: str, configure) -> int:
    """The smallest depth limit the query passes: its depth as the rule counts it."""
    for limit in range(2, 30):
        configure(max_query_depth=limit)
        if not depth_errors(query):
            return limit
    raise AssertionError("deeper than 29")


# --- depth ---

ME_ID = "query Shallow { me { id } }"
ME_SESSIONS = "query Deep { me { sessions { id } } }"


def test_depth_counts_nested_fields(configure):
    assert deepest_allowed(ME_ID, configure) == 2
    assert deepest_allowed(ME_SESSIONS, configure) == 3
    assert deepest_allowed("query Q { customers { edges { node { addresses { city } } } } }", configure) == 5


def test_an_operation_deeper_than_the_limit_is_refused(configure):
    configure(max_query_depth=2)

    assert depth_errors(ME_ID) == []
    assert depth_errors(ME_SESSIONS) == ["'Deep' exceeds the maximum query depth of 2."]
    assert depth_errors("{ me { sessions { id } } }") == ["'anonymous' exceeds the maximum query depth of 2."]


def test_each_operation_is_judged_alone(configure):
    configure(max_query_depth=2)

    assert depth_errors(ME_ID + "\n" + ME_SESSIONS) == ["'Deep' exceeds the maximum query depth of 2."]


def test_the_error_points_at_the_operation(configure):
    configure(max_query_depth=2)

    (error,) = validate(schema(), parse("\n  " + ME_SESSIONS), [DepthLimit])

    assert [(loc.line, loc.column) for loc in error.locations] == [(2, 3)]


def test_depth_is_counted_through_fragments(configure):
    query = """
    query ViaFragments { ...Root }
    fragment Root on Query { me { ...Person } }
    fragment Person on User { sessions { ...Device } }
    fragment Device on Session { id }
    """

    assert deepest_allowed(query, configure) == 3
    configure(max_query_depth=2)
    assert depth_errors(query) == ["'ViaFragments' exceeds the maximum query depth of 2."]


def test_depth_is_counted_through_inline_fragments(configure):
    query = 'query Inline { node(id: "VXNlcjox") { ... on User { ... { sessions { id } } } } }'

    assert deepest_allowed(query, configure) == 3


def test_the_deepest_branch_counts(configure):
    query = "query Mixed { shopSettings { __typename } me { id sessions { id } } }"

    assert deepest_allowed(query, configure) == 3


def test_introspection_is_not_limited(configure):
    configure(max_query_depth=2)

    assert depth_errors("query I { __schema { types { fields { type { ofType { ofType { name } } } } } } }") == []
    assert depth_errors('query T { __type(name: "User") { fields { type { ofType { name } } } } }') == []
    assert depth_errors("query Both { __schema { types { fields { name } } } me { id } }") == []
    assert depth_errors("query Both { __schema { types { name } } me { sessions { id } } }") == [
        "'Both' exceeds the maximum query depth of 2."
    ]


def test_recursive_fragment_spreads_terminate(configure):
    # The spec rule NoFragmentCycles refuses these; the depth rule runs beside it and must not loop.
    shallow = """
    query Cycle { me { ...A } }
    fragment A on User { id ...B }
    fragment B on User { email ...A }
    """
    deep = """
    query Cycle { me { ...A } }
    fragment A on User { sessions { id } ...B }
    fragment B on User { ...A }
    """
    self_spread = "query Self { me { ...S } } fragment S on User { id ...S }"

    assert deepest_allowed(shallow, configure) == 2
    assert deepest_allowed(deep, configure) == 3
    assert deepest_allowed(self_spread, configure) == 2


def test_an_unknown_fragment_adds_nothing(configure):
    configure(max_query_depth=2)

    assert depth_errors("query Q { me { id ...Missing } }") == []


def _doubling_fragments(levels: int) -> str:
    """``levels`` fragments, each spreading the next twice: tiny text, 2**levels paths."""
    fragments = "".join(f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}\n" for i in range(levels))
    return "query Doubling { ...F0 }\n" + fragments + f"fragment F{levels} on Query {{ a: me {{ id }} }}\n"


def count_walks(monkeypatch, measure) -> list[int]:
    """Count the selection sets ``measure`` walks (the work, deterministically: no timing)."""
    walks = [0]
    original = measure.of

    def counting(self, selection_set, *rest, **options):
        walks[0] += 1
        return original(self, selection_set, *rest, **options)

    monkeypatch.setattr(measure, "of", counting)
    return walks


def test_depth_validation_does_not_explode_on_repeated_fragment_spreads(configure, monkeypatch):
    # Twenty fragments (about 250 tokens, far under MALL_MAX_QUERY_TOKENS) must not
    # cost a million walks of the same fragment: thirty would stall the server for minutes.
    configure(max_query_depth=2)
    document = parse(_doubling_fragments(20))
    walks = count_walks(monkeypatch, limits._Depth)

    errors = validate(schema(), document, [DepthLimit])

    assert errors == []
    assert walks[0] <= 2 * 22, f"{walks[0]} walks: each fragment must be walked once"


# --- aliases ---


def test_aliases_up_to_the_limit_pass(configure):
    configure(max_aliases=2)

    assert alias_errors("query Q { a: me { id } b: me { id } }") == []
    assert alias_errors("query Q { me { id } }") == []


def test_one_alias_too_many_is_refused(configure):
    configure(max_aliases=2)

    assert alias_errors("query Q { a: me { id } b: me { id } c: me { id } }") == [
        "Operations may use at most 2 aliases."
    ]
    assert alias_errors("query Q { a: me { x: id y: email } }") == ["Operations may use at most 2 aliases."]


def test_aliases_are_counted_through_fragments_and_inline_fragments(configure):
    configure(max_aliases=2)

    assert alias_errors("query Q { a: me { ...U } } fragment U on User { x: id }") == []
    assert alias_errors("query Q { a: me { ...U } } fragment U on User { x: id y: email }") == [
        "Operations may use at most 2 aliases."
    ]
    assert alias_errors("query Q { me { ... on User { x: id y: email z: name } } }") == [
        "Operations may use at most 2 aliases."
    ]
    # A fragment spread twice counts twice.
    assert alias_errors("query Q { me { ...U ...U } } fragment U on User { x: id y: email }") == [
        "Operations may use at most 2 aliases."
    ]


def test_aliases_are_counted_per_operation(configure):
    configure(max_aliases=2)

    query = "query One { a: me { id } b: me { id } } query Two { c: me { id } d: me { id } }"

    assert alias_errors(query) == []


def test_alias_counting_terminates_on_recursive_fragments(configure):
    configure(max_aliases=2)

    assert alias_errors("query Q { me { ...A } } fragment A on User { x: id ...B } fragment B on User { ...A }") == []
    assert alias_errors(
        "query Q { me { ...A } } fragment A on User { x: id ...B } fragment B on User { y: email z: name ...A }"
    ) == ["Operations may use at most 2 aliases."]


def test_alias_validation_does_not_explode_on_repeated_fragment_spreads(configure, monkeypatch):
    configure(max_aliases=10**9)
    document = parse(_doubling_fragments(20))
    walks = count_walks(monkeypatch, limits._Aliases)

    errors = validate(schema(), document, [AliasLimit])

    assert errors == []
    assert walks[0] <= 2 * 22, f"{walks[0]} walks: each fragment must be walked once"


# --- cost (checked before execution; the walk is the same shape) ---


def test_query_cost_does_not_explode_on_repeated_fragment_spreads(monkeypatch):
    document = parse(_doubling_fragments(20))
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    (operation,) = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    walks = count_walks(monkeypatch, limits._Cost)

    cost = query_cost(operation.selection_set, fragments, {})

    assert cost == 2 * 2**20  # each of the 2**20 paths ends in `a: me { id }`: two fields
    assert walks[0] <= 2 * 22, f"{walks[0]} walks: each fragment must be walked once"
