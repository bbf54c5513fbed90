"""Normalising and checking what people type: emails, mobiles, addresses."""

from __future__ import annotations

import re
import unicodedata

from email_validator import EmailNotValidError, validate_email

from mall.core import text
from mall.core.errors import InvalidInput

# Mainland China mobile numbers: 11 ASCII digits starting 13–19; +86/0086 accepted.
# ``\d`` would match any Unicode digit (Arabic-Indic, Devanagari, …): one phone, many spellings.
_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_PHONE = re.compile(r"[0-9\-+ ()]{5,20}")
_POSTAL_CODE = re.compile(r"[0-9]{6}")


def normalize_email(value: str, *, field: str = "email") -> str:
    try:
        result = validate_email(value.strip(), check_deliverability=False)
    except EmailNotValidError as exc:
        raise InvalidInput.one(field, f"Not a valid email address: {exc}") from exc
    return result.normalized.lower()


def normalize_mobile(value: str, *, field: str = "mobile") -> str:
    """The 11 ASCII digits; NFKC first, so full-width digits (１３８…) are the same number."""
    digits = re.sub(r"[\s\-]", "", unicodedata.normalize("NFKC", value))
    for prefix in ("+86", "0086"):
        digits = digits.removeprefix(prefix)
    if not _MOBILE.fullmatch(digits):
        raise InvalidInput.one(field, "Not a valid mainland China mobile number (11 digits, 1[3-9]…).")
    return digits


def normalize_login(login: str) -> str | None:
    """An email or mobile as stored, or None if it is neither (for lookups)."""
    login = login.strip()
    try:
        return normalize_email(login) if "@" in login else normalize_mobile(login)
    except InvalidInput:
        return None


def clean_text(value: str | None, *, field: str, max_length: int, required: bool) -> str:
    """One line of text (names, address parts, reasons)."""
    return text.clean(value, field=field, max_length=max_length, required=required)


def check_phone(value: str, *, field: str = "phone") -> str:
    """A phone number for deliveries: ASCII digits after NFKC (full-width １３９ is 139)."""
    phone = unicodedata.normalize("NFKC", clean_text(value, field=field, max_length=20, required=True))
    if not _PHONE.fullmatch(phone) or sum(c in "0123456789" for c in phone) < 5:
        raise InvalidInput.one(field, "Not a valid phone number.")
    return phone


def check_postal_code(value: str | None, *, field: str = "postalCode") -> str:
    code = unicodedata.normalize("NFKC", (value or "").strip())
    if code and not _POSTAL_CODE.fullmatch(code):
        raise InvalidInput.one(field, "A postal code is six digits.")
    return code
