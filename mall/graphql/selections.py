"""How much work validating a document may take, measured before validating it.

graphql-core's ``OverlappingFieldsCanBeMergedRule`` compares, in every
selection set, each pair of fields sharing a response name and each pair of
fragments spread there: a few hundred repeats of ``product(slug: "aN") { id }``
(well inside the token limit) cost seconds of CPU on the event loop. One
linear walk of the parsed document counts its selections and those pairs, so
a document that would make the rule expensive is refused before it runs.

Documents the frontends send repeat a response name in one selection set
only where fragments meet (a handful of pairs); the bound on pairs is
therefore a constant, the bound on selections a setting.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from graphql import (
    DocumentNode,
    ExecutableDefinitionNode,
    FieldNode,
    FragmentSpreadNode,
    InlineFragmentNode,
)

# Pairs of same-named fields or fragments compared in one document; beyond
# this the overlapping-fields check (about 10 µs a pair) is refused.
MAX_REPEATED_PAIRS = 100


@dataclass(frozen=True)
class SelectionWork:
    selections: int  # fields, inline fragments and fragment spreads, fragments counted where defined
    repeated_pairs: int  # same-named field pairs and distinct fragment pairs, per selection set


def measure(document: DocumentNode) -> SelectionWork:
    """Count selections and repeated pairs in one pass over the document's nodes."""
    selections = 0
    pairs = 0
    pending = [d.selection_set for d in document.definitions if isinstance(d, ExecutableDefinitionNode)]
    while pending:
        names: Counter[str] = Counter()
        spreads: set[str] = set()
        # An inline fragment's fields merge into the enclosing set's fields.
        merged = [pending.pop()]
        while merged:
            for selection in merged.pop().selections:
                selections += 1
                if isinstance(selection, FieldNode):
                    names[(selection.alias or selection.name).value] += 1
                    if selection.selection_set is not None:
                        pending.append(selection.selection_set)
                elif isinstance(selection, InlineFragmentNode):
                    merged.append(selection.selection_set)
                elif isinstance(selection, FragmentSpreadNode):
                    spreads.add(selection.name.value)
        pairs += sum(count * (count - 1) // 2 for count in names.values())
        pairs += len(spreads) * (len(spreads) - 1) // 2
    return SelectionWork(selections, pairs)


def too_much(work: SelectionWork, max_selections: int) -> str | None:
    """Why validating a document this size is refused, or None."""
    if work.selections > max_selections:
        return f"Documents may hold at most {max_selections} selections; this one holds {work.selections}."
    if work.repeated_pairs > MAX_REPEATED_PAIRS:
        return "This document repeats the same fields or fragments in one selection too often; merge them."
    return None

