"""Scalars of DESIGN §4: Decimal as a string, DateTime with offset, Date, JSON.

Parsing errors raised here surface as request errors (bad variables) with
the message given, never as a masked bug.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
from typing import Any, NewType

import strawberry

from mall.core.clock import clock
from mall.core.money import MoneyFormatError, parse_decimal


def _parse_decimal(value: object) -> decimal.Decimal:
    if isinstance(value, bool) or isinstance(value, float):
        raise ValueError("Decimal values are strings such as \"12.50\", never floats")
    if not isinstance(value, str | int):
        raise ValueError("Decimal values are strings such as \"12.50\"")
    if isinstance(value, str) and len(value) > 40:
        raise ValueError("Decimal value too long")
    try:
        return parse_decimal(value)
    except MoneyFormatError as exc:
        raise ValueError(str(exc)) from exc


Decimal = NewType("Decimal", decimal.Decimal)
DateTime = NewType("DateTime", dt.datetime)
Date = NewType("Date", dt.date)
JSON = NewType("JSON", object)

_DECIMAL = strawberry.scalar(
    name="Decimal",
    description=(
        "An exact decimal number as a string, e.g. \"12.50\". Money comes out with two "
        "places, rates and shares with up to four. Input accepts any number of places."
    ),
    serialize=str,
    parse_value=_parse_decimal,
)


def _serialize_datetime(value: dt.datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("naive datetime cannot be serialised")
    return clock.local(value).isoformat()


def _parse_datetime(value: object) -> dt.datetime:
    if not isinstance(value, str):
        raise ValueError("DateTime values are ISO-8601 strings with an offset")
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"{value!r} is not an ISO-8601 date-time") from exc
    if parsed.tzinfo is None:
        raise ValueError("DateTime values need an offset, e.g. 2026-11-25T10:00:00+08:00")
    return parsed.astimezone(dt.UTC)


_DATETIME = strawberry.scalar(
    name="DateTime",
    description="An ISO-8601 date-time with offset, shown in the shop's time zone.",
    serialize=_serialize_datetime,
    parse_value=_parse_datetime,
)


def _parse_date(value: object) -> dt.date:
    if not isinstance(value, str):
        raise ValueError("Date values are strings YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)") from exc


_DATE = strawberry.scalar(
    name="Date",
    description="A calendar date, YYYY-MM-DD, in the shop's time zone (MALL_TIME_ZONE).",
    serialize=lambda value: value.isoformat(),
    parse_value=_parse_date,
)


def _parse_json(value: object) -> Any:
    json.dumps(value)  # only plain JSON values
    return value


_JSON = strawberry.scalar(
    name="JSON",
    description="Any JSON value (provider client parameters, audit values).",
    serialize=lambda value: value,
    parse_value=_parse_json,
)

SCALAR_MAP = {Decimal: _DECIMAL, DateTime: _DATETIME, Date: _DATE, JSON: _JSON}
