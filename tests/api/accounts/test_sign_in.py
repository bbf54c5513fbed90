"""Registration, sign-in, refresh rotation and sign-out through GraphQL over HTTP."""

from __future__ import annotations

import datetime as dt
import threading

from mall.accounts import passwords
from tests import factories
from tests.operations import contract
from tests.timetravel import travel

REGISTER = contract("Register")
LOGIN = contract("Login")
REFRESH = contract("Refresh")
LOGOUT = contract("Logout")
ME = "query Me { me { id email mobile name isStaff permissions hasPaymentPassword wechatBound sessions { id current } } }"


async def test_register_with_email_then_sign_in(api):
    registered = await api(REGISTER, {"input": {"email": "Li.Lei@Example.com", "password": "s3cret-pass", "name": "李雷"}})

    user = registered.data["accountRegister"]
    assert user["userErrors"] == []
    assert user["user"]["email"] == "li.lei@example.com"
    assert user["user"]["name"] == "李雷"

    login = await api(LOGIN, {"input": {"login": "li.lei@example.com", "password": "s3cret-pass"}})
    tokens = login.data["tokenCreate"]
    assert tokens["userErrors"] == []
    assert tokens["user"]["id"] == user["user"]["id"]
    me = await api(ME, token=tokens["accessToken"])
    assert me.data["me"]["email"] == "li.lei@example.com"
    assert me.data["me"]["isStaff"] is False
    assert [s["current"] for s in me.data["me"]["sessions"]] == [True]


async def test_register_with_mobile_normalises_the_number(api):
    result = await api(REGISTER, {"input": {"mobile": "+86 139-1234-5678", "password": "s3cret-pass"}})

    assert result.data["accountRegister"]["user"]["mobile"] == "13912345678"
    login = await api(LOGIN, {"input": {"login": "13912345678", "password": "s3cret-pass"}})
    assert login.data["tokenCreate"]["userErrors"] == []


async def test_duplicate_login_is_refused(api):
    account = await factories.customer(email="taken@example.com")

    result = await api(REGISTER, {"input": {"email": "TAKEN@example.com", "password": "s3cret-pass"}})

    assert result.data["accountRegister"] == {
        "user": None,
        "userErrors": [{"field": ["input", "email"], "code": "DUPLICATE", "message": "An account with this email already exists."}],
    }
    assert account.user.email == "taken@example.com"


async def test_bad_registration_input_gets_field_errors(api):
    cases = [
        ({"email": "not-an-email", "password": "s3cret-pass"}, ["input", "email"], "INVALID"),
        ({"mobile": "12345", "password": "s3cret-pass"}, ["input", "mobile"], "INVALID"),
        ({"password": "s3cret-pass"}, ["input", "email"], "REQUIRED"),
        ({"email": "a@example.com", "password": "short1"}, ["input", "password"], "PASSWORD_TOO_WEAK"),
        ({"email": "b@example.com", "password": "onlyletters"}, ["input", "password"], "PASSWORD_TOO_WEAK"),
        ({"email": "c@example.com", "password": "password123"}, ["input", "password"], "PASSWORD_TOO_WEAK"),
        ({"email": "d@example.com", "password": "x1" * 65}, ["input", "password"], "PASSWORD_TOO_WEAK"),
    ]
    for data, field, code in cases:
        result = await api(REGISTER, {"input": data})
        errors = result.data["accountRegister"]["userErrors"]
        assert [(e["field"], e["code"]) for e in errors] == [(field, code)], data
    customers = await api("{ __typename }")
    assert customers.status == 200


async def test_wrong_password_and_unknown_login_get_the_same_answer(api):
    account = await factories.customer()

    wrong = await api(LOGIN, {"input": {"login": account.login, "password": "wrong-pass-1"}})
    unknown = await api(LOGIN, {"input": {"login": "nobody@example.com", "password": "wrong-pass-1"}})

    expected = {
        "accessToken": None, "refreshToken": None, "user": None,
        "userErrors": [{"field": None, "code": "INVALID_CREDENTIALS", "message": "Wrong login or password."}],
    }
    assert wrong.data["tokenCreate"] == expected
    assert unknown.data["tokenCreate"] == expected


async def test_refresh_rotates_and_the_old_token_stops_after_the_grace_period(api):
    account = await factories.customer()

    first = (await api(REFRESH, {"input": {"refreshToken": account.refresh_token}})).data["tokenRefresh"]
    assert first["userErrors"] == []
    assert first["refreshToken"] != account.refresh_token

    # Within the grace period the same old token returns the very same pair.
    again = (await api(REFRESH, {"input": {"refreshToken": account.refresh_token}})).data["tokenRefresh"]
    assert again == first

    await travel(dt.timedelta(seconds=11))
    replay = (await api(REFRESH, {"input": {"refreshToken": account.refresh_token}})).data["tokenRefresh"]
    assert replay["userErrors"][0]["code"] == "INVALID_TOKEN"

    # Reuse after the grace period revoked the whole session: the new tokens die too.
    newer = (await api(REFRESH, {"input": {"refreshToken": first["refreshToken"]}})).data["tokenRefresh"]
    assert newer["userErrors"][0]["code"] == "INVALID_TOKEN"
    me = await api(ME, token=first["accessToken"])
    assert me.error_codes == ["UNAUTHENTICATED"]


async def test_logout_revokes_the_session_and_its_access_token(api):
    account = await factories.customer()

    result = await api(LOGOUT, {"input": {}}, token=account.access_token)

    assert result.data["tokenRevoke"] == {"revoked": True, "userErrors": []}
    me = await api(ME, token=account.access_token)
    assert me.error_codes == ["UNAUTHENTICATED"]
    refresh = await api(REFRESH, {"input": {"refreshToken": account.refresh_token}})
    assert refresh.data["tokenRefresh"]["userErrors"][0]["code"] == "INVALID_TOKEN"


async def test_me_is_null_without_a_token(api):
    result = await api(ME)

    assert result.body == {"data": {"me": None}}


async def test_an_account_is_created_at_the_time_of_mall_s_clock(api):
    await travel(dt.timedelta(days=100))

    registered = await api(REGISTER, {"input": {"email": "later@example.com", "password": "s3cret-pass"}})
    login = await api(LOGIN, {"input": {"login": "later@example.com", "password": "s3cret-pass"}})
    me = await api("{ me { createdAt } }", token=login.data["tokenCreate"]["accessToken"])

    assert registered.data["accountRegister"]["userErrors"] == []
    created = dt.datetime.fromisoformat(me.data["me"]["createdAt"])
    expected = dt.datetime.now(dt.UTC) + dt.timedelta(days=100)
    assert abs((created - expected).total_seconds()) < 60


async def test_the_dummy_hash_for_unknown_logins_is_computed_off_the_event_loop(api, monkeypatch):
    # argon2 takes tens of milliseconds by design: on the loop it would stall every other request.
    real = passwords._hasher()
    hashed_on: list[threading.Thread] = []

    class RecordingHasher:
        def hash(self, password: str) -> str:
            hashed_on.append(threading.current_thread())
            return real.hash(password)

        def verify(self, password_hash: str, password: str) -> bool:
            return real.verify(password_hash, password)

    monkeypatch.setattr(passwords, "_hasher", RecordingHasher)
    passwords.forget_dummy_hash()

    answer = await api(LOGIN, {"input": {"login": "nobody@example.com", "password": "wrong-pass-1"}})

    assert answer.data["tokenCreate"]["userErrors"] == [
        {"field": None, "code": "INVALID_CREDENTIALS", "message": "Wrong login or password."}
    ]
    assert len(hashed_on) == 1
    assert hashed_on[0] is not threading.current_thread()
