"""Token formats: JWT access tokens and opaque rotating refresh tokens.

Access tokens are short-lived HS256 JWTs naming the user and the session;
the session is checked on every use, so revoking it ends them at once.

Refresh tokens are 256 random bits, stored only as SHA-256. A rotated
token's successor is derived from it with HMAC under the server key, so
within the grace period the same successor (and, with the same issue time,
the same access token) can be handed out again without storing any token.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

import jwt

from mall.accounts.errors import InvalidToken

_ALGORITHM = "HS256"
_ISSUER = "mall"
_REFRESH_PREFIX = "mrt_"


@dataclass(frozen=True, slots=True)
class AccessClaims:
    user_id: int
    session_id: int
    issued_at: dt.datetime
    expires_at: dt.datetime


def issue_access_token(
    *, key: str, user_id: int, session_id: int, issued_at: dt.datetime, ttl: dt.timedelta
) -> str:
    issued = int(issued_at.timestamp())
    claims = {
        "iss": _ISSUER,
        "sub": str(user_id),
        "sid": str(session_id),
        "iat": issued,
        "exp": issued + int(ttl.total_seconds()),
        "typ": "access",
    }
    return jwt.encode(claims, key, algorithm=_ALGORITHM)


def read_access_token(token: str, *, key: str, now: dt.datetime) -> AccessClaims:
    """Verify signature, issuer and expiry (against Mall's clock); raise ``InvalidToken``."""
    try:
        claims = jwt.decode(
            token,
            key,
            algorithms=[_ALGORITHM],
            issuer=_ISSUER,
            # Expiry is judged against Mall's clock, which the sandbox may move.
            options={"require": ["exp", "iat", "sub", "sid"], "verify_exp": False, "verify_iat": False},
        )
        if claims.get("typ") != "access":
            raise InvalidToken()
        expires_at = dt.datetime.fromtimestamp(int(claims["exp"]), dt.UTC)
        issued_at = dt.datetime.fromtimestamp(int(claims["iat"]), dt.UTC)
        user_id, session_id = int(claims["sub"]), int(claims["sid"])
    except (jwt.PyJWTError, ValueError, TypeError) as exc:
        raise InvalidToken() from exc
    if now >= expires_at:
        raise InvalidToken("The access token has expired; refresh it.")
    return AccessClaims(user_id, session_id, issued_at, expires_at)


def new_refresh_token() -> str:
    return _REFRESH_PREFIX + secrets.token_urlsafe(32)


def successor_refresh_token(token: str, *, key: str) -> str:
    """The token that replaces ``token`` on rotation: unguessable without both."""
    digest = hmac.new(key.encode(), b"refresh-successor:" + token.encode(), hashlib.sha256).digest()
    return _REFRESH_PREFIX + base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def hash_refresh_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def looks_like_refresh_token(token: str) -> bool:
    return token.startswith(_REFRESH_PREFIX) and 20 < len(token) < 100
