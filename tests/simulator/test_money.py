"""Amounts typed by people: every unambiguous way of writing euros is read, anything else gets a code."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pti_citizen.i18n import LANGUAGES, format_euros
from pti_citizen.simulator.household import MAX_MONTHLY_EUROS
from pti_citizen.simulator.money import (
    AMBIGUOUS,
    EMPTY,
    NEGATIVE,
    NOT_A_NUMBER,
    TOO_BIG,
    TOO_MANY_DECIMALS,
    MoneyError,
    normalize_digits,
    parse_money,
    parse_whole_number,
)

NBSP, NNBSP, THIN = "\u00a0", "\u202f", "\u2009"


@pytest.mark.parametrize(
    ("text", "euros"),
    [
        # The four ways named in the issue.
        ("1 200,50", "1200.50"),
        ("1200.5", "1200.50"),
        ("1 200 €", "1200.00"),
        ("1 200,50 €", "1200.50"),
        # Non-breaking, narrow and thin spaces (French CLDR writes 1 200,50 € with U+202F and U+00A0).
        (f"1{NBSP}200,50{NBSP}€", "1200.50"),
        (f"1{NNBSP}200,50{NBSP}€", "1200.50"),
        (f"1{THIN}200", "1200.00"),
        ("  450  ", "450.00"),
        ("0", "0.00"),
        ("0,5", "0.50"),
        ("12,3", "12.30"),
        ("007", "7.00"),
        # Both separators: the last one is the decimal point, the other one groups thousands.
        ("1.200,50", "1200.50"),
        ("1,200.50", "1200.50"),
        ("1.234,89", "1234.89"),
        ("12.345,6", "12345.60"),
        # The same mark repeated can only group thousands.
        ("1.000.000", "1000000.00"),
        ("100 000", "100000.00"),
        ("1,000,000", "1000000.00"),
        # Currency before or after, as a sign or a word, any case.
        ("€1,115.80", "1115.80"),
        ("€ 300", "300.00"),
        ("300€", "300.00"),
        ("300 EUR", "300.00"),
        ("300 euros", "300.00"),
        ("300 Euro", "300.00"),
        ("eur 300", "300.00"),
        # Arabic-Indic and Persian digits, the Arabic decimal and thousands separators, direction marks.
        ("١٢٠٠", "1200.00"),
        ("١٬٢٠٠٫٥٠", "1200.50"),
        ("۱۲۰۰", "1200.00"),
        ("\u200f1,115.80\u00a0€", "1115.80"),
        ("１２００", "1200.00"),
        # A minus zero is still zero.
        ("-0", "0.00"),
    ],
)
def test_reads_every_unambiguous_way_of_writing_euros(text, euros):
    assert parse_money(text) == Decimal(euros)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", EMPTY),
        ("   ", EMPTY),
        (None, EMPTY),
        ("€", EMPTY),
        ("-50", NEGATIVE),
        ("−50 €", NEGATIVE),  # U+2212 minus sign
        ("- 1 200,50", NEGATIVE),
        ("€-50", NEGATIVE),
        ("–20", NEGATIVE),  # en dash typed as a minus
        ("abc", NOT_A_NUMBER),
        ("12abc", NOT_A_NUMBER),
        ("1e3", NOT_A_NUMBER),
        ("NaN", NOT_A_NUMBER),
        ("Infinity", NOT_A_NUMBER),
        ("+50", NOT_A_NUMBER),
        ("50-", NOT_A_NUMBER),
        ("5,", NOT_A_NUMBER),
        (",5", NOT_A_NUMBER),
        ("50 € 20", NOT_A_NUMBER),
        ("1 200 €/mois", NOT_A_NUMBER),
        (".", NOT_A_NUMBER),
        ("-", NOT_A_NUMBER),
        # One separator followed by 3 digits: 1.2 for some readers, 1200 for others.
        ("1,200", AMBIGUOUS),
        ("1.200", AMBIGUOUS),
        ("0.500", AMBIGUOUS),
        # Thousands groups must have 3 digits, and one kind of separator only.
        ("12 00", AMBIGUOUS),
        ("1,200,50", AMBIGUOUS),
        ("1.2.3", AMBIGUOUS),
        ("1 200.000,50", AMBIGUOUS),
        ("1234 567", AMBIGUOUS),
        ("1,5.3", AMBIGUOUS),
        # Cents have 2 digits at most.
        ("12,3456", TOO_MANY_DECIMALS),
        ("1 200,505", TOO_MANY_DECIMALS),
        ("3.14159", TOO_MANY_DECIMALS),
        # More than the engine accepts for a month.
        ("1 000 000,01", TOO_BIG),
        ("99999999", TOO_BIG),
    ],
)
def test_refuses_with_a_reason(text, code):
    with pytest.raises(MoneyError) as caught:
        parse_money(text)
    assert caught.value.code == code


def test_refuses_values_that_are_not_text():
    with pytest.raises(MoneyError) as caught:
        parse_money(12)  # type: ignore[arg-type]
    assert caught.value.code == NOT_A_NUMBER


def test_maximum_is_inclusive_and_adjustable():
    assert parse_money("1 000 000") == Decimal(MAX_MONTHLY_EUROS)
    assert parse_money("10", maximum=10) == Decimal("10.00")
    with pytest.raises(MoneyError):
        parse_money("10,01", maximum=10)


@given(st.decimals(min_value=0, max_value=MAX_MONTHLY_EUROS, places=2), st.sampled_from(list(LANGUAGES)))
def test_reads_back_what_the_app_itself_displays(amount, lang):
    """Anything shown by the app (CLDR format of each language) can be typed back as is."""
    assert parse_money(format_euros(amount, lang)) == amount


@given(st.text(max_size=30))
def test_any_text_gives_an_amount_or_a_code(text):
    try:
        amount = parse_money(text)
    except MoneyError as error:
        assert error.code in {EMPTY, NEGATIVE, NOT_A_NUMBER, AMBIGUOUS, TOO_MANY_DECIMALS, TOO_BIG}
    else:
        assert Decimal(0) <= amount <= MAX_MONTHLY_EUROS
        assert amount == amount.quantize(Decimal("0.01"))


@pytest.mark.parametrize(
    ("text", "number"), [("34", 34), (" 34 ", 34), ("٣٤", 34), ("۳۴", 34), ("0", 0), ("07", 7)]
)
def test_whole_numbers(text, number):
    assert parse_whole_number(text) == number


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", EMPTY),
        (None, EMPTY),
        ("-3", NEGATIVE),
        ("3,5", NOT_A_NUMBER),
        ("trente", NOT_A_NUMBER),
        ("1234567", NOT_A_NUMBER),
    ],
)
def test_whole_numbers_refused(text, code):
    with pytest.raises(MoneyError) as caught:
        parse_whole_number(text)
    assert caught.value.code == code


def test_normalize_digits_keeps_one_plain_space():
    assert normalize_digits(f"\u200f ١{NNBSP}٢٠٠\t€ ") == "1 200 €"
