"""Cart tables: a cart per customer or per guest token, and its lines.

No prices here: a line names a variant and a quantity, and prices, stock
and availability are read from the catalog every time the cart is shown.
"""

from __future__ import annotations

from tortoise import fields
from tortoise.migrations.constraints import CheckConstraint
from tortoise.models import Model


class Cart(Model):
    """A customer's cart (``user_id``) or a guest's (``token_hash``), never both."""

    id = fields.BigIntField(primary_key=True)
    # One cart per customer (a one-to-one key is unique in the database).
    user: fields.OneToOneNullableRelation = fields.OneToOneField(  # type: ignore[type-arg]
        "models.User", related_name=False, null=True, on_delete=fields.CASCADE
    )
    # SHA-256 of the guest's token; the token itself is never stored.
    token_hash = fields.CharField(max_length=64, null=True, unique=True)
    created_at = fields.DatetimeField()
    # Touched by every change: abandoned guest carts expire by it.
    updated_at = fields.DatetimeField()

    user_id: int | None

    class Meta:
        table = "carts"
        indexes = (("updated_at",),)
        # Hand-written into both migration histories (aerich emits no CHECKs).
        constraints = [
            CheckConstraint(
                check="(user_id IS NULL AND token_hash IS NOT NULL) OR (user_id IS NOT NULL AND token_hash IS NULL)",
                name="carts_one_owner",
            ),
        ]

    def __str__(self) -> str:
        return f"cart {self.id}"


class CartLine(Model):
    id = fields.BigIntField(primary_key=True)
    cart: fields.ForeignKeyRelation[Cart] = fields.ForeignKeyField(
        "models.Cart", related_name="lines", on_delete=fields.CASCADE
    )
    variant: fields.ForeignKeyRelation = fields.ForeignKeyField(  # type: ignore[type-arg]
        "models.Variant", related_name=False, on_delete=fields.CASCADE
    )
    quantity = fields.IntField()
    selected = fields.BooleanField(default=True)
    created_at = fields.DatetimeField()

    cart_id: int
    variant_id: int

    class Meta:
        table = "cart_lines"
        unique_together = (("cart_id", "variant_id"),)
        indexes = (("variant_id",),)
        constraints = [CheckConstraint(check="quantity > 0", name="cart_lines_quantity_positive")]

    def __str__(self) -> str:
        return f"{self.quantity} × variant {self.variant_id}"
