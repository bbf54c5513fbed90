"""Who is acting: a customer, a staff member, or the system itself.

Services take an ``Actor`` and check permissions themselves, so every entry
point (GraphQL, CLI, jobs) gets the same rules.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from mall.core.errors import PermissionDenied, Unauthenticated


class Permission(enum.Enum):
    """Staff permissions (DESIGN §3.8)."""

    MANAGE_PRODUCTS = "MANAGE_PRODUCTS"
    MANAGE_ORDERS = "MANAGE_ORDERS"
    MANAGE_REBATES = "MANAGE_REBATES"
    MANAGE_FINANCE = "MANAGE_FINANCE"
    MANAGE_USERS = "MANAGE_USERS"
    MANAGE_STAFF = "MANAGE_STAFF"


class ActorKind(enum.Enum):
    CUSTOMER = "CUSTOMER"
    STAFF = "STAFF"
    SYSTEM = "SYSTEM"


@dataclass(frozen=True, slots=True)
class Actor:
    """The caller of a service, as far as rules need to know."""

    kind: ActorKind
    user_id: int | None = None
    session_id: int | None = None
    permissions: frozenset[Permission] = field(default_factory=frozenset)
    client_ip: str | None = None
    request_id: str | None = None

    @classmethod
    def anonymous(cls, *, client_ip: str | None = None, request_id: str | None = None) -> Actor:
        return cls(ActorKind.CUSTOMER, client_ip=client_ip, request_id=request_id)

    @classmethod
    def system(cls) -> Actor:
        return cls(ActorKind.SYSTEM, permissions=frozenset(Permission))

    @property
    def is_authenticated(self) -> bool:
        return self.user_id is not None or self.kind is ActorKind.SYSTEM

    @property
    def is_staff(self) -> bool:
        return self.kind is ActorKind.STAFF or self.kind is ActorKind.SYSTEM

    def has(self, permission: Permission) -> bool:
        return permission in self.permissions

    def require_user(self) -> int:
        """The signed-in user's id, or ``Unauthenticated``."""
        if self.user_id is None:
            raise Unauthenticated()
        return self.user_id

    def require_staff(self) -> None:
        if not self.is_authenticated:
            raise Unauthenticated()
        if not self.is_staff:
            raise PermissionDenied("Only staff may do this.")

    def require(self, permission: Permission) -> None:
        """Raise unless the actor holds ``permission``."""
        if not self.is_authenticated:
            raise Unauthenticated()
        if permission not in self.permissions:
            raise PermissionDenied(f"This needs the {permission.value} permission.")
