"""Security settings: password change, payment password, account deletion (PIPL)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from mall.accounts import customers, passwords, sessions
from mall.accounts.errors import CannotModifySelf, InvalidCredentials, PaymentPasswordInvalid
from mall.accounts.models import Address, User
from mall.core.actors import Actor, Permission
from mall.core.clock import clock
from mall.core.errors import NotFound, RateLimited
from mall.infra import ratelimit
from mall.infra.transactions import transaction
from mall.settings import get_settings


async def _signed_in_user(actor: Actor) -> User:
    user = await User.get_or_none(id=actor.require_user(), deleted_at=None)
    if user is None:
        raise NotFound("No such account.")
    return user


async def _confirm_password(user: User, password: str, *, field: str) -> None:
    """Check the login password again; wrong guesses are throttled per account,
    with the sign-in limit's size and window (its own counter)."""
    settings = get_settings()
    window = ratelimit.Window(settings.login_max_failures_per_account, settings.login_throttle_window_seconds)
    key = f"confirm:user:{user.id}"
    if not await ratelimit.attempt(key, window):
        raise RateLimited("Too many password attempts; try again later.")
    if not await passwords.verify_password(user.password_hash, password):
        raise InvalidCredentials("The password is wrong.", field=field)
    await ratelimit.give_back(key)


async def password_change(actor: Actor, *, old_password: str, new_password: str) -> None:
    """Change the login password; every other session is signed out."""
    user = await _signed_in_user(actor)
    await _confirm_password(user, old_password, field="oldPassword")
    passwords.check_password_strength(new_password, field="newPassword", login=user.login)
    new_hash = await passwords.hash_password(new_password)
    async with transaction():
        await User.filter(id=user.id).update(password_hash=new_hash, updated_at=clock.now())
        await sessions.revoke_all(user.id, reason="password_changed", keep_session_id=actor.session_id)


async def payment_password_set(actor: Actor, *, password: str, payment_password: str) -> None:
    """Set or replace the six-digit payment password, confirmed with the login password."""
    passwords.check_payment_password(payment_password)
    user = await _signed_in_user(actor)
    await _confirm_password(user, password, field="password")
    new_hash = await passwords.hash_password(payment_password)
    await User.filter(id=user.id).update(payment_password_hash=new_hash, updated_at=clock.now())
    # The owner, proving the login password, lifts a lock that guesses put on the old payment password.
    await ratelimit.reset(_payment_password_key(user.id))


def _payment_password_key(user_id: int) -> str:
    return f"paypw:user:{user_id}"


async def payment_password_verify(user_id: int, payment_password: str) -> None:
    """Raise unless it matches (wallet payments, withdrawals); guesses are throttled per account.

    Six digits are a small space: after ``MALL_PAYMENT_PASSWORD_MAX_FAILURES``
    wrong tries the payment password is locked (every try refused with
    ``RATE_LIMITED``, DESIGN §4) until the window that began with the first
    counted failure ends (``MALL_PAYMENT_PASSWORD_WINDOW_SECONDS``). Tries are
    counted before the check and given back when right, so parallel guesses
    cannot slip past the ceiling. Only payment-password operations are
    locked: the counter is the payment password's own, so guesses (which
    need the owner's session to be made at all) never lock sign-in or
    anything else; the owner lifts the lock by setting a new payment
    password with the login password (``payment_password_set``).
    """
    settings = get_settings()
    window = ratelimit.Window(settings.payment_password_max_failures, settings.payment_password_window_seconds)
    key = _payment_password_key(user_id)
    user = await User.get_or_none(id=user_id, deleted_at=None, is_active=True)
    if user is None:
        raise NotFound("No such account.")
    if user.payment_password_hash is None:
        raise PaymentPasswordInvalid("Set a payment password first.", field="paymentPassword")
    if not await ratelimit.attempt(key, window):
        raise RateLimited("Too many wrong payment passwords; try again later.")
    if not await passwords.verify_password(user.payment_password_hash, payment_password):
        raise PaymentPasswordInvalid("The payment password is wrong.", field="paymentPassword")
    await ratelimit.give_back(key)


async def _other_staff_manager(user_id: int) -> bool:
    managers = User.filter(is_staff=True, is_active=True, deleted_at=None).exclude(id=user_id).select_for_update()
    return any(Permission.MANAGE_STAFF in other.effective_permissions for other in await managers)


async def account_delete(actor: Actor, *, password: str,
                         refuse_while: Callable[[int], Awaitable[None]] | None = None) -> None:
    """Erase personal data (PIPL) and sign out everywhere.

    The row stays, anonymised, because orders and ledger entries must keep
    pointing at it; addresses and the WeChat identity are removed.
    ``refuse_while`` (given the user id, under the user's row lock) raises
    to refuse: the layers above know what the account still has open.
    """
    user = await _signed_in_user(actor)
    await _confirm_password(user, password, field="password")
    now = clock.now()
    async with transaction():
        if Permission.MANAGE_STAFF in user.effective_permissions and not await _other_staff_manager(user.id):
            raise CannotModifySelf("You are the last staff member who can manage staff; appoint another first.")
        if refuse_while is not None:
            await customers.lock_customer(user.id)
            await refuse_while(user.id)
        await Address.filter(user_id=user.id).delete()
        await User.filter(id=user.id).update(
            email=None,
            mobile=None,
            name="",
            password_hash="!deleted",
            payment_password_hash=None,
            wechat_openid=None,
            is_active=False,
            is_staff=False,
            is_superuser=False,
            permissions=[],
            deleted_at=now,
            updated_at=now,
        )
        await sessions.revoke_all(user.id, reason="account_deleted")
        await sessions.forget_devices(user.id)
