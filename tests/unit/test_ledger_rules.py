"""The ledger's pure rules: which entries are accepted, their fingerprints, amounts in each unit."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from mall.core.money import MoneyFormatError
from mall.wallet.chart import MAX_AMOUNT, AccountRef, Asset, SystemCode, Unit, format_amount, parse_amount
from mall.wallet.errors import InvalidEntry
from mall.wallet.journal import Cause, Draft, Leg, check, fingerprint, sums_per_unit, transfer

MONEY_ACCOUNTS = [AccountRef.system(code) for code in SystemCode if code.unit is Unit.MONEY] + [
    AccountRef.customer(customer, asset) for customer in (1, 2, 3) for asset in Asset if asset.unit is Unit.MONEY
]
POINTS_ACCOUNTS = [AccountRef.system(code) for code in SystemCode if code.unit is Unit.POINTS] + [
    AccountRef.customer(customer, Asset.POINTS) for customer in (1, 2, 3)
]


KEY_CHARACTERS = "".join(chr(c) for c in range(0x21, 0x7F))
MEMO_CHARACTERS = KEY_CHARACTERS + " 调整余额积分返利"


@st.composite
def balanced_legs(draw: st.DrawFn, accounts: list[AccountRef]) -> list[Leg]:
    """Two or more legs on distinct accounts of one unit, summing to zero."""
    chosen = draw(st.lists(st.sampled_from(accounts), min_size=2, max_size=6, unique=True))
    amounts = draw(st.lists(st.integers(-10**8, 10**8).filter(bool), min_size=len(chosen) - 1,
                            max_size=len(chosen) - 1))
    last = -sum(amounts)
    assume(last != 0)
    return [Leg(account, amount) for account, amount in zip(chosen, [*amounts, last], strict=True)]


@st.composite
def entries(draw: st.DrawFn) -> Draft:
    """A valid entry: money legs, points legs, or both."""
    kinds = draw(st.sampled_from([("money",), ("points",), ("money", "points")]))
    legs = []
    if "money" in kinds:
        legs += draw(balanced_legs(MONEY_ACCOUNTS))
    if "points" in kinds:
        legs += draw(balanced_legs(POINTS_ACCOUNTS))
    legs = draw(st.permutations(legs))
    return Draft(key=draw(st.text(KEY_CHARACTERS, min_size=1, max_size=128)),
                 cause=draw(st.sampled_from(Cause)), cause_id=draw(st.none() | st.integers(1, 2**63 - 1)),
                 legs=tuple(legs), memo=draw(st.text(MEMO_CHARACTERS, max_size=200)))


@given(entries())
def test_balanced_entries_are_accepted_with_their_legs_in_account_order(draft):
    checked = check(draft)

    assert [leg.account.key for leg in checked.legs] == sorted(leg.account.key for leg in draft.legs)
    assert sorted(checked.legs, key=repr) == sorted(draft.legs, key=repr)
    assert set(sums_per_unit(checked.legs).values()) == {0}


@given(entries(), st.data())
def test_changing_any_one_amount_unbalances_its_unit(draft, data):
    index = data.draw(st.integers(0, len(draft.legs) - 1))
    delta = data.draw(st.integers(-1000, 1000).filter(bool))
    leg = draft.legs[index]
    assume(leg.amount + delta != 0)
    legs = list(draft.legs)
    legs[index] = Leg(leg.account, leg.amount + delta)

    with pytest.raises(InvalidEntry, match=f"sum to zero per unit; {leg.account.unit.value} does not"):
        check(Draft(draft.key, draft.cause, draft.cause_id, tuple(legs)))


@given(entries(), st.randoms(use_true_random=False), st.text(MEMO_CHARACTERS, max_size=50))
def test_the_fingerprint_ignores_leg_order_and_memo(draft, shuffle, memo):
    legs = list(draft.legs)
    shuffle.shuffle(legs)

    assert fingerprint(Draft("other-key", draft.cause, draft.cause_id, tuple(legs), memo)) == fingerprint(draft)


@given(entries(), st.data())
def test_the_fingerprint_changes_with_any_amount_cause_or_reference(draft, data):
    index = data.draw(st.integers(0, len(draft.legs) - 1))
    leg = draft.legs[index]
    moved = list(draft.legs)
    moved[index] = Leg(leg.account, leg.amount + 1)
    other_cause = data.draw(st.sampled_from([c for c in Cause if c is not draft.cause]))

    variants = [
        Draft(draft.key, draft.cause, draft.cause_id, tuple(moved)),
        Draft(draft.key, other_cause, draft.cause_id, draft.legs),
        Draft(draft.key, draft.cause, (draft.cause_id or 0) + 1, draft.legs),
    ]

    assert fingerprint(draft) not in {fingerprint(variant) for variant in variants}
    assert len({fingerprint(variant) for variant in variants}) == 3


@given(st.sampled_from(MONEY_ACCOUNTS), st.sampled_from(MONEY_ACCOUNTS), st.integers(1, MAX_AMOUNT[Unit.MONEY]))
def test_a_transfer_between_two_accounts_balances(source, destination, amount):
    assume(source != destination)

    legs = check(Draft("k", Cause.ADJUSTMENT, None, transfer(source, destination, amount))).legs

    assert {leg.account: leg.amount for leg in legs} == {source: -amount, destination: amount}


CUSTOMER = AccountRef.customer(1, Asset.BALANCE)
ADJUSTMENTS = AccountRef.system(SystemCode.ADJUSTMENTS)


@pytest.mark.parametrize(("draft", "message"), [
    (Draft("", Cause.ADJUSTMENT, None, transfer(ADJUSTMENTS, CUSTOMER, 1)), "idempotency key"),
    (Draft("has space", Cause.ADJUSTMENT, None, transfer(ADJUSTMENTS, CUSTOMER, 1)), "idempotency key"),
    (Draft("k" * 129, Cause.ADJUSTMENT, None, transfer(ADJUSTMENTS, CUSTOMER, 1)), "idempotency key"),
    (Draft("钥匙", Cause.ADJUSTMENT, None, transfer(ADJUSTMENTS, CUSTOMER, 1)), "idempotency key"),
    (Draft("k", Cause.ADJUSTMENT, 0, transfer(ADJUSTMENTS, CUSTOMER, 1)), "cause id"),
    (Draft("k", Cause.ADJUSTMENT, True, transfer(ADJUSTMENTS, CUSTOMER, 1)), "cause id"),  # type: ignore[arg-type]
    (Draft("k", Cause.ADJUSTMENT, None, transfer(ADJUSTMENTS, CUSTOMER, 1), "m" * 201), "memo"),
    (Draft("k", Cause.ADJUSTMENT, None, (Leg(ADJUSTMENTS, -1), Leg(CUSTOMER, 1), Leg(CUSTOMER, 0))), "at most once"),
    (Draft("k", Cause.ADJUSTMENT, None, transfer(ADJUSTMENTS, CUSTOMER, 0)), "not zero"),
    (Draft("k", Cause.ADJUSTMENT, None, (Leg(ADJUSTMENTS, -1.0), Leg(CUSTOMER, 1.0))), "whole number"),  # type: ignore[arg-type]
    (Draft("k", Cause.ADJUSTMENT, None, (Leg(ADJUSTMENTS, False), Leg(CUSTOMER, True))), "whole number"),  # type: ignore[arg-type]
    (Draft("k", Cause.ADJUSTMENT, None, transfer(ADJUSTMENTS, CUSTOMER, MAX_AMOUNT[Unit.MONEY] + 1)), "at most"),
    (Draft("k", Cause.ADJUSTMENT, None,
           transfer(AccountRef.system(SystemCode.POINTS_ADJUSTMENTS), AccountRef.customer(1, Asset.POINTS), 2**31)),
     "at most 2147483647"),
])
def test_entries_breaking_a_rule_are_refused_saying_which(draft, message):
    with pytest.raises(InvalidEntry, match=message):
        check(draft)


@pytest.mark.parametrize(("customer_id", "code"), [
    (None, "NO_SUCH_ACCOUNT"), (None, "BALANCE"), (0, "BALANCE"), (-3, "BALANCE"), (1, "ADJUSTMENTS"), (True, "BALANCE"),
])
def test_an_account_names_a_known_system_code_or_a_customer_and_asset(customer_id, code):
    with pytest.raises(ValueError):
        AccountRef(customer_id, code)


def test_account_keys_and_units():
    assert [(ref.key, ref.unit) for ref in (
        AccountRef.customer(12, Asset.BALANCE), AccountRef.customer(12, Asset.POINTS),
        AccountRef.system(SystemCode.PAYMENT_CLEARING), AccountRef.system(SystemCode.POINTS_EXPIRED),
    )] == [("customer:12:BALANCE", Unit.MONEY), ("customer:12:POINTS", Unit.POINTS),
           ("system:PAYMENT_CLEARING", Unit.MONEY), ("system:POINTS_EXPIRED", Unit.POINTS)]


@given(st.integers(-MAX_AMOUNT[Unit.MONEY], MAX_AMOUNT[Unit.MONEY]), st.sampled_from(Unit))
def test_amounts_read_back_as_written_in_either_unit(amount, unit):
    shown = format_amount(amount, unit)

    assert parse_amount(shown, unit) == amount
    assert parse_amount(Decimal(str(shown)), unit) == amount
    assert shown.as_tuple().exponent == (-2 if unit is Unit.MONEY else 0)


@pytest.mark.parametrize(("text", "unit", "expected"), [
    ("12.3", Unit.MONEY, 1230), ("-0.01", Unit.MONEY, -1), ("5", Unit.POINTS, 5), ("5.00", Unit.POINTS, 5),
    ("-7", Unit.POINTS, -7), ("1E+2", Unit.POINTS, 100),
])
def test_amounts_as_people_write_them(text, unit, expected):
    assert parse_amount(Decimal(text), unit) == expected


@pytest.mark.parametrize(("text", "unit"), [
    ("0.001", Unit.MONEY), ("1e30", Unit.MONEY), ("5.5", Unit.POINTS), ("0.1", Unit.POINTS), ("1e30", Unit.POINTS),
    ("1E+999999999", Unit.POINTS),
])
def test_amounts_without_a_whole_number_of_the_unit_are_refused(text, unit):
    with pytest.raises(MoneyFormatError):
        parse_amount(Decimal(text), unit)


def test_entries_check_the_same_whatever_order_the_legs_come_in():
    legs = [Leg(AccountRef.customer(n, Asset.BALANCE), 10) for n in (1, 2, 3)] + [Leg(ADJUSTMENTS, -30)]
    orders = {check(Draft("k", Cause.ADJUSTMENT, None, order)).legs for order in itertools.permutations(legs)}

    assert len(orders) == 1
