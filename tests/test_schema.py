"""The exported schema and the frontends' contract (../shared/contract, copied to tests/contract)."""

from __future__ import annotations

from pathlib import Path

import pytest
from graphql import (
    DocumentNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    OperationDefinitionNode,
    build_schema,
    parse,
    validate,
    visit,
    Visitor,
)

from mall.graphql.schema import schema_sdl

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = Path(__file__).resolve().parent / "contract"

# Operations of the contract this codebase serves so far; each issue adds its own.
IMPLEMENTED = {
    "storefront.graphql": [
        "Register", "Login", "Refresh", "Logout", "Me", "AddressCreate", "AddressUpdate", "AddressDelete",
        "PasswordChange", "PaymentPasswordSet", "WechatBind", "AccountDelete", "ShopSettings",
    ],
    "admin.graphql": ["Customers", "CustomerUpdate", "StaffCreate", "StaffUpdate", "Staff", "AuditLog", "SandboxClockSet"],
}


def test_schema_graphql_matches_the_code():
    assert (ROOT / "schema.graphql").read_text(encoding="utf-8") == schema_sdl(), (
        "schema.graphql is stale: run `mall export-schema --output schema.graphql`"
    )


def _operation_document(document: DocumentNode, name: str) -> DocumentNode:
    """The named operation with the fragments it uses, transitively."""
    operations = {d.name.value: d for d in document.definitions if isinstance(d, OperationDefinitionNode) and d.name}
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    needed: dict[str, FragmentDefinitionNode] = {}

    class Spreads(Visitor):
        def enter_fragment_spread(self, node: FragmentSpreadNode, *_: object) -> None:
            if node.name.value not in needed:
                needed[node.name.value] = fragments[node.name.value]
                visit(fragments[node.name.value], Spreads())

    visit(operations[name], Spreads())
    return DocumentNode(definitions=(operations[name], *needed.values()))


CASES = [(file, name) for file, names in IMPLEMENTED.items() for name in names]


@pytest.mark.parametrize(("file", "operation"), CASES)
def test_contract_operation_validates_against_schema_graphql(file, operation):
    schema = build_schema((ROOT / "schema.graphql").read_text(encoding="utf-8"))
    document = parse((CONTRACT / file).read_text(encoding="utf-8"))

    errors = validate(schema, _operation_document(document, operation))

    assert [e.message for e in errors] == []


def test_contract_copy_is_current():
    shared = ROOT.parent / "shared" / "contract"
    if not shared.exists():
        pytest.skip("../shared/contract is not beside this checkout")
    for file in IMPLEMENTED:
        assert (CONTRACT / file).read_text(encoding="utf-8") == (shared / file).read_text(encoding="utf-8"), file
