"""The cost of an operation: fields it may resolve, connections multiplying their subtree."""

from __future__ import annotations

from graphql import FragmentDefinitionNode, OperationDefinitionNode, parse

from mall.graphql.limits import query_cost


def cost(document: str, variables: dict | None = None) -> int:
    parsed = parse(document)
    fragments = {d.name.value: d for d in parsed.definitions if isinstance(d, FragmentDefinitionNode)}
    operation = next(d for d in parsed.definitions if isinstance(d, OperationDefinitionNode))
    return query_cost(operation.selection_set, fragments, variables or {})


def test_plain_fields_count_once():
    assert cost("{ me { id email } shopSettings { currency } }") == 5


def test_a_page_multiplies_what_is_below_it():
    # customers (1) + 10 × (edges (1) + node (1) + id (1) + email (1))
    assert cost("{ customers(first: 10) { edges { node { id email } } } }") == 1 + 10 * 4


def test_variables_and_nested_pages_multiply():
    document = "query($n: Int) { a(first: $n) { b(last: 5) { c } } }"

    assert cost(document, {"n": 100}) == 1 + 100 * (1 + 5 * 1)


def test_fragments_count_and_recursive_spreads_stop():
    document = """
    query { customers(first: 2) { ...Page } }
    fragment Page on UserConnection { edges { node { id } } ...Page }
    """

    assert cost(document) == 1 + 2 * 3
