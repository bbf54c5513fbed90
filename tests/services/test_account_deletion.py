"""Deleting a staff account: it stops being staff, and someone can still manage staff."""

from __future__ import annotations

import pytest

from mall.accounts import security
from mall.accounts.errors import CannotModifySelf
from mall.accounts.models import User
from mall.accounts.sessions import actor_for
from mall.core.actors import Permission
from tests import factories


async def test_the_last_staff_manager_cannot_delete_their_account():
    manager = await factories.staff(Permission.MANAGE_STAFF)

    with pytest.raises(CannotModifySelf):
        await security.account_delete(actor_for(manager.user), password=manager.password)

    assert (await User.get(id=manager.user.id)).deleted_at is None


async def test_a_deleted_staff_account_keeps_no_staff_powers():
    await factories.staff(superuser=True)
    member = await factories.staff(Permission.MANAGE_STAFF, Permission.MANAGE_ORDERS)

    await security.account_delete(actor_for(member.user), password=member.password)

    gone = await User.get(id=member.user.id)
    assert (gone.is_staff, gone.is_superuser, gone.permissions, gone.email) == (False, False, [], None)
    assert gone.effective_permissions == frozenset()
