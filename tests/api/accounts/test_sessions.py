"""Sessions through GraphQL over HTTP: listing, revoking, expired and forged tokens."""

from __future__ import annotations

import base64
import datetime as dt
import json

import jwt

from mall.accounts.models import User
from mall.core.actors import Permission
from tests import factories
from tests.operations import contract
from tests.timetravel import travel

LOGIN = contract("Login")
REFRESH = contract("Refresh")
LOGOUT = contract("Logout")
ME = contract("Me")
ADDRESS_CREATE = contract("AddressCreate")
CUSTOMER_UPDATE = contract("CustomerUpdate")

ADDRESS = {"recipient": "李雷", "phone": "13912345678", "province": "上海市", "city": "上海市",
           "district": "浦东新区", "street": "世纪大道 100 号", "postalCode": "200120"}
INVALID_TOKEN = [{"field": ["input", "refreshToken"], "code": "INVALID_TOKEN",
                  "message": "The token is invalid, expired or revoked."}]


async def _sign_in(api, account, user_agent):
    result = await api(LOGIN, {"input": {"login": account.login, "password": account.password}},
                       headers={"User-Agent": user_agent})
    payload = result.data["tokenCreate"]
    assert payload["userErrors"] == []
    return payload


async def _sessions(api, access_token):
    return (await api(ME, token=access_token)).data["me"]["sessions"]


def _session_id(sessions, user_agent):
    [found] = [s["id"] for s in sessions if s["userAgent"] == user_agent]
    return found


def _user_global_id(account):
    return base64.b64encode(f"User:{account.user.id}".encode()).decode()


async def test_me_sessions_lists_live_sessions_and_marks_only_the_callers_current(api):
    account = await factories.customer()  # user agent "pytest"
    phone = await _sign_in(api, account, "phone-app")
    laptop = await _sign_in(api, account, "laptop-browser")

    sessions = await _sessions(api, phone["accessToken"])

    assert sorted(s["userAgent"] for s in sessions) == ["laptop-browser", "phone-app", "pytest"]
    assert [s["userAgent"] for s in sessions if s["current"]] == ["phone-app"]
    from_laptop = await _sessions(api, laptop["accessToken"])
    assert [s["userAgent"] for s in from_laptop if s["current"]] == ["laptop-browser"]
    assert sorted(s["id"] for s in from_laptop) == sorted(s["id"] for s in sessions)


async def test_me_sessions_leaves_out_revoked_sessions(api):
    account = await factories.customer()
    phone = await _sign_in(api, account, "phone-app")
    await api(LOGOUT, {"input": {}}, token=phone["accessToken"])

    sessions = await _sessions(api, account.access_token)

    assert [(s["userAgent"], s["current"]) for s in sessions] == [("pytest", True)]


async def test_revoking_ones_own_other_session_by_id_ends_its_access_token(api):
    account = await factories.customer()
    phone = await _sign_in(api, account, "phone-app")
    phone_session = _session_id(await _sessions(api, account.access_token), "phone-app")

    result = await api(LOGOUT, {"input": {"sessionId": phone_session}}, token=account.access_token)

    assert result.data["tokenRevoke"] == {"revoked": True, "userErrors": []}
    assert (await api(ME, token=phone["accessToken"])).error_codes == ["UNAUTHENTICATED"]
    refresh = await api(REFRESH, {"input": {"refreshToken": phone["refreshToken"]}})
    assert refresh.data["tokenRefresh"]["userErrors"] == INVALID_TOKEN
    assert [s["userAgent"] for s in await _sessions(api, account.access_token)] == ["pytest"]


async def test_revoking_another_customers_session_is_not_found(api):
    victim = await factories.customer()
    attacker = await factories.customer()
    victim_session = _session_id(await _sessions(api, victim.access_token), "pytest")

    result = await api(LOGOUT, {"input": {"sessionId": victim_session}}, token=attacker.access_token)

    assert result.data["tokenRevoke"] == {
        "revoked": False,
        "userErrors": [{"field": ["input", "sessionId"], "code": "NOT_FOUND", "message": "No such session."}],
    }
    assert [s["id"] for s in await _sessions(api, victim.access_token)] == [victim_session]
    assert (await api(ME, token=attacker.access_token)).data["me"]["sessions"][0]["current"] is True


async def test_revoking_by_a_session_id_needs_a_sign_in(api):
    account = await factories.customer()
    session = _session_id(await _sessions(api, account.access_token), "pytest")

    result = await api(LOGOUT, {"input": {"sessionId": session}})

    assert result.data["tokenRevoke"] == {
        "revoked": False, "userErrors": [{"field": None, "code": "UNAUTHENTICATED", "message": "You need to sign in."}],
    }
    assert (await api(ME, token=account.access_token)).data["me"]["sessions"][0]["id"] == session


async def test_revoking_with_an_id_of_another_type_is_invalid(api):
    account = await factories.customer()

    result = await api(LOGOUT, {"input": {"sessionId": _user_global_id(account)}}, token=account.access_token)

    assert result.data["tokenRevoke"] == {
        "revoked": False,
        "userErrors": [{"field": ["input", "sessionId"], "code": "INVALID", "message": "Expected an ID of type Session."}],
    }
    assert (await api(ME, token=account.access_token)).data["me"]["id"]


async def test_revoking_by_refresh_token_ends_that_session(api):
    account = await factories.customer()
    phone = await _sign_in(api, account, "phone-app")

    # An app that lost its access token can still sign out with the refresh token alone.
    result = await api(LOGOUT, {"input": {"refreshToken": phone["refreshToken"]}})

    assert result.data["tokenRevoke"] == {"revoked": True, "userErrors": []}
    assert (await api(ME, token=phone["accessToken"])).error_codes == ["UNAUTHENTICATED"]
    refresh = await api(REFRESH, {"input": {"refreshToken": phone["refreshToken"]}})
    assert refresh.data["tokenRefresh"]["userErrors"] == INVALID_TOKEN
    assert [s["userAgent"] for s in await _sessions(api, account.access_token)] == ["pytest"]


async def test_revoking_another_customers_refresh_token_is_refused(api):
    victim = await factories.customer()
    attacker = await factories.customer()

    result = await api(LOGOUT, {"input": {"refreshToken": victim.refresh_token}}, token=attacker.access_token)

    assert result.data["tokenRevoke"] == {"revoked": False, "userErrors": INVALID_TOKEN}
    assert (await api(ME, token=victim.access_token)).data["me"]["sessions"][0]["current"] is True


async def test_revoking_with_neither_and_no_token_is_unauthenticated(api):
    result = await api(LOGOUT, {"input": {}})

    assert result.data["tokenRevoke"] == {
        "revoked": False, "userErrors": [{"field": None, "code": "UNAUTHENTICATED", "message": "You need to sign in."}],
    }


async def test_an_expired_access_token_is_unauthenticated_and_the_refresh_token_still_works(api, settings):
    assert settings.access_token_ttl_seconds == 900
    account = await factories.customer()

    await travel(dt.timedelta(seconds=890))
    assert (await api(ME, token=account.access_token)).data["me"]["id"]

    await travel(dt.timedelta(seconds=901))
    me = await api(ME, token=account.access_token)
    create = await api(ADDRESS_CREATE, {"input": ADDRESS}, token=account.access_token)

    assert me.body["data"] == {"me": None}
    assert [(e["message"], e["extensions"]["code"], e["path"]) for e in me.errors] == [
        ("The access token has expired; refresh it.", "UNAUTHENTICATED", ["me"])
    ]
    assert create.data["addressCreate"] == {
        "address": None, "user": None,
        "userErrors": [{"field": None, "code": "UNAUTHENTICATED", "message": "The access token has expired; refresh it."}],
    }
    refreshed = (await api(REFRESH, {"input": {"refreshToken": account.refresh_token}})).data["tokenRefresh"]
    assert refreshed["userErrors"] == []
    assert (await api(ME, token=refreshed["accessToken"])).data["me"]["addresses"] == []


def _flip(char):
    return "A" if char != "A" else "B"


async def test_forged_access_tokens_are_unauthenticated(api, settings):
    account = await factories.customer()
    header, payload, signature = account.access_token.split(".")
    middle = len(signature) // 2
    claims = jwt.decode(account.access_token, settings.signing_key, algorithms=["HS256"], issuer="mall")
    elevated = base64.urlsafe_b64encode(
        json.dumps({**claims, "sub": str(account.user.id + 1)}).encode()
    ).rstrip(b"=").decode()
    forged = {
        "flipped signature": f"{header}.{payload}.{signature[:middle]}{_flip(signature[middle])}{signature[middle + 1:]}",
        "other key": jwt.encode(claims, "someone-elses-key-" + "x" * 32, algorithm="HS256"),
        "alg none": jwt.encode(claims, None, algorithm="none"),
        "changed claims": f"{header}.{elevated}.{signature}",
        "not a jwt": "garbage",
    }

    for name, token in forged.items():
        me = await api(ME, token=token)
        assert me.body["data"] == {"me": None}, name
        assert [(e["message"], e["extensions"]["code"]) for e in me.errors] == [
            ("The token is invalid, expired or revoked.", "UNAUTHENTICATED")
        ], name
        create = await api(ADDRESS_CREATE, {"input": ADDRESS}, token=token)
        assert create.data["addressCreate"]["userErrors"] == [
            {"field": None, "code": "UNAUTHENTICATED", "message": "The token is invalid, expired or revoked."}
        ], name

    assert (await api(ME, token=account.access_token)).data["me"]["addresses"] == []


async def test_a_token_signed_with_the_real_key_but_a_wrong_type_is_refused(api, settings):
    account = await factories.customer()
    claims = jwt.decode(account.access_token, settings.signing_key, algorithms=["HS256"], issuer="mall")

    for name, changed in [("refresh type", {**claims, "typ": "refresh"}), ("other issuer", {**claims, "iss": "evil"})]:
        token = jwt.encode(changed, settings.signing_key, algorithm="HS256")
        me = await api(ME, token=token)
        assert me.error_codes == ["UNAUTHENTICATED"], name


async def test_a_garbage_refresh_token_is_invalid(api):
    for garbage in ["garbage", "mrt_" + "x" * 43, "", "mrt_" + "x" * 200]:
        result = await api(REFRESH, {"input": {"refreshToken": garbage}})
        assert result.data["tokenRefresh"] == {
            "accessToken": None, "refreshToken": None, "userErrors": INVALID_TOKEN,
        }, garbage


async def test_a_deactivated_customers_refresh_token_stops_working(api):
    account = await factories.customer()
    admin = await factories.staff(Permission.MANAGE_USERS)

    result = await api(
        CUSTOMER_UPDATE, {"input": {"customerId": _user_global_id(account), "isActive": False, "reason": "fraud"}},
        token=admin.access_token,
    )

    assert result.data["customerUpdate"]["userErrors"] == []
    refresh = await api(REFRESH, {"input": {"refreshToken": account.refresh_token}})
    assert refresh.data["tokenRefresh"] == {"accessToken": None, "refreshToken": None, "userErrors": INVALID_TOKEN}
    assert (await api(ME, token=account.access_token)).error_codes == ["UNAUTHENTICATED"]


async def test_refresh_is_refused_for_an_inactive_account_even_with_a_live_session(api):
    account = await factories.customer()
    # Deactivated behind the API's back: the session row itself was never revoked.
    await User.filter(id=account.user.id).update(is_active=False)

    refresh = await api(REFRESH, {"input": {"refreshToken": account.refresh_token}})

    assert refresh.data["tokenRefresh"] == {"accessToken": None, "refreshToken": None, "userErrors": INVALID_TOKEN}
    assert (await api(ME, token=account.access_token)).error_codes == ["UNAUTHENTICATED"]
