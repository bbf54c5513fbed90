"""Adding, changing, removing and clearing lines, and every refusal leaving the cart as it was."""

from __future__ import annotations

from mall.cart.models import Cart
from mall.catalog import products
from mall.catalog.products import ProductFields
from mall.core.actors import Actor
from tests import factories
from tests.api.cart.scene import (
    CART_CLEAR,
    CART_LINES_ADD,
    CART_LINES_REMOVE,
    CART_LINES_UPDATE,
    add,
    gid,
    money,
    quantities,
    variant_ids,
    view,
)


def error(field: list[str], code: str, message: str) -> dict[str, object]:
    return {"field": ["input", *field], "code": code, "message": message}


async def refused(api, query, data, *, token=None, name):  # type: ignore[no-untyped-def]
    """The payload's userErrors, having checked it carries no cart."""
    payload = (await api(query, {"input": data}, token=token)).data[name]
    assert payload["cart"] is None
    return payload["userErrors"]


async def guest_cart(api, lines):  # type: ignore[no-untyped-def]
    """A guest cart holding ``lines``: its token and the cart."""
    added = await add(api, lines)
    assert added["userErrors"] == []
    return added["cart"]["token"], added["cart"]


async def test_more_than_is_available_is_refused_and_nothing_changes(api):
    product = await factories.product(stock=5)
    (variant,) = await variant_ids(product)
    token, before = await guest_cart(api, [(variant, 3)])

    errors = await refused(api, CART_LINES_ADD, {"lines": [{"variantId": variant, "quantity": 3}], "cartToken": token},
                           name="cartLinesAdd")

    assert errors == [error(["lines", "0", "quantity"], "INSUFFICIENT_STOCK", "Only 5 available; the cart would hold 6.")]
    assert await view(api, cart_token=token) == before


async def test_a_refused_first_add_makes_no_guest_cart(api):
    product = await factories.product(stock=1)
    (variant,) = await variant_ids(product)

    errors = await refused(api, CART_LINES_ADD, {"lines": [{"variantId": variant, "quantity": 2}]}, name="cartLinesAdd")

    assert [e["code"] for e in errors] == ["INSUFFICIENT_STOCK"]
    assert await Cart.all().count() == 0


async def test_variants_not_for_sale_unknown_or_malformed_are_refused(api):
    active, archived, draft = (await factories.product(), await factories.product(), await factories.product(status="DRAFT"))
    await products.product_update(Actor.system(), product_id=archived.id, fields=ProductFields(status="ARCHIVED"))
    (good,), (gone,), (hidden,) = [await variant_ids(p) for p in (active, archived, draft)]
    token, before = await guest_cart(api, [(good, 1)])

    errors = await refused(api, CART_LINES_ADD, {"cartToken": token, "lines": [
        {"variantId": good, "quantity": 1}, {"variantId": gone, "quantity": 1},
        {"variantId": hidden, "quantity": 1}, {"variantId": gid("ProductVariant", 999_999), "quantity": 1},
    ]}, name="cartLinesAdd")
    malformed = await refused(api, CART_LINES_ADD, {"cartToken": token, "lines": [
        {"variantId": good, "quantity": 1}, {"variantId": gid("Product", active.id), "quantity": 1},
    ]}, name="cartLinesAdd")

    assert errors == [
        error(["lines", "1", "variantId"], "UNAVAILABLE", "This product is no longer for sale."),
        error(["lines", "2", "variantId"], "NOT_FOUND", "No such variant."),
        error(["lines", "3", "variantId"], "NOT_FOUND", "No such variant."),
    ]
    assert malformed == [error(["lines", "1", "variantId"], "INVALID", "Expected an ID of type ProductVariant.")]
    assert await view(api, cart_token=token) == before


async def test_quantities_out_of_bounds_are_refused(api):
    product = await factories.product(stock=5000)
    (variant,) = await variant_ids(product)
    token, before = await guest_cart(api, [(variant, 990)])

    errors = await refused(api, CART_LINES_ADD, {"cartToken": token, "lines": [
        {"variantId": variant, "quantity": 0}, {"variantId": variant, "quantity": -1}, {"variantId": variant, "quantity": 1000},
    ]}, name="cartLinesAdd")
    over = await refused(api, CART_LINES_ADD, {"cartToken": token, "lines": [{"variantId": variant, "quantity": 10}]},
                         name="cartLinesAdd")

    assert errors == [error(["lines", str(i), "quantity"], "INVALID", "Quantity must be 1 to 999.") for i in range(3)]
    assert over == [error(["lines", "0", "quantity"], "LIMIT_EXCEEDED", "The cart would hold 1000; at most 999 of one variant.")]
    assert await view(api, cart_token=token) == before


async def test_a_cart_holds_at_most_100_lines(api):
    items = [await factories.product() for _ in range(101)]
    ids = [(await variant_ids(p))[0] for p in items]
    token, full = await guest_cart(api, [(v, 1) for v in ids[:100]])

    one_more = await refused(api, CART_LINES_ADD, {"cartToken": token, "lines": [{"variantId": ids[100], "quantity": 1}]},
                             name="cartLinesAdd")
    too_many = await refused(api, CART_LINES_ADD, {"lines": [{"variantId": v, "quantity": 1} for v in ids]}, name="cartLinesAdd")

    assert len(full["lines"]) == 100
    assert one_more == [error(["lines"], "LIMIT_EXCEEDED", "A cart holds at most 100 lines.")]
    assert too_many == [error(["lines"], "LIMIT_EXCEEDED", "At most 100 lines at a time.")]
    assert await view(api, cart_token=token) == full


async def test_an_unknown_or_missing_guest_token_is_refused(api):
    product = await factories.product()
    (variant,) = await variant_ids(product)
    line = {"lines": [{"variantId": variant, "quantity": 1}]}

    unknown = await refused(api, CART_LINES_ADD, {**line, "cartToken": "mct_nothing"}, name="cartLinesAdd")
    missing = await refused(api, CART_CLEAR, {}, name="cartClear")

    assert unknown == [error(["cartToken"], "NOT_FOUND", "No cart has this token.")]
    assert missing == [error(["cartToken"], "REQUIRED", "A guest names the cart with cartToken.")]


async def test_update_changes_quantity_and_selection_and_zero_removes(api):
    cheap, dear, dropped = [await factories.product(prices=(price,), stock=9) for price in ("10.00", "30.00", "5.00")]
    ids = [(await variant_ids(p))[0] for p in (cheap, dear, dropped)]
    token, cart = await guest_cart(api, [(ids[0], 1), (ids[1], 1), (ids[2], 1)])
    lines = [line["id"] for line in cart["lines"]]

    result = (await api(CART_LINES_UPDATE, {"input": {"cartToken": token, "lines": [
        {"lineId": lines[0], "quantity": 3}, {"lineId": lines[1], "selected": False}, {"lineId": lines[2], "quantity": 0},
    ]}})).data["cartLinesUpdate"]

    assert result["userErrors"] == []
    assert [(line["id"], line["quantity"], line["selected"]) for line in result["cart"]["lines"]] == [
        (lines[0], 3, True), (lines[1], 1, False),
    ]
    assert result["cart"]["subtotal"] == money("30.00")


async def test_update_refuses_more_than_available_bad_quantities_and_other_carts_lines(api):
    product = await factories.product(stock=4)
    (variant,) = await variant_ids(product)
    token, before = await guest_cart(api, [(variant, 2)])
    customer = await factories.customer()
    theirs = (await add(api, [(variant, 1)], token=customer.access_token))["cart"]["lines"][0]["id"]
    mine = before["lines"][0]["id"]

    errors = await refused(api, CART_LINES_UPDATE, {"cartToken": token, "lines": [
        {"lineId": mine, "quantity": 5}, {"lineId": theirs, "quantity": 1},
    ]}, name="cartLinesUpdate")
    malformed = await refused(api, CART_LINES_UPDATE, {"cartToken": token, "lines": [
        {"lineId": mine, "quantity": 1}, {"lineId": "bm9wZQ==", "selected": True},
    ]}, name="cartLinesUpdate")
    bounds = await refused(api, CART_LINES_UPDATE, {"cartToken": token, "lines": [
        {"lineId": mine, "quantity": -1}, {"lineId": mine, "quantity": 1000},
    ]}, name="cartLinesUpdate")

    assert errors == [
        error(["lines", "0", "quantity"], "INSUFFICIENT_STOCK", "Only 4 available."),
        error(["lines", "1", "lineId"], "NOT_FOUND", "No such line in this cart."),
    ]
    assert malformed == [error(["lines", "1", "lineId"], "INVALID", "Expected an ID of type CartLine.")]
    assert bounds == [
        error(["lines", "0", "quantity"], "INVALID", "Quantity must be 0 to 999."),
        error(["lines", "1", "quantity"], "INVALID", "Quantity must be 0 to 999."),
        error(["lines", "1", "lineId"], "INVALID", "This line is changed twice."),
    ]
    assert await view(api, cart_token=token) == before
    assert quantities(await view(api, token=customer.access_token)) == [(variant, 1)]


async def test_remove_takes_lines_out_and_refuses_another_carts_line(api):
    one, two = await factories.product(), await factories.product()
    ids = [(await variant_ids(p))[0] for p in (one, two)]
    customer = await factories.customer()
    cart = (await add(api, [(ids[0], 1), (ids[1], 1)], token=customer.access_token))["cart"]
    token, guest = await guest_cart(api, [(ids[0], 1)])

    stranger = await refused(api, CART_LINES_REMOVE, {"cartToken": token, "lineIds": [cart["lines"][0]["id"]]},
                             name="cartLinesRemove")
    mixed = await refused(api, CART_LINES_REMOVE, {"lineIds": [cart["lines"][0]["id"], guest["lines"][0]["id"]]},
                          name="cartLinesRemove", token=customer.access_token)
    removed = (await api(CART_LINES_REMOVE, {"input": {"lineIds": [cart["lines"][0]["id"]]}},
                         token=customer.access_token)).data["cartLinesRemove"]

    assert stranger == [error(["lineIds", "0"], "NOT_FOUND", "No such line in this cart.")]
    assert mixed == [error(["lineIds", "1"], "NOT_FOUND", "No such line in this cart.")]
    assert removed["userErrors"] == []
    assert quantities(removed["cart"]) == [(ids[1], 1)]
    assert await view(api, cart_token=token) == guest


async def test_clear_empties_the_cart_and_a_guest_keeps_its_token(api):
    product = await factories.product()
    (variant,) = await variant_ids(product)
    token, _ = await guest_cart(api, [(variant, 2)])

    cleared = (await api(CART_CLEAR, {"input": {"cartToken": token}})).data["cartClear"]
    again = await add(api, [(variant, 1)], cart_token=token)

    assert cleared["userErrors"] == []
    assert cleared["cart"]["lines"] == [] and cleared["cart"]["subtotal"] == money("0.00")
    assert cleared["cart"]["token"] == token
    assert quantities(again["cart"]) == [(variant, 1)]


async def test_a_customer_without_a_cart_clears_nothing(api):
    customer = await factories.customer()

    result = (await api(CART_CLEAR, {"input": {}}, token=customer.access_token)).data["cartClear"]

    assert result == {"cart": None, "userErrors": []}


async def test_new_guest_carts_are_limited_per_client_address(api, configure):
    configure(guest_carts_max_per_address=2)
    customer = await factories.customer()
    product = await factories.product()
    (variant,) = await variant_ids(product)
    first, _ = await guest_cart(api, [(variant, 1)])
    await guest_cart(api, [(variant, 1)])

    third = await refused(api, CART_LINES_ADD, {"lines": [{"variantId": variant, "quantity": 1}]}, name="cartLinesAdd")
    existing = await add(api, [(variant, 1)], cart_token=first)
    signed_in = await add(api, [(variant, 1)], token=customer.access_token)

    assert third == [{"field": None, "code": "RATE_LIMITED", "message": "Too many new carts from this address; try again later."}]
    assert quantities(existing["cart"]) == [(variant, 2)]
    assert signed_in["userErrors"] == []
    assert await Cart.all().count() == 3
