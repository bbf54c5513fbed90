"""Account mutations: sign-up, sign-in, sessions, addresses, security settings."""

from __future__ import annotations

import strawberry

from mall.accounts import addresses, security, sessions
from mall.accounts.addresses import AddressFields
from mall.accounts.wechat import binding
from mall.core.actors import Actor
from mall.flows import closing_account, sign_in
from mall.graphql.accounts.inputs import (
    AccountDeleteInput,
    AccountRegisterInput,
    AddressCreateInput,
    AddressDeleteInput,
    AddressUpdateInput,
    PasswordChangeInput,
    PaymentPasswordSetInput,
    TokenCreateInput,
    TokenRefreshInput,
    TokenRevokeInput,
    WechatBindInput,
)
from mall.graphql.accounts.loaders import UserByIdLoader
from mall.graphql.accounts.types import AddressType, UserType
from mall.graphql.context import Info
from mall.graphql.errors import UserError
from mall.graphql.relay import decode_id
from mall.graphql.runner import mutate


@strawberry.type
class AccountRegisterPayload:
    user: UserType | None = None
    user_errors: list[UserError]


@strawberry.type
class TokenCreatePayload:
    access_token: str | None = None
    refresh_token: str | None = None
    user: UserType | None = None
    user_errors: list[UserError]


@strawberry.type
class TokenRefreshPayload:
    access_token: str | None = None
    refresh_token: str | None = None
    user_errors: list[UserError]


@strawberry.type
class TokenRevokePayload:
    revoked: bool = False
    user_errors: list[UserError]


@strawberry.type
class AddressPayload:
    address: AddressType | None = None
    user: UserType | None = strawberry.field(default=None, description="The owner, with every address.")
    user_errors: list[UserError]


@strawberry.type
class AddressDeletePayload:
    user: UserType | None = None
    user_errors: list[UserError]


@strawberry.type
class OkPayload:
    ok: bool = False
    user_errors: list[UserError]


@strawberry.type
class UserPayload:
    user: UserType | None = None
    user_errors: list[UserError]


async def _owner(info: Info, actor: Actor) -> UserType | None:
    """The signed-in owner, read after the change (each mutation starts with fresh loaders)."""
    user = await info.context.loader(UserByIdLoader).load(actor.require_user())
    return UserType.from_model(user) if user else None


def _address_fields(data: AddressCreateInput | AddressUpdateInput) -> AddressFields:
    return AddressFields(
        recipient=data.recipient, phone=data.phone, province=data.province, city=data.city,
        district=data.district, street=data.street, postal_code=data.postal_code,
    )


@strawberry.type
class AccountMutations:
    @strawberry.mutation(description="Sign up with email or mobile. Rate-limited per client address.")
    async def account_register(self, info: Info, input: AccountRegisterInput) -> AccountRegisterPayload:
        async def action(actor: Actor) -> dict[str, object]:
            user = await sign_in.register(
                email=input.email, mobile=input.mobile, password=input.password,
                name=input.name, client_ip=info.context.client_ip, cart_token=input.cart_token,
            )
            return {"user": UserType.from_model(user)}

        return await mutate(info, AccountRegisterPayload, action)

    @strawberry.mutation(description="Sign in: returns an access token and a refresh token.")
    async def token_create(self, info: Info, input: TokenCreateInput) -> TokenCreatePayload:
        async def action(actor: Actor) -> dict[str, object]:
            pair = await sign_in.token_create(
                login=input.login, password=input.password,
                client_ip=info.context.client_ip, user_agent=info.context.user_agent, cart_token=input.cart_token,
            )
            return {"access_token": pair.access_token, "refresh_token": pair.refresh_token,
                    "user": UserType.from_model(pair.user)}

        return await mutate(info, TokenCreatePayload, action)

    @strawberry.mutation(description="Rotate a refresh token (see the contract for the grace period).")
    async def token_refresh(self, info: Info, input: TokenRefreshInput) -> TokenRefreshPayload:
        async def action(actor: Actor) -> dict[str, object]:
            pair = await sessions.token_refresh(refresh_token=input.refresh_token)
            return {"access_token": pair.access_token, "refresh_token": pair.refresh_token}

        return await mutate(info, TokenRefreshPayload, action)

    @strawberry.mutation(description="Sign out one session.")
    async def token_revoke(self, info: Info, input: TokenRevokeInput) -> TokenRevokePayload:
        async def action(actor: Actor) -> dict[str, object]:
            session_id = decode_id(input.session_id, "Session", field="sessionId") if input.session_id is not None else None
            revoked = await sessions.token_revoke(actor, refresh_token=input.refresh_token, session_id=session_id)
            return {"revoked": revoked}

        return await mutate(info, TokenRevokePayload, action, signed_in=input.session_id is not None)

    @strawberry.mutation(description="Add a shipping address; isDefault clears it on the others.")
    async def address_create(self, info: Info, input: AddressCreateInput) -> AddressPayload:
        async def action(actor: Actor) -> dict[str, object]:
            address = await addresses.address_create(actor, fields=_address_fields(input), is_default=input.is_default)
            return {"address": AddressType.from_model(address), "user": await _owner(info, actor)}

        return await mutate(info, AddressPayload, action)

    @strawberry.mutation
    async def address_update(self, info: Info, input: AddressUpdateInput) -> AddressPayload:
        async def action(actor: Actor) -> dict[str, object]:
            address = await addresses.address_update(
                actor, address_id=decode_id(input.address_id, "Address", field="addressId"),
                fields=_address_fields(input), is_default=input.is_default,
            )
            return {"address": AddressType.from_model(address), "user": await _owner(info, actor)}

        return await mutate(info, AddressPayload, action, signed_in=True)

    @strawberry.mutation(description="Delete an address; the newest other address becomes the default.")
    async def address_delete(self, info: Info, input: AddressDeleteInput) -> AddressDeletePayload:
        async def action(actor: Actor) -> dict[str, object]:
            await addresses.address_delete(actor, address_id=decode_id(input.address_id, "Address", field="addressId"))
            return {"user": await _owner(info, actor)}

        return await mutate(info, AddressDeletePayload, action, signed_in=True)

    @strawberry.mutation(description="Change the login password; signs out every other session.")
    async def password_change(self, info: Info, input: PasswordChangeInput) -> OkPayload:
        async def action(actor: Actor) -> dict[str, object]:
            await security.password_change(actor, old_password=input.old_password, new_password=input.new_password)
            return {"ok": True}

        return await mutate(info, OkPayload, action)

    @strawberry.mutation(description="Set the six-digit payment password (支付密码).")
    async def payment_password_set(self, info: Info, input: PaymentPasswordSetInput) -> OkPayload:
        async def action(actor: Actor) -> dict[str, object]:
            await security.payment_password_set(actor, password=input.password, payment_password=input.payment_password)
            return {"ok": True}

        return await mutate(info, OkPayload, action)

    @strawberry.mutation(description="Bind the WeChat identity of a mini-program login code.")
    async def wechat_bind(self, info: Info, input: WechatBindInput) -> UserPayload:
        async def action(actor: Actor) -> dict[str, object]:
            return {"user": UserType.from_model(await binding.wechat_bind(actor, code=input.code))}

        return await mutate(info, UserPayload, action)

    @strawberry.mutation(description="Delete the account: personal data erased (PIPL), orders and ledger kept. Refused (INVALID_STATE) while the wallet holds money, a top-up or withdrawal is open, or an order or after-sale is in progress.")
    async def account_delete(self, info: Info, input: AccountDeleteInput) -> OkPayload:
        async def action(actor: Actor) -> dict[str, object]:
            await closing_account.account_delete(actor, password=input.password)
            return {"ok": True}

        return await mutate(info, OkPayload, action)
