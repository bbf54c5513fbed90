"""Keyset pagination on the real database: every row exactly once, in order, both ways."""

from __future__ import annotations

import base64
import datetime as dt
import json
import random

import pytest

from mall.accounts.models import User
from mall.core.paging import InvalidPage, Ordering, Page, PageRequest, paginate
from mall.infra.pages import QuerySetSource

NEWEST_FIRST = Ordering.of(("-created_at", dt.datetime), ("-id", int))
NEWEST_ID_FIRST = Ordering.of(("-id", int))  # what the admin lists (customers, staff, auditLog) use
BY_EMAIL = Ordering.of(("email", str), ("id", int))
BASE = dt.datetime(2030, 3, 1, 9, 0, tzinfo=dt.UTC)
# Six instants for 25 users, so most share their created_at with others; whole
# seconds and fractions mixed, as the database stores both.
INSTANTS = [
    BASE,
    BASE + dt.timedelta(microseconds=1),
    BASE + dt.timedelta(microseconds=500_000),
    BASE + dt.timedelta(seconds=1),
    BASE + dt.timedelta(days=1, microseconds=999_999),
    BASE - dt.timedelta(days=400),
]
PAGE_SIZES = range(1, 8)


async def make_users(count: int = 25) -> list[User]:
    rng = random.Random(20300301)
    names = [f"{word}{n:02d}" for n, word in enumerate(rng.sample(["kiwi", "mango", "pear", "fig", "lime"] * 5, count))]
    rng.shuffle(names)
    users = []
    for index, name in enumerate(names):
        created_at = INSTANTS[rng.randrange(len(INSTANTS))] if index % 5 else INSTANTS[0]
        user = await User.create(
            email=f"{name}@example.com", password_hash="x", name=name, created_at=created_at, updated_at=created_at
        )
        users.append(await User.get(id=user.id))
    return users


def ids(page: Page[User]) -> list[int]:
    return [user.id for user in page.rows]


async def page(ordering: Ordering, **arguments) -> Page[User]:
    return await paginate(QuerySetSource(User.all(), ordering), PageRequest.parse(ordering, **arguments))


async def walk_forward(ordering: Ordering, size: int) -> list[int]:
    seen: list[int] = []
    after = None
    for _ in range(100):
        found = await page(ordering, first=size, after=after)
        assert len(found.rows) <= size
        assert found.has_previous is (after is not None)
        if found.rows:
            assert found.start_cursor == ordering.cursor(found.rows[0])
            assert found.end_cursor == ordering.cursor(found.rows[-1])
        seen += ids(found)
        if not found.has_next:
            return seen
        assert len(found.rows) == size, "only the last page may be short"
        after = found.end_cursor
    raise AssertionError("forward walk did not end")


async def walk_backward(ordering: Ordering, size: int) -> list[int]:
    seen: list[int] = []
    before = None
    for _ in range(100):
        found = await page(ordering, last=size, before=before)
        assert len(found.rows) <= size
        assert found.has_next is (before is not None)
        seen = ids(found) + seen
        if not found.has_previous:
            return seen
        assert len(found.rows) == size, "only the first page may be short"
        before = found.start_cursor
    raise AssertionError("backward walk did not end")


def newest_first(users: list[User]) -> list[int]:
    return [u.id for u in sorted(users, key=lambda u: (u.created_at, u.id), reverse=True)]


def by_email(users: list[User]) -> list[int]:
    return [u.id for u in sorted(users, key=lambda u: (u.email, u.id))]


async def test_the_fixture_has_ties_and_an_order_unlike_insertion():
    users = await make_users()

    assert len(users) == 25
    assert len({u.created_at for u in users}) < 10
    assert newest_first(users) != sorted((u.id for u in users), reverse=True)
    assert by_email(users) != sorted(u.id for u in users)
    # The database agrees with the expected orders (the walks below compare against these).
    assert [u.id for u in await User.all().order_by("-created_at", "-id")] == newest_first(users)
    assert [u.id for u in await User.all().order_by("email", "id")] == by_email(users)


@pytest.mark.parametrize(("ordering", "expected_order"), [(NEWEST_FIRST, newest_first), (BY_EMAIL, by_email)])
async def test_walking_forward_visits_every_row_once_in_order(ordering, expected_order):
    users = await make_users()
    expected = expected_order(users)

    for size in PAGE_SIZES:
        assert await walk_forward(ordering, size) == expected, f"first={size}"


@pytest.mark.parametrize(("ordering", "expected_order"), [(NEWEST_FIRST, newest_first), (BY_EMAIL, by_email)])
async def test_walking_backward_visits_every_row_once_in_order(ordering, expected_order):
    users = await make_users()
    expected = expected_order(users)

    for size in PAGE_SIZES:
        assert await walk_backward(ordering, size) == expected, f"last={size}"


@pytest.mark.parametrize(("ordering", "expected_order"), [(NEWEST_FIRST, newest_first), (BY_EMAIL, by_email)])
async def test_after_and_before_any_row_split_the_list_there(ordering, expected_order):
    users = await make_users()
    expected = expected_order(users)
    by_id = {u.id: u for u in users}

    for position, user_id in enumerate(expected):
        cursor = ordering.cursor(by_id[user_id])
        assert ids(await page(ordering, first=100, after=cursor)) == expected[position + 1:]
        assert ids(await page(ordering, last=100, before=cursor)) == expected[:position]


async def test_after_and_before_together_give_the_rows_between():
    users = await make_users()
    expected = newest_first(users)
    by_id = {u.id: u for u in users}
    after = NEWEST_FIRST.cursor(by_id[expected[3]])
    before = NEWEST_FIRST.cursor(by_id[expected[15]])

    assert ids(await page(NEWEST_FIRST, first=100, after=after, before=before)) == expected[4:15]
    assert ids(await page(NEWEST_FIRST, first=5, after=after, before=before)) == expected[4:9]
    assert ids(await page(NEWEST_FIRST, last=5, after=after, before=before)) == expected[10:15]


async def test_pages_do_not_shift_when_newer_rows_arrive():
    users = await make_users()
    first_page = await page(NEWEST_FIRST, first=5)
    # A newer row arrives while the client reads page two: keyset pages do not shift.
    arrived = BASE + dt.timedelta(days=30)
    newcomer = await User.create(email="zz-newcomer@example.com", password_hash="x", created_at=arrived, updated_at=arrived)

    second_page = await page(NEWEST_FIRST, first=5, after=first_page.end_cursor)

    assert ids(second_page) == newest_first(users)[5:10]
    assert ids(await page(NEWEST_FIRST, first=1)) == [newcomer.id]


async def test_zero_sized_and_empty_pages():
    await make_users(3)

    empty = await page(NEWEST_FIRST, first=0)
    assert empty.rows == []
    assert (empty.has_next, empty.start_cursor, empty.end_cursor) == (True, None, None)  # Relay: more edges exist than first (0)
    assert await QuerySetSource(User.all(), NEWEST_FIRST).count() == 3

    await User.all().delete()
    nothing = await page(BY_EMAIL, first=10)
    assert nothing.rows == []
    assert nothing.has_next is False
    assert await QuerySetSource(User.all(), BY_EMAIL).count() == 0


async def test_the_count_covers_all_pages_and_follows_the_query():
    await make_users()

    source = QuerySetSource(User.filter(email__startswith="kiwi"), BY_EMAIL)
    found = await paginate(source, PageRequest(size=2))

    assert await source.count() == await User.filter(email__startswith="kiwi").count() == 5
    assert [user.email for user in found.rows] == sorted(
        [u.email for u in await User.filter(email__startswith="kiwi")]
    )[:2]


def forged(values: list, ordering: Ordering) -> str:
    """A cursor with the ordering's own tag, so the values themselves are what is checked."""
    return base64.urlsafe_b64encode(json.dumps([ordering.tag, *values]).encode()).decode()


@pytest.mark.parametrize(
    ("ordering", "values"),
    [
        (NEWEST_ID_FIRST, ["one"]),
        (NEWEST_ID_FIRST, [{"t": "2030-03-01T09:00:00+00:00"}]),
        (NEWEST_FIRST, ["yesterday", 1]),
        (NEWEST_FIRST, [{"t": "2030-03-01T09:00:00+00:00"}, "one"]),
        (NEWEST_FIRST, [5, 1]),
        (BY_EMAIL, ["a@example.com", {"t": "2030-03-01T09:00:00+00:00"}]),
    ],
)
async def test_a_forged_cursor_with_values_of_the_wrong_type_is_bad_user_input(ordering, values):
    # DESIGN §4: a bad cursor is a top-level BAD_USER_INPUT, never an unexpected error.
    await make_users(3)

    for direction in ({"first": 5, "after": forged(values, ordering)}, {"last": 5, "before": forged(values, ordering)}):
        with pytest.raises(InvalidPage):
            await page(ordering, **direction)
