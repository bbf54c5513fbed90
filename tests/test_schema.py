"""The exported schema and the frontends' contract (../shared/contract, copied to tests/contract)."""

from __future__ import annotations

from pathlib import Path

import pytest
from graphql import build_schema, validate

from mall.graphql.schema import schema_sdl
from tests.operations import CONTRACT, contract_document

ROOT = Path(__file__).resolve().parent.parent

# Operations of the contract this codebase serves so far; each issue adds its own.
IMPLEMENTED = {
    "storefront.graphql": [
        "Register", "Login", "Refresh", "Logout", "Me", "AddressCreate", "AddressUpdate", "AddressDelete",
        "PasswordChange", "PaymentPasswordSet", "WechatBind", "AccountDelete", "ShopSettings",
        "Products", "ProductDetail", "Categories",
        "CartView", "CartLinesAdd", "CartLinesUpdate", "CartLinesRemove", "CartClear",
        "OrderPreview", "OrderCreate", "NodeLookup", "OrderPay", "OrderCancel", "OrderReceiptConfirm", "MyOrders",
        "MyOrder", "AfterSaleCreate", "AfterSaleShipBack", "AfterSaleCancel", "MyAfterSales",
        "WalletView", "MyRebates",
    ],
    "admin.graphql": [
        "CategoryCreate", "ProductCreate", "ProductUpdate", "VariantCreate", "VariantUpdate", "StockAdjust",
        "AdminProducts", "Customers", "CustomerUpdate", "StaffCreate", "StaffUpdate", "Staff", "AuditLog", "SandboxClockSet",
        "AdminOrders", "OrderShip", "SandboxPaymentSimulate", "SandboxTrackingPush",
        "AdminAfterSales", "AfterSaleApprove", "AfterSaleReject", "AfterSaleReceive", "AfterSaleExchangeShip",
        "AfterSaleRefund", "WalletAdjust", "LedgerCheck", "TrialBalance", "RebateSwitchesSet", "RebateLiability",
        "Reports"],
}


def test_schema_graphql_matches_the_code():
    assert (ROOT / "schema.graphql").read_text(encoding="utf-8") == schema_sdl(), (
        "schema.graphql is stale: run `mall export-schema --output schema.graphql`"
    )


CASES = [name for names in IMPLEMENTED.values() for name in names]


@pytest.mark.parametrize("operation", CASES)
def test_contract_operation_validates_against_schema_graphql(operation):
    schema = build_schema((ROOT / "schema.graphql").read_text(encoding="utf-8"))

    errors = validate(schema, contract_document(operation))

    assert [e.message for e in errors] == []


def test_contract_copy_is_current():
    shared = ROOT.parent / "shared" / "contract"
    if not shared.exists():
        pytest.skip("../shared/contract is not beside this checkout")
    for file in IMPLEMENTED:
        assert (CONTRACT / file).read_text(encoding="utf-8") == (shared / file).read_text(encoding="utf-8"), file
