"""Global ids, cursors and page sizes (the pure parts of the Relay plumbing)."""

from __future__ import annotations

import base64
import datetime as dt
import json
from types import SimpleNamespace

import pytest

from mall.core.errors import ErrorCode, InvalidInput, Problem
from mall.graphql.errors import BadUserInput
from mall.graphql.relay import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    Ordering,
    cursor_tag,
    decode_any_id,
    decode_cursor,
    decode_id,
    decode_query_id,
    encode_cursor,
    encode_id,
    page_size,
)

NEWEST = Ordering.of("-created_at", "-id")
BY_EMAIL = Ordering.of("email", "id")


def b64(text: str | bytes) -> str:
    return base64.b64encode(text.encode() if isinstance(text, str) else text).decode()


def cursor_of(values: object, ordering: Ordering | None = None) -> str:
    """Raw JSON as a cursor; given an ordering, a well-formed cursor of it (tag first)."""
    if ordering is not None:
        values = [cursor_tag(ordering), *values]  # type: ignore[misc]
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode()


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


# --- cursors ---


def test_cursors_round_trip_datetimes_and_ints():
    moment = dt.datetime(2030, 5, 17, 8, 30, 1, 123456, tzinfo=dt.UTC)
    row = SimpleNamespace(created_at=moment, id=12345678901)

    values = decode_cursor(encode_cursor(row, NEWEST), NEWEST)

    assert values == [moment, 12345678901]
    assert values[0].tzinfo is not None
    assert values[0].utcoffset() == dt.timedelta(0)


def test_cursors_keep_other_offsets_and_whole_seconds():
    moment = dt.datetime(2030, 1, 1, 0, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))

    assert decode_cursor(encode_cursor(SimpleNamespace(created_at=moment, id=1), NEWEST), NEWEST) == [moment, 1]


def test_cursors_round_trip_strings():
    row = SimpleNamespace(email="李雷@example.com", id=3)

    assert decode_cursor(encode_cursor(row, BY_EMAIL), BY_EMAIL) == ["李雷@example.com", 3]


def test_a_cursor_is_url_safe_base64_of_a_json_list():
    cursor = encode_cursor(SimpleNamespace(email="a@b.cn", id=3), BY_EMAIL)

    assert json.loads(base64.urlsafe_b64decode(cursor)) == [cursor_tag(BY_EMAIL), "a@b.cn", 3]


BAD_CURSORS = [
    "",
    "!!!",
    "not a cursor",
    cursor_of({"t": "2030-01-01T00:00:00+00:00"}),
    cursor_of([1]),
    cursor_of([1, 2, 3]),
    cursor_of([1, 2], BY_EMAIL),  # a cursor of another ordering
    cursor_of([]),
    cursor_of([True, 1], NEWEST),
    cursor_of([None, 1], NEWEST),
    cursor_of([[1], 1], NEWEST),
    cursor_of([{"t": "not a date"}, 1], NEWEST),
    cursor_of([{"t": 5}, 1], NEWEST),
    cursor_of([{"x": "2030-01-01"}, 1], NEWEST),
    cursor_of("[1, 2]"),
    base64.urlsafe_b64encode(b"\xff\xfe\xfd").decode(),
    base64.urlsafe_b64encode(b"[1, 2").decode(),
]


@pytest.mark.parametrize("cursor", BAD_CURSORS)
def test_a_malformed_cursor_is_bad_user_input(cursor):
    with pytest.raises(BadUserInput) as caught:
        decode_cursor(cursor, NEWEST)

    assert caught.value.message == f"{cursor!r} is not a valid cursor for this list."
    assert caught.value.extensions == {"code": "BAD_USER_INPUT"}


def test_a_cursor_over_a_thousand_characters_is_refused_even_if_well_formed():
    long_text = "x" * 800
    cursor = cursor_of([long_text, 1], BY_EMAIL)
    assert len(cursor) > 1000

    with pytest.raises(BadUserInput):
        decode_cursor(cursor, BY_EMAIL)
    assert decode_cursor(cursor_of(["x" * 700, 1], BY_EMAIL), BY_EMAIL) == ["x" * 700, 1]


def test_a_cursor_for_another_ordering_of_different_length_is_refused():
    cursor = encode_cursor(SimpleNamespace(email="a@b.cn", id=3), BY_EMAIL)

    with pytest.raises(BadUserInput):
        decode_cursor(cursor, Ordering.of("-id"))


# --- orderings ---


def test_ordering_of_reads_directions():
    assert NEWEST == Ordering(("created_at", "id"), (True, True))
    assert NEWEST.order_by() == ["-created_at", "-id"]
    assert NEWEST.order_by(reverse=True) == ["created_at", "id"]
    assert BY_EMAIL.order_by() == ["email", "id"]
    assert BY_EMAIL.order_by(reverse=True) == ["-email", "-id"]


# --- page sizes ---


def test_page_size_defaults_and_directions():
    assert page_size(None, None) == (DEFAULT_PAGE_SIZE, False)
    assert DEFAULT_PAGE_SIZE == 20
    assert page_size(5, None) == (5, False)
    assert page_size(None, 5) == (5, True)
    assert page_size(0, None) == (0, False)
    assert page_size(MAX_PAGE_SIZE, None) == (100, False)
    assert page_size(None, MAX_PAGE_SIZE) == (100, True)


@pytest.mark.parametrize(("first", "last"), [(101, None), (None, 101), (-1, None), (None, -1), (10**9, None)])
def test_page_size_out_of_range_is_bad_user_input(first, last):
    with pytest.raises(BadUserInput) as caught:
        page_size(first, last)

    assert caught.value.message == "first and last must be between 0 and 100."


def test_first_and_last_together_are_bad_user_input():
    with pytest.raises(BadUserInput) as caught:
        page_size(5, 5)

    assert caught.value.message == "Pass either first or last, not both."
