"""The fingerprint of a request for idempotency keys: canonical JSON of (operation, input) → SHA-256."""

from __future__ import annotations

import enum
import hashlib
import json
from decimal import Decimal

import pytest

from mall.core.idempotency import request_fingerprint

ORDER_CREATE_INPUT = """
{"addressId": "QWRkcmVzczox", "useWalletFunds": true, "points": 500,
 "voucherIds": ["Vm91Y2hlcjox", "Vm91Y2hlcjoy"],
 "invoice": {"kind": "COMPANY", "title": "上海某公司", "taxId": "91310000MA1FL8XXXX"}}
"""
SAME_INPUT_REORDERED_AND_RESPACED = """{
    "invoice":{"taxId":"91310000MA1FL8XXXX","title":"上海某公司","kind":"COMPANY"},
    "points":500,
    "voucherIds":["Vm91Y2hlcjox","Vm91Y2hlcjoy"],
    "useWalletFunds":true,   "addressId":"QWRkcmVzczox"
}"""


class Channel(enum.Enum):
    SANDBOX = "SANDBOX"


def test_the_fingerprint_is_sha256_of_the_canonical_json():
    expected_text = '{"input":{"amount":"12.3","b":[1,true,null],"provider":"SANDBOX"},"operation":"orderPay"}'

    fingerprint = request_fingerprint(
        "orderPay", {"provider": Channel.SANDBOX, "b": (1, True, None), "amount": Decimal("12.30")}
    )

    assert fingerprint == hashlib.sha256(expected_text.encode()).hexdigest()


def test_key_order_and_whitespace_do_not_change_the_fingerprint():
    first = request_fingerprint("orderCreate", json.loads(ORDER_CREATE_INPUT))
    again = request_fingerprint("orderCreate", json.loads(SAME_INPUT_REORDERED_AND_RESPACED))

    assert first == again


def test_the_spelling_of_an_amount_does_not_change_the_fingerprint():
    spellings = {Decimal("12.3"), Decimal("12.30"), Decimal("1.23E+1")}

    assert len({request_fingerprint("walletTopUp", {"amount": amount}) for amount in spellings}) == 1
    assert request_fingerprint("walletTopUp", {"amount": Decimal("-0.00")}) == request_fingerprint(
        "walletTopUp", {"amount": Decimal("0")}
    )


def test_any_other_input_or_operation_changes_the_fingerprint():
    base = json.loads(ORDER_CREATE_INPUT)
    variants = [
        {**base, "points": 501},
        {**base, "voucherIds": list(reversed(base["voucherIds"]))},
        {**base, "useWalletFunds": False},
        {**base, "invoice": {**base["invoice"], "title": "上海某公司 "}},
        {key: value for key, value in base.items() if key != "points"},
        {**base, "points": "500"},
    ]

    fingerprints = {request_fingerprint("orderCreate", base)} | {
        request_fingerprint("orderCreate", variant) for variant in variants
    }

    assert len(fingerprints) == 1 + len(variants)
    assert request_fingerprint("orderPay", base) not in fingerprints


def test_values_that_have_no_canonical_form_are_refused():
    for value in (1.5, Decimal("NaN"), {1: "a"}, object()):
        with pytest.raises(TypeError):
            request_fingerprint("walletTopUp", {"amount": value})
