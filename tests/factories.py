"""Plain async factories with keyword overrides and random values."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from mall.accounts import registration, sessions
from mall.accounts.models import User
from mall.core.actors import Permission

PASSWORD = "correct-horse-42"


@dataclass
class Account:
    user: User
    password: str
    access_token: str
    refresh_token: str

    @property
    def login(self) -> str:
        assert self.user.email or self.user.mobile
        return self.user.email or self.user.mobile  # type: ignore[return-value]


def random_email() -> str:
    return f"user-{secrets.token_hex(4)}@example.com"


def random_mobile() -> str:
    return "139" + "".join(secrets.choice("0123456789") for _ in range(8))


async def customer(*, email: str | None = None, mobile: str | None = None, password: str = PASSWORD,
                   name: str = "Test Customer") -> Account:
    """A customer with a signed-in session."""
    if email is None and mobile is None:
        email = random_email()
    user = await registration.create_user(email=email, mobile=mobile, password=password, name=name)
    pair = await sessions.start_session(user, client_ip="127.0.0.1", user_agent="pytest")
    return Account(user, password, pair.access_token, pair.refresh_token)


async def staff(*permissions: Permission, superuser: bool = False, password: str = PASSWORD) -> Account:
    """A staff member holding ``permissions`` (or every one, as a superuser), signed in."""
    user = await registration.create_user(
        email=random_email(), mobile=None, password=password, name="Test Staff", is_staff=True,
        is_superuser=superuser, permissions=[p.value for p in permissions],
    )
    pair = await sessions.start_session(user, client_ip="127.0.0.1", user_agent="pytest")
    return Account(user, password, pair.access_token, pair.refresh_token)


async def category(*, name: str | None = None, parent=None):
    """A category (below ``parent`` if given)."""
    from mall.catalog import categories
    from mall.core.actors import Actor

    name = name or f"Category {secrets.token_hex(3)}"
    return await categories.category_create(
        Actor.system(), name=name, slug=f"c-{secrets.token_hex(4)}", parent_id=parent.id if parent else None
    )


async def product(*, title: str | None = None, category=None, status: str = "ACTIVE", prices=("10.00",),
                  stock: int = 10, description: str = "", slug: str | None = None):
    """A product with one variant per price (stock each), by the catalog service."""
    from decimal import Decimal

    from mall.catalog import products
    from mall.catalog.models import ProductStatus
    from mall.catalog.products import ProductFields
    from mall.catalog.variants import VariantFields
    from mall.core.actors import Actor

    title = title or f"Product {secrets.token_hex(3)}"
    variants = [
        VariantFields(sku=f"SKU-{secrets.token_hex(5)}", title=f"Variant {index + 1}", price=Decimal(price),
                      cost_price=Decimal(price) / 2, stock=stock, options=[("Size", f"S{index}")])
        for index, price in enumerate(prices)
    ]
    fields = ProductFields(title=title, slug=slug or f"p-{secrets.token_hex(5)}", description=description,
                           category_id=category.id if category else None, status=ProductStatus(status))
    return await products.product_create(Actor.system(), fields=fields, variants=variants)


async def address(account: Account):
    """A shipping address of ``account``'s customer."""
    from mall.accounts import addresses
    from mall.accounts.addresses import AddressFields

    fields = AddressFields(recipient="张三", phone="13800138000", province="浙江省", city="杭州市",
                           district="西湖区", street="文三路 1 号", postal_code="310000")
    return await addresses.address_create(sessions.actor_for(account.user), fields=fields)


async def variant_of(product):
    """The first variant of a product made by ``product``."""
    from mall.catalog.models import Variant

    return await Variant.filter(product_id=product.id).order_by("position").first()


async def order(account: Account, *lines: tuple[int, int], address_id: int | None = None, **request):
    """A PENDING_PAYMENT order of ``account`` for ``lines`` of (variant id, quantity), by the order service."""
    from mall.orders import creation
    from mall.orders.checkout_input import OrderRequest

    if address_id is None:
        address_id = (await address(account)).id
    if not lines:
        lines = ((await variant_of(await product(prices=("25.00",)))).id, 2),
    return await creation.create_order(
        sessions.actor_for(account.user), request=OrderRequest(lines=tuple(lines), address_id=address_id, **request)
    )


async def paid(order):
    """``order`` marked PAID directly: a shortcut past the payment flow, which tests/api/payments covers."""
    from mall.core.clock import clock
    from mall.orders.models import Order
    from mall.orders.states import OrderStatus

    await Order.filter(id=order.id).update(status=OrderStatus.PAID, paid_at=clock.now())
    return await Order.get(id=order.id)
