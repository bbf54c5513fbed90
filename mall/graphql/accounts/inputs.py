"""Input types of the account mutations."""

from __future__ import annotations

import strawberry

CART_TOKEN = (
    "A guest cart to merge into the customer's cart: quantities of the same variant add up, capped by what is "
    "available; the guest cart is gone afterwards. A token that names no cart is ignored."
)


@strawberry.input
class AccountRegisterInput:
    email: str | None = None
    mobile: str | None = strawberry.field(default=None, description="Mainland China mobile, 11 digits.")
    password: str
    name: str = ""
    cart_token: str | None = strawberry.field(default=None, description=CART_TOKEN)


@strawberry.input
class TokenCreateInput:
    login: str = strawberry.field(description="Email or mobile.")
    password: str
    cart_token: str | None = strawberry.field(default=None, description=CART_TOKEN)


@strawberry.input
class TokenRefreshInput:
    refresh_token: str


@strawberry.input(description="Give refreshToken or sessionId; with neither, the session of the access token.")
class TokenRevokeInput:
    refresh_token: str | None = None
    session_id: strawberry.ID | None = None


@strawberry.input
class AddressCreateInput:
    recipient: str
    phone: str
    province: str
    city: str
    district: str = ""
    street: str
    postal_code: str = ""
    is_default: bool = False


@strawberry.input
class AddressUpdateInput:
    address_id: strawberry.ID
    recipient: str | None = None
    phone: str | None = None
    province: str | None = None
    city: str | None = None
    district: str | None = None
    street: str | None = None
    postal_code: str | None = None
    is_default: bool | None = strawberry.field(default=None, description="true moves the default here; false is ignored.")


@strawberry.input
class AddressDeleteInput:
    address_id: strawberry.ID


@strawberry.input
class PasswordChangeInput:
    old_password: str
    new_password: str


@strawberry.input
class PaymentPasswordSetInput:
    password: str = strawberry.field(description="The login password, to confirm it is you.")
    payment_password: str = strawberry.field(description="Six digits.")


@strawberry.input
class WechatBindInput:
    code: str = strawberry.field(description="The code from the mini-program's wx.login.")


@strawberry.input
class AccountDeleteInput:
    password: str
