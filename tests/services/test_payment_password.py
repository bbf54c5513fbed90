"""Verifying the payment password (wallet payments and withdrawals call this)."""

from __future__ import annotations

import pytest

from mall.accounts import security
from mall.accounts.errors import PaymentPasswordInvalid
from mall.accounts.sessions import actor_for
from mall.core.errors import RateLimited
from tests import factories


async def test_a_customer_without_a_payment_password_is_told_to_set_one():
    account = await factories.customer()

    with pytest.raises(PaymentPasswordInvalid, match="Set a payment password first"):
        await security.payment_password_verify(account.user.id, "135790")


async def test_the_right_payment_password_passes_and_wrong_ones_are_throttled(configure):
    configure(payment_password_max_failures=3)
    account = await factories.customer()
    await security.payment_password_set(actor_for(account.user), password=account.password, payment_password="135790")

    await security.payment_password_verify(account.user.id, "135790")
    for _ in range(3):
        with pytest.raises(PaymentPasswordInvalid, match="wrong"):
            await security.payment_password_verify(account.user.id, "000001")

    # The fourth guess is refused before it is checked, even the right one.
    with pytest.raises(RateLimited):
        await security.payment_password_verify(account.user.id, "135790")
