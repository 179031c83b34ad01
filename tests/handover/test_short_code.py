"""The short address typed from paper holds the result, and a typo is refused, not misread."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pti_citizen.handover import short_code
from pti_citizen.handover.result_link import NEXT_STEP_CODES, SharedResult, ShareLinkError, parse_share_query

STEPS = tuple(NEXT_STEP_CODES)


def result(cents: int, steps: tuple[str, ...], month: dt.date) -> SharedResult:
    amount = Decimal(cents) / 100
    return SharedResult(amount.quantize(Decimal("0.01")), cents > 0, steps, month)


@given(
    cents=st.integers(0, 9_999_999),
    steps=st.sets(st.sampled_from(STEPS)),
    months=st.integers(0, 255),
)
def test_a_code_gives_back_what_it_holds(cents, steps, months):
    month = dt.date(2020 + months // 12, months % 12 + 1, 1)
    ordered = tuple(code for code in STEPS if code in steps)
    original = result(cents, ordered, month)
    code = short_code.encode(original)
    assert len(code) == 11 and code.count("-") == 2
    assert short_code.decode(code) == original
    assert short_code.decode(code.lower().replace("-", " ")) == original
    again = parse_share_query(
        short_code.share_query(original), first_month=dt.date(2020, 1, 1), today=dt.date(2040, 1, 1)
    )
    assert again == original


def test_confusable_letters_are_read_as_digits():
    code = short_code.encode(result(57349, ("apply_caf",), dt.date(2026, 11, 1)))
    typed = code.replace("0", "O").replace("1", "l")
    assert short_code.decode(typed) == short_code.decode(code)


def test_one_mistyped_symbol_is_almost_never_read_as_another_result():
    code = short_code.encode(result(57349, ("apply_caf", "c2s"), dt.date(2026, 11, 1))).replace("-", "")
    misread = 0
    for position, symbol in itertools.product(range(len(code)), short_code.ALPHABET):
        if symbol == code[position]:
            continue
        try:
            short_code.decode(code[:position] + symbol + code[position + 1 :])
            misread += 1
        except ShareLinkError:
            pass
    assert misread / (len(code) * 31) < 0.01  # an 8-bit check: about 1 in 256


@pytest.mark.parametrize("typed", ["", "ABC", "ABC-DEF-GHJ-K", "!!!-!!!-!!!", "x" * 500])
def test_anything_else_is_refused(typed):
    with pytest.raises(ShareLinkError):
        short_code.decode(typed)
