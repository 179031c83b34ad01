"""Complément familial (art. L522-1 to L522-3, D522-1, D522-2, R522-1, R522-2 CSS)."""

from __future__ import annotations

import pytest

from ..conftest import run
from ..grid import _adult, _household

BMAF = 478.16
#: 2026 ceiling base (arrêté of 18 December 2025) and its increases (R522-2).
BASE, SINGLE_OR_BIACTIVE = 24853, 9989


def cf(applicant, partner=None, children=(11, 8, 5)) -> dict:
    household = _household("2026-10", applicant, partner, children=list(children), family_benefits=None)
    return run(household)["benefits"]["complement_familial"]


def taxable(monthly: float) -> float:
    """Income of 2024 after the 10 % deduction (within its 504 € minimum and 14 426 € maximum)."""
    yearly = 12 * monthly
    return yearly - round(min(max(0.1 * yearly, 504), 14426))


def test_three_children_aged_3_to_20():
    assert not cf(_adult(40), _adult(38), children=(11, 8, 2))["eligible"]
    assert cf(_adult(40), _adult(38), children=(20, 8, 5))["eligible"]
    assert not cf(_adult(40), _adult(38), children=(21, 8, 5))["eligible"]


def test_increased_under_half_the_ceiling():
    ceiling = BASE * 1.8  # couple with one income, 3 children
    assert taxable(1200) <= ceiling / 2
    assert cf(_adult(40, earned_income=1200), _adult(38))["monthly_amount"] == pytest.approx(
        0.6248 * BMAF, abs=0.01
    )


def test_base_amount_under_the_ceiling():
    ceiling = BASE * 1.8 + SINGLE_OR_BIACTIVE  # both work: the ceiling rises
    income = taxable(2000) + taxable(1900)
    assert ceiling / 2 < income <= ceiling
    result = cf(_adult(40, earned_income=2000), _adult(38, earned_income=1900))
    assert result["monthly_amount"] == pytest.approx(0.4165 * BMAF, abs=0.01)


def test_a_differential_amount_just_above_the_ceiling():
    ceiling = BASE * 1.8 + SINGLE_OR_BIACTIVE  # a parent alone
    income = taxable(5150)
    assert ceiling < income <= ceiling + 12 * 0.4165 * BMAF
    result = cf(_adult(40, earned_income=5150))
    assert result["monthly_amount"] == pytest.approx((ceiling + 12 * 0.4165 * BMAF - income) / 12, abs=0.01)


def test_above_the_ceiling_the_reason_says_by_how_much():
    ceiling = BASE * 1.8 + SINGLE_OR_BIACTIVE
    result = cf(_adult(40, earned_income=6000))
    assert not result["eligible"]
    assert result["reasons"][0]["code"] == "resources"
    assert result["reasons"][0]["amount"] == pytest.approx(taxable(6000) - ceiling, abs=0.01)


def test_not_with_the_paje():
    """L532-1: a household with a child under 3 gets the PAJE allocation de base instead."""
    result = cf(_adult(40, earned_income=1200), _adult(38), children=(11, 8, 5, 1))
    assert not result["eligible"]
    assert result["reasons"][0]["code"] == "paje"
