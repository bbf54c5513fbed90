"""Rebate previews through the API (DESIGN §3.6): cart.rebatePreview (selected lines as if paid with money),
orderPreview.rebatePreview (each line's basis after vouchers and points) equal to the rebates payment makes,
stacking and priority, a signed-in customer's per-customer cap, and nothing while new rebates are paused."""

from __future__ import annotations

from mall.core.clock import clock
from mall.graphql.relay import encode_id
from mall.orders.models import Order
from mall.rebates.models import Rebate, RebateSwitches
from tests import factories
from tests.api.rebates.preview_scene import (
    CART_PREVIEW,
    ORDER_REBATE_PREVIEW,
    add_to_cart,
    cart_preview,
    goods,
    items,
    order_create,
    order_input,
    order_preview,
)
from tests.api.rebates.scene import active_rule, manager, ordered, pay
from tests.api.wallet.points_scene import give_points
from tests.api.wallet.test_vouchers import issue


async def test_the_cart_previews_each_rule_in_the_order_they_apply_on_its_selected_lines(api, configure):
    configure(points_per_yuan=10)  # one point is worth 0.10
    staff = await manager()
    tenth = await active_rule(api, staff, name="Ten", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT",
                              installmentCount=3, period="MONTH")
    bonus = await active_rule(api, staff, name="Over 100", kind="THRESHOLD", threshold="100", reward="15.05",
                              payoutForm="POINTS", priority=5)
    (_, tea), (_, cup), (_, left_out) = await goods("40.00"), await goods("25.50"), await goods("99.00")
    cart = await add_to_cart(api, [(tea, 2), (cup, 1), (left_out, 1)])
    unselect = """mutation($input: CartLinesUpdateInput!) { cartLinesUpdate(input: $input) { userErrors { code } } }"""
    await api(unselect, {"input": {"cartToken": cart["token"], "lines": [
        {"lineId": cart["lines"][2]["id"], "quantity": 1, "selected": False}]}})

    preview = await cart_preview(api, cart_token=cart["token"])

    # 105.50 selected: the threshold's 15.05 in whole points (150 points, 15.00) first, then 10% = 10.55
    assert items(preview) == [(bonus, "POINTS", "15.00", 150), (tenth, "REBATE_CREDIT", "10.55", 0)]
    assert (preview["total"], preview["points"]) == ({"amount": "25.55", "currency": "CNY"}, 150)
    assert [(item["rule"]["name"], item["rule"]["kind"], item["installmentCount"]) for item in preview["items"]] == [
        ("Over 100", "THRESHOLD", 1), ("Ten", "FIXED_RATIO", 3)]


async def test_the_order_preview_leaves_vouchers_and_points_out_of_the_basis_and_is_the_rebate_made(api):
    staff = await manager()
    rule = await active_rule(api, staff, name="Ten", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT")
    buyer = await factories.customer()
    assert (await issue(api, buyer, value="20.00"))["userErrors"] == []
    voucher = (await api("query { me { wallet { vouchers { id } } } }", token=buyer.access_token)).data
    voucher_id = voucher["me"]["wallet"]["vouchers"][0]["id"]
    await give_points(api, buyer, 1000)  # 10.00
    (_, tea), (_, cup) = await goods("40.00"), await goods("25.50")
    await add_to_cart(api, [(tea, 2), (cup, 1)], token=buyer.access_token)
    variables = await order_input(buyer, voucherIds=[voucher_id], pointsToUse=1000)

    as_if_money = await cart_preview(api, token=buyer.access_token)
    preview = await order_preview(api, buyer, variables)
    order_id = await order_create(api, buyer, variables)
    await pay(api, buyer, await Order.get(id=order_id))

    # 105.50 of goods − 20.00 voucher − 10.00 of points = 75.50 of the buyer's own money: 7.55
    assert items(as_if_money) == [(rule, "REBATE_CREDIT", "10.55", 0)]
    assert (preview["voucherDiscount"]["amount"], preview["pointsDiscount"]["amount"]) == ("20.00", "10.00")
    assert items(preview["rebatePreview"]) == [(rule, "REBATE_CREDIT", "7.55", 0)]
    made = await Rebate.filter(order_id=order_id).values_list("rule_id", "amount_minor")
    assert made == [(rule, 755)]


async def test_a_line_taken_by_a_non_stackable_rule_is_left_to_no_later_rule(api):
    staff = await manager()
    (tea_product, tea), (_, cup) = await goods("40.00"), await goods("20.00")
    first = await active_rule(api, staff, name="Tea first", kind="FIXED_RATIO", ratio="0.10",
                              payoutForm="REBATE_CREDIT", priority=10, stackable=False,
                              scope={"kind": "PRODUCTS", "ids": [encode_id("Product", tea_product.id)]})
    rest = await active_rule(api, staff, name="Everything", kind="FIXED_RATIO", ratio="0.05",
                             payoutForm="REBATE_CREDIT")
    cart = await add_to_cart(api, [(tea, 1), (cup, 1)])

    preview = await cart_preview(api, cart_token=cart["token"])

    # the tea is the first rule's alone; the second rebates the cup only
    assert items(preview) == [(first, "REBATE_CREDIT", "4.00", 0), (rest, "REBATE_CREDIT", "1.00", 0)]


async def test_a_signed_in_customer_sees_what_is_left_of_their_cap_a_guest_the_whole_cap(api):
    staff = await manager()
    rule = await active_rule(api, staff, name="Capped", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT",
                             perCustomerCap="5", budget="100")
    _, tea = await goods("40.00")
    buyer = await factories.customer()
    await pay(api, buyer, await ordered(buyer, (tea.id, 1)))  # 4.00 earned of 5.00
    await add_to_cart(api, [(tea, 1)], token=buyer.access_token)
    guest = await add_to_cart(api, [(tea, 1)])

    mine = await cart_preview(api, token=buyer.access_token)
    theirs = await cart_preview(api, cart_token=guest["token"])
    ordering = await order_preview(api, buyer, await order_input(buyer))

    assert items(mine) == items(ordering["rebatePreview"]) == [(rule, "REBATE_CREDIT", "1.00", 0)]
    assert items(theirs) == [(rule, "REBATE_CREDIT", "4.00", 0)]


async def test_the_budget_left_bounds_the_preview(api):
    staff = await manager()
    rule = await active_rule(api, staff, name="Small", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT",
                             budget="6")
    _, tea = await goods("40.00")
    first = await factories.customer()
    await pay(api, first, await ordered(first, (tea.id, 1)))  # 4.00 of 6.00 reserved
    cart = await add_to_cart(api, [(tea, 1)])

    assert items(await cart_preview(api, cart_token=cart["token"])) == [(rule, "REBATE_CREDIT", "2.00", 0)]


async def test_nothing_is_previewed_while_new_rebates_are_paused(api):
    staff = await manager()
    await active_rule(api, staff, name="Ten", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT")
    _, tea = await goods("40.00")
    buyer = await factories.customer()
    await add_to_cart(api, [(tea, 1)], token=buyer.access_token)
    assert (await cart_preview(api, token=buyer.access_token))["items"] != []

    await RebateSwitches.create(id=1, pause_new_rebates=True, pause_releases=False, updated_at=clock.now())

    empty = {"total": {"amount": "0.00", "currency": "CNY"}, "points": 0, "items": []}
    assert await cart_preview(api, token=buyer.access_token) == empty
    assert (await order_preview(api, buyer, await order_input(buyer)))["rebatePreview"] == empty


async def test_a_preview_reserves_nothing(api):
    staff = await manager()
    await active_rule(api, staff, name="Small", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT",
                      budget="6", perCustomerCap="5")
    _, tea = await goods("40.00")
    buyer = await factories.customer()
    await add_to_cart(api, [(tea, 1)], token=buyer.access_token)
    for _ in range(3):
        preview = await order_preview(api, buyer, await order_input(buyer))
        assert items(preview["rebatePreview"])[0][2] == "4.00"
    assert not await Rebate.exists()


async def test_an_order_preview_with_problems_has_no_rebate_preview(api):
    buyer = await factories.customer()
    _, tea = await goods("40.00")
    await add_to_cart(api, [(tea, 1)], token=buyer.access_token)
    variables = await order_input(buyer, voucherIds=[encode_id("Voucher", 999)])
    answer = await api("""query($input: OrderCreateInput!) { orderPreview(input: $input) {
        rebatePreview { points } userErrors { code } } }""", variables, token=buyer.access_token)
    assert answer.data["orderPreview"] == {"rebatePreview": None, "userErrors": [{"code": "NOT_FOUND"}]}



async def test_previews_cost_the_same_statements_for_5_and_50_lines(api, sql_counting):
    staff = await manager()
    root = await factories.category()
    leaves = [await factories.category(parent=root) for _ in range(3)]
    variants = [(await goods("10.00", category=leaves[index % 3]))[1] for index in range(50)]
    await active_rule(api, staff, name="Tea", kind="FIXED_RATIO", ratio="0.10", payoutForm="REBATE_CREDIT",
                      perCustomerCap="100", scope={"kind": "CATEGORIES", "ids": [encode_id("Category", root.id)]})
    few, many = await factories.customer(), await factories.customer()
    await add_to_cart(api, [(variant, 1) for variant in variants[:5]], token=few.access_token)
    await add_to_cart(api, [(variant, 1) for variant in variants], token=many.access_token)

    async def statements(buyer: factories.Account, query: str, variables: dict) -> int:  # type: ignore[type-arg]
        answer = await api(query, variables, token=buyer.access_token, headers={"X-Request-Id": "count"})
        assert "errors" not in answer.body, answer.errors
        return int(answer.headers["x-mall-sql-statements"])

    carts = [await statements(buyer, CART_PREVIEW, {}) for buyer in (few, many)]
    orders = [await statements(buyer, ORDER_REBATE_PREVIEW, await order_input(buyer)) for buyer in (few, many)]

    # the session, the cart, its lines, their variants; then the rules, the switches, the variants' products and
    # costs, the categories' lineages, the customer's totals under capped rules
    assert carts == [9, 9]
    assert orders[0] == orders[1]
