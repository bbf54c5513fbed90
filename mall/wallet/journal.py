"""Journal entries before they are written: the rules every entry obeys, and its fingerprint.

An entry is a cause (a kind and the id of what caused it), a memo, an
idempotency key and two or more legs, each an amount posted to one account
(``chart.AccountRef``). ``check`` refuses, before any row is touched:

- a key that is not 1–128 printable ASCII characters without spaces;
- fewer than two legs, or one account twice (merge them first);
- an amount that is not a non-zero ``int`` within ``MAX_AMOUNT`` of its unit;
- legs that do not sum to zero per unit (money and points balance apart);
- a memo over 200 characters.

The fingerprint tells a retry (same key, same postings: the entry already
written is the answer) from a misuse of the key (same key, other postings:
refused). It covers the cause and the legs in a canonical order, not the
memo: words are not value.
"""

from __future__ import annotations

import enum
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from mall.wallet.chart import MAX_AMOUNT, AccountRef, Unit
from mall.wallet.errors import InvalidEntry

MAX_KEY_LENGTH = 128
MAX_MEMO_LENGTH = 200
_KEY = re.compile(r"[\x21-\x7e]{1,%d}" % MAX_KEY_LENGTH)


class Cause(enum.StrEnum):
    """Why value moved; with the cause's id, what a statement line points back to.

    This slice posts ADJUSTMENT; the others are the movements DESIGN §3.4–§3.6
    name, posted by the flows that bring them.
    """

    ADJUSTMENT = "ADJUSTMENT"  # staff walletAdjust (id: its audit record)
    TOP_UP = "TOP_UP"  # walletTopUp settled (id: the payment)
    ORDER_HOLD = "ORDER_HOLD"  # wallet funds set aside at orderCreate (id: the order)
    ORDER_RELEASE = "ORDER_RELEASE"  # held funds given back on cancel or expiry (id: the order)
    ORDER_PAYMENT = "ORDER_PAYMENT"  # held funds or points captured at orderPay (id: the order)
    REFUND = "REFUND"  # wallet parts of a refund (id: the refund)
    REBATE_RELEASE = "REBATE_RELEASE"  # a rebate installment paid (id: the installment)
    REBATE_CLAWBACK = "REBATE_CLAWBACK"  # released rebate taken back (id: the rebate)
    WITHDRAWAL_HOLD = "WITHDRAWAL_HOLD"  # balance set aside for a withdrawal (id: the withdrawal)
    WITHDRAWAL_RELEASE = "WITHDRAWAL_RELEASE"  # a rejected or failed withdrawal's hold given back
    WITHDRAWAL_PAYOUT = "WITHDRAWAL_PAYOUT"  # an approved withdrawal leaving (id: the withdrawal)
    POINTS_EXPIRY = "POINTS_EXPIRY"  # a points lot expired (id: the lot)
    POINTS_REFUND = "POINTS_REFUND"  # points of a refund back to their lots (id: the order)


@dataclass(frozen=True, slots=True)
class Leg:
    """One posting to make: ``amount`` (signed, in the account's unit) on ``account``."""

    account: AccountRef
    amount: int


@dataclass(frozen=True, slots=True)
class Draft:
    """An entry as a caller asks for it; ``check`` returns it with its legs in canonical order."""

    key: str
    cause: Cause
    cause_id: int | None
    legs: tuple[Leg, ...]
    memo: str = ""


def transfer(source: AccountRef, destination: AccountRef, amount: int) -> tuple[Leg, Leg]:
    """The two legs moving ``amount`` (positive) from ``source`` to ``destination``."""
    return Leg(source, -amount), Leg(destination, amount)


def check(draft: Draft) -> Draft:
    """``draft`` with its legs sorted by account key, or ``InvalidEntry`` saying what is wrong."""
    if not isinstance(draft.key, str) or not _KEY.fullmatch(draft.key):
        raise InvalidEntry(f"An entry's idempotency key is 1 to {MAX_KEY_LENGTH} printable ASCII characters, no spaces.")
    Cause(draft.cause)
    if draft.cause_id is not None and (isinstance(draft.cause_id, bool) or not isinstance(draft.cause_id, int)
                                       or draft.cause_id < 1):
        raise InvalidEntry("An entry's cause id is a positive integer.")
    if len(draft.memo) > MAX_MEMO_LENGTH:
        raise InvalidEntry(f"An entry's memo is at most {MAX_MEMO_LENGTH} characters.")
    legs = tuple(sorted(draft.legs, key=lambda leg: leg.account.key))
    if len(legs) < 2:
        raise InvalidEntry("An entry has at least two postings.")
    if len({leg.account for leg in legs}) != len(legs):
        raise InvalidEntry("An entry posts to each account at most once.")
    for leg in legs:
        _check_amount(leg)
    unbalanced = sorted(unit.value for unit, total in sums_per_unit(legs).items() if total != 0)
    if unbalanced:
        verb = "does" if len(unbalanced) == 1 else "do"
        raise InvalidEntry(f"An entry's postings sum to zero per unit; {' and '.join(unbalanced)} {verb} not.")
    return Draft(key=draft.key, cause=Cause(draft.cause), cause_id=draft.cause_id, legs=legs, memo=draft.memo)


def _check_amount(leg: Leg) -> None:
    amount = leg.amount
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise InvalidEntry(f"A posting's amount is a whole number of its unit, not {amount!r}.")
    if amount == 0:
        raise InvalidEntry("A posting moves something: its amount is not zero.")
    if abs(amount) > MAX_AMOUNT[leg.account.unit]:
        raise InvalidEntry(f"A posting to {leg.account} moves at most {MAX_AMOUNT[leg.account.unit]}.")


def sums_per_unit(legs: Iterable[Leg]) -> dict[Unit, int]:
    """The legs' amounts added up separately for each unit they use."""
    sums: dict[Unit, int] = {}
    for leg in legs:
        sums[leg.account.unit] = sums.get(leg.account.unit, 0) + leg.amount
    return sums


def fingerprint(draft: Draft) -> str:
    """Hex SHA-256 of the cause and the legs (order-free); the memo is left out."""
    document = {
        "cause": str(draft.cause),
        "causeId": draft.cause_id,
        "legs": sorted([leg.account.key, leg.amount] for leg in draft.legs),
    }
    text = json.dumps(document, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()
