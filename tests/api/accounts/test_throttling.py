"""Throttling of sign-in and sign-up through GraphQL over HTTP, and which client address counts."""

from __future__ import annotations

import ipaddress

from mall.accounts.models import User
from tests import factories
from tests.operations import contract

REGISTER = contract("Register")
LOGIN = contract("Login")

WRONG = "wrong-pass-1"
INVALID_CREDENTIALS = [{"field": None, "code": "INVALID_CREDENTIALS", "message": "Wrong login or password."}]
LOGIN_LIMITED = {
    "accessToken": None, "refreshToken": None, "user": None,
    "userErrors": [{"field": None, "code": "RATE_LIMITED", "message": "Too many sign-in attempts; try again later."}],
}
SIGN_UP_LIMITED = {
    "user": None,
    "userErrors": [{"field": None, "code": "RATE_LIMITED", "message": "Too many sign-ups from this address; try again later."}],
}


async def _login(api, login, password, *, forwarded_for=None):
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else None
    return (await api(LOGIN, {"input": {"login": login, "password": password}}, headers=headers)).data["tokenCreate"]


async def _register(api, email, *, forwarded_for=None):
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else None
    result = await api(REGISTER, {"input": {"email": email, "password": "s3cret-pass"}}, headers=headers)
    return result.data["accountRegister"]


# --- sign-in, per account --------------------------------------------------------

async def test_after_too_many_failures_even_the_right_password_is_refused(api, configure):
    configure(login_max_failures_per_account=3)
    account = await factories.customer()

    failures = [await _login(api, account.login, WRONG) for _ in range(3)]
    fourth = await _login(api, account.login, account.password)

    assert [f["userErrors"] for f in failures] == [INVALID_CREDENTIALS] * 3
    assert fourth == LOGIN_LIMITED


async def test_the_account_limit_counts_every_spelling_of_the_login(api, configure):
    configure(login_max_failures_per_account=3)
    account = await factories.customer(email="li.lei@example.com")

    for spelling in ["li.lei@example.com", "LI.LEI@example.com", " Li.Lei@Example.COM "]:
        assert (await _login(api, spelling, WRONG))["userErrors"] == INVALID_CREDENTIALS

    assert await _login(api, "li.lei@example.com", account.password) == LOGIN_LIMITED


async def test_the_account_limit_covers_the_email_and_the_mobile_of_one_account(api, configure):
    # DESIGN §3.1: failed logins are throttled per account, not per spelling of a login.
    configure(login_max_failures_per_account=3)
    account = await factories.customer(email="li.lei@example.com", mobile="13912345678")

    assert (await _login(api, "li.lei@example.com", WRONG))["userErrors"] == INVALID_CREDENTIALS
    assert (await _login(api, "13912345678", WRONG))["userErrors"] == INVALID_CREDENTIALS
    assert (await _login(api, "li.lei@example.com", WRONG))["userErrors"] == INVALID_CREDENTIALS

    assert await _login(api, "13912345678", account.password) == LOGIN_LIMITED


async def test_the_account_limit_leaves_other_accounts_alone(api, configure):
    configure(login_max_failures_per_account=3)
    victim = await factories.customer()
    bystander = await factories.customer()
    for _ in range(4):
        await _login(api, victim.login, WRONG)

    result = await _login(api, bystander.login, bystander.password)

    assert result["userErrors"] == []
    assert result["accessToken"]


async def test_unknown_logins_are_throttled_like_real_ones(api, configure):
    configure(login_max_failures_per_account=3)

    answers = [await _login(api, "nobody@example.com", WRONG) for _ in range(4)]

    assert [a["userErrors"] for a in answers[:3]] == [INVALID_CREDENTIALS] * 3
    assert answers[3] == LOGIN_LIMITED


async def test_a_successful_sign_in_clears_the_accounts_failures(api, configure):
    configure(login_max_failures_per_account=3)
    account = await factories.customer()
    for _ in range(2):
        await _login(api, account.login, WRONG)
    assert (await _login(api, account.login, account.password))["userErrors"] == []

    again = [await _login(api, account.login, WRONG) for _ in range(3)]

    assert [a["userErrors"] for a in again] == [INVALID_CREDENTIALS] * 3
    assert await _login(api, account.login, account.password) == LOGIN_LIMITED


# --- no lockout: strangers failing elsewhere do not keep the owner out ---------------------

OWNER = "198.51.100.1"
TRUST_LOCALHOST = [ipaddress.ip_network("127.0.0.1/32")]


async def test_failures_from_one_address_do_not_keep_the_owner_out_from_another(configure, make_api):
    configure(trusted_proxies=TRUST_LOCALHOST, login_max_failures_per_account=3)
    api = make_api()
    account = await factories.customer()

    attacker = [await _login(api, account.login, WRONG, forwarded_for="203.0.113.66") for _ in range(4)]
    owner = await _login(api, account.login, account.password, forwarded_for=OWNER)

    assert [a["userErrors"] for a in attacker[:3]] == [INVALID_CREDENTIALS] * 3
    assert attacker[3] == LOGIN_LIMITED
    assert owner["userErrors"] == []
    assert owner["accessToken"]


async def test_failures_from_many_addresses_do_not_keep_the_owner_out(configure, make_api):
    configure(trusted_proxies=TRUST_LOCALHOST, login_max_failures_per_account=2,
              login_max_failures_per_account_any_address=6)
    api = make_api()
    account = await factories.customer()
    attackers = [f"203.0.113.{n}" for n in range(1, 5)]

    guesses = [await _login(api, account.login, WRONG, forwarded_for=address) for address in attackers * 2]
    owner = await _login(api, account.login, account.password, forwarded_for=OWNER)

    assert [g["userErrors"] for g in guesses[:6]] == [INVALID_CREDENTIALS] * 6
    assert guesses[6:] == [LOGIN_LIMITED] * 2
    assert owner["userErrors"] == []
    assert owner["accessToken"]


async def test_past_the_account_wide_ceiling_addresses_with_failures_are_cut_off_even_with_the_password(
    configure, make_api
):
    configure(trusted_proxies=TRUST_LOCALHOST, login_max_failures_per_account=5,
              login_max_failures_per_account_any_address=4)
    api = make_api()
    account = await factories.customer()
    for address in ["203.0.113.1", "203.0.113.2"] * 2:
        await _login(api, account.login, WRONG, forwarded_for=address)

    right_from_a_guesser = await _login(api, account.login, account.password, forwarded_for="203.0.113.1")

    assert right_from_a_guesser == LOGIN_LIMITED


async def test_past_the_account_wide_ceiling_a_fresh_address_gets_one_guess(configure, make_api):
    configure(trusted_proxies=TRUST_LOCALHOST, login_max_failures_per_account=5,
              login_max_failures_per_account_any_address=2)
    api = make_api()
    account = await factories.customer()
    for address in ["203.0.113.1", "203.0.113.2"]:
        await _login(api, account.login, WRONG, forwarded_for=address)

    first = await _login(api, account.login, WRONG, forwarded_for="203.0.113.3")
    second = await _login(api, account.login, account.password, forwarded_for="203.0.113.3")

    assert first["userErrors"] == INVALID_CREDENTIALS
    assert second == LOGIN_LIMITED


async def test_the_owner_signing_in_clears_only_their_own_address_failures(configure, make_api):
    configure(trusted_proxies=TRUST_LOCALHOST, login_max_failures_per_account=2)
    api = make_api()
    account = await factories.customer()
    for address in [OWNER, "203.0.113.66", "203.0.113.66"]:
        await _login(api, account.login, WRONG, forwarded_for=address)

    owner = await _login(api, account.login, account.password, forwarded_for=OWNER)
    owner_again = [await _login(api, account.login, WRONG, forwarded_for=OWNER) for _ in range(2)]
    attacker = await _login(api, account.login, account.password, forwarded_for="203.0.113.66")

    assert owner["userErrors"] == []
    assert [o["userErrors"] for o in owner_again] == [INVALID_CREDENTIALS] * 2
    assert attacker == LOGIN_LIMITED


# --- sign-in, per client address -------------------------------------------------

async def test_failures_across_accounts_from_one_address_are_throttled(api, configure):
    configure(login_max_failures_per_address=3, login_max_failures_per_account=100)
    accounts = [await factories.customer() for _ in range(4)]

    failures = [await _login(api, account.login, WRONG) for account in accounts[:3]]
    fourth = await _login(api, accounts[3].login, accounts[3].password)

    assert [f["userErrors"] for f in failures] == [INVALID_CREDENTIALS] * 3
    assert fourth == LOGIN_LIMITED


async def test_successful_sign_ins_do_not_count_toward_the_address_limit(api, configure):
    configure(login_max_failures_per_address=2, login_max_failures_per_account=100)
    account = await factories.customer()
    others = [await factories.customer() for _ in range(3)]

    successes = [await _login(api, account.login, account.password) for _ in range(4)]
    failures = [await _login(api, other.login, WRONG) for other in others[:2]]
    third_failure = await _login(api, others[2].login, WRONG)

    assert [s["userErrors"] for s in successes] == [[]] * 4
    assert [f["userErrors"] for f in failures] == [INVALID_CREDENTIALS] * 2
    assert third_failure == LOGIN_LIMITED


# --- sign-up, per client address --------------------------------------------------

async def test_registration_is_throttled_per_address_and_the_refused_one_creates_nothing(api, configure):
    configure(registration_max_per_address=2)

    first = await _register(api, "one@example.com")
    second = await _register(api, "two@example.com")
    third = await _register(api, "three@example.com")

    assert (first["userErrors"], second["userErrors"]) == ([], [])
    assert third == SIGN_UP_LIMITED
    assert await User.filter(email="three@example.com").exists() is False
    assert await User.all().count() == 2


# --- which address counts: X-Forwarded-For only behind trusted proxies ---------------

async def test_without_trusted_proxies_a_spoofed_forwarded_for_does_not_change_the_address(api, configure):
    configure(registration_max_per_address=2, login_max_failures_per_address=2, login_max_failures_per_account=100)

    sign_ups = [await _register(api, f"user{i}@example.com", forwarded_for=f"203.0.113.{i}") for i in range(3)]
    logins = [await _login(api, f"nobody{i}@example.com", WRONG, forwarded_for=f"198.51.100.{i}") for i in range(3)]

    assert [s["userErrors"] for s in sign_ups[:2]] == [[], []]
    assert sign_ups[2] == SIGN_UP_LIMITED
    assert [lg["userErrors"] for lg in logins[:2]] == [INVALID_CREDENTIALS] * 2
    assert logins[2] == LOGIN_LIMITED


async def test_behind_a_trusted_proxy_each_forwarded_address_counts_separately(configure, make_api):
    # The view reads MALL_TRUSTED_PROXIES when the app is built: configure first.
    configure(trusted_proxies=[ipaddress.ip_network("127.0.0.1/32")], registration_max_per_address=1)
    api = make_api()

    first = await _register(api, "one@example.com", forwarded_for="203.0.113.1")
    second = await _register(api, "two@example.com", forwarded_for="203.0.113.2")
    third = await _register(api, "three@example.com", forwarded_for="203.0.113.1")

    assert (first["userErrors"], second["userErrors"]) == ([], [])
    assert third == SIGN_UP_LIMITED
    assert await User.filter(email="three@example.com").exists() is False


async def test_behind_a_trusted_proxy_failed_logins_count_per_forwarded_address(configure, make_api):
    configure(trusted_proxies=[ipaddress.ip_network("127.0.0.1/32")],
              login_max_failures_per_address=2, login_max_failures_per_account=100)
    api = make_api()
    account = await factories.customer()

    from_a = [await _login(api, f"nobody{i}@example.com", WRONG, forwarded_for="203.0.113.1") for i in range(3)]
    from_b = await _login(api, account.login, account.password, forwarded_for="203.0.113.2")

    assert [a["userErrors"] for a in from_a[:2]] == [INVALID_CREDENTIALS] * 2
    assert from_a[2] == LOGIN_LIMITED
    assert from_b["userErrors"] == []


async def test_behind_a_trusted_proxy_what_the_client_wrote_further_left_is_ignored(configure, make_api):
    configure(trusted_proxies=[ipaddress.ip_network("127.0.0.1/32")], registration_max_per_address=1)
    api = make_api()

    # The proxy appends the real client (203.0.113.9); the client made up the rest.
    first = await _register(api, "one@example.com", forwarded_for="10.0.0.1, 203.0.113.9")
    second = await _register(api, "two@example.com", forwarded_for="10.0.0.2, 203.0.113.9")

    assert first["userErrors"] == []
    assert second == SIGN_UP_LIMITED


async def test_an_ipv6_client_counts_as_its_whole_64_so_fresh_addresses_do_not_reset_the_pair_limit(api, configure):
    configure(trusted_proxies=TRUST_LOCALHOST, login_max_failures_per_account=3)
    account = await factories.customer()
    # One subscriber's /64, a different address for every guess.
    guesses = [f"2001:db8:1:2::{i:x}" for i in range(1, 6)]

    results = [await _login(api, account.login, WRONG, forwarded_for=address) for address in guesses]

    assert [r["userErrors"] for r in results[:3]] == [INVALID_CREDENTIALS] * 3
    assert results[3:] == [LOGIN_LIMITED] * 2
    # Another /64 is another client: the owner's own network still gets in.
    owner = await _login(api, account.login, account.password, forwarded_for="2001:db8:9:9::1")
    assert owner["userErrors"] == []


async def test_sign_ups_from_one_ipv6_64_share_one_budget(api, configure):
    configure(trusted_proxies=TRUST_LOCALHOST, registration_max_per_address=2)

    results = [
        await _register(api, factories.random_email(), forwarded_for=f"2001:db8:5:6::{i:x}") for i in range(1, 4)
    ]

    assert [r["userErrors"] for r in results[:2]] == [[], []]
    assert results[2] == SIGN_UP_LIMITED
