"""The short address typed from paper holds the result, and a typo is refused, not misread."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pti_citizen import handover
from pti_citizen.handover import short_code
from pti_citizen.handover.result_link import SharedResult, ShareLinkError
from pti_citizen.simulator import REGISTRY, estimate, parse_household
from pti_citizen.simulator.benefits.rsa.parameters import ESTIMATES_FROM
from tests.simulator import grid

BENEFITS = tuple(benefit.name for benefit in REGISTRY)
TODAY = dt.date(2026, 12, 7)


def result(cents: dict[str, int], steps: tuple[str, ...], month: dt.date) -> SharedResult:
    amounts = tuple(
        (name, (Decimal(cents.get(name, 0)) / 100).quantize(Decimal("0.01"))) for name in BENEFITS
    )
    return SharedResult(month=month, amounts=amounts, next_steps=steps)


@given(
    cents=st.dictionaries(st.sampled_from(BENEFITS), st.integers(0, 2**18 - 1)),
    steps=st.sets(st.sampled_from(short_code.NEXT_STEPS)),
    months=st.integers(0, 255),
)
def test_a_code_gives_back_what_it_holds(cents, steps, months):
    month = dt.date(2020 + months // 12, months % 12 + 1, 1)
    ordered = tuple(code for code in short_code.NEXT_STEPS if code in steps)
    original = result(cents, ordered, month)
    code = short_code.encode(original)
    assert len(code.replace("-", "")) % 3 == 0
    assert len(code) <= short_code.MAX_CHARS
    assert short_code.decode(code) == original
    assert short_code.decode(code.lower().replace("-", " ")) == original
    if month >= ESTIMATES_FROM:  # what the typed code opens is the long link's result
        assert (
            handover.parse_result_query(handover.result_query(original), today=dt.date(2040, 1, 1))
            == original
        )


def test_a_person_with_the_rsa_alone_types_twelve_symbols():
    code = short_code.encode(result({"rsa": 57349}, ("apply_caf", "c2s"), dt.date(2026, 12, 1)))
    assert len(code) == 15 and code.count("-") == 3


def test_every_next_step_the_engine_gives_fits_a_code():
    """A new next step must be appended to ``short_code.NEXT_STEPS``, or its people lose the code."""
    given_steps = set()
    for payload in grid.households(300) + grid.edge_households():
        household, _errors = parse_household(payload, "fr")
        if household is None:
            continue
        estimated = estimate(household, "fr", today=TODAY)
        given_steps.update(estimated.next_steps)
        outcome = handover.shared_result(estimated)
        decoded = short_code.decode(short_code.encode(outcome))
        assert decoded.amounts == outcome.amounts
        assert set(decoded.next_steps) == set(outcome.next_steps)
    assert given_steps <= set(short_code.NEXT_STEPS)
    assert {"apply_caf", "c2s"} <= given_steps


def test_too_large_an_amount_gives_no_code():
    with pytest.raises(ValueError):
        short_code.encode(result({"rsa": 2**18}, (), dt.date(2026, 12, 1)))


def test_confusable_letters_are_read_as_digits():
    code = short_code.encode(result({"rsa": 57349}, ("apply_caf",), dt.date(2026, 11, 1)))
    typed = code.replace("0", "O").replace("1", "l")
    assert short_code.decode(typed) == short_code.decode(code)


def test_one_mistyped_symbol_is_almost_never_read_as_another_result():
    original = result({"rsa": 57349, "prime_activite": 12034}, ("apply_caf", "c2s"), dt.date(2026, 11, 1))
    code = short_code.encode(original).replace("-", "")
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


@pytest.mark.parametrize("typed", ["", "ABC", "ABC-DEF-GHJ-K", "!!!-!!!-!!!", "x" * 500, "000-000-000"])
def test_anything_else_is_refused(typed):
    with pytest.raises(ShareLinkError):
        short_code.decode(typed)
