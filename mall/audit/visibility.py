"""Which recorded values a reader of the audit log may see.

Reading the log needs MANAGE_STAFF, but some values recorded in it are
secret beyond that: a variant's cost price and on-hand stock are shown to
staff holding MANAGE_PRODUCTS only, on the variant and in its audit records
alike. A field listed here is left out of a record's old and new values
unless the reader holds its permission.
"""

from __future__ import annotations

from typing import Any

from mall.core.actors import Actor, Permission

# Target kind (the part of ``target`` before ":") → recorded field → permission needed to see it.
RESTRICTED_FIELDS: dict[str, dict[str, Permission]] = {
    "ProductVariant": {
        "cost_minor": Permission.MANAGE_PRODUCTS,  # variant.update
        "stock": Permission.MANAGE_PRODUCTS,  # variant.create: the on-hand stock it starts with
        "onHand": Permission.MANAGE_PRODUCTS,  # stock.adjust
    },
}


def visible_values(values: dict[str, Any] | None, *, target: str, reader: Actor) -> dict[str, Any] | None:
    """``values`` (a record's old or new values) without the fields ``reader`` may not see."""
    restricted = RESTRICTED_FIELDS.get(target.partition(":")[0], {})
    hidden = {name for name, permission in restricted.items() if not reader.has(permission)}
    if values is None or not hidden:
        return values
    return {name: value for name, value in values.items() if name not in hidden}
