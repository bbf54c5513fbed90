"""Orderings, cursors, page requests and pages (mall.core.paging, pure)."""

from __future__ import annotations

import base64
import datetime as dt
import json
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mall.core.errors import ErrorCode
from mall.core.paging import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    Comparison,
    InvalidPage,
    Key,
    Ordering,
    PageRequest,
    paginate,
)

NEWEST = Ordering.of(("-created_at", dt.datetime), ("-id", int))
BY_EMAIL = Ordering.of(("email", str), ("id", int))
BY_ID = Ordering.of(("-id", int))
MOMENT = dt.datetime(2030, 5, 17, 8, 30, 1, 123456, tzinfo=dt.UTC)


def cursor_of(values: object, ordering: Ordering | None = None) -> str:
    """Raw JSON text (or a value) as a cursor; given an ordering, with its tag first."""
    text = values if isinstance(values, str) else json.dumps(values)
    if ordering is not None:
        text = f"[{json.dumps(ordering.tag)}, {text[1:-1]}]"
    return base64.urlsafe_b64encode(text.encode()).decode()


def refused(cursor: str, ordering: Ordering) -> InvalidPage:
    with pytest.raises(InvalidPage) as caught:
        ordering.decode(cursor)
    assert caught.value.message == f"{cursor!r} is not a valid cursor for this list."
    assert caught.value.code is ErrorCode.INVALID
    return caught.value


# --- orderings ---


def test_ordering_of_reads_names_directions_and_types():
    assert NEWEST == Ordering((Key("created_at", dt.datetime, True), Key("id", int, True)))
    assert NEWEST.names == ("created_at", "id")
    assert NEWEST.reversed() == Ordering.of(("created_at", dt.datetime), ("id", int))
    assert BY_EMAIL.reversed().reversed() == BY_EMAIL


@pytest.mark.parametrize(
    "keys",
    [(), (("id", int), ("id", int)), (("price", float), ("id", int)), (("at", dt.date), ("id", int))],
)
def test_an_ordering_needs_distinct_keys_of_supported_types(keys):
    with pytest.raises(ValueError):
        Ordering.of(*keys)


def test_after_is_a_disjunction_of_equal_prefixes_and_one_strict_comparison():
    assert NEWEST.after((MOMENT, 7)) == [
        [Comparison("created_at", "<", MOMENT)],
        [Comparison("created_at", "=", MOMENT), Comparison("id", "<", 7)],
    ]
    assert BY_EMAIL.reversed().after(("a@b.cn", 3)) == [
        [Comparison("email", "<", "a@b.cn")],
        [Comparison("email", "=", "a@b.cn"), Comparison("id", "<", 3)],
    ]
    assert BY_ID.after((9,)) == [[Comparison("id", "<", 9)]]


def test_each_ordering_has_its_own_tag():
    tags = {o.tag for o in (NEWEST, NEWEST.reversed(), BY_EMAIL, BY_EMAIL.reversed(), BY_ID)}

    assert len(tags) == 5
    assert NEWEST.tag == Ordering.of(("-created_at", dt.datetime), ("-id", int)).tag


# --- cursors ---


def test_cursors_round_trip_datetimes_and_ints():
    values = NEWEST.decode(NEWEST.cursor(SimpleNamespace(created_at=MOMENT, id=12345678901)))

    assert values == (MOMENT, 12345678901)
    assert values[0].utcoffset() == dt.timedelta(0)


def test_a_cursor_datetime_comes_back_in_utc():
    moment = dt.datetime(2030, 1, 1, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))

    [decoded, _] = NEWEST.decode(NEWEST.cursor({"created_at": moment, "id": 1}))

    assert decoded == moment
    assert decoded.tzinfo is dt.UTC
    assert decoded.hour == 0


def test_cursors_round_trip_strings_from_mappings():
    assert BY_EMAIL.decode(BY_EMAIL.cursor({"email": "李雷@example.com", "id": 3})) == ("李雷@example.com", 3)


def test_a_cursor_is_url_safe_base64_of_a_json_list_tagged_with_its_ordering():
    cursor = BY_EMAIL.cursor(SimpleNamespace(email="a@b.cn", id=3))

    assert json.loads(base64.urlsafe_b64decode(cursor)) == [BY_EMAIL.tag, "a@b.cn", 3]


def test_cursors_keep_the_format_already_handed_out():
    # Tags name keys and directions as before key types were declared.
    assert BY_ID.tag == "6f0bdc"
    assert BY_ID.cursor({"id": 42}) == "WyI2ZjBiZGMiLDQyXQ=="
    assert NEWEST.cursor({"created_at": dt.datetime(2030, 1, 1, tzinfo=dt.UTC), "id": 5}) == (
        "WyJhODMyZGUiLHsidCI6IjIwMzAtMDEtMDFUMDA6MDA6MDArMDA6MDAifSw1XQ=="
    )


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
    cursor_of([{"t": "2030-01-01T00:00:00+00:00", "x": 1}, 1], NEWEST),
    cursor_of("[1, 2]"),
    base64.urlsafe_b64encode(b"\xff\xfe\xfd").decode(),
    base64.urlsafe_b64encode(b"[1, 2").decode(),
]


@pytest.mark.parametrize("cursor", BAD_CURSORS)
def test_a_malformed_cursor_is_refused(cursor):
    refused(cursor, NEWEST)


OUT_OF_RANGE_DATES = [
    '{"t": "0000-01-01T00:00:00+00:00"}',
    '{"t": "10000-01-01T00:00:00+00:00"}',
    '{"t": "9999-12-31T23:59:59-01:00"}',  # year 10000 in UTC
    '{"t": "0001-01-01T00:00:00+01:00"}',  # year 0 in UTC
    '{"t": "2030-01-01T00:00:00"}',  # naive: which instant?
    '{"t": "2030-01-01"}',
    "1893456000",
    "1.5",
    "NaN",
    "Infinity",
    '"2030-01-01T00:00:00+00:00"',
]


@pytest.mark.parametrize("raw", OUT_OF_RANGE_DATES)
def test_a_cursor_date_out_of_range_or_not_a_date_is_refused(raw):
    refused(cursor_of(f"[{raw}, 1]", NEWEST), NEWEST)


OUT_OF_RANGE_INTS = ["9223372036854775808", "-9223372036854775809", "1" + "0" * 400, "1.0", "1e3", "NaN",
                     "-Infinity", '"7"', "true", '{"t": "2030-01-01T00:00:00+00:00"}']


@pytest.mark.parametrize("raw", OUT_OF_RANGE_INTS)
def test_a_cursor_int_out_of_the_bigint_range_or_not_an_int_is_refused(raw):
    refused(cursor_of(f"[{raw}]", BY_ID), BY_ID)


@pytest.mark.parametrize("raw", ['"a\\u0000b"', '"\\ud800"', "5", "null"])
def test_a_cursor_string_no_database_can_compare_is_refused(raw):
    refused(cursor_of(f"[{raw}, 1]", BY_EMAIL), BY_EMAIL)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('[{"t": "0001-01-01T00:00:00+00:00"}, -9223372036854775808]', (dt.datetime.min.replace(tzinfo=dt.UTC), -(2**63))),
        ('[{"t": "9999-12-31T23:59:59.999999+00:00"}, 9223372036854775807]', (dt.datetime.max.replace(tzinfo=dt.UTC), 2**63 - 1)),
    ],
)
def test_the_extreme_values_are_accepted(raw, expected):
    assert NEWEST.decode(cursor_of(raw, NEWEST)) == expected


def test_a_cursor_over_a_thousand_characters_is_refused_even_if_well_formed():
    cursor = cursor_of(["x" * 800, 1], BY_EMAIL)
    assert len(cursor) > 1000

    refused(cursor, BY_EMAIL)
    assert BY_EMAIL.decode(cursor_of(["x" * 700, 1], BY_EMAIL)) == ("x" * 700, 1)


def test_a_cursor_for_another_ordering_of_different_length_is_refused():
    refused(BY_EMAIL.cursor(SimpleNamespace(email="a@b.cn", id=3)), BY_ID)


KEY_VALUES = {
    int: st.integers(min_value=-(2**63), max_value=2**63 - 1),
    str: st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40),
    dt.datetime: st.datetimes(timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=8))]),
                              min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30)),
}
ORDERINGS = st.lists(st.sampled_from(list(KEY_VALUES)), min_size=1, max_size=3).flatmap(
    lambda types: st.tuples(
        st.just(Ordering.of(*((f"k{i}", t) for i, t in enumerate(types)))),
        st.tuples(*(KEY_VALUES[t] for t in types)),
    )
)


@given(ORDERINGS)
def test_any_encoded_cursor_decodes_back_to_its_values(case):
    ordering, values = case

    assert ordering.decode(ordering.cursor(dict(zip(ordering.names, values, strict=True)))) == values


@given(st.one_of(st.text(max_size=200), st.binary(max_size=200).map(lambda b: base64.urlsafe_b64encode(b).decode())))
def test_any_garbage_cursor_is_refused_with_the_bad_input_error(garbage):
    for ordering in (NEWEST, BY_EMAIL, BY_ID):
        with pytest.raises(InvalidPage):
            ordering.decode(garbage)


@given(st.recursive(
    st.none() | st.booleans() | st.floats() | st.integers() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=2),
    max_leaves=6,
))
def test_any_json_after_the_right_tag_is_either_values_of_the_key_type_or_refused(value):
    cursor = cursor_of([BY_ID.tag, value])
    try:
        decoded = BY_ID.decode(cursor)
    except InvalidPage:
        return
    assert decoded == (value,)
    assert type(value) is int and -(2**63) <= value < 2**63


# --- page requests ---


def test_page_request_defaults_and_directions():
    assert PageRequest.parse(BY_ID) == PageRequest(size=DEFAULT_PAGE_SIZE, backwards=False) == PageRequest()
    assert DEFAULT_PAGE_SIZE == 20
    assert PageRequest.parse(BY_ID, first=5) == PageRequest(size=5)
    assert PageRequest.parse(BY_ID, last=5) == PageRequest(size=5, backwards=True)
    assert PageRequest.parse(BY_ID, first=0).limit == 1
    assert PageRequest.parse(BY_ID, first=MAX_PAGE_SIZE) == PageRequest(size=100)
    assert PageRequest.parse(BY_ID, last=MAX_PAGE_SIZE) == PageRequest(size=100, backwards=True)


def test_page_request_decodes_both_cursors():
    request = PageRequest.parse(BY_ID, first=3, after=BY_ID.cursor({"id": 9}), before=BY_ID.cursor({"id": 2}))

    assert request == PageRequest(size=3, after=(9,), before=(2,))


@pytest.mark.parametrize(("first", "last"), [(101, None), (None, 101), (-1, None), (None, -1), (10**9, None)])
def test_a_page_size_out_of_range_is_refused(first, last):
    with pytest.raises(InvalidPage) as caught:
        PageRequest.parse(BY_ID, first=first, last=last)

    assert caught.value.message == "first and last must be between 0 and 100."


def test_first_and_last_together_are_refused():
    with pytest.raises(InvalidPage) as caught:
        PageRequest.parse(BY_ID, first=5, last=5)

    assert caught.value.message == "Pass either first or last, not both."


# --- pages ---


class ListSource:
    """A PageSource over ids in memory, newest (highest) first."""

    ordering = BY_ID

    def __init__(self, ids: list[int]) -> None:
        self.ids = sorted(ids, reverse=True)
        self.requests: list[PageRequest] = []

    async def fetch(self, request: PageRequest) -> list[dict[str, int]]:
        self.requests.append(request)
        rows = [i for i in self.ids if (request.after is None or i < request.after[0])
                and (request.before is None or i > request.before[0])]
        if request.backwards:
            rows.reverse()
        return [{"id": i} for i in rows[: request.limit]]

    async def count(self) -> int:
        return len(self.ids)


async def test_a_page_fetches_one_row_more_than_asked_to_know_whether_more_follow():
    source = ListSource(list(range(1, 8)))

    page = await paginate(source, PageRequest(size=3))

    assert source.requests == [PageRequest(size=3)]
    assert page.rows == [{"id": 7}, {"id": 6}, {"id": 5}]
    assert (page.has_next, page.has_previous) == (True, False)
    assert (page.start_cursor, page.end_cursor) == (BY_ID.cursor({"id": 7}), BY_ID.cursor({"id": 5}))
    assert page.cursor({"id": 6}) == BY_ID.cursor({"id": 6})


async def test_a_backwards_page_comes_back_in_order():
    source = ListSource(list(range(1, 8)))

    page = await paginate(source, PageRequest(size=3, backwards=True, before=(2,)))

    assert page.rows == [{"id": 5}, {"id": 4}, {"id": 3}]
    assert (page.has_next, page.has_previous) == (True, True)


async def test_an_empty_page_has_no_cursors():
    page = await paginate(ListSource([]), PageRequest(size=3, after=(5,)))

    assert page.rows == []
    assert (page.has_next, page.has_previous, page.start_cursor, page.end_cursor) == (False, True, None, None)
