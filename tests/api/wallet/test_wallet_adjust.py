"""walletAdjust through GraphQL: audited, idempotent, never below zero; bad input changes nothing (DESIGN §3.5, §4)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from mall.accounts import security, sessions
from mall.accounts.models import User
from mall.audit.models import AuditRecord
from mall.core.actors import Permission
from mall.graphql.relay import encode_id
from mall.infra import idempotency
from mall.wallet.models import JournalEntry
from mall.wallet.statements import WalletBalances, balances
from tests import factories
from tests.api.wallet.scene import WALLET_ADJUST, adjust, adjust_input, assert_ledger_sound, finance, ledger_rows
from tests.timetravel import travel


async def _audit() -> list[tuple[str, str, dict | None, dict | None, str, int | None]]:
    rows = await AuditRecord.filter(action="wallet.adjust").order_by("id")
    return [(r.action, r.target, r.old_value, r.new_value, r.reason, r.actor_id) for r in rows]


async def test_an_adjustment_credits_the_customer_and_is_audited_with_its_reason(api):
    buyer = await factories.customer()
    staff = await finance()

    payload = await adjust(api, staff, buyer, "50.10", reason="Parcel lost in transit")

    assert payload["userErrors"] == []
    assert {k: payload["entry"][k] for k in ("amount", "balanceAfter")} == {"amount": "50.10", "balanceAfter": "50.10"}
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=5010)}
    assert await _audit() == [(
        "wallet.adjust", f"User:{buyer.user.id}", None, {"asset": "BALANCE", "amount": "50.10"}, "Parcel lost in transit",
        staff.user.id,
    )]
    entry = await JournalEntry.get()
    assert (entry.cause, entry.cause_id, entry.memo, entry.actor_kind, entry.actor_id) == (
        "ADJUSTMENT", (await AuditRecord.get()).id, "Parcel lost in transit", "STAFF", staff.user.id)
    await assert_ledger_sound()


async def test_a_negative_adjustment_takes_value_out_down_to_zero_and_no_further(api):
    buyer = await factories.customer()
    staff = await finance()
    await adjust(api, staff, buyer, "10.00")

    to_zero = await adjust(api, staff, buyer, "-10.00", reason="Reversal")
    below = await adjust(api, staff, buyer, "-0.01", reason="One fen too many")

    assert (to_zero["userErrors"], to_zero["entry"]["balanceAfter"]) == ([], "0.00")
    assert below == {"entry": None, "userErrors": [
        {"field": None, "code": "INSUFFICIENT_FUNDS", "message": "The BALANCE account holds less than 1."},
    ]}
    assert await ledger_rows() == (2, 2, 4)
    assert len(await _audit()) == 2
    await assert_ledger_sound()


async def test_points_and_rebate_credit_are_adjusted_against_their_own_adjustment_accounts(api):
    buyer = await factories.customer()
    staff = await finance()

    credit = await adjust(api, staff, buyer, "3.3", asset="REBATE_CREDIT")
    points = await adjust(api, staff, buyer, "250.00", asset="POINTS")

    assert (credit["entry"]["amount"], points["entry"]["amount"]) == ("3.30", "250")
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(rebate_credit=330, points=250)}
    await assert_ledger_sound()


async def test_the_same_key_and_input_post_once_and_answer_the_same_entry(api):
    buyer = await factories.customer()
    staff = await finance()
    variables = adjust_input(buyer, "12.00", key="adjust-42")

    first = (await api(WALLET_ADJUST, variables, token=staff.access_token)).data["walletAdjust"]
    again = (await api(WALLET_ADJUST, variables, token=staff.access_token)).data["walletAdjust"]
    spelled_otherwise = adjust_input(buyer, "12", key="adjust-42")
    same_money = (await api(WALLET_ADJUST, spelled_otherwise, token=staff.access_token)).data["walletAdjust"]

    assert first["userErrors"] == again["userErrors"] == same_money["userErrors"] == []
    assert first["entry"] == again["entry"] == same_money["entry"]
    assert await ledger_rows() == (2, 1, 2)
    assert len(await _audit()) == 1


async def test_the_same_key_with_other_input_is_refused(api):
    buyer = await factories.customer()
    staff = await finance()
    await adjust(api, staff, buyer, "12.00", key="adjust-42")

    other = await adjust(api, staff, buyer, "13.00", key="adjust-42")

    assert other == {"entry": None, "userErrors": [{
        "field": ["input", "idempotencyKey"], "code": "IDEMPOTENCY_MISMATCH",
        "message": "This idempotency key was used with a different request.",
    }]}
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(balance=1200)}


async def test_a_retry_after_the_request_key_expired_still_posts_nothing_new(api):
    buyer = await factories.customer()
    staff = await finance()
    first = await adjust(api, staff, buyer, "12.00", key="adjust-42")
    await travel(idempotency.KEEP_FOR + dt.timedelta(minutes=1))
    pair = await sessions.start_session(staff.user, client_ip="127.0.0.1", user_agent="pytest")
    staff = dataclasses.replace(staff, access_token=pair.access_token)  # the first token has long expired

    again = await adjust(api, staff, buyer, "12.00", key="adjust-42", reason="Worded otherwise")
    other = await adjust(api, staff, buyer, "13.00", key="adjust-42")

    assert (again["userErrors"], again["entry"]) == ([], first["entry"])
    assert other["userErrors"] == [{"field": ["input", "idempotencyKey"], "code": "IDEMPOTENCY_MISMATCH",
                                    "message": "This idempotency key was used with a different request."}]
    assert await ledger_rows() == (2, 1, 2)
    assert len(await _audit()) == 1


async def test_a_refused_adjustment_can_be_retried_with_its_key_once_corrected(api):
    buyer = await factories.customer()
    staff = await finance()

    refused = await adjust(api, staff, buyer, "-5.00", key="retry-me")
    await adjust(api, staff, buyer, "5.00")
    retried = await adjust(api, staff, buyer, "-5.00", key="retry-me")

    assert [e["code"] for e in refused["userErrors"]] == ["INSUFFICIENT_FUNDS"]
    assert (retried["userErrors"], retried["entry"]["balanceAfter"]) == ([], "0.00")


def _problem(field: str, code: str, message: str) -> dict:
    return {"field": ["input", field], "code": code, "message": message}


@pytest.mark.parametrize(("changes", "errors"), [
    ({"amount": "0"}, [_problem("amount", "INVALID", "An adjustment moves something: not zero.")]),
    ({"amount": "-0.00"}, [_problem("amount", "INVALID", "An adjustment moves something: not zero.")]),
    ({"amount": "0.001"}, [_problem("amount", "INVALID", "Not an amount of BALANCE: 0.001 has fractions of a fen.")]),
    ({"amount": "1e30"}, [_problem("amount", "INVALID", "Not an amount of BALANCE: 1E+30 is too large an amount.")]),
    ({"amount": "100000000001"}, [_problem("amount", "INVALID", "An adjustment moves at most 100000000000.00.")]),
    ({"amount": "1.5", "asset": "POINTS"},
     [_problem("amount", "INVALID", "Not an amount of POINTS: 1.5 is not a whole number of points.")]),
    ({"amount": "2147483648", "asset": "POINTS"}, [_problem("amount", "INVALID", "An adjustment moves at most 2147483647.")]),
    ({"asset": "HELD"}, [_problem("asset", "INVALID", "Adjust BALANCE, REBATE_CREDIT or POINTS; HELD moves only with "
                                  "what it is held for.")]),
    ({"reason": ""}, [_problem("reason", "REQUIRED", "This field is required.")]),
    ({"reason": "   "}, [_problem("reason", "REQUIRED", "This field is required.")]),
    ({"reason": "x" * 201}, [_problem("reason", "INVALID", "Use at most 200 characters.")]),
    ({"reason": "a\x00b"}, [_problem("reason", "INVALID", "Control characters are not allowed.")]),
    ({"idempotencyKey": "has space"}, [_problem(
        "idempotencyKey", "INVALID", "An idempotency key is 1 to 64 printable ASCII characters, no spaces.")]),
    ({"amount": "0", "reason": ""}, [
        _problem("amount", "INVALID", "An adjustment moves something: not zero."),
        _problem("reason", "REQUIRED", "This field is required."),
    ]),
    ({"customerId": "not-an-id"}, [_problem("customerId", "INVALID", "Expected an ID of type User.")]),
    ({"customerId": encode_id("Order", 1)}, [_problem("customerId", "INVALID", "Expected an ID of type User.")]),
    ({"customerId": encode_id("User", 999_999)}, [_problem("customerId", "NOT_FOUND", "No such customer.")]),
])
async def test_bad_input_is_a_user_error_and_changes_nothing(api, changes, errors):
    buyer = await factories.customer()
    staff = await finance()

    variables = adjust_input(buyer, "10.00")
    variables["input"].update(changes)

    payload = (await api(WALLET_ADJUST, variables, token=staff.access_token)).data

    assert payload["walletAdjust"] == {"entry": None, "userErrors": errors}
    assert await ledger_rows() == (0, 0, 0)
    assert await _audit() == []


async def test_a_float_amount_is_refused_before_anything_runs(api):
    buyer = await factories.customer()
    staff = await finance()
    variables = adjust_input(buyer, "10.00")
    variables["input"]["amount"] = 10.5

    result = await api(WALLET_ADJUST, variables, token=staff.access_token)

    assert result.status == 400
    assert "never floats" in result.errors[0]["message"]
    assert await ledger_rows() == (0, 0, 0)


async def test_staff_accounts_and_deleted_customers_have_no_wallet_to_adjust(api):
    staff = await finance()
    colleague = await factories.staff(Permission.MANAGE_ORDERS)
    gone = await factories.customer()
    await security.account_delete(sessions.actor_for(gone.user), password=gone.password)

    payloads = [await adjust(api, staff, account, "10.00") for account in (colleague, gone)]

    assert [p["userErrors"] for p in payloads] == [[_problem("customerId", "NOT_FOUND", "No such customer.")]] * 2
    assert await ledger_rows() == (0, 0, 0)


async def test_a_customer_account_never_holds_more_than_its_unit_allows(api):
    buyer = await factories.customer()
    staff = await finance()
    await adjust(api, staff, buyer, "2147483647", asset="POINTS")

    over = await adjust(api, staff, buyer, "1", asset="POINTS")

    assert over == {"entry": None, "userErrors": [
        {"field": None, "code": "LIMIT_EXCEEDED", "message": "The POINTS account would hold more than 2147483647."},
    ]}
    assert await balances([buyer.user.id]) == {buyer.user.id: WalletBalances(points=2_147_483_647)}


@pytest.mark.parametrize(("who", "code"), [
    ("anonymous", "UNAUTHENTICATED"), ("customer", "PERMISSION_DENIED"), ("other staff", "PERMISSION_DENIED"),
])
async def test_only_staff_managing_finance_may_adjust(api, who, code):
    buyer = await factories.customer()
    token = {
        "anonymous": None,
        "customer": buyer.access_token,
        "other staff": (await factories.staff(Permission.MANAGE_USERS, Permission.MANAGE_ORDERS)).access_token,
    }[who]

    result = await api(WALLET_ADJUST, adjust_input(buyer, "10.00"), token=token)

    assert [e["code"] for e in result.data["walletAdjust"]["userErrors"]] == [code]
    assert result.data["walletAdjust"]["entry"] is None
    assert await ledger_rows() == (0, 0, 0)


async def test_staff_who_lost_the_permission_since_signing_in_cannot_adjust(api):
    buyer = await factories.customer()
    staff = await finance()

    await User.filter(id=staff.user.id).update(permissions=[])

    payload = await adjust(api, staff, buyer, "10.00")

    assert [e["code"] for e in payload["userErrors"]] == ["PERMISSION_DENIED"]
    assert await ledger_rows() == (0, 0, 0)
