"""Each WebSocket operation on its own (DESIGN §4): authenticated anew, own loaders, subscriptions only."""

from __future__ import annotations

from mall.accounts.models import User
from mall.catalog.models import Product
from mall.core.actors import Permission
from mall.graphql.relay import encode_id
from tests import factories
from tests.operations import contract
from tests.websocket import LEGACY_WS, TRANSPORT_WS, connect, initialise, receive, viewer_app

VIEWER = "subscription { viewerEmail }"
LOGOUT = contract("Logout")
STAFF_UPDATE = contract("StaffUpdate")
STAFF_CREATE = contract("StaffCreate")
PRODUCT_UPDATE = contract("ProductUpdate")
REFUSED = [{"message": "WebSocket carries subscriptions only: send queries and mutations over HTTP.",
            "extensions": {"code": "OPERATION_NOT_SUPPORTED"}}]


async def _viewer_email(ws, operation_id: str) -> str | None:
    await ws.send_json({"id": operation_id, "type": "subscribe", "payload": {"query": VIEWER}})
    message = await receive(ws)
    assert await receive(ws) == {"id": operation_id, "type": "complete"}
    return message["payload"]["data"]["viewerEmail"]


async def test_an_operation_after_sign_out_no_longer_sees_the_viewer(api):
    staff = await factories.staff(Permission.MANAGE_PRODUCTS)

    async with connect(TRANSPORT_WS, viewer_app()) as ws:
        await initialise(ws, staff.access_token)
        assert await _viewer_email(ws, "before") == staff.login
        assert (await api(LOGOUT, {"input": {}}, token=staff.access_token)).data["tokenRevoke"]["revoked"] is True

        after = await _viewer_email(ws, "after")

    assert after is None


async def test_an_operation_after_deactivation_no_longer_sees_the_viewer(api):
    manager = await factories.staff(Permission.MANAGE_STAFF, Permission.MANAGE_PRODUCTS)
    staff = await factories.staff(Permission.MANAGE_PRODUCTS)

    async with connect(TRANSPORT_WS, viewer_app()) as ws:
        await initialise(ws, staff.access_token)
        assert await _viewer_email(ws, "before") == staff.login
        deactivate = {"input": {"userId": encode_id("User", staff.user.id), "isActive": False}}
        assert (await api(STAFF_UPDATE, deactivate, token=manager.access_token)).data["staffUpdate"]["userErrors"] == []

        after = await _viewer_email(ws, "after")

    assert after is None


async def test_each_operation_reads_through_loaders_of_its_own():
    staff = await factories.staff()

    async with connect(TRANSPORT_WS, viewer_app()) as ws:
        await initialise(ws, staff.access_token)
        assert await _viewer_email(ws, "first") == staff.login
        await User.filter(id=staff.user.id).update(email="renamed@example.com")

        second = await _viewer_email(ws, "second")

    assert second == "renamed@example.com"


async def test_a_mutation_over_graphql_transport_ws_is_refused_and_changes_nothing():
    staff = await factories.staff(Permission.MANAGE_PRODUCTS)
    product = await factories.product(title="Green tea")
    update = {"input": {"productId": encode_id("Product", product.id), "title": "Changed"}}

    async with connect(TRANSPORT_WS) as ws:
        await initialise(ws, staff.access_token)
        await ws.send_json({"id": "m", "type": "subscribe", "payload": {"query": PRODUCT_UPDATE, "variables": update}})

        message = await receive(ws)

    assert message == {"id": "m", "type": "error", "payload": REFUSED}
    assert (await Product.get(id=product.id)).title == "Green tea"


async def test_a_mutation_over_legacy_graphql_ws_is_refused_and_changes_nothing():
    manager = await factories.staff(Permission.MANAGE_STAFF)
    create = {"input": {"email": "intruder@example.com", "password": "s3cret-staff-pass", "name": "Intruder",
                        "permissions": ["MANAGE_STAFF"]}}

    async with connect(LEGACY_WS) as ws:
        await initialise(ws, manager.access_token)
        await ws.send_json({"id": "m", "type": "start", "payload": {"query": STAFF_CREATE, "variables": create}})

        message = await receive(ws)

    assert message == {"id": "m", "type": "error", "payload": REFUSED[0]}
    assert not await User.exists(email="intruder@example.com")


async def test_a_query_over_the_socket_is_refused():
    customer = await factories.customer()

    async with connect(TRANSPORT_WS) as ws:
        await initialise(ws, customer.access_token)
        await ws.send_json({"id": "q", "type": "subscribe", "payload": {"query": "{ me { id } }"}})

        message = await receive(ws)

    assert message == {"id": "q", "type": "error", "payload": REFUSED}


async def test_errors_over_the_socket_suggest_no_names():
    async with connect(TRANSPORT_WS, viewer_app()) as ws:
        await initialise(ws)
        await ws.send_json({"id": "t", "type": "subscribe", "payload": {"query": "subscription ($x: Strin) { viewerEmail }"}})

        message = await receive(ws)

    assert message["type"] == "error"
    assert [error["message"] for error in message["payload"]] == [
        "Variable '$x' is never used.",
        "Unknown type 'Strin'.",
    ]
