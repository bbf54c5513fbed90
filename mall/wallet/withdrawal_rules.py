"""Withdrawal rules without a database (DESIGN §3.5): the fee, the states, and which accounts pay.

The amount asked for includes the fee: ``fee = max(min fee, ceil(amount ×
rate))``, paid out ``amount − fee``. An amount too small to leave anything
after the fee is refused like one below the minimum.

    REQUESTED ──approve──> APPROVED ──claim──> PAYING ──> PAID_OUT
        │                                         └────> FAILED   (hold released)
        └──reject──> REJECTED                              (hold released)

PAYING lasts while the provider has not given its final answer (a payout
in progress, or a process that died mid-payout): the amount stays HELD.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass
from decimal import Decimal


class WithdrawalStatus(enum.StrEnum):
    REQUESTED = "REQUESTED"
    APPROVED = "APPROVED"
    PAYING = "PAYING"
    PAID_OUT = "PAID_OUT"
    FAILED = "FAILED"
    REJECTED = "REJECTED"


# Waiting for staff or the provider: the amount sits in HELD.
OPEN = (WithdrawalStatus.REQUESTED, WithdrawalStatus.APPROVED, WithdrawalStatus.PAYING)


def fee(amount_minor: int, *, min_fee_minor: int, rate: Decimal) -> int:
    """``max(min fee, ceil(amount × rate))`` in fen, exact (Decimal, never float)."""
    if amount_minor < 0 or min_fee_minor < 0 or rate < 0:
        raise ValueError("amount, minimum fee and rate are not negative")
    return max(min_fee_minor, math.ceil(Decimal(amount_minor) * rate))


@dataclass(frozen=True, slots=True)
class Split:
    """Where a withdrawal's amount is taken from: BALANCE, then rebate credit when that is withdrawable."""

    balance: int
    rebate_credit: int


def split(amount_minor: int, *, balance: int, rebate_credit: int, credit_withdrawable: bool) -> Split:
    """BALANCE first (stored value is what withdrawals are for), the rest from rebate credit if allowed.

    When the accounts hold too little, the whole shortfall is asked of BALANCE,
    so the ledger refuses the entry with INSUFFICIENT_FUNDS.
    """
    from_credit = min(max(amount_minor - balance, 0), rebate_credit) if credit_withdrawable else 0
    return Split(balance=amount_minor - from_credit, rebate_credit=from_credit)
