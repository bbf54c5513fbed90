"""Accounts tables: users (customers and staff), sessions, refresh tokens, addresses."""

from __future__ import annotations

from tortoise import fields
from tortoise.migrations.constraints import CheckConstraint
from tortoise.models import Model

from mall.core.actors import Permission


class User(Model):
    id = fields.BigIntField(primary_key=True)
    email = fields.CharField(max_length=254, null=True, unique=True)
    mobile = fields.CharField(max_length=20, null=True, unique=True)
    name = fields.CharField(max_length=100, default="")
    password_hash = fields.CharField(max_length=200)
    payment_password_hash = fields.CharField(max_length=200, null=True)
    is_active = fields.BooleanField(default=True)
    is_staff = fields.BooleanField(default=False)
    is_superuser = fields.BooleanField(default=False)
    permissions: fields.Field[list[str]] = fields.JSONField(default=list)
    wechat_openid = fields.CharField(max_length=64, null=True, unique=True)
    # Set by the services from Mall's clock (the sandbox may move it), never auto_now.
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()
    deleted_at = fields.DatetimeField(null=True)

    class Meta:
        table = "users"
        # Hand-written into both migration histories (aerich emits no CHECKs).
        constraints = [
            CheckConstraint(
                check="deleted_at IS NOT NULL OR email IS NOT NULL OR mobile IS NOT NULL", name="users_has_login"
            ),
        ]

    def __str__(self) -> str:
        return self.email or self.mobile or f"user {self.id}"

    @property
    def login(self) -> str | None:
        return self.email or self.mobile

    @property
    def effective_permissions(self) -> frozenset[Permission]:
        """What this user may do as staff: every permission for a superuser, none for a customer."""
        if not self.is_staff:
            return frozenset()
        if self.is_superuser:
            return frozenset(Permission)
        return frozenset(Permission(p) for p in self.permissions if p in Permission.__members__)


class Session(Model):
    """One signed-in device: a family of rotating refresh tokens."""

    id = fields.BigIntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="sessions", on_delete=fields.CASCADE
    )
    created_at = fields.DatetimeField()
    last_used_at = fields.DatetimeField()
    expires_at = fields.DatetimeField()
    user_agent = fields.CharField(max_length=300, default="")
    client_ip = fields.CharField(max_length=45, default="")
    revoked_at = fields.DatetimeField(null=True)
    revoked_reason = fields.CharField(max_length=32, null=True)

    user_id: int

    class Meta:
        table = "sessions"
        indexes = (("user_id", "revoked_at"),)

    def __str__(self) -> str:
        return f"session {self.id} of user {self.user_id}"


class RefreshToken(Model):
    """A refresh token, stored only as its SHA-256; rotated once, then kept to detect reuse."""

    id = fields.BigIntField(primary_key=True)
    session: fields.ForeignKeyRelation[Session] = fields.ForeignKeyField(
        "models.Session", related_name="refresh_tokens", on_delete=fields.CASCADE
    )
    token_hash = fields.CharField(max_length=64, unique=True)
    issued_at = fields.DatetimeField()
    rotated_at = fields.DatetimeField(null=True)

    session_id: int

    class Meta:
        table = "refresh_tokens"
        indexes = (("session_id",),)

    def __str__(self) -> str:
        return f"refresh token {self.id} of session {self.session_id}"


class Address(Model):
    id = fields.BigIntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="addresses", on_delete=fields.CASCADE
    )
    recipient = fields.CharField(max_length=64)
    phone = fields.CharField(max_length=20)
    province = fields.CharField(max_length=32)
    city = fields.CharField(max_length=32)
    district = fields.CharField(max_length=32, default="")
    street = fields.CharField(max_length=200)
    postal_code = fields.CharField(max_length=10, default="")
    is_default = fields.BooleanField(default=False)
    # Set by the services from Mall's clock (the sandbox may move it), never auto_now.
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()

    user_id: int

    class Meta:
        table = "addresses"
        indexes = (("user_id", "is_default"),)

    def __str__(self) -> str:
        return f"{self.recipient}, {self.city}"
