"""A cart seen through the contract's CartView: guest carts by token, customers' own carts, live prices."""

from __future__ import annotations

from decimal import Decimal

from mall.catalog import products, variants
from mall.catalog.products import ProductFields
from mall.catalog.variants import VariantFields
from mall.core.actors import Actor
from tests import factories
from tests.api.cart.scene import EMPTY_PREVIEW, add, gid, money, quantities, variant_ids, variant_pks, view


async def test_a_guests_first_add_makes_a_cart_whose_token_shows_it(api):
    product = await factories.product(title="乌龙茶", prices=("10.00", "12.50"), stock=5)
    first, second = await variant_ids(product)

    added = await add(api, [(first, 2), (second, 1)])

    assert added["userErrors"] == []
    token = added["cart"]["token"]
    assert token.startswith("mct_")
    cart = await view(api, cart_token=token)
    assert cart == added["cart"]
    line_ids = [line["id"] for line in cart["lines"]]
    assert cart == {
        "id": cart["id"],
        "token": token,
        "lines": [
            {"id": line_ids[0], "quantity": 2, "selected": True,
             "variant": {"id": first, "sku": cart["lines"][0]["variant"]["sku"], "title": "Variant 1",
                         "product": {"id": gid("Product", product.id), "title": "乌龙茶", "images": []}},
             "unitPrice": money("10.00"), "total": money("20.00"), "problems": []},
            {"id": line_ids[1], "quantity": 1, "selected": True,
             "variant": {"id": second, "sku": cart["lines"][1]["variant"]["sku"], "title": "Variant 2",
                         "product": {"id": gid("Product", product.id), "title": "乌龙茶", "images": []}},
             "unitPrice": money("12.50"), "total": money("12.50"), "problems": []},
        ],
        "subtotal": money("32.50"),
        "rebatePreview": EMPTY_PREVIEW,
    }


async def test_quantities_of_the_same_variant_add_up(api):
    product = await factories.product(stock=10)
    (variant,) = await variant_ids(product)

    token = (await add(api, [(variant, 2), (variant, 1)]))["cart"]["token"]
    again = await add(api, [(variant, 4)], cart_token=token)

    assert again["userErrors"] == []
    assert quantities(again["cart"]) == [(variant, 7)]


async def test_a_customers_cart_needs_no_token_and_shows_none(api):
    customer = await factories.customer()
    product = await factories.product()
    (variant,) = await variant_ids(product)

    added = await add(api, [(variant, 1)], token=customer.access_token)

    assert added["userErrors"] == []
    assert added["cart"]["token"] is None
    assert quantities(await view(api, token=customer.access_token)) == [(variant, 1)]


async def test_a_customer_passing_a_guest_token_still_sees_their_own_cart(api):
    customer = await factories.customer()
    mine, guests = await factories.product(), await factories.product()
    (my_variant,), (guest_variant,) = await variant_ids(mine), await variant_ids(guests)
    await add(api, [(my_variant, 1)], token=customer.access_token)
    guest_token = (await add(api, [(guest_variant, 3)]))["cart"]["token"]

    cart = await view(api, token=customer.access_token, cart_token=guest_token)
    added = await add(api, [(my_variant, 1)], token=customer.access_token, cart_token=guest_token)

    assert quantities(cart) == [(my_variant, 1)]
    assert quantities(added["cart"]) == [(my_variant, 2)]
    assert quantities(await view(api, cart_token=guest_token)) == [(guest_variant, 3)]


async def test_a_guest_token_reaches_only_its_own_cart(api):
    one, other = await factories.product(), await factories.product()
    (one_variant,), (other_variant,) = await variant_ids(one), await variant_ids(other)
    first = (await add(api, [(one_variant, 1)]))["cart"]["token"]
    second = (await add(api, [(other_variant, 2)]))["cart"]["token"]

    assert first != second
    assert quantities(await view(api, cart_token=first)) == [(one_variant, 1)]
    assert quantities(await view(api, cart_token=second)) == [(other_variant, 2)]


async def test_no_cart_is_null(api):
    customer = await factories.customer()

    assert await view(api) is None
    assert await view(api, cart_token="mct_unknown") is None
    assert await view(api, cart_token="x" * 10_000) is None
    assert await view(api, token=customer.access_token) is None


async def test_prices_and_problems_are_read_from_the_catalog_now(api):
    in_stock, short, sold_out, withdrawn = [await factories.product(prices=("10.00",), stock=5) for _ in range(4)]
    ids = [(await variant_ids(p))[0] for p in (in_stock, short, sold_out, withdrawn)]
    token = (await add(api, [(ids[0], 1), (ids[1], 4), (ids[2], 2), (ids[3], 1)]))["cart"]["token"]
    system = Actor.system()
    pks = [(await variant_pks(p))[0] for p in (in_stock, short, sold_out, withdrawn)]
    await variants.variant_update(system, variant_id=pks[0], fields=VariantFields(price=Decimal("8.80")))
    await variants.stock_adjust(system, variant_id=pks[1], delta=-2, reason="")
    await variants.stock_adjust(system, variant_id=pks[2], delta=-5, reason="")
    await products.product_update(system, product_id=withdrawn.id, fields=ProductFields(status="ARCHIVED"))

    cart = await view(api, cart_token=token)

    assert [(line["unitPrice"], line["total"], line["problems"]) for line in cart["lines"]] == [
        (money("8.80"), money("8.80"), []),
        (money("10.00"), money("40.00"), ["INSUFFICIENT_STOCK"]),
        (money("10.00"), money("20.00"), ["OUT_OF_STOCK"]),
        (money("10.00"), money("10.00"), ["UNAVAILABLE"]),
    ]
    assert cart["subtotal"] == money("78.80")

