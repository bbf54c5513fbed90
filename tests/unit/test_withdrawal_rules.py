"""The withdrawal fee and which accounts a withdrawal takes from (DESIGN §3.5)."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mall.wallet import withdrawal_rules
from mall.wallet.withdrawal_rules import Split


@pytest.mark.parametrize(("amount", "fee"), [(1000, 100), (16666, 100), (16667, 101), (50001, 301), (10**13, 6 * 10**10)])
def test_the_fee_is_the_rate_rounded_up_but_never_below_the_minimum_fee(amount, fee):
    assert withdrawal_rules.fee(amount, min_fee_minor=100, rate=Decimal("0.006")) == fee


@given(st.integers(0, 10**13), st.integers(0, 10**6), st.decimals(0, Decimal("0.99"), places=4))
def test_the_fee_is_exact_whatever_the_amount(amount, min_fee, rate):
    fee = withdrawal_rules.fee(amount, min_fee_minor=min_fee, rate=rate)
    assert fee == max(min_fee, math.ceil(Decimal(amount) * rate))
    assert isinstance(fee, int) and fee >= min_fee and Decimal(fee) >= Decimal(amount) * rate


def test_a_negative_amount_has_no_fee():
    with pytest.raises(ValueError):
        withdrawal_rules.fee(-1, min_fee_minor=100, rate=Decimal("0.006"))


@pytest.mark.parametrize(("amount", "balance", "credit", "allowed", "split"), [
    (500, 1000, 1000, True, Split(500, 0)),  # the balance first
    (1500, 1000, 1000, True, Split(1000, 500)),  # then rebate credit, when the shop allows it
    (1500, 1000, 1000, False, Split(1500, 0)),  # otherwise the balance alone, which the ledger refuses
    (2500, 1000, 1000, True, Split(1500, 1000)),  # too little anywhere: the shortfall is the balance's
])
def test_the_balance_pays_first_and_rebate_credit_only_when_withdrawable(amount, balance, credit, allowed, split):
    assert withdrawal_rules.split(amount, balance=balance, rebate_credit=credit, credit_withdrawable=allowed) == split


@given(st.integers(1, 10**13), st.integers(0, 10**13), st.integers(0, 10**13), st.booleans())
def test_the_parts_always_add_up_to_the_amount(amount, balance, credit, allowed):
    split = withdrawal_rules.split(amount, balance=balance, rebate_credit=credit, credit_withdrawable=allowed)
    assert split.balance + split.rebate_credit == amount
    assert split.balance >= 0 and 0 <= split.rebate_credit <= (credit if allowed else 0)
