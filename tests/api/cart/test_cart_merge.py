"""A guest cart merges into the customer's cart at sign-in and sign-up (cartToken), then is gone."""

from __future__ import annotations

from mall.cart.models import Cart
from tests import factories
from tests.api.cart.scene import add, quantities, variant_ids, view
from tests.operations import contract

LOGIN = contract("Login")
REGISTER = contract("Register")


async def sign_in(api, account, cart_token):  # type: ignore[no-untyped-def]
    tokens = (await api(LOGIN, {"input": {"login": account.login, "password": account.password,
                                          "cartToken": cart_token}})).data["tokenCreate"]
    assert tokens["userErrors"] == []
    return tokens["accessToken"]


async def test_sign_in_merges_the_guest_cart_adding_quantities_capped_by_stock(api):
    customer = await factories.customer()
    shared, guest_only, sold_out = (await factories.product(stock=4), await factories.product(stock=9),
                                    await factories.product(stock=1))
    (a,), (b,), (c,) = [await variant_ids(p) for p in (shared, guest_only, sold_out)]
    await add(api, [(a, 3)], token=customer.access_token)
    token = (await add(api, [(a, 2), (b, 5), (c, 1)]))["cart"]["token"]
    await add(api, [(c, 1)], token=customer.access_token)  # the last one goes to the customer's cart

    access = await sign_in(api, customer, token)

    assert quantities(await view(api, token=access)) == [(a, 4), (c, 1), (b, 5)]
    assert await view(api, cart_token=token) is None
    assert await Cart.all().count() == 1


async def test_sign_in_drops_guest_lines_that_cannot_be_bought(api):
    customer = await factories.customer()
    product = await factories.product(stock=2)
    (variant,) = await variant_ids(product)
    token = (await add(api, [(variant, 2)]))["cart"]["token"]
    await add(api, [(variant, 2)], token=customer.access_token)  # nothing left to add

    access = await sign_in(api, customer, token)

    assert quantities(await view(api, token=access)) == [(variant, 2)]
    assert await view(api, cart_token=token) is None


async def test_registration_with_a_cart_token_gives_the_new_customer_the_guest_cart(api):
    product = await factories.product(stock=3)
    (variant,) = await variant_ids(product)
    token = (await add(api, [(variant, 3)]))["cart"]["token"]

    registered = (await api(REGISTER, {"input": {"email": "new@example.com", "password": "s3cret-pass",
                                                 "cartToken": token}})).data["accountRegister"]
    access = (await api(LOGIN, {"input": {"login": "new@example.com", "password": "s3cret-pass"}})).data["tokenCreate"]

    assert registered["userErrors"] == []
    cart = await view(api, token=access["accessToken"])
    assert quantities(cart) == [(variant, 3)]
    assert cart["token"] is None
    assert await view(api, cart_token=token) is None


async def test_an_unknown_or_malformed_cart_token_does_not_stop_sign_in(api):
    customer = await factories.customer()

    for cart_token in ("mct_unknown", "", "x" * 5000):
        access = await sign_in(api, customer, cart_token)
        assert await view(api, token=access) is None


async def test_a_signed_in_customers_own_cart_token_merges_nothing_else(api):
    first, second = await factories.customer(), await factories.customer()
    product = await factories.product(stock=9)
    (variant,) = await variant_ids(product)
    token = (await add(api, [(variant, 2)]))["cart"]["token"]
    await sign_in(api, first, token)

    access = await sign_in(api, second, token)

    assert await view(api, token=access) is None
    assert quantities(await view(api, token=first.access_token)) == [(variant, 2)]
