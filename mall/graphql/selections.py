"""How much work validating a document may take, measured before validating it.

graphql-core's ``OverlappingFieldsCanBeMergedRule`` compares, in every
selection set, each pair of fields sharing a response name and each pair of
fragments spread there: a few hundred repeats of ``product(slug: "aN") { id }``
(well inside the token limit) cost seconds of CPU on the event loop. One
linear walk of the parsed document counts its selections (fragments as often
as they are spread, each fragment's size computed once) and those pairs, so a
document that would make the rule expensive is refused before it runs.

Documents the frontends send repeat a response name in one selection set
only where fragments meet (a handful of pairs); the bound on pairs is
therefore a constant, the bound on selections a setting.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from graphql import (
    DocumentNode,
    ExecutableDefinitionNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    SelectionSetNode,
)

# Pairs of same-named fields or fragments compared in one document; beyond
# this the overlapping-fields check (about 10 µs a pair) is refused.
MAX_REPEATED_PAIRS = 100


@dataclass(frozen=True)
class SelectionWork:
    # Fields, inline fragments and fragment spreads; a fragment's counted where it
    # is defined and again wherever it is spread (the check compares it there).
    selections: int
    repeated_pairs: int  # same-named field pairs and distinct fragment pairs, per selection set


@dataclass
class _Definition:
    own: int = 0  # selections written in the definition itself
    spreads: list[str] = field(default_factory=list)  # fragments it spreads, with repeats


def _walk(selection_set: SelectionSetNode, definition: _Definition) -> int:
    """Count ``definition``'s selections and spreads; return the repeated pairs in its sets."""
    pairs = 0
    pending = [selection_set]
    while pending:
        names: Counter[str] = Counter()
        spreads: set[str] = set()
        # An inline fragment's fields merge into the enclosing set's fields.
        merged = [pending.pop()]
        while merged:
            for selection in merged.pop().selections:
                definition.own += 1
                if isinstance(selection, FieldNode):
                    names[(selection.alias or selection.name).value] += 1
                    if selection.selection_set is not None:
                        pending.append(selection.selection_set)
                elif isinstance(selection, InlineFragmentNode):
                    merged.append(selection.selection_set)
                elif isinstance(selection, FragmentSpreadNode):
                    spreads.add(selection.name.value)
                    definition.spreads.append(selection.name.value)
        pairs += sum(count * (count - 1) // 2 for count in names.values())
        pairs += len(spreads) * (len(spreads) - 1) // 2
    return pairs


def _expanded(fragments: dict[str, _Definition]) -> dict[str, int]:
    """Each fragment's selections with the fragments it spreads inlined, each computed once."""
    sizes: dict[str, int] = {}
    for root in fragments:
        stack = [(root, False)]
        while stack:
            name, children_done = stack.pop()
            if children_done:
                sizes[name] = fragments[name].own + sum(sizes.get(s, 0) for s in fragments[name].spreads)
            elif name not in sizes:
                sizes[name] = 0  # a cycle counts nothing (validation refuses it)
                stack.append((name, True))
                stack.extend((s, False) for s in fragments[name].spreads if s in fragments and s not in sizes)
    return sizes


def measure(document: DocumentNode) -> SelectionWork:
    """Count selections and repeated pairs in one pass over the document's nodes."""
    operations: list[_Definition] = []
    fragments: dict[str, _Definition] = {}
    pairs = 0
    for node in document.definitions:
        if isinstance(node, ExecutableDefinitionNode):
            definition = _Definition()
            pairs += _walk(node.selection_set, definition)
            if isinstance(node, FragmentDefinitionNode):
                fragments[node.name.value] = definition
            else:
                operations.append(definition)
    sizes = _expanded(fragments)
    selections = sum(d.own for d in fragments.values())
    selections += sum(d.own + sum(sizes.get(s, 0) for s in d.spreads) for d in operations)
    return SelectionWork(selections, pairs)


def too_much(work: SelectionWork, max_selections: int) -> str | None:
    """Why validating a document this size is refused, or None."""
    if work.selections > max_selections:
        return f"Documents may hold at most {max_selections} selections; this one holds {work.selections}."
    if work.repeated_pairs > MAX_REPEATED_PAIRS:
        return "This document repeats the same fields or fragments in one selection too often; merge them."
    return None

