"""Mobile numbers are ASCII digits after NFKC: one phone, one account, however it is typed."""

from __future__ import annotations

from mall.accounts.models import User
from tests import factories
from tests.operations import contract

REGISTER = contract("Register")
LOGIN = contract("Login")
ME_MOBILE = "query { me { mobile } }"

FULL_WIDTH = "13８00138000"  # one full-width eight (U+FF18)
ARABIC_INDIC = "13800138٠٠٠"  # Arabic-Indic zeros (U+0660): a digit to Python, not to a phone keypad
NOT_A_MOBILE = [{"field": ["input", "mobile"], "code": "INVALID",
                 "message": "Not a valid mainland China mobile number (11 digits, 1[3-9]…)."}]


async def _register(api, mobile):
    return (await api(REGISTER, {"input": {"mobile": mobile, "password": "s3cret-pass"}})).data["accountRegister"]


async def test_full_width_digits_register_as_the_ascii_number(api):
    registered = await _register(api, FULL_WIDTH)

    assert registered["userErrors"] == []
    assert registered["user"]["mobile"] == "13800138000"
    assert await User.filter(mobile="13800138000").count() == 1


async def test_full_width_digits_of_a_taken_number_are_a_duplicate(api):
    await factories.customer(mobile="13800138000")

    registered = await _register(api, FULL_WIDTH)

    assert registered == {
        "user": None,
        "userErrors": [{"field": ["input", "mobile"], "code": "DUPLICATE",
                        "message": "An account with this mobile number already exists."}],
    }
    assert await User.all().count() == 1


async def test_other_unicode_digits_are_refused(api):
    registered = await _register(api, ARABIC_INDIC)

    assert registered == {"user": None, "userErrors": NOT_A_MOBILE}
    assert await User.all().count() == 0


async def test_sign_in_with_full_width_digits_finds_the_account(api):
    account = await factories.customer(mobile="13800138000")

    signed_in = (await api(LOGIN, {"input": {"login": FULL_WIDTH, "password": account.password}})).data["tokenCreate"]

    assert signed_in["userErrors"] == []
    me = await api(ME_MOBILE, token=signed_in["accessToken"])
    assert me.data["me"] == {"mobile": "13800138000"}
