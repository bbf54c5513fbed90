"""Looking ahead in the query: does the client select a field below this one?

Root resolvers use it to fetch, in one query, what every item of a page
will show (a page's variants), so nested fields resolve without an await
per item — the same statements as a dataloader, less work per field.
"""

from __future__ import annotations

from collections.abc import Iterable

from strawberry.types.nodes import SelectedField, Selection

from mall.graphql.context import Info


def _fields(selections: Iterable[Selection]) -> list[SelectedField]:
    """The fields at this level, with fragments (spread or inline) opened."""
    fields: list[SelectedField] = []
    for selection in selections:
        if isinstance(selection, SelectedField):
            fields.append(selection)
        else:
            fields.extend(_fields(selection.selections))
    return fields


def selects(info: Info, *path: str) -> bool:
    """Whether the current field's selection reaches ``path`` (GraphQL names), e.g.
    ``selects(info, "edges", "node", "variants")``. Directives are not evaluated:
    a skipped field still counts, which costs at most an unneeded query."""
    level: list[Selection] = [s for field in info.selected_fields for s in field.selections]
    for name in path:
        matching = [field for field in _fields(level) if field.name == name]
        if not matching:
            return False
        level = [s for field in matching for s in field.selections]
    return True
