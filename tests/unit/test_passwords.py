"""Password rules (length, variety, common list, login), payment passwords, argon2id hashing."""

from __future__ import annotations

import pytest

from mall.accounts import passwords
from mall.accounts.errors import WeakPassword
from mall.core.errors import ErrorCode

TOO_SHORT = "Use at least 8 characters."
TOO_LONG = "Use at most 128 characters."
NOT_MIXED = "Mix letters with digits or symbols."
TOO_COMMON = "This password is too common."
CONTAINS_LOGIN = "The password must not contain your login."
NOT_SIX_DIGITS = "The payment password is six digits."
PATTERN = "Avoid repeated or consecutive digits such as 111111 or 123456."


def refusal(password: str, **kwargs) -> tuple[str, tuple[str, ...] | None, ErrorCode]:
    with pytest.raises(WeakPassword) as caught:
        passwords.check_password_strength(password, **kwargs)
    return caught.value.message, caught.value.field, caught.value.code


def payment_refusal(payment_password: str, **kwargs) -> tuple[str, tuple[str, ...] | None, ErrorCode]:
    with pytest.raises(WeakPassword) as caught:
        passwords.check_payment_password(payment_password, **kwargs)
    return caught.value.message, caught.value.field, caught.value.code


# --- check_password_strength ---


@pytest.mark.parametrize(
    "password",
    ["s3cret-pass", "abcdefg1", "a1" * 64, "abcd efg", "密码密码密码12", "zxcv!@#$", "12345678!", "Tr0ub4dor&3"],
)
def test_strong_enough_passwords_are_accepted(password):
    assert passwords.check_password_strength(password) is None


def test_length_is_eight_to_one_hundred_and_twenty_eight():
    assert refusal("abc1234") == (TOO_SHORT, ("password",), ErrorCode.PASSWORD_TOO_WEAK)
    assert refusal("") == (TOO_SHORT, ("password",), ErrorCode.PASSWORD_TOO_WEAK)
    assert refusal("a1" * 64 + "x") == (TOO_LONG, ("password",), ErrorCode.PASSWORD_TOO_WEAK)
    passwords.check_password_strength("abcdef12")  # exactly 8
    passwords.check_password_strength("ab" * 63 + "12")  # exactly 128


@pytest.mark.parametrize("password", ["abcdefgh", "ABCDEFGHIJ", "12345679", "!!!!@@@@", "密码密码密码密码"])
def test_one_kind_of_character_is_not_enough(password):
    assert refusal(password) == (NOT_MIXED, ("password",), ErrorCode.PASSWORD_TOO_WEAK)


@pytest.mark.parametrize("password", ["password123", "Password123", "PASSW0RD", "1qaz2wsx", "woaini1314", "Abcd1234"])
def test_common_passwords_are_refused_in_any_case(password):
    assert refusal(password) == (TOO_COMMON, ("password",), ErrorCode.PASSWORD_TOO_WEAK)


def test_the_password_may_not_contain_the_login():
    assert refusal("lilei-2024", login="lilei@example.com") == (
        CONTAINS_LOGIN, ("password",), ErrorCode.PASSWORD_TOO_WEAK,
    )
    assert refusal("My-LiLei-pass", login="lilei@example.com")[0] == CONTAINS_LOGIN
    assert refusal("x13912345678", login="13912345678")[0] == CONTAINS_LOGIN
    # Unrelated passwords pass, as does any password without a login to compare.
    passwords.check_password_strength("hanmeimei-7", login="lilei@example.com")
    passwords.check_password_strength("lilei-2024", login=None)


def test_a_very_short_login_name_does_not_refuse_every_password_containing_it():
    # A one- or two-letter local part matches almost any password; the rule should
    # only apply to a login long enough to be meaningful, as it does for short logins.
    passwords.check_password_strength("sunny-day-42", login="a@example.com")
    passwords.check_password_strength("my-good-pass-7", login="yo@example.com")


def test_the_field_can_be_named():
    assert refusal("short", field="newPassword") == (TOO_SHORT, ("newPassword",), ErrorCode.PASSWORD_TOO_WEAK)


# --- check_payment_password ---


@pytest.mark.parametrize("payment_password", ["135790", "121212", "102938", "000001", "987653", "112233"])
def test_varied_six_digit_payment_passwords_are_accepted(payment_password):
    assert passwords.check_payment_password(payment_password) is None


@pytest.mark.parametrize(
    "payment_password", ["111111", "000000", "999999", "123456", "234567", "012345", "654321", "987654", "543210"]
)
def test_repeated_and_straight_runs_are_refused(payment_password):
    assert payment_refusal(payment_password) == (PATTERN, ("paymentPassword",), ErrorCode.PASSWORD_TOO_WEAK)


@pytest.mark.parametrize("payment_password", ["", "13579", "1357902", "13579a", " 135790", "135790\n", "13-579"])
def test_a_payment_password_is_exactly_six_digits(payment_password):
    assert payment_refusal(payment_password) == (NOT_SIX_DIGITS, ("paymentPassword",), ErrorCode.PASSWORD_TOO_WEAK)


@pytest.mark.parametrize("payment_password", ["１３５７９０", "١٣٥٧٩٠"])
def test_a_payment_password_is_six_ascii_digits_not_other_scripts(payment_password):
    # Full-width or Arabic-Indic digits are not what a payment keypad sends; a
    # password set with them could never be typed again.
    assert payment_refusal(payment_password) == (NOT_SIX_DIGITS, ("paymentPassword",), ErrorCode.PASSWORD_TOO_WEAK)


def test_the_payment_password_field_can_be_named():
    assert payment_refusal("123456", field="newPaymentPassword")[1] == ("newPaymentPassword",)


# --- hashing ---


async def test_hash_and_verify_round_trip():
    password_hash = await passwords.hash_password("s3cret-pass")

    assert password_hash.startswith("$argon2id$")
    assert "s3cret-pass" not in password_hash
    assert await passwords.verify_password(password_hash, "s3cret-pass") is True
    assert await passwords.verify_password(password_hash, "s3cret-pasS") is False
    assert await passwords.verify_password(password_hash, "") is False


async def test_the_same_password_hashes_differently_each_time():
    first = await passwords.hash_password("s3cret-pass")
    second = await passwords.hash_password("s3cret-pass")

    assert first != second
    assert await passwords.verify_password(second, "s3cret-pass") is True


@pytest.mark.parametrize("garbage", ["", "not-a-hash", "$argon2id$v=19$m=8,t=1,p=1$broken", "$2b$12$abcdefghijklmnopqrstuv"])
async def test_verifying_against_a_garbage_hash_is_false(garbage):
    assert await passwords.verify_password(garbage, "s3cret-pass") is False


async def test_needs_rehash():
    current = await passwords.hash_password("s3cret-pass")

    assert passwords.needs_rehash(current) is False
    assert passwords.needs_rehash("not-a-hash") is True


async def test_the_dummy_hash_verifies_nothing_a_user_would_send():
    assert await passwords.verify_password(await passwords.dummy_hash(), "s3cret-pass") is False
    assert await passwords.dummy_hash() == await passwords.dummy_hash()
