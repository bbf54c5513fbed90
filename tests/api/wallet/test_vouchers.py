"""Vouchers through the API: voucherIssue, me.wallet.vouchers, orderPreview.applicableVouchers, and an order's
voucher reserved at orderCreate, used when paid, released on cancel or expiry, restored when cancelled whole."""

from __future__ import annotations

import datetime as dt

from mall.audit.models import AuditRecord
from mall.core.actors import Permission
from mall.core.clock import clock
from mall.graphql.relay import encode_id
from mall.orders import lifecycle
from mall.orders.models import Order, OrderLine
from mall.wallet.models import Voucher
from tests import factories
from tests.api.payments.scene import simulate
from tests.api.wallet.funds_scene import CART_LINES_ADD, ORDER_CANCEL, ORDER_CREATE, funded_buyer, pay
from tests.api.wallet.scene import finance
from tests.operations import contract

VOUCHER_ISSUE = contract("VoucherIssue")
WALLET_VIEW = contract("WalletView")
ORDER_PREVIEW = contract("OrderPreview")


async def issue(api, customer, *, value="20.00", min_spend="0", valid_days=7, kind="ALL", ids=(), staff=None):  # type: ignore[no-untyped-def]
    staff = staff or await finance()
    answer = await api(VOUCHER_ISSUE, {"input": {
        "customerId": encode_id("User", customer.user.id), "value": value, "minSpend": min_spend,
        "validDays": valid_days, "scope": {"kind": kind, "ids": list(ids)}, "reason": "Birthday"}},
        token=staff.access_token)
    return answer.data["voucherIssue"]


async def cart_of(api, buyer, *lines):  # type: ignore[no-untyped-def]
    """``buyer``'s cart holding ``lines`` of (price, quantity, product options); the products made."""
    products = []
    for price, quantity, options in lines:
        product = await factories.product(prices=(price,), stock=20, **options)
        variant = await factories.variant_of(product)
        added = await api(CART_LINES_ADD, {"input": {"lines": [
            {"variantId": encode_id("ProductVariant", variant.id), "quantity": quantity}]}}, token=buyer.access_token)
        assert added.data["cartLinesAdd"]["userErrors"] == []
        products.append(product)
    return products


async def order_input(buyer, *voucher_ids, **changes):  # type: ignore[no-untyped-def]
    address = await factories.address(buyer)
    return {"input": {"addressId": encode_id("Address", address.id), "voucherIds": list(voucher_ids), **changes}}


async def create(api, buyer, *voucher_ids, **changes):  # type: ignore[no-untyped-def]
    answer = await api(ORDER_CREATE, await order_input(buyer, *voucher_ids, **changes), token=buyer.access_token)
    return answer.data["orderCreate"]


async def status_of(voucher_id: str) -> str:
    from mall.graphql.relay import decode_id
    return (await Voucher.get(id=decode_id(voucher_id, "Voucher", field="id"))).status


async def test_staff_issue_a_voucher_audited_and_the_customer_sees_it(api):
    buyer = await factories.customer()

    issued = await issue(api, buyer, value="20.00", min_spend="50.00")
    wallet = (await api(WALLET_VIEW, {"first": 5}, token=buyer.access_token)).data["me"]["wallet"]

    assert issued["userErrors"] == []
    assert len(issued["voucher"]["code"]) == 16
    [seen] = wallet["vouchers"]
    assert (seen["id"], seen["code"], seen["value"]["amount"], seen["minSpend"]["amount"], seen["status"],
            seen["scope"]) == (issued["voucher"]["id"], issued["voucher"]["code"], "20.00", "50.00", "AVAILABLE",
                               {"kind": "ALL", "ids": []})
    record = await AuditRecord.get(action="voucher.issue")
    assert (record.target, record.reason) == (f"User:{buyer.user.id}", "Birthday")


async def test_issuing_needs_manage_finance_and_sane_terms(api):
    buyer = await factories.customer()
    clerk = await factories.staff(Permission.MANAGE_ORDERS)

    denied = await issue(api, buyer, staff=clerk)
    bad = await issue(api, buyer, value="0", valid_days=0, kind="PRODUCTS")

    assert [e["code"] for e in denied["userErrors"]] == ["PERMISSION_DENIED"]
    assert sorted(tuple(e["field"]) for e in bad["userErrors"]) == [
        ("input", "scope", "ids"), ("input", "validDays"), ("input", "value")]
    assert await Voucher.all().count() == 0


async def test_a_voucher_comes_off_the_order_is_used_when_paid_and_split_over_the_lines_in_scope(api):
    buyer = await funded_buyer(api)
    tea, cup = await cart_of(api, buyer, ("30.00", 2, {}), ("40.00", 1, {}))
    voucher = (await issue(api, buyer, value="15.00", min_spend="60.00", kind="PRODUCTS",
                           ids=[encode_id("Product", tea.id)]))["voucher"]

    preview = (await api(ORDER_PREVIEW, await order_input(buyer, voucher["id"]), token=buyer.access_token)).data
    created = await create(api, buyer, voucher["id"])

    assert [v["id"] for v in preview["orderPreview"]["applicableVouchers"]] == [voucher["id"]]
    assert preview["orderPreview"]["voucherDiscount"]["amount"] == "15.00"
    assert created["userErrors"] == []
    assert (created["order"]["voucherDiscount"]["amount"], created["order"]["total"]["amount"]) == ("15.00", "85.00")
    order = await Order.get(number=created["order"]["number"])
    lines = await OrderLine.filter(order_id=order.id).order_by("position").values_list("product_id", "voucher_minor")
    assert lines == [(tea.id, 1500), (cup.id, 0)]  # only the line in scope pays with it
    assert await status_of(voucher["id"]) == "RESERVED"

    paying = await pay(api, buyer, created["order"]["id"], provider="SANDBOX", channel="NATIVE", paymentPassword=None)
    assert (await simulate(api, buyer.access_token, paying["payment"]["id"]))["userErrors"] == []
    assert await status_of(voucher["id"]) == "USED"


async def test_a_voucher_for_one_product_never_pays_for_another_through_a_voucher_beside_it(api):
    buyer = await funded_buyer(api)
    cheap, dear = await cart_of(api, buyer, ("1.00", 1, {}), ("100.00", 1, {}))
    for_cheap = (await issue(api, buyer, value="50.00", kind="PRODUCTS", ids=[encode_id("Product", cheap.id)]))["voucher"]
    for_all = (await issue(api, buyer, value="1.00"))["voucher"]

    created = await create(api, buyer, for_cheap["id"], for_all["id"])

    assert created["userErrors"] == []
    # 1.00 off the cheap product (all of it), 1.00 off anything: 2.00, not 51.00.
    assert (created["order"]["voucherDiscount"]["amount"], created["order"]["total"]["amount"]) == ("2.00", "99.00")
    # Each voucher's part lands on its own lines: the product voucher all on the cheap line, the other
    # on what it left (the dear line), not 2.00 spread over both by price.
    order = await Order.get(number=created["order"]["number"])
    lines = await OrderLine.filter(order_id=order.id).order_by("position").values_list("product_id", "voucher_minor")
    assert lines == [(cheap.id, 100), (dear.id, 100)]


async def test_bad_vouchers_are_refused_with_stable_codes_and_nothing_held(api):
    buyer = await funded_buyer(api)
    await cart_of(api, buyer, ("30.00", 1, {}))
    other = await factories.customer()
    someone_elses = (await issue(api, other))["voucher"]["id"]
    below_min = (await issue(api, buyer, min_spend="31.00"))["voucher"]["id"]
    out_of_scope = (await issue(api, buyer, kind="PRODUCTS",
                                ids=[encode_id("Product", (await factories.product()).id)]))["voucher"]["id"]
    expired = (await issue(api, buyer, valid_days=1))["voucher"]["id"]
    await Voucher.filter(code=(await Voucher.all().order_by("-id").first()).code).update(
        valid_until=clock.now() - dt.timedelta(seconds=1))

    created = await create(api, buyer, someone_elses, below_min, out_of_scope, expired)

    assert created["order"] is None
    assert [(e["code"], e["field"]) for e in created["userErrors"]] == [
        ("NOT_FOUND", ["input", "voucherIds", "0"]), ("VOUCHER_NOT_APPLICABLE", ["input", "voucherIds", "1"]),
        ("VOUCHER_NOT_APPLICABLE", ["input", "voucherIds", "2"]), ("VOUCHER_EXPIRED", ["input", "voucherIds", "3"])]
    assert await Order.all().count() == 0
    assert sorted(await Voucher.all().values_list("status", flat=True)) == ["AVAILABLE"] * 4
    wallet = (await api(WALLET_VIEW, {"first": 1}, token=buyer.access_token)).data["me"]["wallet"]
    assert len(wallet["vouchers"]) == 2  # AVAILABLE only: the expired one reads EXPIRED


async def test_a_voucher_the_ones_before_it_leave_nothing_to_pay_for_is_refused_not_used_up(api):
    buyer = await funded_buyer(api)
    await cart_of(api, buyer, ("30.00", 1, {}))
    big = (await issue(api, buyer, value="50.00"))["voucher"]["id"]
    idle = (await issue(api, buyer, value="20.00"))["voucher"]["id"]

    preview = await api(ORDER_PREVIEW, await order_input(buyer, big, idle), token=buyer.access_token)
    created = await create(api, buyer, big, idle)

    assert [(e["code"], e["field"]) for e in preview.data["orderPreview"]["userErrors"]] == [
        ("VOUCHER_NOT_APPLICABLE", ["input", "voucherIds", "1"])]
    assert created["order"] is None
    assert [(e["code"], e["field"]) for e in created["userErrors"]] == [
        ("VOUCHER_NOT_APPLICABLE", ["input", "voucherIds", "1"])]
    assert sorted(await Voucher.all().values_list("status", flat=True)) == ["AVAILABLE"] * 2
    assert (await create(api, buyer, big))["userErrors"] == []  # alone, the first one is fine


async def test_an_order_lists_at_most_ten_vouchers(api):
    buyer = await funded_buyer(api)
    await cart_of(api, buyer, ("30.00", 1, {}))

    created = await create(api, buyer, *(encode_id("Voucher", n) for n in range(1, 12)))

    assert created["order"] is None
    assert [(e["code"], e["field"]) for e in created["userErrors"]] == [("LIMIT_EXCEEDED", ["input", "voucherIds"])]


async def test_a_voucher_reserved_by_one_order_is_unavailable_to_the_next(api):
    buyer = await funded_buyer(api)
    voucher = (await issue(api, buyer))["voucher"]["id"]
    await cart_of(api, buyer, ("30.00", 1, {}))
    assert (await create(api, buyer, voucher))["userErrors"] == []
    await cart_of(api, buyer, ("30.00", 1, {}))

    second = await create(api, buyer, voucher)

    assert [e["code"] for e in second["userErrors"]] == ["VOUCHER_UNAVAILABLE"]


async def test_cancel_and_expiry_release_the_voucher_and_a_whole_cancel_after_payment_restores_it(api):
    buyer = await funded_buyer(api, balance="200.00")
    voucher = (await issue(api, buyer))["voucher"]["id"]
    await cart_of(api, buyer, ("30.00", 1, {}))
    first = await create(api, buyer, voucher)
    await api(ORDER_CANCEL, {"input": {"orderId": first["order"]["id"]}}, token=buyer.access_token)
    assert await status_of(voucher) == "AVAILABLE"

    await cart_of(api, buyer, ("30.00", 1, {}))
    second = await create(api, buyer, voucher)
    assert await lifecycle.expire_due_orders(clock.now() + dt.timedelta(days=1)) == 1
    assert await status_of(voucher) == "AVAILABLE"

    await cart_of(api, buyer, ("30.00", 1, {}))
    third = await create(api, buyer, voucher, useWalletFunds=True)
    assert (await pay(api, buyer, third["order"]["id"]))["order"]["status"] == "PAID"
    assert await status_of(voucher) == "USED"
    clerk = await factories.staff(Permission.MANAGE_ORDERS)
    cancelled = await api(ORDER_CANCEL, {"input": {"orderId": third["order"]["id"]}}, token=clerk.access_token)
    assert cancelled.data["orderCancel"]["userErrors"] == []
    assert await status_of(voucher) == "AVAILABLE"
    assert second["userErrors"] == []
