"""The frontends' contract operations (tests/contract/*.graphql), ready to send.

`contract("Me")` is the operation named Me with the fragments it uses, so a test
sends exactly what the storefront or admin console sends. A test that needs
other fields writes its own query text instead.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from graphql import (
    DocumentNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    OperationDefinitionNode,
    Visitor,
    parse,
    print_ast,
    visit,
)

CONTRACT = Path(__file__).resolve().parent / "contract"


def operation_document(document: DocumentNode, name: str) -> DocumentNode:
    """The operation `name` of `document` with the fragments it uses, transitively."""
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


@cache
def _contract() -> dict[str, DocumentNode]:
    """Every named operation of the contract files, each file parsed once: name -> the file's document."""
    documents: dict[str, DocumentNode] = {}
    for path in sorted(CONTRACT.glob("*.graphql")):
        document = parse(path.read_text(encoding="utf-8"))
        for definition in document.definitions:
            if isinstance(definition, OperationDefinitionNode) and definition.name:
                name = definition.name.value
                if name in documents:
                    raise ValueError(f"operation {name!r} is defined more than once in {CONTRACT}")
                documents[name] = document
    return documents


def contract_names() -> list[str]:
    """Every operation name of the contract, sorted."""
    return sorted(_contract())


@cache
def contract_document(name: str) -> DocumentNode:
    """The contract operation `name` with the fragments it uses."""
    documents = _contract()
    if name not in documents:
        raise KeyError(f"no operation named {name!r} in {CONTRACT}/*.graphql (known: {', '.join(sorted(documents))})")
    return operation_document(documents[name], name)


@cache
def contract(name: str) -> str:
    """The contract operation `name` with the fragments it uses, as query text to send."""
    return print_ast(contract_document(name))
