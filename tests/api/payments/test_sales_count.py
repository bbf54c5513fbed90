"""Units paid for count as sales: the storefront's SALES sort follows what was bought."""

from __future__ import annotations

from mall.catalog.models import Product
from tests import factories
from tests.api.payments.scene import pay, simulate
from tests.operations import contract

PRODUCTS = contract("Products")
BY_SALES = {"first": 10, "sort": {"field": "SALES", "direction": "DESC"}}


async def test_a_paid_order_counts_its_units_and_moves_the_product_up_the_sales_sort(api):
    buyer = await factories.customer()
    leader = await factories.product(title="Leader", prices=("5.00",), stock=20)
    chaser = await factories.product(title="Chaser", prices=("9.00", "19.00"), stock=20)
    await Product.filter(id=leader.id).update(sales_count=3)
    chaser_variant = await factories.variant_of(chaser)
    order = await factories.order(buyer, (chaser_variant.id, 2), ((await factories.variant_of(leader)).id, 1))

    unpaid = await api(PRODUCTS, BY_SALES)
    assert [e["node"]["title"] for e in unpaid.data["products"]["edges"]] == ["Leader", "Chaser"]
    payment_id = (await pay(api, buyer, order))["payment"]["id"]
    await simulate(api, buyer.access_token, payment_id)
    await simulate(api, buyer.access_token, payment_id)  # a repeated notice counts nothing twice

    assert await Product.filter(id__in=[leader.id, chaser.id]).order_by("id").values_list("sales_count", flat=True) == [4, 2]
    second = await factories.order(buyer, (chaser_variant.id, 3))
    await simulate(api, buyer.access_token, (await pay(api, buyer, second))["payment"]["id"])
    paid = await api(PRODUCTS, BY_SALES, token=buyer.access_token)  # signed in: never a cached answer
    assert [e["node"]["title"] for e in paid.data["products"]["edges"]] == ["Chaser", "Leader"]


async def test_an_unpaid_order_counts_no_sales(api):
    buyer = await factories.customer()
    product = await factories.product(prices=("5.00",), stock=20)
    await factories.order(buyer, ((await factories.variant_of(product)).id, 2))

    assert (await Product.get(id=product.id)).sales_count == 0
