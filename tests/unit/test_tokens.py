"""Token formats: HS256 access tokens and opaque rotating refresh tokens."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json

import jwt
import pytest

from mall.accounts import tokens
from mall.accounts.errors import InvalidToken
from mall.core.errors import ErrorCode

KEY = "unit-test-signing-key-" + "0123456789abcdef" * 4
OTHER_KEY = "another-signing-key-" + "fedcba9876543210" * 4
ISSUED = dt.datetime(2030, 5, 17, 8, 30, 0, tzinfo=dt.UTC)
TTL = dt.timedelta(minutes=15)
INVALID = "The token is invalid, expired or revoked."


def issue(**overrides) -> str:
    values = {"key": KEY, "user_id": 42, "session_id": 7, "issued_at": ISSUED, "ttl": TTL} | overrides
    return tokens.issue_access_token(**values)


def read(token: str, *, key: str = KEY, now: dt.datetime = ISSUED + dt.timedelta(minutes=1)) -> tokens.AccessClaims:
    return tokens.read_access_token(token, key=key, now=now)


def signed(claims: dict, *, key: str = KEY, algorithm: str = "HS256") -> str:
    return jwt.encode(claims, key, algorithm=algorithm)


def valid_claims() -> dict:
    issued = int(ISSUED.timestamp())
    return {"iss": "mall", "sub": "42", "sid": "7", "iat": issued, "exp": issued + 900, "typ": "access"}


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def assert_invalid(token: str, *, message: str = INVALID, key: str = KEY, now: dt.datetime | None = None) -> None:
    with pytest.raises(InvalidToken) as caught:
        read(token, key=key, now=now or ISSUED + dt.timedelta(minutes=1))
    assert caught.value.code is ErrorCode.INVALID_TOKEN
    assert caught.value.message == message


# --- access tokens ---


def test_an_access_token_round_trips():
    claims = read(issue())

    assert claims == tokens.AccessClaims(
        user_id=42, session_id=7, issued_at=ISSUED, expires_at=ISSUED + TTL
    )


def test_an_access_token_carries_the_documented_claims():
    payload = jwt.decode(
        issue(), KEY, algorithms=["HS256"], issuer="mall", options={"verify_iat": False, "verify_exp": False}
    )

    assert payload == valid_claims()
    assert jwt.get_unverified_header(issue())["alg"] == "HS256"


def test_an_access_token_is_valid_until_the_second_before_expiry():
    token = issue()

    assert read(token, now=ISSUED + TTL - dt.timedelta(microseconds=1)).user_id == 42
    assert_invalid(token, now=ISSUED + TTL, message="The access token has expired; refresh it.")
    assert_invalid(token, now=ISSUED + TTL + dt.timedelta(days=1), message="The access token has expired; refresh it.")


def test_expiry_is_judged_by_the_given_clock_not_the_real_one():
    # Issued far in the past: PyJWT's own expiry check must not interfere.
    old = dt.datetime(2001, 1, 1, tzinfo=dt.UTC)
    token = issue(issued_at=old)

    assert read(token, now=old + dt.timedelta(minutes=5)).issued_at == old


def test_a_tampered_payload_is_refused():
    header, payload, signature = issue().split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["sub"] = "1"
    forged = ".".join([header, b64(json.dumps(claims).encode()), signature])

    assert_invalid(forged)


def test_a_tampered_signature_is_refused():
    header, payload, signature = issue().split(".")
    flipped = ("A" if signature[0] != "A" else "B") + signature[1:]

    assert_invalid(f"{header}.{payload}.{flipped}")
    assert_invalid(f"{header}.{payload}.")


def test_a_token_signed_with_another_key_is_refused():
    assert_invalid(issue(key=OTHER_KEY))
    assert_invalid(issue(), key=OTHER_KEY)


def test_an_unsigned_alg_none_token_is_refused():
    header = b64(json.dumps({"alg": "none", "typ": "JWT"}).encode())
    payload = b64(json.dumps(valid_claims()).encode())

    assert_invalid(f"{header}.{payload}.")


def test_another_hmac_algorithm_with_the_right_key_is_refused():
    assert_invalid(signed(valid_claims(), algorithm="HS512"))


def test_a_token_of_another_type_is_refused():
    assert_invalid(signed(valid_claims() | {"typ": "refresh"}))
    claims = valid_claims()
    del claims["typ"]
    assert_invalid(signed(claims))


@pytest.mark.parametrize("missing", ["exp", "iat", "sub", "sid", "iss"])
def test_a_token_missing_a_claim_is_refused(missing):
    claims = valid_claims()
    del claims[missing]

    assert_invalid(signed(claims))


@pytest.mark.parametrize(
    "changes",
    [{"iss": "someone-else"}, {"sub": "forty-two"}, {"sid": "x"}, {"sub": None}, {"exp": "later"}],
)
def test_a_token_with_a_bad_claim_is_refused(changes):
    assert_invalid(signed(valid_claims() | changes))


@pytest.mark.parametrize("garbage", ["", "not-a-token", "a.b.c", "Bearer x", "mrt_" + "x" * 43])
def test_garbage_is_refused(garbage):
    assert_invalid(garbage)


# --- refresh tokens ---


def test_new_refresh_tokens_are_prefixed_random_and_look_right():
    first, second = tokens.new_refresh_token(), tokens.new_refresh_token()

    assert first != second
    assert first.startswith("mrt_")
    assert len(first) == 4 + 43  # 256 bits in unpadded base64url
    assert tokens.looks_like_refresh_token(first)


def test_the_successor_is_deterministic_per_token_and_key():
    token = tokens.new_refresh_token()

    successor = tokens.successor_refresh_token(token, key=KEY)

    assert successor == tokens.successor_refresh_token(token, key=KEY)
    assert successor != tokens.successor_refresh_token(token, key=OTHER_KEY)
    assert successor != tokens.successor_refresh_token(tokens.new_refresh_token(), key=KEY)
    assert successor != token
    assert successor.startswith("mrt_")
    assert tokens.looks_like_refresh_token(successor)
    # The successor of the successor is yet another token (a chain, not a cycle).
    assert tokens.successor_refresh_token(successor, key=KEY) not in (token, successor)


def test_refresh_tokens_are_stored_as_sha256():
    assert tokens.hash_refresh_token("mrt_abc") == hashlib.sha256(b"mrt_abc").hexdigest()
    assert len(tokens.hash_refresh_token(tokens.new_refresh_token())) == 64


@pytest.mark.parametrize(
    ("candidate", "expected"),
    [
        ("mrt_" + "a" * 43, True),
        ("mrt_" + "a" * 17, True),  # 21 characters: the shortest accepted
        ("mrt_" + "a" * 16, False),  # 20 characters
        ("mrt_" + "a" * 95, True),  # 99 characters: the longest accepted
        ("mrt_" + "a" * 96, False),  # 100 characters
        ("xyz_" + "a" * 43, False),
        ("MRT_" + "a" * 43, False),
        ("", False),
        ("eyJhbGciOiJIUzI1NiJ9.e30.sig-but-long-enough", False),
    ],
)
def test_looks_like_refresh_token(candidate, expected):
    assert tokens.looks_like_refresh_token(candidate) is expected
