"""Shipping addresses: a customer's own, one of them the default.

Changes to one customer's addresses are serialised on that customer's row
(a row lock on PostgreSQL; SQLite serialises writers anyway), so the
"exactly one default" rule holds under concurrent edits.
"""

from __future__ import annotations

from dataclasses import dataclass

from mall.accounts.models import Address, User
from mall.accounts.validation import check_phone, check_postal_code, clean_text
from mall.core.actors import Actor
from mall.core.clock import clock
from mall.core.errors import DomainError, ErrorCode, NotFound
from mall.infra.transactions import transaction
from mall.settings import get_settings


@dataclass(frozen=True, slots=True)
class AddressFields:
    """The fields of an address as the customer typed them; ``None`` means unchanged."""

    recipient: str | None = None
    phone: str | None = None
    province: str | None = None
    city: str | None = None
    district: str | None = None
    street: str | None = None
    postal_code: str | None = None


def _cleaned(fields: AddressFields, *, creating: bool) -> dict[str, str]:
    raw = {
        "recipient": (fields.recipient, 64, True),
        "province": (fields.province, 32, True),
        "city": (fields.city, 32, True),
        "district": (fields.district, 32, False),
        "street": (fields.street, 200, True),
    }
    values = {
        name: clean_text(value, field=name, max_length=limit, required=required)
        for name, (value, limit, required) in raw.items()
        if creating or value is not None
    }
    if creating or fields.phone is not None:
        values["phone"] = check_phone(fields.phone or "")
    if creating or fields.postal_code is not None:
        values["postal_code"] = check_postal_code(fields.postal_code)
    return values


async def _lock_owner(user_id: int) -> None:
    await User.filter(id=user_id).select_for_update().only("id").first()


async def _own_address(user_id: int, address_id: int) -> Address:
    address = await Address.get_or_none(id=address_id, user_id=user_id)
    if address is None:
        raise NotFound("No such address.", field="addressId")
    return address


async def own_address(user_id: int, address_id: int) -> Address | None:
    """One of the user's addresses (None for anyone else's)."""
    return await Address.get_or_none(id=address_id, user_id=user_id)


async def address_create(actor: Actor, *, fields: AddressFields, is_default: bool = False) -> Address:
    """Add an address; the first one, or one marked default, becomes the default."""
    user_id = actor.require_user()
    values = _cleaned(fields, creating=True)
    limit = get_settings().max_addresses_per_user
    async with transaction():
        await _lock_owner(user_id)
        count = await Address.filter(user_id=user_id).count()
        if count >= limit:
            raise DomainError(f"At most {limit} addresses per account.", code=ErrorCode.LIMIT_EXCEEDED)
        make_default = is_default or count == 0
        if make_default:
            await Address.filter(user_id=user_id, is_default=True).update(is_default=False)
        now = clock.now()
        return await Address.create(user_id=user_id, is_default=make_default, created_at=now, updated_at=now, **values)


async def address_update(
    actor: Actor, *, address_id: int, fields: AddressFields, is_default: bool | None = None
) -> Address:
    """Change an address; ``is_default=True`` moves the default here (False is ignored)."""
    user_id = actor.require_user()
    values = _cleaned(fields, creating=False)
    async with transaction():
        await _lock_owner(user_id)
        address = await _own_address(user_id, address_id)
        if is_default and not address.is_default:
            await Address.filter(user_id=user_id, is_default=True).update(is_default=False)
            values["is_default"] = True  # type: ignore[assignment]
        if values:
            await Address.filter(id=address.id).update(**values, updated_at=clock.now())
        return await Address.get(id=address.id)


async def address_delete(actor: Actor, *, address_id: int) -> None:
    """Delete an address; if it was the default, the newest remaining one takes over."""
    user_id = actor.require_user()
    async with transaction():
        await _lock_owner(user_id)
        address = await _own_address(user_id, address_id)
        await address.delete()
        if address.is_default:
            successor = await Address.filter(user_id=user_id).order_by("-created_at", "-id").first()
            if successor is not None:
                await Address.filter(id=successor.id).update(is_default=True)
