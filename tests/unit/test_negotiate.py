"""Content negotiation for GraphQL over HTTP, and what counts as a request error."""

from __future__ import annotations

import pytest
from graphql import GraphQLError
from strawberry.types import ExecutionResult

from mall.graphql.view import GRAPHQL_RESPONSE, JSON, is_request_error, negotiate


@pytest.mark.parametrize("accept", [None, "", "   "])
def test_no_accept_header_means_legacy_json(accept):
    assert negotiate(accept) == JSON


def test_explicit_media_types():
    assert negotiate("application/graphql-response+json") == GRAPHQL_RESPONSE
    assert negotiate("application/json") == JSON
    assert negotiate("application/json; charset=utf-8") == JSON
    assert negotiate("Application/GraphQL-Response+JSON") == GRAPHQL_RESPONSE


def test_quality_values_rank_the_choices():
    assert negotiate("application/json;q=0.9, application/graphql-response+json") == GRAPHQL_RESPONSE
    assert negotiate("application/graphql-response+json, application/json;q=0.9") == GRAPHQL_RESPONSE
    assert negotiate("application/graphql-response+json;q=0.5, application/json") == JSON
    assert negotiate("application/json; q=0.2, application/graphql-response+json; q=0.3") == GRAPHQL_RESPONSE


def test_equal_quality_goes_to_the_first_listed():
    assert negotiate("application/json, application/graphql-response+json") == JSON
    assert negotiate("application/graphql-response+json, application/json") == GRAPHQL_RESPONSE


def test_wildcards_get_legacy_json():
    assert negotiate("*/*") == JSON
    assert negotiate("application/*") == JSON
    assert negotiate("text/html, */*;q=0.8") == JSON


def test_an_explicit_type_beats_a_wildcard_of_the_same_quality():
    assert negotiate("*/*, application/graphql-response+json") == GRAPHQL_RESPONSE
    assert negotiate("application/*, application/graphql-response+json") == GRAPHQL_RESPONSE
    assert negotiate("*/*;q=0.1, application/graphql-response+json;q=0.2") == GRAPHQL_RESPONSE
    # …but not one the client likes less.
    assert negotiate("*/*, application/graphql-response+json;q=0.5") == JSON


@pytest.mark.parametrize("accept", ["text/html", "text/html, application/xhtml+xml", "image/png", "text/*"])
def test_no_json_type_acceptable_is_none(accept):
    assert negotiate(accept) is None


def test_a_zero_quality_excludes_the_type():
    assert negotiate("application/graphql-response+json;q=0") is None
    assert negotiate("application/graphql-response+json;q=0, application/json") == JSON
    assert negotiate("application/json;q=0, application/graphql-response+json;q=0.1") == GRAPHQL_RESPONSE
    assert negotiate("application/json;q=0.0, */*;q=0") is None
    assert negotiate("application/json;q=oops") is None


# --- request errors ---


def test_errors_without_a_path_and_no_data_are_a_request_error():
    result = ExecutionResult(data=None, errors=[GraphQLError("Syntax Error"), GraphQLError("Unknown field")])

    assert is_request_error(result) is True


def test_a_field_error_is_not_a_request_error():
    assert is_request_error(ExecutionResult(data=None, errors=[GraphQLError("boom", path=["me"])])) is False
    assert is_request_error(ExecutionResult(data={"me": None}, errors=[GraphQLError("boom", path=["me"])])) is False
    mixed = [GraphQLError("no path"), GraphQLError("boom", path=["me"])]
    assert is_request_error(ExecutionResult(data=None, errors=mixed)) is False


def test_data_or_no_errors_is_not_a_request_error():
    assert is_request_error(ExecutionResult(data={"__typename": "Query"}, errors=None)) is False
    assert is_request_error(ExecutionResult(data={}, errors=[GraphQLError("x")])) is False
    assert is_request_error(ExecutionResult(data=None, errors=None)) is False
    assert is_request_error(ExecutionResult(data=None, errors=[])) is False
