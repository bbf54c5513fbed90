"""The chart of accounts: which accounts the ledger keeps, and what each counts in (DESIGN §3.5).

Every customer has one account per **asset** — BALANCE (stored value,
withdrawable), HELD (set aside for an order or a withdrawal), REBATE_CREDIT
(spendable, not withdrawable) and POINTS — created the first time a posting
reaches it. **System accounts** hold the other side of every movement
(money arriving through a provider, rebates paid, withdrawals owed, fees,
adjustments, points issued or expired); each has a stable code and is also
created on first use.

Amounts are integers in the account's **unit**: fen of the shop's one
currency for money, whole points for points. A positive posting credits
the account (value in), a negative one debits it (value out). A customer
account's balance is what the mall owes that customer in that asset and can
never go negative; a system account's balance mirrors what moved through
it and may. An entry's postings sum to zero per unit, so money and points
never meet in one sum — moving BALANCE to HELD is one money entry.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from decimal import Decimal

from mall.core.money import MoneyFormatError, decimal_to_minor, minor_to_decimal


class Unit(enum.StrEnum):
    """What an account's amounts count: fen of the shop's currency, or whole points."""

    MONEY = "MONEY"
    POINTS = "POINTS"


class Asset(enum.StrEnum):
    """The kinds of account every customer has."""

    BALANCE = "BALANCE"
    HELD = "HELD"
    REBATE_CREDIT = "REBATE_CREDIT"
    POINTS = "POINTS"

    @property
    def unit(self) -> Unit:
        return Unit.POINTS if self is Asset.POINTS else Unit.MONEY


class SystemCode(enum.StrEnum):
    """The mall's own accounts: where customer value comes from and goes to."""

    PAYMENT_CLEARING = "PAYMENT_CLEARING"  # money in from providers (top-ups), out through them (payouts)
    ORDER_PAYMENTS = "ORDER_PAYMENTS"  # wallet funds captured for orders; refunds of them come back from here
    REBATE_EXPENSE = "REBATE_EXPENSE"  # rebate credit released to customers (and clawed back)
    WITHDRAWALS_PAYABLE = "WITHDRAWALS_PAYABLE"  # approved withdrawals until the payout settles
    WITHDRAWAL_FEES = "WITHDRAWAL_FEES"  # fees kept from withdrawals
    ADJUSTMENTS = "ADJUSTMENTS"  # staff adjustments of money (walletAdjust), audited
    POINTS_ISSUED = "POINTS_ISSUED"  # points given as rebates
    POINTS_REDEEMED = "POINTS_REDEEMED"  # points spent at checkout
    POINTS_EXPIRED = "POINTS_EXPIRED"  # points whose lot expired
    POINTS_ADJUSTMENTS = "POINTS_ADJUSTMENTS"  # staff adjustments of points, audited

    @property
    def unit(self) -> Unit:
        return Unit.POINTS if self.value.startswith("POINTS_") else Unit.MONEY


# The largest single posting, and the most a customer account may hold, per
# unit. Money: 100 billion yuan, far inside a BIGINT however many postings
# add up. Points: what a GraphQL Int (32-bit) can show as `points`.
MAX_AMOUNT = {Unit.MONEY: 10**13, Unit.POINTS: 2**31 - 1}


_UNITS = {**{(True, asset.value): asset.unit for asset in Asset},
          **{(False, code.value): code.unit for code in SystemCode}}


@dataclass(frozen=True, slots=True)
class AccountRef:
    """Names one ledger account: a customer's asset, or a system account's code."""

    customer_id: int | None
    code: str

    def __post_init__(self) -> None:
        if self.customer_id is None:
            SystemCode(self.code)  # ValueError for an unknown code
        else:
            if isinstance(self.customer_id, bool) or not isinstance(self.customer_id, int) or self.customer_id < 1:
                raise ValueError(f"a customer id is a positive int, not {self.customer_id!r}")
            Asset(self.code)

    @classmethod
    def customer(cls, customer_id: int, asset: Asset) -> AccountRef:
        return cls(customer_id, Asset(asset).value)

    @classmethod
    def system(cls, code: SystemCode) -> AccountRef:
        return cls(None, SystemCode(code).value)

    @property
    def is_customer(self) -> bool:
        return self.customer_id is not None

    @property
    def unit(self) -> Unit:
        return _UNITS[self.is_customer, self.code]  # codes were checked at construction: a lookup, not enum calls

    @property
    def key(self) -> str:
        """Unique per account, stable: ``customer:12:BALANCE``, ``system:ADJUSTMENTS``."""
        return f"customer:{self.customer_id}:{self.code}" if self.is_customer else f"system:{self.code}"

    def __str__(self) -> str:
        return self.key


def parse_amount(value: Decimal, unit: Unit) -> int:
    """An amount as people write it (yuan, or points) in the unit's integers; ``ValueError`` if it has none.

    Money: fen, refusing fractions of a fen (``MoneyFormatError``). Points:
    whole numbers only (``"5"`` and ``"5.0"`` are 5 points, ``"5.5"`` is refused).
    """
    if unit is Unit.MONEY:
        return decimal_to_minor(value)
    if not value.is_finite() or value.adjusted() > 18:
        raise MoneyFormatError(f"{value} is too large an amount")
    if value != value.to_integral_value():
        raise MoneyFormatError(f"{value} is not a whole number of points")
    return int(value)


def format_amount(amount: int, unit: Unit) -> Decimal:
    """The unit's integers as people read them: yuan with two places, or whole points."""
    return minor_to_decimal(amount) if unit is Unit.MONEY else Decimal(amount)
