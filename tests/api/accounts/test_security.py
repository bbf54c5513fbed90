"""Security settings through GraphQL over HTTP: password change, payment password, account deletion."""

from __future__ import annotations

from mall.accounts.models import Address, Session, User
from tests import factories
from tests.operations import contract

REGISTER = contract("Register")
LOGIN = contract("Login")
REFRESH = contract("Refresh")
ME = contract("Me")
ADDRESS_CREATE = contract("AddressCreate")
PASSWORD_CHANGE = contract("PasswordChange")
PAYMENT_PASSWORD_SET = contract("PaymentPasswordSet")
WECHAT_BIND = contract("WechatBind")
ACCOUNT_DELETE = contract("AccountDelete")

NEW_PASSWORD = "brand-new-secret-77"
ADDRESS = {"recipient": "李雷", "phone": "13912345678", "province": "上海市", "city": "上海市",
           "district": "浦东新区", "street": "世纪大道 100 号", "postalCode": "200120"}
WRONG_PASSWORD = {"field": ["input", "password"], "code": "INVALID_CREDENTIALS", "message": "The password is wrong."}


async def _sign_in(api, login, password, *, user_agent="second-device"):
    result = await api(LOGIN, {"input": {"login": login, "password": password}}, headers={"User-Agent": user_agent})
    payload = result.data["tokenCreate"]
    assert payload["userErrors"] == []
    return payload


# --- passwordChange ------------------------------------------------------

async def test_password_change_with_a_wrong_old_password_is_refused(api):
    account = await factories.customer()

    result = await api(
        PASSWORD_CHANGE, {"input": {"oldPassword": "not-my-password-1", "newPassword": NEW_PASSWORD}},
        token=account.access_token,
    )

    assert result.data["passwordChange"] == {
        "ok": False,
        "userErrors": [{"field": ["input", "oldPassword"], "code": "INVALID_CREDENTIALS", "message": "The password is wrong."}],
    }
    assert (await _sign_in(api, account.login, account.password))["accessToken"]


async def test_strangers_failing_to_sign_in_do_not_stop_the_owner_confirming_their_password(api, configure):
    # Password confirmation is throttled per signed-in account, on its own counter: reaching it needs the token.
    configure(login_max_failures_per_account=2, login_max_failures_per_account_any_address=2)
    account = await factories.customer()
    guesses = [await api(LOGIN, {"input": {"login": account.login, "password": "not-my-password-1"}}) for _ in range(3)]
    assert guesses[2].data["tokenCreate"]["userErrors"][0]["code"] == "RATE_LIMITED"

    result = await api(
        PASSWORD_CHANGE, {"input": {"oldPassword": account.password, "newPassword": NEW_PASSWORD}},
        token=account.access_token,
    )

    assert result.data["passwordChange"] == {"ok": True, "userErrors": []}


async def test_password_change_to_a_weak_password_is_refused(api):
    account = await factories.customer()
    cases = [
        ("short1", "Use at least 8 characters."),
        ("onlyletters", "Mix letters with digits or symbols."),
        ("password123", "This password is too common."),
    ]

    for weak, message in cases:
        result = await api(
            PASSWORD_CHANGE, {"input": {"oldPassword": account.password, "newPassword": weak}}, token=account.access_token
        )
        assert result.data["passwordChange"] == {
            "ok": False,
            "userErrors": [{"field": ["input", "newPassword"], "code": "PASSWORD_TOO_WEAK", "message": message}],
        }, weak

    assert (await _sign_in(api, account.login, account.password))["accessToken"]


async def test_password_change_signs_out_every_other_session_and_keeps_this_one(api):
    account = await factories.customer()
    other = await _sign_in(api, account.login, account.password)

    result = await api(
        PASSWORD_CHANGE, {"input": {"oldPassword": account.password, "newPassword": NEW_PASSWORD}},
        token=account.access_token,
    )

    assert result.data["passwordChange"] == {"ok": True, "userErrors": []}
    # The other device is signed out: its access token and its refresh token are dead.
    other_me = await api(ME, token=other["accessToken"])
    assert other_me.error_codes == ["UNAUTHENTICATED"]
    assert other_me.body["data"] == {"me": None}
    other_refresh = await api(REFRESH, {"input": {"refreshToken": other["refreshToken"]}})
    assert other_refresh.data["tokenRefresh"]["userErrors"] == [
        {"field": ["input", "refreshToken"], "code": "INVALID_TOKEN", "message": "The token is invalid, expired or revoked."}
    ]
    # This device carries on, with one live session left.
    me = await api(ME, token=account.access_token)
    assert [s["current"] for s in me.data["me"]["sessions"]] == [True]
    refreshed = await api(REFRESH, {"input": {"refreshToken": account.refresh_token}})
    assert refreshed.data["tokenRefresh"]["userErrors"] == []


async def test_after_a_password_change_only_the_new_password_signs_in(api):
    account = await factories.customer()
    await api(
        PASSWORD_CHANGE, {"input": {"oldPassword": account.password, "newPassword": NEW_PASSWORD}},
        token=account.access_token,
    )

    old = await api(LOGIN, {"input": {"login": account.login, "password": account.password}})
    new = await api(LOGIN, {"input": {"login": account.login, "password": NEW_PASSWORD}})

    assert old.data["tokenCreate"]["userErrors"] == [
        {"field": None, "code": "INVALID_CREDENTIALS", "message": "Wrong login or password."}
    ]
    assert new.data["tokenCreate"]["userErrors"] == []
    assert new.data["tokenCreate"]["user"] == {"id": (await api(ME, token=account.access_token)).data["me"]["id"]}


async def test_password_change_needs_a_sign_in(api):
    account = await factories.customer()

    result = await api(PASSWORD_CHANGE, {"input": {"oldPassword": account.password, "newPassword": NEW_PASSWORD}})

    assert result.data["passwordChange"] == {
        "ok": False, "userErrors": [{"field": None, "code": "UNAUTHENTICATED", "message": "You need to sign in."}],
    }
    assert (await _sign_in(api, account.login, account.password))["accessToken"]


# --- paymentPasswordSet ------------------------------------------------------

async def test_payment_password_needs_the_login_password(api):
    account = await factories.customer()

    result = await api(
        PAYMENT_PASSWORD_SET, {"input": {"password": "not-my-password-1", "paymentPassword": "290417"}},
        token=account.access_token,
    )

    assert result.data["paymentPasswordSet"] == {"ok": False, "userErrors": [WRONG_PASSWORD]}
    assert (await api(ME, token=account.access_token)).data["me"]["hasPaymentPassword"] is False


async def test_weak_payment_passwords_are_refused(api):
    account = await factories.customer()
    six_digits = "The payment password is six digits."
    no_runs = "Avoid repeated or consecutive digits such as 111111 or 123456."
    cases = [("12345", six_digits), ("1234567", six_digits), ("abcdef", six_digits),
             ("123456", no_runs), ("111111", no_runs), ("987654", no_runs)]

    for weak, message in cases:
        result = await api(
            PAYMENT_PASSWORD_SET, {"input": {"password": account.password, "paymentPassword": weak}},
            token=account.access_token,
        )
        assert result.data["paymentPasswordSet"] == {
            "ok": False,
            "userErrors": [{"field": ["input", "paymentPassword"], "code": "PASSWORD_TOO_WEAK", "message": message}],
        }, weak

    assert (await api(ME, token=account.access_token)).data["me"]["hasPaymentPassword"] is False


async def test_payment_password_set(api):
    account = await factories.customer()

    result = await api(
        PAYMENT_PASSWORD_SET, {"input": {"password": account.password, "paymentPassword": "290417"}},
        token=account.access_token,
    )

    assert result.data["paymentPasswordSet"] == {"ok": True, "userErrors": []}
    assert (await api(ME, token=account.access_token)).data["me"]["hasPaymentPassword"] is True
    user = await User.get(id=account.user.id)
    assert user.payment_password_hash is not None
    assert "290417" not in user.payment_password_hash


async def test_payment_password_set_needs_a_sign_in(api):
    account = await factories.customer()

    result = await api(PAYMENT_PASSWORD_SET, {"input": {"password": account.password, "paymentPassword": "290417"}})

    assert result.data["paymentPasswordSet"] == {
        "ok": False, "userErrors": [{"field": None, "code": "UNAUTHENTICATED", "message": "You need to sign in."}],
    }
    assert (await User.get(id=account.user.id)).payment_password_hash is None


# --- accountDelete ----------------------------------------------------------------

async def test_account_delete_with_a_wrong_password_changes_nothing(api):
    account = await factories.customer(mobile="13900001111", email="keep.me@example.com")
    await api(ADDRESS_CREATE, {"input": ADDRESS}, token=account.access_token)
    before = (await api(ME, token=account.access_token)).data["me"]

    result = await api(ACCOUNT_DELETE, {"input": {"password": "not-my-password-1"}}, token=account.access_token)

    assert result.data["accountDelete"] == {"ok": False, "userErrors": [WRONG_PASSWORD]}
    assert (await api(ME, token=account.access_token)).data["me"] == before
    user = await User.get(id=account.user.id)
    assert (user.email, user.mobile, user.deleted_at, user.is_active) == ("keep.me@example.com", "13900001111", None, True)


async def test_account_delete_needs_a_sign_in(api):
    account = await factories.customer()

    result = await api(ACCOUNT_DELETE, {"input": {"password": account.password}})

    assert result.data["accountDelete"] == {
        "ok": False, "userErrors": [{"field": None, "code": "UNAUTHENTICATED", "message": "You need to sign in."}],
    }
    assert (await User.get(id=account.user.id)).deleted_at is None


async def test_account_delete_signs_out_everywhere_and_blocks_the_login(api):
    account = await factories.customer(email="gone@example.com", mobile="13900002222")
    other = await _sign_in(api, account.login, account.password)

    result = await api(ACCOUNT_DELETE, {"input": {"password": account.password}}, token=account.access_token)

    assert result.data["accountDelete"] == {"ok": True, "userErrors": []}
    for access_token, refresh_token in [(account.access_token, account.refresh_token),
                                        (other["accessToken"], other["refreshToken"])]:
        me = await api(ME, token=access_token)
        assert me.error_codes == ["UNAUTHENTICATED"]
        refresh = await api(REFRESH, {"input": {"refreshToken": refresh_token}})
        assert refresh.data["tokenRefresh"]["userErrors"][0]["code"] == "INVALID_TOKEN"
    assert await Session.filter(user_id=account.user.id, revoked_at=None).count() == 0
    for login in ["gone@example.com", "13900002222"]:
        login_result = await api(LOGIN, {"input": {"login": login, "password": account.password}})
        assert login_result.data["tokenCreate"] == {
            "accessToken": None, "refreshToken": None, "user": None,
            "userErrors": [{"field": None, "code": "INVALID_CREDENTIALS", "message": "Wrong login or password."}],
        }, login


async def test_account_delete_anonymises_the_row_and_frees_the_login(api):
    account = await factories.customer(email="gone@example.com", mobile="13900002222", name="李雷")
    await api(ADDRESS_CREATE, {"input": ADDRESS}, token=account.access_token)
    await api(PAYMENT_PASSWORD_SET, {"input": {"password": account.password, "paymentPassword": "290417"}},
              token=account.access_token)
    bound = await api(WECHAT_BIND, {"input": {"code": "sandbox-gone"}}, token=account.access_token)
    assert bound.data["wechatBind"]["user"]["wechatBound"] is True

    await api(ACCOUNT_DELETE, {"input": {"password": account.password}}, token=account.access_token)

    # The row stays (orders and ledger point at it) but holds nothing personal.
    row = await User.get(id=account.user.id)
    assert row.email is None
    assert row.mobile is None
    assert row.name == ""
    assert row.wechat_openid is None
    assert row.payment_password_hash is None
    assert row.is_active is False
    assert row.deleted_at is not None
    assert await Address.filter(user_id=account.user.id).count() == 0
    # The email and the mobile can sign up again, as a new account.
    again = await api(REGISTER, {"input": {"email": "gone@example.com", "mobile": "13900002222", "password": "fresh-start-99"}})
    payload = again.data["accountRegister"]
    assert payload["userErrors"] == []
    assert payload["user"]["email"] == "gone@example.com"
    assert payload["user"]["mobile"] == "13900002222"
    new_user = await User.get(email="gone@example.com")
    assert new_user.id != account.user.id
    login = await _sign_in(api, "gone@example.com", "fresh-start-99")
    me = (await api(ME, token=login["accessToken"])).data["me"]
    assert (me["id"], me["addresses"], me["hasPaymentPassword"], me["wechatBound"]) == (payload["user"]["id"], [], False, False)
    # The WeChat identity is free again too.
    rebound = await api(WECHAT_BIND, {"input": {"code": "sandbox-gone"}}, token=login["accessToken"])
    assert rebound.data["wechatBind"]["userErrors"] == []
