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


def typed_cost(document: str, variables: dict | None = None) -> int:
    from mall.graphql.limits import _variables_with_defaults
    from mall.graphql.schema import build_schema
    from mall.settings import get_settings

    schema = build_schema(get_settings())._schema
    parsed = parse(document)
    fragments = {d.name.value: d for d in parsed.definitions if isinstance(d, FragmentDefinitionNode)}
    operation = next(d for d in parsed.definitions if isinstance(d, OperationDefinitionNode))
    return query_cost(
        operation.selection_set, fragments, _variables_with_defaults(operation, variables or {}),
        schema=schema, root=schema.get_root_type(operation.operation),
    )


def test_a_variable_default_counts_like_the_same_value_written_in():
    by_default = "query Q($n: Int = 100) { products(first: $n) { edges { node { variants { sku } } } } }"
    written = "query Q { products(first: 100) { edges { node { variants { sku } } } } }"

    assert typed_cost(by_default) == typed_cost(written) == 1 + 100 * (1 + 1 + 1 + 5 * 1)


def test_a_connection_without_first_counts_a_default_page_and_plain_lists_a_typical_length():
    # products (1) + 20 × (edges + node + variants (1) + 5 × (sku + price (1 + amount)))
    assert typed_cost("{ products { edges { node { variants { sku price { amount } } } } } }") == (
        1 + 20 * (1 + 1 + 1 + 5 * (1 + 1 + 1))
    )


def test_the_contracts_largest_page_of_products_fits_the_default_limit(settings):
    from tests.operations import contract

    assert typed_cost(contract("Products"), {"first": 100}) <= settings.max_query_cost


def test_the_edges_of_a_page_are_that_page():
    assert typed_cost("{ products(first: 10) { edges { node { id } } } }") == 1 + 10 * 3
