"""Signing in and out: token creation, rotation with reuse detection, revocation.

A session is one signed-in device. Its refresh tokens rotate on every use;
presenting a rotated token again within ``MALL_REFRESH_REUSE_GRACE_SECONDS``
returns the same new pair (two racing refreshes from one app), after that it
revokes the whole session (a stolen token was replayed).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mall.accounts import passwords, throttling, tokens
from mall.accounts.errors import AccountDisabled, InvalidCredentials, InvalidToken
from mall.accounts.models import RefreshToken, Session, User
from mall.accounts.validation import normalize_login
from mall.core.actors import Actor, ActorKind
from mall.core.clock import clock
from mall.core.errors import NotFound
from mall.infra.transactions import transaction
from mall.settings import get_settings

# How stale ``last_used_at`` may get before a request refreshes it: one write
# per session every few minutes, not one per request.
_TOUCH_EVERY = dt.timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class TokenPair:
    access_token: str
    refresh_token: str
    user: User


@dataclass(frozen=True, slots=True)
class Viewer:
    """The user and session behind a valid access token."""

    user: User
    session: Session

    def actor(self, *, client_ip: str | None = None, request_id: str | None = None) -> Actor:
        return actor_for(self.user, session_id=self.session.id, client_ip=client_ip, request_id=request_id)


def actor_for(user: User, *, session_id: int | None = None, client_ip: str | None = None, request_id: str | None = None) -> Actor:
    kind = ActorKind.STAFF if user.is_staff else ActorKind.CUSTOMER
    return Actor(kind, user.id, session_id, user.effective_permissions, client_ip, request_id)


async def find_by_login(login: str) -> User | None:
    normalized = normalize_login(login)
    if normalized is None:
        return None
    lookup = {"email": normalized} if "@" in normalized else {"mobile": normalized}
    return await User.get_or_none(**lookup, deleted_at=None)


async def token_create(*, login: str, password: str, client_ip: str, user_agent: str = "") -> TokenPair:
    """Sign in with email or mobile and password; start a session.

    Unknown logins and wrong passwords get the same answer after the same
    work (a password check against a dummy hash), and are throttled alike
    (``mall.accounts.throttling``: no lockout by strangers).
    """
    user = await find_by_login(login)
    account = (
        throttling.account_of_user(user.id)
        if user
        else throttling.account_of_unknown_login(normalize_login(login) or login.strip().lower()[:254])
    )
    attempt = await throttling.admit(account=account, client_ip=client_ip)
    valid = await passwords.verify_password(user.password_hash if user else await passwords.dummy_hash(), password)
    if user is None or not valid:
        raise InvalidCredentials()
    await throttling.succeeded(attempt)
    if not user.is_active:
        raise AccountDisabled()
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = await passwords.hash_password(password)
        await user.save(update_fields=["password_hash"])
    return await start_session(user, client_ip=client_ip, user_agent=user_agent)


async def start_session(user: User, *, client_ip: str, user_agent: str) -> TokenPair:
    settings = get_settings()
    now = clock.now()
    refresh_token = tokens.new_refresh_token()
    async with transaction():
        session = await Session.create(
            user_id=user.id,
            created_at=now,
            last_used_at=now,
            expires_at=now + settings.refresh_token_ttl,
            user_agent=user_agent[:300],
            client_ip=client_ip[:45],
        )
        await RefreshToken.create(session_id=session.id, token_hash=tokens.hash_refresh_token(refresh_token), issued_at=now)
    access_token = tokens.issue_access_token(
        key=settings.signing_key, user_id=user.id, session_id=session.id, issued_at=now, ttl=settings.access_token_ttl
    )
    return TokenPair(access_token, refresh_token, user)


async def token_refresh(*, refresh_token: str) -> TokenPair:
    """Rotate a refresh token: the old one stops working, a new pair is returned."""
    settings = get_settings()
    now = clock.now()
    row = None
    if tokens.looks_like_refresh_token(refresh_token):
        row = await RefreshToken.get_or_none(token_hash=tokens.hash_refresh_token(refresh_token)).select_related(
            "session__user"
        )
    if row is None or not _session_usable(row.session, now):
        raise InvalidToken(field="refreshToken")
    session, user = row.session, row.session.user
    successor = tokens.successor_refresh_token(refresh_token, key=settings.signing_key)

    async with transaction():
        rotated = await RefreshToken.filter(id=row.id, rotated_at=None).update(rotated_at=now)
        if rotated:
            await RefreshToken.create(session_id=session.id, token_hash=tokens.hash_refresh_token(successor), issued_at=now)
            await Session.filter(id=session.id).update(last_used_at=now, expires_at=now + settings.refresh_token_ttl)
    issued_at = now
    if not rotated:
        rotated_at = (await RefreshToken.get(id=row.id)).rotated_at
        assert rotated_at is not None
        if now - rotated_at > dt.timedelta(seconds=settings.refresh_reuse_grace_seconds):
            await _revoke(Session.filter(id=session.id), reason="refresh_token_reuse")
            raise InvalidToken("This refresh token was already used; the session has been signed out.", field="refreshToken")
        issued_at = rotated_at
    access_token = tokens.issue_access_token(
        key=settings.signing_key, user_id=user.id, session_id=session.id, issued_at=issued_at, ttl=settings.access_token_ttl
    )
    return TokenPair(access_token, successor, user)


def _session_usable(session: Session, now: dt.datetime) -> bool:
    user = session.user
    return session.revoked_at is None and session.expires_at > now and user.is_active and user.deleted_at is None


async def authenticate(access_token: str) -> Viewer:
    """The viewer behind an access token; ``InvalidToken`` if it is bad, expired or revoked."""
    settings = get_settings()
    now = clock.now()
    claims = tokens.read_access_token(access_token, key=settings.signing_key, now=now)
    session = await Session.get_or_none(id=claims.session_id, user_id=claims.user_id).select_related("user")
    if session is None or not _session_usable(session, now):
        raise InvalidToken()
    if now - session.last_used_at > _TOUCH_EVERY:
        await Session.filter(id=session.id).update(last_used_at=now)
        session.last_used_at = now
    return Viewer(session.user, session)


async def token_revoke(actor: Actor, *, refresh_token: str | None = None, session_id: int | None = None) -> bool:
    """Sign out one session: by refresh token, by id (one's own), or the caller's current one."""
    if refresh_token is not None:
        row = None
        if tokens.looks_like_refresh_token(refresh_token):
            row = await RefreshToken.get_or_none(token_hash=tokens.hash_refresh_token(refresh_token)).select_related(
                "session"
            )
        if row is None or (actor.user_id is not None and row.session.user_id != actor.user_id):
            raise InvalidToken(field="refreshToken")
        target = row.session_id
    elif session_id is not None:
        user_id = actor.require_user()
        if not await Session.exists(id=session_id, user_id=user_id):
            raise NotFound("No such session.", field="sessionId")
        target = session_id
    else:
        actor.require_user()
        if actor.session_id is None:
            raise InvalidToken()
        target = actor.session_id
    await _revoke(Session.filter(id=target), reason="signed_out")
    return True


async def revoke_all(user_id: int, *, reason: str, keep_session_id: int | None = None) -> int:
    """Revoke every live session of a user, optionally keeping one."""
    query = Session.filter(user_id=user_id)
    if keep_session_id is not None:
        query = query.exclude(id=keep_session_id)
    return await _revoke(query, reason=reason)


async def forget_devices(user_id: int) -> None:
    """Erase where and on what a user signed in (personal data, PIPL)."""
    await Session.filter(user_id=user_id).update(user_agent="", client_ip="")


async def _revoke(query, *, reason: str) -> int:  # type: ignore[no-untyped-def]
    return await query.filter(revoked_at=None).update(revoked_at=clock.now(), revoked_reason=reason)


async def active_sessions(user_ids: list[int]) -> list[Session]:
    """The live sessions of these users, most recently used first."""
    live = Session.filter(user_id__in=user_ids, revoked_at=None, expires_at__gt=clock.now())
    return await live.order_by("-last_used_at", "-id")


async def own_session(user_id: int, session_id: int) -> Session | None:
    """One of the user's live sessions."""
    found = await active_sessions([user_id])
    return next((s for s in found if s.id == session_id), None)
