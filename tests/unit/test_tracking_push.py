"""Kuaidi100's push format: the signature, the state mapping, and what is refused before parsing."""

from __future__ import annotations

import datetime as dt
import json
from urllib.parse import parse_qs, urlencode

import pytest

from mall.logistics.errors import PushMalformed, PushSignatureInvalid
from mall.logistics.providers import kuaidi100_push
from mall.logistics.providers.base import TrackingEvent, TrackingState, TrackingUpdate
from mall.logistics.providers.sandbox import SandboxTrackingProvider, derive_salt

FORM = {"content-type": "application/x-www-form-urlencoded"}
SALT = "0123456789abcdef"
AT = dt.datetime(2026, 11, 20, 9, 30, 15, tzinfo=dt.UTC)


def form_of(body: bytes) -> dict[str, str]:
    return {name: values[0] for name, values in parse_qs(body.decode()).items()}


def push(param: str, *, sign: str | None = None) -> bytes:
    return urlencode({"param": param, "sign": kuaidi100_push.sign(param, SALT) if sign is None else sign}).encode()


def test_the_sign_is_the_upper_case_md5_of_param_and_salt():
    assert kuaidi100_push.sign('{"a":1}', "salt") == "B218F90555A22945EC35A666B2C7B040"


@pytest.mark.parametrize(("code", "state"), [
    (0, TrackingState.IN_TRANSIT), (1, TrackingState.IN_TRANSIT), (2, TrackingState.EXCEPTION),
    (3, TrackingState.DELIVERED), (4, TrackingState.RETURNED), (5, TrackingState.IN_TRANSIT),
    (6, TrackingState.RETURNED), (14, TrackingState.EXCEPTION), (301, TrackingState.DELIVERED),
    (501, TrackingState.IN_TRANSIT), (1401, TrackingState.EXCEPTION), (9, TrackingState.EXCEPTION),
])
def test_kuaidi100_states_map_onto_ours(code, state):
    assert kuaidi100_push.state_of(code) is state


def test_a_sealed_push_opens_to_its_update_oldest_scan_first():
    events = [TrackingEvent(at=AT + dt.timedelta(days=1), state=TrackingState.DELIVERED, description="已签收"),
              TrackingEvent(at=AT, state=TrackingState.IN_TRANSIT, description="已揽收")]

    body = kuaidi100_push.seal(carrier="YTO", tracking_number="YT123456", events=events, salt=SALT)
    update = kuaidi100_push.open_push(FORM, body, SALT)

    assert update == TrackingUpdate(carrier="YTO", tracking_number="YT123456", state=TrackingState.DELIVERED,
                                    events=(events[1], events[0]))
    last = json.loads(form_of(body)["param"])["lastResult"]
    assert (last["com"], last["state"], last["data"][0]["time"]) == ("yuantong", "3", "2026-11-21 17:30:15")


def test_scans_without_their_own_code_take_the_parcels_state_when_newest():
    param = json.dumps({"lastResult": {"com": "shunfeng", "nu": "SF1", "state": "3", "data": [
        {"context": "签收", "time": "2026-11-21 10:00:00"}, {"context": "揽收", "time": "2026-11-20 10:00:00"}]}})

    update = kuaidi100_push.open_push(FORM, push(param), SALT)

    assert [(event.state, event.at.isoformat()) for event in update.events] == [
        (TrackingState.IN_TRANSIT, "2026-11-20T10:00:00+08:00"), (TrackingState.DELIVERED, "2026-11-21T10:00:00+08:00")]


def test_a_changed_param_or_another_salt_is_refused():
    body = kuaidi100_push.seal(carrier="SF", tracking_number="SF1", salt=SALT, events=[
        TrackingEvent(at=AT, state=TrackingState.IN_TRANSIT, description="")])
    form = form_of(body)

    with pytest.raises(PushSignatureInvalid):
        kuaidi100_push.open_push(FORM, push(form["param"].replace('"state":"0"', '"state":"3"'), sign=form["sign"]), SALT)
    with pytest.raises(PushSignatureInvalid):
        kuaidi100_push.open_push(FORM, body, "another salt")
    assert kuaidi100_push.open_push(FORM, push(form["param"], sign=form["sign"].lower()), SALT).carrier == "SF"


@pytest.mark.parametrize(("headers", "body", "message"), [
    ({"content-type": "application/json"}, push("{}"), "A push is a application/x-www-form-urlencoded form."),
    (FORM, b"param=%7B%7D", "A push has one param and one sign."),
    (FORM, push("{}") + b"&sign=X", "A push has one param and one sign."),
    (FORM, b"\xff", "The body is not a form."),
    (FORM, push("not json"), "The param is not a Kuaidi100 push."),
    (FORM, push('{"lastResult":{"com":"shunfeng","nu":"SF1","state":"x","data":[]}}'), "A push has 1 to 500 scans."),
    (FORM, push('{"lastResult":{"com":"ups","nu":"1Z","state":"3","data":[]}}'), "Unknown carrier 'ups'."),
    (FORM, push('{"lastResult":{"com":"shunfeng","nu":"SF1","state":"3","data":[{"time":"yesterday"}]}}'),
     "The param is not a Kuaidi100 push."),
])
def test_malformed_pushes_are_refused(headers, body, message):
    with pytest.raises(PushMalformed) as refused:
        kuaidi100_push.open_push(headers, body, SALT)

    assert refused.value.message == message


def test_the_sandbox_salt_is_derived_from_the_secret_key_and_verifies_its_own_pushes():
    provider = SandboxTrackingProvider(secret_key="k" * 32)
    headers, body = provider.build_push(
        carrier="EMS", tracking_number="E1", state=TrackingState.RETURNED, description="退回", at=AT)

    assert derive_salt("k" * 32) != derive_salt("j" * 32)
    assert len(derive_salt("k" * 32)) == 32
    assert provider.verify_push(headers, body).state is TrackingState.RETURNED
    with pytest.raises(PushSignatureInvalid):
        SandboxTrackingProvider(secret_key="j" * 32).verify_push(headers, body)
