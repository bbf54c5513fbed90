"""Real concurrency on PostgreSQL: racing refreshes, defaults, sign-ups, guesses, deactivations.

Every service call below runs as its own task, so each takes its own pooled
connection and the database (row locks, unique indexes) decides the races.
"""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest

from mall.accounts import addresses, customers, registration, sessions, staff, tokens
from mall.accounts.addresses import AddressFields
from mall.accounts.errors import InvalidCredentials, InvalidToken
from mall.accounts.models import Address, RefreshToken, Session, User
from mall.audit.models import AuditRecord
from mall.core.actors import Permission
from mall.core.errors import Duplicate, RateLimited
from mall.settings import get_settings
from tests import factories

pytestmark = pytest.mark.postgres_only

# A race that deadlocks (or waits on a lock forever) fails instead of hanging the suite.
DEADLINE = 60


async def race(*calls):
    """Run the calls at once; results and raised exceptions, in call order."""
    return await asyncio.wait_for(asyncio.gather(*calls, return_exceptions=True), DEADLINE)


def home(n: int = 0) -> AddressFields:
    return AddressFields(
        recipient=f"李雷 {n}", phone="13912345678", province="上海市", city="上海市", district="浦东新区",
        street=f"世纪大道 {n} 号", postal_code="200120",
    )


def kinds(outcomes) -> Counter:
    return Counter(type(outcome).__name__ for outcome in outcomes)


# --- refresh tokens ---


async def test_racing_refreshes_of_one_token_all_get_the_same_new_pair():
    account = await factories.customer()
    session = await Session.get(user_id=account.user.id)

    outcomes = await race(*(sessions.token_refresh(refresh_token=account.refresh_token) for _ in range(10)))

    assert kinds(outcomes) == Counter({"TokenPair": 10})
    successor = tokens.successor_refresh_token(account.refresh_token, key=get_settings().signing_key)
    assert {pair.refresh_token for pair in outcomes} == {successor}
    assert len({pair.access_token for pair in outcomes}) == 1
    assert {pair.user.id for pair in outcomes} == {account.user.id}
    rows = await RefreshToken.filter(session_id=session.id).order_by("id")
    assert [row.token_hash for row in rows] == [
        tokens.hash_refresh_token(account.refresh_token),
        tokens.hash_refresh_token(successor),
    ]
    assert rows[0].rotated_at is not None
    assert rows[1].rotated_at is None
    # The session is still live and the shared access token works.
    viewer = await sessions.authenticate(outcomes[0].access_token)
    assert (viewer.user.id, viewer.session.id, viewer.session.revoked_at) == (account.user.id, session.id, None)


async def test_racing_refreshes_of_the_successor_rotate_once_more():
    account = await factories.customer()
    first = await sessions.token_refresh(refresh_token=account.refresh_token)

    outcomes = await race(*(sessions.token_refresh(refresh_token=first.refresh_token) for _ in range(10)))

    assert kinds(outcomes) == Counter({"TokenPair": 10})
    assert len({pair.refresh_token for pair in outcomes}) == 1
    assert len({pair.access_token for pair in outcomes}) == 1
    assert outcomes[0].refresh_token not in (account.refresh_token, first.refresh_token)
    session = await Session.get(user_id=account.user.id)
    assert await RefreshToken.filter(session_id=session.id).count() == 3
    assert await RefreshToken.filter(session_id=session.id, rotated_at=None).count() == 1


async def test_refreshes_of_different_sessions_do_not_interfere():
    accounts = [await factories.customer() for _ in range(5)]

    outcomes = await race(*(sessions.token_refresh(refresh_token=a.refresh_token) for a in accounts for _ in range(2)))

    assert kinds(outcomes) == Counter({"TokenPair": 10})
    assert len({pair.refresh_token for pair in outcomes}) == 5
    assert await RefreshToken.all().count() == 10
    assert await RefreshToken.filter(rotated_at=None).count() == 5


# --- addresses ---


async def test_concurrent_default_addresses_leave_exactly_one_default():
    account = await factories.customer()
    actor = sessions.actor_for(account.user)

    outcomes = await race(*(addresses.address_create(actor, fields=home(n), is_default=True) for n in range(10)))

    assert kinds(outcomes) == Counter({"Address": 10})
    assert await Address.filter(user_id=account.user.id).count() == 10
    defaults = await Address.filter(user_id=account.user.id, is_default=True)
    assert len(defaults) == 1
    # The default is the one created last (each creation moved it).
    newest = await Address.filter(user_id=account.user.id).order_by("-id").first()
    assert defaults[0].id == newest.id


async def test_concurrent_first_addresses_make_only_one_default():
    # Each creation sees "no address yet" unless creations are serialised.
    account = await factories.customer()
    actor = sessions.actor_for(account.user)

    outcomes = await race(*(addresses.address_create(actor, fields=home(n)) for n in range(10)))

    assert kinds(outcomes) == Counter({"Address": 10})
    assert await Address.filter(user_id=account.user.id, is_default=True).count() == 1
    first = await Address.filter(user_id=account.user.id).order_by("id").first()
    assert first.is_default is True


async def test_concurrent_updates_to_default_leave_exactly_one_default():
    account = await factories.customer()
    actor = sessions.actor_for(account.user)
    created = [await addresses.address_create(actor, fields=home(n)) for n in range(10)]

    outcomes = await race(
        *(addresses.address_update(actor, address_id=a.id, fields=AddressFields(), is_default=True) for a in created)
    )

    assert kinds(outcomes) == Counter({"Address": 10})
    assert all(outcome.is_default for outcome in outcomes)  # each was the default when it returned
    assert await Address.filter(user_id=account.user.id, is_default=True).count() == 1


async def test_concurrent_creates_respect_the_address_limit(configure):
    configure(max_addresses_per_user=5)
    account = await factories.customer()
    actor = sessions.actor_for(account.user)

    outcomes = await race(*(addresses.address_create(actor, fields=home(n), is_default=True) for n in range(10)))

    assert kinds(outcomes) == Counter({"Address": 5, "DomainError": 5})
    assert {str(o) for o in outcomes if isinstance(o, Exception)} == {"At most 5 addresses per account."}
    assert await Address.filter(user_id=account.user.id).count() == 5
    assert await Address.filter(user_id=account.user.id, is_default=True).count() == 1


async def test_concurrent_deletes_of_the_default_leave_one_default():
    account = await factories.customer()
    actor = sessions.actor_for(account.user)
    created = [await addresses.address_create(actor, fields=home(n), is_default=True) for n in range(6)]

    # Delete the three newest (the default and the two that would succeed it) at once.
    outcomes = await race(*(addresses.address_delete(actor, address_id=a.id) for a in created[3:]))

    assert outcomes == [None, None, None]
    remaining = await Address.filter(user_id=account.user.id).order_by("id")
    assert [a.id for a in remaining] == [a.id for a in created[:3]]
    assert [a.is_default for a in remaining] == [False, False, True]


# --- registration ---


async def test_concurrent_sign_ups_with_one_email_create_one_account():
    outcomes = await race(
        *(
            registration.create_user(email="Race@Example.com", mobile=None, password="s3cret-pass", name=f"racer {n}")
            for n in range(10)
        )
    )

    assert kinds(outcomes) == Counter({"User": 1, "Duplicate": 9})
    assert all(o.field == ("email",) and o.code.value == "DUPLICATE" for o in outcomes if isinstance(o, Duplicate))
    assert await User.filter(email="race@example.com").count() == 1
    assert await User.all().count() == 1
    (winner,) = [o for o in outcomes if isinstance(o, User)]
    assert (await User.get(email="race@example.com")).id == winner.id


async def test_concurrent_sign_ups_with_one_mobile_create_one_account():
    outcomes = await race(
        *(registration.create_user(email=None, mobile="+86 139 1234 5678", password="s3cret-pass") for _ in range(10))
    )

    assert kinds(outcomes) == Counter({"User": 1, "Duplicate": 9})
    assert all(o.field == ("mobile",) for o in outcomes if isinstance(o, Duplicate))
    assert await User.filter(mobile="13912345678").count() == 1


# --- login throttling ---


async def test_parallel_wrong_passwords_from_one_address_are_throttled_exactly(configure):
    configure(login_max_failures_per_account=5, login_max_failures_per_address=1000)
    account = await factories.customer()

    outcomes = await race(
        *(
            sessions.token_create(login=account.login, password="wrong-pass-1", client_ip="203.0.113.7")
            for _ in range(20)
        )
    )

    assert kinds(outcomes) == Counter({"InvalidCredentials": 5, "RateLimited": 15})
    assert await Session.filter(user_id=account.user.id).count() == 1  # the factory's
    # That address is cut off for the account, even with the right password; the owner elsewhere is not.
    with pytest.raises(RateLimited):
        await sessions.token_create(login=account.login, password=account.password, client_ip="203.0.113.7")
    pair = await sessions.token_create(login=account.login, password=account.password, client_ip="198.51.100.1")
    assert pair.user.id == account.user.id


async def test_parallel_guesses_from_many_addresses_share_one_account_wide_counter(configure):
    configure(login_max_failures_per_account=1000, login_max_failures_per_address=1000,
              login_max_failures_per_account_any_address=9)
    account = await factories.customer(email="both@example.com")
    await User.filter(id=account.user.id).update(mobile="13912345678")
    addresses = [f"203.0.113.{n}" for n in range(4)]
    for address in addresses:  # each address has failed once: past the ceiling it is refused
        with pytest.raises(InvalidCredentials):
            await sessions.token_create(login="both@example.com", password="wrong-pass-1", client_ip=address)

    logins = ["both@example.com", "13912345678", "BOTH@example.com", "+86 139 1234 5678"]
    outcomes = await race(
        *(
            sessions.token_create(login=logins[n % 4], password="wrong-pass-1", client_ip=addresses[n // 5])
            for n in range(20)
        )
    )

    assert kinds(outcomes) == Counter({"InvalidCredentials": 5, "RateLimited": 15})


async def test_parallel_wrong_passwords_are_throttled_exactly_per_address(configure):
    configure(login_max_failures_per_account=1000, login_max_failures_per_address=5)
    accounts = [await factories.customer() for _ in range(4)]

    outcomes = await race(
        *(
            sessions.token_create(login=accounts[n % 4].login, password="wrong-pass-1", client_ip="203.0.113.9")
            for n in range(20)
        )
    )

    assert kinds(outcomes) == Counter({"InvalidCredentials": 5, "RateLimited": 15})
    # Another address is not affected.
    pair = await sessions.token_create(login=accounts[0].login, password=accounts[0].password, client_ip="198.51.100.2")
    assert pair.user.id == accounts[0].user.id


# --- staff and customer administration ---


async def test_concurrent_deactivations_of_one_customer_change_it_once():
    customer = await factories.customer()
    for _ in range(2):
        await sessions.start_session(customer.user, client_ip="127.0.0.1", user_agent="pytest")
    admins = [await factories.staff(Permission.MANAGE_USERS) for _ in range(5)]
    actors = [sessions.actor_for(a.user) for a in admins]

    outcomes = await race(
        *(customers.customer_update(actors[n % 5], customer_id=customer.user.id, is_active=False, reason="fraud") for n in range(10))
    )

    assert kinds(outcomes) == Counter({"User": 10})
    assert all(o.is_active is False for o in outcomes)
    assert (await User.get(id=customer.user.id)).is_active is False
    revoked = await Session.filter(user_id=customer.user.id).values_list("revoked_reason", flat=True)
    assert sorted(revoked) == ["deactivated"] * 3
    changes = await AuditRecord.filter(action="customer.update", target=f"User:{customer.user.id}")
    assert [(r.old_value, r.new_value) for r in changes if r.new_value] == [({"isActive": True}, {"isActive": False})]
    with pytest.raises(InvalidToken):
        await sessions.authenticate(customer.access_token)


async def test_concurrent_activate_and_deactivate_end_consistent():
    customer = await factories.customer()
    admin = sessions.actor_for((await factories.staff(Permission.MANAGE_USERS)).user)

    outcomes = await race(
        *(customers.customer_update(admin, customer_id=customer.user.id, is_active=n % 2 == 1) for n in range(10))
    )

    assert kinds(outcomes) == Counter({"User": 10})
    user = await User.get(id=customer.user.id)
    changes = await AuditRecord.filter(action="customer.update").order_by("id")
    applied = [r.new_value["isActive"] for r in changes if r.new_value]
    # Serialised on the row: the first applied change is a deactivation, and each
    # applied change flips the one before, so the audit trail replays to the final state.
    assert applied == [i % 2 == 1 for i in range(len(applied))]
    assert len(applied) >= 1
    assert user.is_active is applied[-1]
    assert [(r.old_value, r.new_value) for r in changes if r.new_value] == [
        ({"isActive": not value}, {"isActive": value}) for value in applied
    ]
    # The deactivation signed the customer out; activating again signs nobody back in.
    assert await Session.filter(user_id=customer.user.id, revoked_at=None).count() == 0


async def test_staff_deactivating_each_other_at_once_do_not_deadlock_or_lock_everyone_out():
    managers = [await factories.staff(Permission.MANAGE_STAFF) for _ in range(4)]
    actors = [sessions.actor_for(m.user) for m in managers]

    # Each deactivates the next one round the ring, all at once.
    outcomes = await race(
        *(staff.staff_update(actors[n], user_id=managers[(n + 1) % 4].user.id, is_active=False) for n in range(4))
    )

    # Every call finished; an actor deactivated before its own turn was refused,
    # so the ring cannot deactivate every manager.
    counts = kinds(outcomes)
    assert set(counts) <= {"User", "PermissionDenied"} and counts["User"] >= 1
    active = await User.filter(id__in=[m.user.id for m in managers], is_active=True).count()
    assert active >= 1
    assert active == 4 - counts["User"]
    assert await Session.filter(revoked_at=None).count() == active
    assert await AuditRecord.filter(action="staff.update").count() == counts["User"]


async def test_a_permission_change_racing_a_deactivation_does_not_reactivate():
    # staff_update writes permissions and is_active together from the row it read:
    # without the row lock a permission change would write is_active=True back.
    superuser = await factories.staff(superuser=True)
    actor = sessions.actor_for(superuser.user)
    target = await factories.staff(Permission.MANAGE_ORDERS)
    grants = [[Permission.MANAGE_ORDERS, Permission.MANAGE_PRODUCTS], [Permission.MANAGE_FINANCE], []]

    for round_ in range(3):
        await User.filter(id=target.user.id).update(is_active=True)
        calls = [staff.staff_update(actor, user_id=target.user.id, permissions=grants[n % 3]) for n in range(8)]
        calls.insert(4, staff.staff_update(actor, user_id=target.user.id, is_active=False))
        outcomes = await race(*calls)

        assert kinds(outcomes) == Counter({"User": 9}), round_
        user = await User.get(id=target.user.id)
        assert user.is_active is False, round_
        assert user.permissions in ([p.value for p in sorted(g, key=lambda p: p.value)] for g in grants), round_
        assert await Session.filter(user_id=target.user.id, revoked_at=None).count() == 0


async def test_deactivation_racing_refreshes_leaves_no_usable_session():
    customer = await factories.customer()
    refresh_tokens = [customer.refresh_token]
    for _ in range(4):
        pair = await sessions.start_session(customer.user, client_ip="127.0.0.1", user_agent="pytest")
        refresh_tokens.append(pair.refresh_token)
    admin = sessions.actor_for((await factories.staff(Permission.MANAGE_USERS)).user)

    calls = [sessions.token_refresh(refresh_token=t) for t in refresh_tokens]
    calls.insert(2, customers.customer_update(admin, customer_id=customer.user.id, is_active=False))
    outcomes = await race(*calls)

    assert set(kinds(outcomes)) <= {"TokenPair", "InvalidToken", "User"}
    assert (await User.get(id=customer.user.id)).is_active is False
    assert await Session.filter(user_id=customer.user.id, revoked_at=None).count() == 0
    for outcome in outcomes:
        if isinstance(outcome, sessions.TokenPair):
            with pytest.raises(InvalidToken):
                await sessions.authenticate(outcome.access_token)
            with pytest.raises(InvalidToken):
                await sessions.token_refresh(refresh_token=outcome.refresh_token)
