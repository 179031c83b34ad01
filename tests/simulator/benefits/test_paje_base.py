"""PAJE allocation de base (art. L531-3, D531-1, D531-3, R531-1 CSS), children born since April 2018."""

from __future__ import annotations

import pytest

from ..conftest import run
from ..grid import _adult, _household

BMAF = 478.16
#: 2026 ceilings (arrêté of 18 December 2025): full rate, partial rate, and their increase for a
#: parent alone or a couple where both work.
FULL, PARTIAL, FULL_EXTRA, PARTIAL_EXTRA = 24853, 29694, 9989, 11936


def paje(applicant, partner=None, children=(1,)) -> dict:
    household = _household("2026-10", applicant, partner, children=list(children), family_benefits=None)
    return run(household)["benefits"]["paje_base"]


def taxable(monthly: float) -> float:
    yearly = 12 * monthly
    return yearly - round(min(max(0.1 * yearly, 504), 14426))


def test_full_rate_under_the_first_ceiling():
    assert taxable(2500) <= FULL * 1.25
    assert paje(_adult(30, earned_income=2500), _adult(30))["monthly_amount"] == pytest.approx(
        0.4165 * BMAF, abs=0.01
    )


def test_half_rate_between_the_ceilings():
    assert FULL * 1.25 < taxable(3200) <= PARTIAL * 1.25
    assert paje(_adult(30, earned_income=3200), _adult(30))["monthly_amount"] == pytest.approx(
        0.4165 * BMAF / 2, abs=0.01
    )


def test_none_above_and_the_reason_says_by_how_much():
    result = paje(_adult(30, earned_income=4000), _adult(30))
    assert not result["eligible"]
    assert result["reasons"][0]["amount"] == pytest.approx(taxable(4000) - PARTIAL * 1.25, abs=0.01)


def test_a_couple_where_both_work_has_a_higher_ceiling():
    # Each earned at least 12 BMAF in 2024 (12 × 445,93 € on 1 January 2024).
    income = taxable(1700) + taxable(1700)
    assert FULL * 1.25 < income <= FULL * 1.25 + FULL_EXTRA
    assert paje(_adult(30, earned_income=1700), _adult(30, earned_income=1700))[
        "monthly_amount"
    ] == pytest.approx(0.4165 * BMAF, abs=0.01)


def test_only_for_a_child_under_3():
    result = paje(_adult(30), _adult(30), children=(3, 5))
    assert not result["eligible"]
    assert result["reasons"][0]["code"] == "no_young_child"
