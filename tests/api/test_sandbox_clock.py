"""sandboxClockSet (DESIGN §3.0): staff holding MANAGE_STAFF move the one clock, shared by every process through the database."""

from __future__ import annotations

import datetime as dt

import mall.sandbox.services
from mall.core.actors import Permission
from mall.core.clock import clock
from mall.graphql.relay import encode_id
from tests import factories
from tests.operations import contract

SANDBOX_CLOCK_SET = contract("SandboxClockSet")
AUDIT_LOG = contract("AuditLog")
LOGIN = contract("Login")
ME = "query Me { me { id email } }"

SHANGHAI = dt.timezone(dt.timedelta(hours=8))
TARGET = "2030-01-15T10:00:00+08:00"


async def _sign_in(api, account: factories.Account) -> str:
    """A token issued at the sandbox time (the old one expired when the clock jumped)."""
    result = await api(LOGIN, {"input": {"login": account.login, "password": account.password}})
    assert result.data["tokenCreate"]["userErrors"] == []
    return result.data["tokenCreate"]["accessToken"]


def _close(a: dt.datetime, b: dt.datetime, seconds: float = 1.0) -> bool:
    return abs(a - b) <= dt.timedelta(seconds=seconds)


async def test_staff_set_the_sandbox_clock(api):
    member = await factories.staff(Permission.MANAGE_STAFF)

    result = await api(SANDBOX_CLOCK_SET, {"input": {"now": TARGET}}, token=member.access_token)

    payload = result.data["sandboxClockSet"]
    assert payload["userErrors"] == []
    assert payload["now"].endswith("+08:00")
    assert _close(dt.datetime.fromisoformat(payload["now"]), dt.datetime.fromisoformat(TARGET))
    assert _close(clock.now(), dt.datetime(2030, 1, 15, 10, tzinfo=SHANGHAI), seconds=5)


async def test_a_utc_input_is_answered_in_the_shop_time_zone(api):
    member = await factories.staff(Permission.MANAGE_STAFF)

    result = await api(SANDBOX_CLOCK_SET, {"input": {"now": "2030-01-15T02:00:00Z"}}, token=member.access_token)

    now = result.data["sandboxClockSet"]["now"]
    assert now.startswith("2030-01-15T10:00:0") and now.endswith("+08:00")


async def test_null_returns_the_clock_to_real_time(api):
    member = await factories.staff(Permission.MANAGE_STAFF)
    await api(SANDBOX_CLOCK_SET, {"input": {"now": TARGET}}, token=member.access_token)

    result = await api(SANDBOX_CLOCK_SET, {"input": {"now": None}}, token=await _sign_in(api, member))

    payload = result.data["sandboxClockSet"]
    assert payload["userErrors"] == []
    assert _close(dt.datetime.fromisoformat(payload["now"]), dt.datetime.now(dt.UTC))
    assert clock.offset == dt.timedelta(0)
    # And it stays there for other processes, too.
    clock.set_offset(dt.timedelta(days=3))
    await mall.sandbox.services.refresh(force=True)
    assert clock.offset == dt.timedelta(0)


async def test_staff_without_manage_staff_cannot_set_the_clock(api):
    others = [p for p in Permission if p is not Permission.MANAGE_STAFF]
    member = await factories.staff(*others)

    result = await api(SANDBOX_CLOCK_SET, {"input": {"now": TARGET}}, token=member.access_token)

    assert result.data["sandboxClockSet"] == {
        "now": None, "userErrors": [{
            "field": None, "code": "PERMISSION_DENIED", "message": "This needs the MANAGE_STAFF permission.",
        }],
    }
    await mall.sandbox.services.refresh(force=True)
    assert clock.offset == dt.timedelta(0)


async def test_customers_and_anonymous_callers_cannot_set_the_clock(api):
    customer = await factories.customer()

    by_customer = await api(SANDBOX_CLOCK_SET, {"input": {"now": TARGET}}, token=customer.access_token)
    anonymous = await api(SANDBOX_CLOCK_SET, {"input": {"now": TARGET}})

    assert by_customer.data["sandboxClockSet"] == {
        "now": None, "userErrors": [{
            "field": None, "code": "PERMISSION_DENIED", "message": "This needs the MANAGE_STAFF permission.",
        }],
    }
    assert anonymous.data["sandboxClockSet"] == {
        "now": None, "userErrors": [{"field": None, "code": "UNAUTHENTICATED", "message": "You need to sign in."}],
    }
    await mall.sandbox.services.refresh(force=True)
    assert clock.offset == dt.timedelta(0)


async def test_the_clock_cannot_be_set_with_the_sandbox_off(api, configure):
    member = await factories.staff(Permission.MANAGE_STAFF)
    configure(sandbox=False)

    result = await api(SANDBOX_CLOCK_SET, {"input": {"now": TARGET}}, token=member.access_token)

    assert result.data["sandboxClockSet"] == {
        "now": None,
        "userErrors": [{
            "field": None, "code": "SANDBOX_DISABLED",
            "message": "The sandbox is disabled on this deployment (MALL_SANDBOX=false).",
        }],
    }
    assert clock.offset == dt.timedelta(0)
    configure(sandbox=True)
    await mall.sandbox.services.refresh(force=True)
    assert clock.offset == dt.timedelta(0)


async def test_a_naive_time_is_refused_as_a_bad_variable(api):
    member = await factories.staff(Permission.MANAGE_STAFF)

    result = await api(SANDBOX_CLOCK_SET, {"input": {"now": "2030-01-15T10:00:00"}}, token=member.access_token)

    assert result.status == 400
    assert "offset" in result.errors[0]["message"]
    assert clock.offset == dt.timedelta(0)


async def test_the_clock_is_shared_through_the_database(api):
    member = await factories.staff(Permission.MANAGE_STAFF)
    await api(SANDBOX_CLOCK_SET, {"input": {"now": TARGET}}, token=member.access_token)

    # Another process starts with real time and reads the shared offset.
    clock.set_offset(dt.timedelta(0))
    await mall.sandbox.services.refresh(force=True)

    assert _close(clock.now(), dt.datetime.fromisoformat(TARGET), seconds=5)


async def test_setting_the_clock_is_audited(api):
    admin = await factories.staff(Permission.MANAGE_STAFF)
    started = dt.datetime.now(dt.UTC)

    await api(SANDBOX_CLOCK_SET, {"input": {"now": TARGET}}, token=admin.access_token)

    [edge] = (await api(AUDIT_LOG, token=await _sign_in(api, admin))).data["auditLog"]["edges"]
    record = edge["node"]
    assert record["action"] == "sandbox.clock_set"
    assert record["actor"] == {"id": encode_id("User", admin.user.id), "email": admin.login}
    assert record["target"] == "SandboxClock:1"
    assert record["oldValue"] == {"offset": "0:00:00"}
    assert set(record["newValue"]) == {"offset", "now"}
    assert dt.datetime.fromisoformat(record["newValue"]["now"]) == dt.datetime.fromisoformat(TARGET)
    # The record is written at the moment of the change, in real time.
    assert _close(dt.datetime.fromisoformat(record["at"]), started, seconds=30)


async def test_an_access_token_expires_when_the_sandbox_clock_moves_an_hour_ahead(api):
    customer = await factories.customer()
    member = await factories.staff(Permission.MANAGE_STAFF)
    assert (await api(ME, token=customer.access_token)).data["me"]["email"] == customer.login
    in_an_hour = (dt.datetime.now(SHANGHAI) + dt.timedelta(hours=1)).isoformat()

    await api(SANDBOX_CLOCK_SET, {"input": {"now": in_an_hour}}, token=member.access_token)

    me = await api(ME, token=customer.access_token)
    assert me.error_codes == ["UNAUTHENTICATED"]
    assert me.body["data"] == {"me": None}
