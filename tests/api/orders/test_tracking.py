"""Tracking through the API: orderShip, then sandboxTrackingPush or a signed push to /logistics/push/sandbox."""

from __future__ import annotations

import datetime as dt
import json
from urllib.parse import parse_qs, urlencode

import pytest

from mall.core.actors import Permission
from mall.core.clock import clock
from mall.graphql.relay import encode_id
from mall.infra.outbox import OutboxEvent
from mall.logistics.providers import sandbox_provider
from mall.logistics.providers.base import TrackingState
from mall.orders.models import Order, OrderEvent, ShipmentEvent
from mall.orders.states import OrderStatus
from tests import factories
from tests.operations import contract

ORDER_SHIP = contract("OrderShip")
ORDER_RECEIPT_CONFIRM = contract("OrderReceiptConfirm")
MY_ORDER = contract("MyOrder")
SANDBOX_TRACKING_PUSH = contract("SandboxTrackingPush")
PUSH_PATH = "/logistics/push/sandbox"
ACCEPTED = {"result": True, "returnCode": "200", "message": "成功"}
AT = dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.UTC)


@pytest.fixture
async def shipped(api):
    """A customer's order shipped with SF SF1234567890, and a clerk with MANAGE_ORDERS."""
    buyer = await factories.customer()
    order = await factories.paid(await factories.order(buyer))
    clerk = await factories.staff(Permission.MANAGE_ORDERS)
    variables = {"input": {"orderId": encode_id("Order", order.id), "carrier": "SF", "trackingNumber": "SF1234567890"}}
    result = await api(ORDER_SHIP, variables, token=clerk.access_token)
    assert result.data["orderShip"]["userErrors"] == []
    return buyer, order, clerk


def scan(status: str, at: dt.datetime, description: str = "", number: str = "SF1234567890") -> dict:
    return {"input": {"carrier": "SF", "trackingNumber": number, "status": status, "description": description,
                      "at": at.isoformat()}}


async def test_a_delivered_push_moves_the_shipped_order_to_delivered(api, shipped):
    buyer, order, clerk = shipped

    moving = await api(SANDBOX_TRACKING_PUSH, scan("IN_TRANSIT", AT, "已揽收"), token=clerk.access_token)
    signed = await api(SANDBOX_TRACKING_PUSH, scan("DELIVERED", AT + dt.timedelta(days=1), "已签收"),
                       token=clerk.access_token)

    shipment_id = moving.data["sandboxTrackingPush"]["shipment"]["id"]
    assert moving.data["sandboxTrackingPush"] == {"shipment": {"id": shipment_id, "status": "IN_TRANSIT"}, "userErrors": []}
    assert signed.data["sandboxTrackingPush"] == {"shipment": {"id": shipment_id, "status": "DELIVERED"}, "userErrors": []}
    seen = (await api(MY_ORDER, {"number": order.number}, token=buyer.access_token)).data["me"]["order"]
    assert seen["status"] == "DELIVERED"
    assert seen["shipments"] == [{"id": shipment_id, "carrier": "SF", "trackingNumber": "SF1234567890",
                                  "status": "DELIVERED", "events": [
        {"at": "2026-11-20T17:30:00+08:00", "status": "IN_TRANSIT", "description": "已揽收"},
        {"at": "2026-11-21T17:30:00+08:00", "status": "DELIVERED", "description": "已签收"}]}]
    assert seen["events"][-1] == {"type": "DELIVERED", "fromStatus": "SHIPPED", "toStatus": "DELIVERED",
                                  "at": seen["events"][-1]["at"], "note": "SF SF1234567890", "actorKind": "SYSTEM"}
    assert (await Order.get(id=order.id)).delivered_at is not None
    outbox = await OutboxEvent.filter(aggregate_id=order.id).order_by("id").values_list("payload", flat=True)
    assert outbox[-1]["toStatus"] == "DELIVERED"


async def test_the_same_push_twice_records_once(api, shipped):
    _, order, clerk = shipped

    first = await api(SANDBOX_TRACKING_PUSH, scan("DELIVERED", AT, "已签收"), token=clerk.access_token)
    again = await api(SANDBOX_TRACKING_PUSH, scan("DELIVERED", AT, "已签收"), token=clerk.access_token)

    assert again.data["sandboxTrackingPush"] == first.data["sandboxTrackingPush"]
    assert await ShipmentEvent.all().count() == 1
    assert await OrderEvent.filter(order_id=order.id, type="DELIVERED").count() == 1


async def test_a_push_for_a_completed_order_records_the_scan_and_leaves_the_order(api, shipped):
    buyer, order, clerk = shipped
    await api(ORDER_RECEIPT_CONFIRM, {"input": {"orderId": encode_id("Order", order.id)}}, token=buyer.access_token)

    result = await api(SANDBOX_TRACKING_PUSH, scan("DELIVERED", AT, "已签收"), token=clerk.access_token)

    assert result.data["sandboxTrackingPush"]["shipment"]["status"] == "DELIVERED"
    assert (await Order.get(id=order.id)).status is OrderStatus.COMPLETED
    assert await ShipmentEvent.all().count() == 1
    assert await OrderEvent.filter(order_id=order.id, type="DELIVERED").count() == 0


async def test_an_exception_or_return_does_not_deliver_the_order(api, shipped):
    _, order, clerk = shipped

    problem = await api(SANDBOX_TRACKING_PUSH, scan("EXCEPTION", AT, "拒签"), token=clerk.access_token)
    returned = await api(SANDBOX_TRACKING_PUSH, scan("RETURNED", AT + dt.timedelta(hours=1), "退回"),
                         token=clerk.access_token)

    assert problem.data["sandboxTrackingPush"]["shipment"]["status"] == "PROBLEM"
    assert returned.data["sandboxTrackingPush"]["shipment"]["status"] == "RETURNED"
    assert (await Order.get(id=order.id)).status is OrderStatus.SHIPPED


async def test_an_older_snapshot_arriving_late_leaves_the_status(api, shipped):
    _, _, clerk = shipped
    await api(SANDBOX_TRACKING_PUSH, scan("DELIVERED", AT + dt.timedelta(days=1)), token=clerk.access_token)

    late = await api(SANDBOX_TRACKING_PUSH, scan("IN_TRANSIT", AT), token=clerk.access_token)

    assert late.data["sandboxTrackingPush"]["shipment"]["status"] == "DELIVERED"
    assert await ShipmentEvent.all().count() == 2


async def test_an_unknown_tracking_number_or_carrier_is_refused(api, shipped):
    _, _, clerk = shipped
    other_carrier = scan("DELIVERED", AT)
    other_carrier["input"]["carrier"] = "YTO"
    bad = scan("DELIVERED", AT, description="x" * 501)
    bad["input"]["carrier"] = "UPS"

    unknown = await api(SANDBOX_TRACKING_PUSH, scan("DELIVERED", AT, number="SF0000000000"), token=clerk.access_token)
    wrong_carrier = await api(SANDBOX_TRACKING_PUSH, other_carrier, token=clerk.access_token)
    invalid = await api(SANDBOX_TRACKING_PUSH, bad, token=clerk.access_token)

    not_found = {"shipment": None, "userErrors": [{"field": ["input", "trackingNumber"], "code": "NOT_FOUND",
                                                   "message": "No shipment has this carrier and tracking number."}]}
    assert unknown.data["sandboxTrackingPush"] == not_found
    assert wrong_carrier.data["sandboxTrackingPush"] == not_found
    assert invalid.data["sandboxTrackingPush"] == {"shipment": None, "userErrors": [
        {"field": ["input", "carrier"], "code": "INVALID",
         "message": "Unknown carrier; one of SF, YTO, ZTO, STO, YD, JD, EMS, JTSD, DBL, YZPY."},
        {"field": ["input", "description"], "code": "INVALID", "message": "A description is at most 500 characters."}]}
    assert await ShipmentEvent.all().count() == 0


async def test_the_push_needs_manage_orders_and_the_sandbox(api, make_api, configure, shipped):
    buyer, order, clerk = shipped

    customer = await api(SANDBOX_TRACKING_PUSH, scan("DELIVERED", AT), token=buyer.access_token)
    configure(sandbox=False)
    disabled = await make_api()(SANDBOX_TRACKING_PUSH, scan("DELIVERED", AT), token=clerk.access_token)

    assert customer.data["sandboxTrackingPush"] == {"shipment": None, "userErrors": [
        {"field": None, "code": "PERMISSION_DENIED", "message": "This needs the MANAGE_ORDERS permission."}]}
    assert disabled.data["sandboxTrackingPush"] == {"shipment": None, "userErrors": [
        {"field": None, "code": "SANDBOX_DISABLED",
         "message": "The sandbox is disabled on this deployment (MALL_SANDBOX=false)."}]}
    assert (await Order.get(id=order.id)).status is OrderStatus.SHIPPED


def signed_push(state: TrackingState, *, number: str = "SF1234567890") -> tuple[dict[str, str], bytes]:
    return sandbox_provider().build_push(
        carrier="SF", tracking_number=number, state=state, description="已签收", at=clock.now())


async def test_a_signed_push_over_http_delivers_the_order(api, shipped):
    _, order, _ = shipped
    headers, body = signed_push(TrackingState.DELIVERED)

    response = await api.http.post(PUSH_PATH, content=body, headers=headers)

    assert (response.status_code, response.json()) == (200, ACCEPTED)
    assert (await Order.get(id=order.id)).status is OrderStatus.DELIVERED


async def test_a_tampered_push_over_http_is_refused_and_changes_nothing(api, shipped):
    _, order, _ = shipped
    headers, body = signed_push(TrackingState.IN_TRANSIT)
    form = {name: values[0] for name, values in parse_qs(body.decode()).items()}
    param = json.loads(form["param"])
    param["lastResult"]["state"] = "3"  # signed for
    tampered = urlencode({"param": json.dumps(param, ensure_ascii=False, separators=(",", ":")), "sign": form["sign"]})

    response = await api.http.post(PUSH_PATH, content=tampered.encode(), headers=headers)

    assert (response.status_code, response.json()) == (
        400, {"result": False, "returnCode": "400", "message": "The sign does not match the param."})
    assert (await Order.get(id=order.id)).status is OrderStatus.SHIPPED
    assert await ShipmentEvent.all().count() == 0


async def test_pushes_over_http_for_unknown_parcels_providers_or_too_large_are_refused(api, make_api, configure, shipped):
    headers, body = signed_push(TrackingState.DELIVERED, number="SF0000000000")

    unknown = await api.http.post(PUSH_PATH, content=body, headers=headers)
    no_provider = await api.http.post("/logistics/push/kuaidi999", content=body, headers=headers)
    too_large = await api.http.post(PUSH_PATH, content=b"param=" + b"x" * 1_048_576, headers=headers)
    configure(sandbox=False)
    disabled = await make_api().http.post(PUSH_PATH, content=body, headers=headers)

    assert (unknown.status_code, unknown.json()) == (
        404, {"result": False, "returnCode": "404", "message": "No shipment has this carrier and tracking number."})
    assert (no_provider.status_code, no_provider.json()) == (
        404, {"result": False, "returnCode": "404", "message": "No such tracking provider."})
    assert too_large.status_code == 413
    assert (disabled.status_code, disabled.json()) == (404, {"result": False, "returnCode": "404",
                                                             "message": "The sandbox is disabled on this deployment (MALL_SANDBOX=false)."})
    assert await ShipmentEvent.all().count() == 0
