"""Exact money: integer fen inside, decimal strings outside, largest-remainder splits."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mall.core.money import (
    Money,
    MoneyFormatError,
    allocate,
    decimal_to_minor,
    format_minor,
    minor_to_decimal,
    parse_decimal,
    parse_minor,
)

# The autouse ``clean`` fixture is function-scoped; these properties touch no state it resets.
PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

TOTALS = st.integers(min_value=-(10**12), max_value=10**12)
WEIGHTS = st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=12)
BIGINT_MAX = 2**63 - 1


def reference_allocation(total: int, weights: list[int]) -> list[int]:
    """The largest-remainder method written out with exact fractions, for positive totals."""
    weight_sum = sum(weights)
    if weight_sum == 0:
        weights, weight_sum = [1] * len(weights), len(weights)
    shares = [Fraction(total * w, weight_sum) for w in weights]
    parts = [int(share) for share in shares]  # floor: shares are non-negative here
    by_remainder = sorted(range(len(weights)), key=lambda i: (-(shares[i] - parts[i]), i))
    for index in by_remainder[: total - sum(parts)]:
        parts[index] += 1
    return parts


# --- allocate: worked examples ---


def test_allocate_worked_examples():
    assert allocate(100, [1, 1, 1]) == [34, 33, 33]
    assert allocate(-100, [1, 1, 1]) == [-34, -33, -33]
    assert allocate(101, [1, 1, 1]) == [34, 34, 33]
    assert allocate(100, [1, 2]) == [33, 67]
    assert allocate(5, [3, 7]) == [2, 3]
    assert allocate(1, [1, 1, 1, 1]) == [1, 0, 0, 0]
    assert allocate(0, [5, 9]) == [0, 0]
    assert allocate(1000, [250, 250, 500]) == [250, 250, 500]


def test_allocate_gives_the_leftover_to_the_largest_remainders_not_the_first_parts():
    # Exact shares 1.5, 2.8, 5.7: floors 1, 2, 5 leave 2 fen, for the .8 and the .7.
    assert allocate(10, [15, 28, 57]) == [1, 3, 6]
    # Exact shares 2.33…, 3.66…, 1.0 (weights 7, 11, 3 of 21): one fen left, to the .66….
    assert allocate(7, [7, 11, 3]) == [2, 4, 1]


def test_allocate_breaks_remainder_ties_towards_the_earlier_part():
    assert allocate(1, [1, 1]) == [1, 0]
    assert allocate(2, [1, 1, 1]) == [1, 1, 0]
    assert allocate(3, [2, 1, 2, 1]) == [1, 1, 1, 0]  # shares 1, .5, 1, .5: the earlier .5 gets the fen
    assert allocate(5, [1, 2, 1, 2]) == [1, 2, 1, 1]  # shares .83, 1.67, .83, 1.67


def test_allocate_all_zero_weights_splits_evenly():
    assert allocate(5, [0, 0, 0]) == [2, 2, 1]
    assert allocate(-5, [0, 0, 0]) == [-2, -2, -1]
    assert allocate(0, [0, 0]) == [0, 0]


def test_allocate_gives_nothing_to_zero_weights():
    assert allocate(100, [0, 1, 0]) == [0, 100, 0]
    assert allocate(7, [0, 1, 0, 1]) == [0, 4, 0, 3]


def test_allocate_over_no_parts():
    assert allocate(0, []) == []
    with pytest.raises(ValueError, match="cannot allocate a non-zero total over no parts"):
        allocate(1, [])


def test_allocate_refuses_negative_weights():
    with pytest.raises(ValueError, match="weights must not be negative"):
        allocate(100, [1, -1, 2])


# --- allocate: properties ---


@PROPERTY
@given(total=TOTALS, weights=WEIGHTS)
def test_allocated_parts_sum_exactly_to_the_total(total, weights):
    parts = allocate(total, weights)

    assert len(parts) == len(weights)
    assert sum(parts) == total
    assert all(isinstance(part, int) for part in parts)


@PROPERTY
@given(total=TOTALS, weights=WEIGHTS)
def test_each_part_is_within_one_fen_of_its_exact_share(total, weights):
    parts = allocate(total, weights)

    effective = weights if sum(weights) else [1] * len(weights)
    for part, weight in zip(parts, effective, strict=True):
        share = Fraction(total * weight, sum(effective))
        assert abs(part - share) < 1
        # Rounded away from the share only towards the total's sign (a fen more, never less).
        toward_zero = int(share)  # truncates: the floor of a positive share, the ceiling of a negative one
        assert part in (toward_zero, toward_zero + (1 if total >= 0 else -1))


@PROPERTY
@given(total=st.integers(min_value=0, max_value=10**12), weights=WEIGHTS)
@example(total=10, weights=[15, 28, 57])
@example(total=3, weights=[2, 1, 2, 1])
def test_allocate_matches_the_largest_remainder_method(total, weights):
    assert allocate(total, weights) == reference_allocation(total, weights)


@PROPERTY
@given(total=st.integers(min_value=0, max_value=10**12), weights=WEIGHTS)
def test_a_negative_total_mirrors_the_positive_one(total, weights):
    assert allocate(-total, weights) == [-part for part in allocate(total, weights)]


@PROPERTY
@given(total=st.integers(min_value=0, max_value=10**12), weights=WEIGHTS)
def test_a_larger_weight_never_gets_a_smaller_part(total, weights):
    parts = allocate(total, weights)

    for i, wi in enumerate(weights):
        for j, wj in enumerate(weights):
            if wi > wj:
                assert parts[i] >= parts[j]
            if wi == 0 and sum(weights) > 0:
                assert parts[i] == 0


@PROPERTY
@given(total=TOTALS, count=st.integers(min_value=1, max_value=12))
def test_all_zero_weights_split_evenly_with_the_extra_fen_first(total, count):
    parts = allocate(total, [0] * count)

    magnitude = abs(total)
    sign = -1 if total < 0 else 1
    base, extra = divmod(magnitude, count)
    assert parts == [sign * (base + 1)] * extra + [sign * base] * (count - extra)


# --- parsing and formatting ---


def test_parse_minor_reads_decimal_text_in_major_units():
    assert parse_minor("12.3") == 1230
    assert parse_minor("12.30") == 1230
    assert parse_minor("12.34") == 1234
    assert parse_minor("0.01") == 1
    assert parse_minor("0") == 0
    assert parse_minor("100") == 10000
    assert parse_minor("-5.5") == -550
    assert parse_minor("12.340000") == 1234
    assert parse_minor(Decimal("1.5")) == 150
    assert parse_minor(7) == 700
    assert isinstance(parse_minor("12.3"), int)


@pytest.mark.parametrize("text", ["12.345", "0.001", "-0.005", "1.999", "0.0001"])
def test_parse_minor_refuses_fractions_of_a_fen(text):
    with pytest.raises(MoneyFormatError, match="has fractions of a fen"):
        parse_minor(text)


def test_parse_minor_refuses_floats():
    with pytest.raises(MoneyFormatError, match="floats are not accepted for exact values"):
        parse_minor(12.5)
    with pytest.raises(MoneyFormatError, match="floats are not accepted for exact values"):
        parse_decimal(0.1)


@pytest.mark.parametrize("text", ["NaN", "nan", "sNaN", "Infinity", "-Infinity", "inf"])
def test_parse_minor_refuses_non_finite_numbers(text):
    with pytest.raises(MoneyFormatError, match="is not a finite number"):
        parse_minor(text)


@pytest.mark.parametrize("text", ["", "abc", "12,30", "¥12", "12.3.4", "0x10"])
def test_parse_minor_refuses_text_that_is_not_a_number(text):
    with pytest.raises(MoneyFormatError, match="is not a decimal number"):
        parse_minor(text)


def test_decimal_to_minor_refuses_a_fraction_of_a_fen_hidden_beyond_the_context_precision():
    # 29 significant digits: multiplying by 100 in the default 28-digit context
    # rounds the stray 1e-28 away, so the amount must still be refused, not read as 1.00.
    with pytest.raises(MoneyFormatError):
        parse_minor("1.0000000000000000000000000001")
    with pytest.raises(MoneyFormatError):
        decimal_to_minor(Decimal("12345678901234567890123456.789"))


def test_decimal_to_minor_and_back():
    assert decimal_to_minor(Decimal("12.30")) == 1230
    assert minor_to_decimal(1230) == Decimal("12.30")
    assert str(minor_to_decimal(1230)) == "12.30"


def test_format_minor_always_has_two_places():
    assert format_minor(5) == "0.05"
    assert format_minor(0) == "0.00"
    assert format_minor(100) == "1.00"
    assert format_minor(123456) == "1234.56"
    assert format_minor(-5) == "-0.05"
    assert format_minor(-123456) == "-1234.56"
    assert format_minor(BIGINT_MAX) == "92233720368547758.07"


@PROPERTY
@given(minor=st.integers(min_value=-BIGINT_MAX, max_value=BIGINT_MAX))
def test_format_then_parse_is_the_identity(minor):
    assert parse_minor(format_minor(minor)) == minor


@PROPERTY
@given(
    major=st.integers(min_value=-(10**15), max_value=10**15),
    cents=st.integers(min_value=0, max_value=99),
    extra=st.text(alphabet="0123456789", min_size=1, max_size=6).filter(lambda s: s.strip("0")),
)
def test_any_fraction_of_a_fen_is_refused(major, cents, extra):
    with pytest.raises(MoneyFormatError):
        parse_minor(f"{major}.{cents:02d}{extra}")


# --- Money ---


def test_money_arithmetic_in_one_currency():
    a, b = Money(1234, "CNY"), Money(66, "CNY")

    assert a + b == Money(1300, "CNY")
    assert a - b == Money(1168, "CNY")
    assert b - a == Money(-1168, "CNY")
    assert -a == Money(-1234, "CNY")
    assert Money.zero("CNY") == Money(0, "CNY")
    assert a.amount == Decimal("12.34")
    assert str(a) == "12.34 CNY"
    assert str(Money(5, "CNY")) == "0.05 CNY"


def test_money_refuses_mixing_currencies():
    with pytest.raises(ValueError, match="currency mismatch: CNY and USD"):
        Money(100, "CNY") + Money(100, "USD")
    with pytest.raises(ValueError, match="currency mismatch: CNY and USD"):
        Money(100, "CNY") - Money(100, "USD")


@pytest.mark.parametrize("minor", [True, False, 1.0, Decimal("1"), "1", None])
def test_money_minor_must_be_an_int(minor):
    with pytest.raises(TypeError, match="Money.minor must be an int"):
        Money(minor, "CNY")


def test_money_allocate_keeps_the_currency_and_the_sum():
    parts = Money(100, "CNY").allocate([1, 1, 1])

    assert parts == [Money(34, "CNY"), Money(33, "CNY"), Money(33, "CNY")]
    assert sum(parts, Money.zero("CNY")) == Money(100, "CNY")
