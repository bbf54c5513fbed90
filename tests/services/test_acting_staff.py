"""Every staff service re-checks the acting member in the database (mall/accounts/acting.py).

The ``Actor`` here is built before the change, as a request authenticated a
moment earlier (or a path that skipped authentication) would hold it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from mall.accounts import customers
from mall.accounts import staff as staff_admin
from mall.accounts.errors import PermissionOutOfScope
from mall.accounts.models import User
from mall.accounts.sessions import actor_for
from mall.audit.models import AuditRecord
from mall.catalog import categories, products, variants
from mall.catalog.models import Product, ProductStatus, Variant
from mall.catalog.products import ProductFields
from mall.catalog.variants import VariantFields
from mall.core.actors import Permission
from mall.core.errors import PermissionDenied
from mall.sandbox import services as sandbox
from mall.sandbox.models import SandboxClock
from tests import factories


async def _stale_actor(*permissions: Permission, **change: object):
    """A staff member's actor, then their row changed underneath it."""
    member = await factories.staff(*permissions)
    actor = actor_for(member.user, session_id=1)
    await User.filter(id=member.user.id).update(**change)
    return actor


DEACTIVATED = {"is_active": False}
STRIPPED = {"permissions": []}


@pytest.mark.parametrize("change", [DEACTIVATED, STRIPPED], ids=["deactivated", "permission removed"])
async def test_product_update_refuses_a_stale_actor_and_changes_nothing(change):
    product = await factories.product(title="Green tea")
    actor = await _stale_actor(Permission.MANAGE_PRODUCTS, **change)

    with pytest.raises(PermissionDenied):
        await products.product_update(actor, product_id=product.id, fields=ProductFields(title="Changed"))

    assert (await Product.get(id=product.id)).title == "Green tea"
    assert await AuditRecord.filter(action="product.update").count() == 0


async def test_every_catalog_service_refuses_a_stale_actor():
    product = await factories.product(title="Green tea", stock=10)
    variant = await Variant.get(product_id=product.id)
    actor = await _stale_actor(Permission.MANAGE_PRODUCTS, **STRIPPED)
    calls = [
        products.product_create(actor, fields=ProductFields(title="New", status=ProductStatus.DRAFT)),
        variants.variant_create(actor, product_id=product.id, fields=VariantFields(sku="NEW-1", title="New", price=Decimal(1))),
        variants.variant_update(actor, variant_id=variant.id, fields=VariantFields(title="Changed")),
        variants.stock_adjust(actor, variant_id=variant.id, delta=5, reason=""),
        categories.category_create(actor, name="New", slug=None, parent_id=None),
    ]

    for call in calls:
        with pytest.raises(PermissionDenied):
            await call

    after = await Variant.get(id=variant.id)
    assert (after.title, after.on_hand) == (variant.title, 10)
    assert await Product.all().count() == 1
    assert await AuditRecord.filter(actor_id=actor.user_id).count() == 0


async def test_customer_update_refuses_a_stale_actor_and_changes_nothing():
    customer = await factories.customer()
    actor = await _stale_actor(Permission.MANAGE_USERS, **STRIPPED)

    with pytest.raises(PermissionDenied):
        await customers.customer_update(actor, customer_id=customer.user.id, is_active=False)

    assert (await User.get(id=customer.user.id)).is_active is True


async def test_the_sandbox_clock_refuses_a_deactivated_actor_and_stays():
    actor = await _stale_actor(**DEACTIVATED)

    with pytest.raises(PermissionDenied):
        await sandbox.clock_set(actor, now=dt.datetime(2030, 1, 1, tzinfo=dt.UTC))

    assert not await SandboxClock.exists(id=1)


async def test_staff_create_refuses_a_manager_who_lost_manage_staff():
    actor = await _stale_actor(Permission.MANAGE_STAFF, **{"permissions": [Permission.MANAGE_ORDERS.value]})

    with pytest.raises(PermissionDenied):
        await staff_admin.staff_create(actor, email="new@example.com", password="s3cret-staff-pass", name="New",
                                       permissions=[])

    assert not await User.exists(email="new@example.com")


async def test_staff_create_cannot_grant_a_permission_the_manager_lost():
    actor = await _stale_actor(Permission.MANAGE_STAFF, Permission.MANAGE_PRODUCTS,
                               **{"permissions": [Permission.MANAGE_STAFF.value]})

    with pytest.raises(PermissionOutOfScope):
        await staff_admin.staff_create(actor, email="new@example.com", password="s3cret-staff-pass", name="New",
                                       permissions=[Permission.MANAGE_PRODUCTS])

    assert not await User.exists(email="new@example.com")
