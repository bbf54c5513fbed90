"""Cleaning what people type into a text field: trimmed, bounded, no control characters."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from mall.core.errors import ErrorCode, InvalidInput, Problem


def clean(
    value: str | None, *, field: str | Sequence[str], max_length: int, required: bool = True, multiline: bool = False
) -> str:
    """The trimmed text; ``InvalidInput`` at ``field`` when missing, too long or holding
    control characters (line breaks and tabs allowed when ``multiline``)."""
    path = (field,) if isinstance(field, str) else tuple(field)
    text = (value or "").strip()
    if required and not text:
        raise InvalidInput([Problem(ErrorCode.REQUIRED, "This field is required.", path)])
    if len(text) > max_length:
        raise InvalidInput([Problem(ErrorCode.INVALID, f"Use at most {max_length} characters.", path)])
    allowed = "\n\t" if multiline else ""
    if any(unicodedata.category(c) == "Cc" and c not in allowed for c in text):
        raise InvalidInput([Problem(ErrorCode.INVALID, "Control characters are not allowed.", path)])
    return text
