"""ledgerCheck and ledgerTrialBalance through GraphQL, for staff managing finance (DESIGN §3.5, §3.8)."""

from __future__ import annotations

import pytest

from mall.core.actors import Permission
from mall.wallet.models import LedgerAccount
from tests import factories
from tests.api.wallet.scene import adjust, finance
from tests.operations import contract

LEDGER_CHECK = contract("LedgerCheck")
TRIAL_BALANCE = contract("TrialBalance")


async def test_an_empty_ledger_checks_clean_and_has_an_empty_trial_balance(api):
    staff = await finance()

    check = await api(LEDGER_CHECK, token=staff.access_token)
    trial = await api(TRIAL_BALANCE, token=staff.access_token)

    assert check.data == {"ledgerCheck": {"ok": True, "entriesChecked": 0, "accountsChecked": 0, "problems": []}}
    assert trial.data == {"ledgerTrialBalance": []}


async def test_the_trial_balance_adds_customers_up_per_asset_and_lists_system_accounts(api):
    staff = await finance()
    first, second = await factories.customer(), await factories.customer()
    await adjust(api, staff, first, "100.00")
    await adjust(api, staff, first, "-30.00")
    await adjust(api, staff, second, "5.55")
    await adjust(api, staff, second, "2", asset="REBATE_CREDIT")
    await adjust(api, staff, first, "120", asset="POINTS")
    await adjust(api, staff, first, "-20", asset="POINTS")

    check = (await api(LEDGER_CHECK, token=staff.access_token)).data["ledgerCheck"]
    trial = (await api(TRIAL_BALANCE, token=staff.access_token)).data["ledgerTrialBalance"]

    assert check == {"ok": True, "entriesChecked": 6, "accountsChecked": 6, "problems": []}
    assert trial == [
        {"account": "customers:BALANCE", "asset": "CNY", "debit": "30.00", "credit": "105.55", "balance": "75.55"},
        {"account": "customers:REBATE_CREDIT", "asset": "CNY", "debit": "0.00", "credit": "2.00", "balance": "2.00"},
        {"account": "system:ADJUSTMENTS", "asset": "CNY", "debit": "107.55", "credit": "30.00", "balance": "-77.55"},
        {"account": "customers:POINTS", "asset": "POINTS", "debit": "20", "credit": "120", "balance": "100"},
        {"account": "system:POINTS_ADJUSTMENTS", "asset": "POINTS", "debit": "120", "credit": "20", "balance": "-100"},
    ]


@pytest.mark.tampers_ledger
async def test_ledger_check_reports_what_is_wrong(api):
    staff = await finance()
    buyer = await factories.customer()
    await adjust(api, staff, buyer, "10.00")
    # Behind the ledger's back: no Mall code writes cached totals but ledger.post.
    await LedgerAccount.filter(account_key="system:ADJUSTMENTS").update(balance_minor=-999, debit_minor=999)

    check = (await api(LEDGER_CHECK, token=staff.access_token)).data["ledgerCheck"]

    assert check == {"ok": False, "entriesChecked": 1, "accountsChecked": 2, "problems": [
        "account system:ADJUSTMENTS: cached balance -999 (debits 999, credits 0), its postings sum to -1000 "
        "(debits 1000, credits 0)",
    ]}


@pytest.mark.parametrize(("who", "code"), [
    ("anonymous", "UNAUTHENTICATED"), ("customer", "FORBIDDEN"), ("other staff", "FORBIDDEN"),
])
@pytest.mark.parametrize("operation", ["LedgerCheck", "TrialBalance"])
async def test_only_staff_managing_finance_see_the_ledger_reports(api, operation, who, code):
    token = {
        "anonymous": None,
        "customer": (await factories.customer()).access_token,
        "other staff": (await factories.staff(*(p for p in Permission if p is not Permission.MANAGE_FINANCE))).access_token,
    }[who]

    result = await api(contract(operation), token=token)

    assert result.error_codes == [code]
    assert result.body["data"] == {"ledgerCheck" if operation == "LedgerCheck" else "ledgerTrialBalance": None}
