"""Checking what staff type into the catalog: slugs, texts, images, name/value pairs, prices."""

from __future__ import annotations

import re
import secrets
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from urllib.parse import urlparse

from mall.core.errors import ErrorCode, InvalidInput, Problem
from mall.core.money import MoneyFormatError, decimal_to_minor
from mall.core.text import clean

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_IMAGES = 20
MAX_PAIRS = 50
MAX_STOCK = 1_000_000_000


def fail(field: str | Sequence[str], message: str, code: ErrorCode = ErrorCode.INVALID) -> InvalidInput:
    return InvalidInput([Problem(code, message, _path(field))])


Path = str | Sequence[str]


def text(value: str | None, *, field: Path, max_length: int, required: bool = True) -> str:
    """Catalog text may span lines (descriptions)."""
    return clean(value, field=field, max_length=max_length, required=required, multiline=True)


def slug(value: str | None, *, field: str = "slug", fallback_from: str = "", max_length: int = 160) -> str:
    """A given slug must be lower-case words joined by hyphens; none given: made from the title."""
    if value is None or not value.strip():
        words = re.findall(r"[a-z0-9]+", unicodedata.normalize("NFKC", fallback_from).lower())
        base = "-".join(words)[: max_length - 9].strip("-")
        # Chinese titles have no Latin words: a short random suffix keeps it unique-ish.
        return f"{base}-{secrets.token_hex(4)}" if base else f"p-{secrets.token_hex(6)}"
    cleaned = value.strip()
    if len(cleaned) > max_length or not SLUG.fullmatch(cleaned):
        raise fail(field, "A slug is lower-case letters and digits joined by single hyphens, e.g. red-tea-250g.")
    return cleaned


def money(value: Decimal, *, field: Path) -> int:
    """A price in minor units: not negative, whole fen."""
    try:
        minor = decimal_to_minor(value)
    except MoneyFormatError as exc:
        raise fail(field, f"{exc}.") from exc
    if minor < 0:
        raise fail(field, "Must not be negative.")
    return minor


def stock(value: int, *, field: Path) -> int:
    if value < 0 or value > MAX_STOCK:
        raise fail(field, f"Stock is between 0 and {MAX_STOCK}.")
    return value


def pairs(values: Sequence[tuple[str, str]], *, field: Path, max_length: int = 100) -> list[dict[str, str]]:
    """Name/value pairs (attributes, options): both parts required, names unique."""
    if len(values) > MAX_PAIRS:
        raise fail(field, f"At most {MAX_PAIRS} entries.")
    result: list[dict[str, str]] = []
    names: set[str] = set()
    base = _path(field)
    for index, (name, value) in enumerate(values):
        clean_name = text(name, field=(*base, str(index), "name"), max_length=max_length)
        clean_value = text(value, field=(*base, str(index), "value"), max_length=500)
        if clean_name.lower() in names:
            raise fail((*base, str(index), "name"), f"{clean_name!r} appears twice.")
        names.add(clean_name.lower())
        result.append({"name": clean_name, "value": clean_value})
    return result


def images(values: Sequence[tuple[str, str]], *, field: Path = "images") -> list[dict[str, str]]:
    if len(values) > MAX_IMAGES:
        raise fail(field, f"At most {MAX_IMAGES} images.")
    result = []
    base = _path(field)
    for index, (url, alt) in enumerate(values):
        clean_url = text(url, field=(*base, str(index), "url"), max_length=1000)
        parsed = urlparse(clean_url)
        if parsed.scheme not in ("https", "http") or not parsed.netloc:
            raise fail((*base, str(index), "url"), "An image URL starts with https:// (or http://).")
        alt_text = text(alt, field=(*base, str(index), "alt"), max_length=200, required=False)
        result.append({"url": clean_url, "alt": alt_text})
    return result


def _path(field: Path) -> tuple[str, ...]:
    return (field,) if isinstance(field, str) else tuple(field)
