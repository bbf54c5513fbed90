"""A provider that confirms a refund it had reported failed sent the money after all: it is recorded, never dropped."""

from __future__ import annotations

from mall.core.actors import Permission
from mall.infra.outbox import OutboxEvent
from mall.orders.models import AfterSale, Order, Payment, Refund
from mall.orders.states import OrderStatus, RefundStatus
from mall.payments.providers.base import RefundStatus as ProviderRefundStatus
from tests.api.refunds.test_after_sales import AFTER_SALE_APPROVE, AFTER_SALE_REFUND, as_staff, ask
from tests.api.refunds.test_cancel_with_refund import cancel_as_staff, paid_order, post, refund_callback

FAILED = {"status": ProviderRefundStatus.FAILED}


def errors_logged(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelname == "ERROR" and r.name == "mall.flows.refunds"]


async def failed_after_sale_refund(api):
    """A paid order of 60.00 with a refund-only after-sale of one unit (25.00) whose refund the provider failed."""
    buyer, _, order = await paid_order(api)
    after_sale_id = (await ask(api, buyer, order, kind="REFUND_ONLY"))["afterSale"]["id"]
    await as_staff(api, AFTER_SALE_APPROVE, after_sale_id)
    await as_staff(api, AFTER_SALE_REFUND, after_sale_id, Permission.MANAGE_FINANCE)
    refund = await Refund.get(order_id=order.id)
    assert (await post(api, *await refund_callback(refund, **FAILED))).status_code == 204
    assert (await AfterSale.get(order_id=order.id)).status.value == "REFUND_FAILED"
    return order, after_sale_id, refund


async def test_a_cancel_refund_confirmed_after_its_failure_is_refunded_and_claimed_again(api, caplog):
    _, _, order = await paid_order(api)
    await cancel_as_staff(api, order)
    refund = await Refund.get(order_id=order.id)
    await post(api, *await refund_callback(refund, **FAILED))

    late = await post(api, *await refund_callback(refund))
    duplicate = await post(api, *await refund_callback(refund))

    assert [late.status_code, duplicate.status_code] == [204, 204]
    assert await Refund.filter(order_id=order.id).values_list("status", flat=True) == ["REFUNDED"]
    assert (await Payment.get(order_id=order.id)).refunded_minor == 6000
    final = await Order.get(id=order.id)
    assert (final.status, final.refund_status) == (OrderStatus.CANCELLED, RefundStatus.FULL)
    changes = await OutboxEvent.filter(topic="order.refund_changed").order_by("id").values_list("payload", flat=True)
    assert [(c["status"], c["refundStatus"]) for c in changes] == [("FAILED", "NONE"), ("REFUNDED", "FULL")]
    assert errors_logged(caplog) == [
        f"refund RC{order.number}: confirmed by the provider after it was reported failed; recorded as refunded"]


async def test_an_after_sale_refund_confirmed_after_its_failure_makes_the_after_sale_refunded(api):
    order, _, refund = await failed_after_sale_refund(api)

    late = await post(api, *await refund_callback(refund))

    assert late.status_code == 204
    assert (await Refund.get(id=refund.id)).status == "REFUNDED"
    assert (await AfterSale.get(order_id=order.id)).status.value == "REFUNDED"
    assert (await Payment.get(order_id=order.id)).refunded_minor == 2500
    assert (await Order.get(id=order.id)).refund_status is RefundStatus.PARTIAL


async def test_a_failed_refund_confirmed_after_staff_refunded_again_is_over_refunded_for_staff(api, caplog):
    order, after_sale_id, first = await failed_after_sale_refund(api)
    retried = await as_staff(api, AFTER_SALE_REFUND, after_sale_id, Permission.MANAGE_FINANCE)
    second = await Refund.filter(order_id=order.id).exclude(id=first.id).get()

    late = await post(api, *await refund_callback(first))

    assert retried["afterSale"]["status"] == "REFUNDING"
    assert late.status_code == 204
    assert (await Refund.get(id=first.id)).status == "OVER_REFUNDED"
    assert (await Payment.get(order_id=order.id)).refunded_minor == 2500  # the retry's claim only
    assert (await AfterSale.get(order_id=order.id)).status.value == "REFUNDING"
    attention = await OutboxEvent.get(topic="refund.needs_attention")
    assert (attention.customer_id, attention.payload["refundNumber"], attention.payload["amount"]) == (
        None, first.refund_number, "25.00")
    assert errors_logged(caplog) == [
        f"refund {first.refund_number}: confirmed by the provider after it was reported failed, but no longer owed "
        "(refunded again meanwhile, or more than the payment has left): OVER_REFUNDED, staff must look"]

    await post(api, *await refund_callback(second))

    assert (await AfterSale.get(order_id=order.id)).status.value == "REFUNDED"
    assert (await Order.get(id=order.id)).refund_status is RefundStatus.PARTIAL


async def test_a_failed_refund_confirmed_when_the_payment_has_nothing_left_is_over_refunded(api):
    order, _, refund = await failed_after_sale_refund(api)
    await cancel_as_staff(api, order)  # refunds all 60.00 that is left to refund

    late = await post(api, *await refund_callback(refund))

    assert late.status_code == 204
    assert (await Refund.get(id=refund.id)).status == "OVER_REFUNDED"
    assert (await Payment.get(order_id=order.id)).refunded_minor == 6000
    # the cancel refunded everything and closed the waiting after-sale; the late money is for staff to look at
    assert (await AfterSale.get(order_id=order.id)).status.value == "CANCELLED"
    assert await OutboxEvent.filter(topic="refund.needs_attention").count() == 1

