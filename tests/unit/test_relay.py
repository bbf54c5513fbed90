"""Global ids (the pure part of the Relay plumbing; cursors and pages: test_paging.py)."""

from __future__ import annotations

import base64

import pytest

from mall.core.errors import ErrorCode, InvalidInput, Problem
from mall.graphql.errors import BadUserInput
from mall.graphql.relay import decode_any_id, decode_id, decode_query_id, encode_id


def b64(text: str | bytes) -> str:
    return base64.b64encode(text.encode() if isinstance(text, str) else text).decode()


# --- global ids ---


def test_a_global_id_is_base64_of_type_and_pk():
    assert encode_id("User", 42) == "VXNlcjo0Mg=="
    assert base64.b64decode(encode_id("Session", 7)) == b"Session:7"


@pytest.mark.parametrize("pk", [0, 1, 42, 10**17, 10**18 - 1])
def test_global_ids_round_trip(pk):
    assert decode_id(encode_id("User", pk), "User", field="userId") == pk
    assert decode_any_id(encode_id("Address", pk)) == ("Address", pk)
    assert decode_query_id(encode_id("User", pk), "User") == pk


def test_decode_id_of_another_type_is_a_field_error():
    with pytest.raises(InvalidInput) as caught:
        decode_id(encode_id("Session", 7), "User", field="userId")

    assert caught.value.problems == [Problem(ErrorCode.INVALID, "Expected an ID of type User.", ("userId",))]


MALFORMED = [
    "",
    "not base64!",
    "VXNlcjo0Mg",  # unpadded
    "VXNlcjo0Mg==\n",
    b64("User"),
    b64("User:"),
    b64("User:abc"),
    b64("User:-1"),
    b64("User:+1"),
    b64("User:1.5"),
    b64("User: 1"),
    b64("User:99999999999999999999"),  # beyond any BIGINT
    b64(b"User:\xff\xfe"),
    b64(b"\xff\xfe:1"),
    "A" * 204,
]


@pytest.mark.parametrize("global_id", MALFORMED)
def test_decode_id_of_a_malformed_id_is_a_field_error(global_id):
    with pytest.raises(InvalidInput) as caught:
        decode_id(global_id, "User", field="customerId")

    assert caught.value.problems == [Problem(ErrorCode.INVALID, "Expected an ID of type User.", ("customerId",))]


@pytest.mark.parametrize("global_id", MALFORMED)
def test_decode_any_id_of_a_malformed_id_is_bad_user_input(global_id):
    with pytest.raises(BadUserInput) as caught:
        decode_any_id(global_id)

    assert caught.value.message == f"{global_id!r} is not a valid ID."
    assert caught.value.extensions == {"code": "BAD_USER_INPUT"}


@pytest.mark.parametrize("digits", ["²", "①", "1²"])
def test_a_pk_of_digit_like_characters_is_refused_not_a_crash(digits):
    # str.isdigit() accepts superscripts and circled digits that int() cannot read.
    global_id = b64(f"User:{digits}")

    with pytest.raises(BadUserInput):
        decode_any_id(global_id)
    with pytest.raises(InvalidInput):
        decode_id(global_id, "User", field="userId")


def test_decode_query_id_finds_nothing_for_another_type_and_refuses_garbage():
    assert decode_query_id(encode_id("Session", 7), "User") is None
    with pytest.raises(BadUserInput):
        decode_query_id("garbage", "User")
