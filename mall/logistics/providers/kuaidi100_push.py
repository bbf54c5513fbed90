"""Kuaidi100's push format: a form with ``param`` (JSON) and ``sign = upper(MD5(param + salt))``.

Shared by the sandbox provider (which seals pushes) and a real Kuaidi100
provider (which only opens them). Each push is a snapshot of the parcel:
``lastResult`` has the carrier (``com``), the number (``nu``), the state
(``state``) and the scans (``data``, newest first, times in China time).
The signature is compared in constant time before ``param`` is parsed. MD5
is what Kuaidi100 specifies; the salt is the secret that makes it a MAC.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import parse_qs, urlencode
from zoneinfo import ZoneInfo

from mall.logistics.carriers import CARRIERS, by_kuaidi100
from mall.logistics.errors import PushMalformed, PushSignatureInvalid
from mall.logistics.providers.base import PushAnswer, TrackingEvent, TrackingState, TrackingUpdate

FORM = "application/x-www-form-urlencoded"
CHINA_TIME = ZoneInfo("Asia/Shanghai")  # Kuaidi100's times carry no offset
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"
MAX_EVENTS = 500
MAX_DESCRIPTION = 500
MAX_NUMBER = 64

# lastResult.state: 0 in transit, 1 collected, 2 problem, 3 signed, 4 returned and signed by
# the sender, 5 delivering, 6 returning, 14 refused. Finer codes (resultv2: 301, 501, …) keep
# their state in the hundreds. Any other state is EXCEPTION: a person should look.
STATES = {
    0: TrackingState.IN_TRANSIT, 1: TrackingState.IN_TRANSIT, 2: TrackingState.EXCEPTION,
    3: TrackingState.DELIVERED, 4: TrackingState.RETURNED, 5: TrackingState.IN_TRANSIT,
    6: TrackingState.RETURNED, 14: TrackingState.EXCEPTION,
}
CODES = {
    TrackingState.IN_TRANSIT: 0, TrackingState.EXCEPTION: 2, TrackingState.DELIVERED: 3, TrackingState.RETURNED: 6,
}


def state_of(code: int) -> TrackingState:
    """Our state for a Kuaidi100 state code (``3`` or its finer ``301``)."""
    if code >= 100:
        code //= 100
    return STATES.get(code, TrackingState.EXCEPTION)


def sign(param: str, salt: str) -> str:
    """``upper(MD5(param + salt))``, as Kuaidi100 signs a push."""
    return hashlib.md5((param + salt).encode(), usedforsecurity=False).hexdigest().upper()


def seal(*, carrier: str, tracking_number: str, events: Sequence[TrackingEvent], salt: str) -> bytes:
    """The form body Kuaidi100 would post for a parcel whose scans are ``events`` (any order)."""
    newest_first = sorted(events, key=lambda event: event.at, reverse=True)
    param = json.dumps({
        "status": "polling", "message": "",
        "lastResult": {
            "message": "ok", "status": "200", "ischeck": "1" if newest_first[0].state is TrackingState.DELIVERED else "0",
            "com": CARRIERS[carrier].kuaidi100, "nu": tracking_number, "state": str(CODES[newest_first[0].state]),
            "data": [
                {
                    "context": event.description, "time": event.at.astimezone(CHINA_TIME).strftime(TIME_FORMAT),
                    "statusCode": str(CODES[event.state]),
                }
                for event in newest_first
            ],
        },
    }, ensure_ascii=False, separators=(",", ":"))
    return urlencode({"param": param, "sign": sign(param, salt)}).encode()


def open_push(headers: Mapping[str, str], body: bytes, salt: str) -> TrackingUpdate:
    """Verify a push's sign, then parse its ``param``; ``PushRejected`` when either fails."""
    param, signature = _form(headers, body)
    if not hmac.compare_digest(signature.upper().encode(), sign(param, salt).encode()):
        raise PushSignatureInvalid("The sign does not match the param.")
    try:
        return _update(json.loads(param)["lastResult"])
    except (ValueError, KeyError, TypeError) as exc:  # JSONDecodeError is a ValueError
        raise PushMalformed("The param is not a Kuaidi100 push.") from exc


def acknowledged() -> PushAnswer:
    return _answer(200, result=True, code="200", message="成功")


def refused(reason: str, *, status: int) -> PushAnswer:
    return _answer(status, result=False, code=str(status), message=reason)


def _answer(status: int, *, result: bool, code: str, message: str) -> PushAnswer:
    body = json.dumps({"result": result, "returnCode": code, "message": message}, ensure_ascii=False)
    return PushAnswer(status=status, content_type="application/json; charset=utf-8", body=body.encode())


def _form(headers: Mapping[str, str], body: bytes) -> tuple[str, str]:
    if headers.get("content-type", "").split(";")[0].strip().lower() != FORM:
        raise PushMalformed(f"A push is a {FORM} form.")
    try:
        fields = parse_qs(body.decode(), keep_blank_values=True, strict_parsing=True, max_num_fields=10)
    except (UnicodeDecodeError, ValueError) as exc:
        raise PushMalformed("The body is not a form.") from exc
    param, signature = fields.get("param", []), fields.get("sign", [])
    if len(param) != 1 or len(signature) != 1:
        raise PushMalformed("A push has one param and one sign.")
    return param[0], signature[0]


def _update(last: dict[str, Any]) -> TrackingUpdate:
    carrier = by_kuaidi100(last["com"])
    if carrier is None:
        raise PushMalformed(f"Unknown carrier {str(last['com'])[:20]!r}.")
    number = last["nu"]
    if not isinstance(number, str) or not 0 < len(number) <= MAX_NUMBER:
        raise PushMalformed("The tracking number is missing or too long.")
    scans = last["data"]
    if not isinstance(scans, list) or not 0 < len(scans) <= MAX_EVENTS:
        raise PushMalformed(f"A push has 1 to {MAX_EVENTS} scans.")
    state = state_of(int(last["state"]))
    # Scans come newest first; a scan without its own code takes the parcel's state if newest.
    events = tuple(
        _event(scan, state if position == 0 else TrackingState.IN_TRANSIT) for position, scan in enumerate(scans)
    )
    return TrackingUpdate(
        carrier=carrier.code, tracking_number=number, state=state, events=tuple(sorted(reversed(events), key=lambda e: e.at))
    )


def _event(scan: dict[str, Any], default: TrackingState) -> TrackingEvent:
    at = dt.datetime.strptime(scan["time"], TIME_FORMAT).replace(tzinfo=CHINA_TIME)
    code = scan.get("statusCode")
    description = scan.get("context", "")
    if not isinstance(description, str):
        raise TypeError("context is not text")
    return TrackingEvent(
        at=at, state=state_of(int(code)) if code not in (None, "") else default, description=description[:MAX_DESCRIPTION]
    )
