"""Allocations familiales (art. L521-1 to L521-3, D521-1 to D521-3 CSS), from the BMAF shares."""

from __future__ import annotations

import pytest

from ..conftest import run
from ..grid import _adult, _household

BMAF = {"2025-11": 474.37, "2026-02": 474.37, "2026-10": 478.16}


def af(month: str, children: list[int], applicant=None, partner=None) -> dict:
    household = _household(
        month, applicant or _adult(40), partner or _adult(38), children=children, family_benefits=None
    )
    return run(household)["benefits"]["allocations_familiales"]


def test_from_the_second_child():
    one = af("2026-10", [8])
    assert not one["eligible"]
    assert one["reasons"][0]["code"] == "children"
    assert af("2026-10", [8, 5])["monthly_amount"] == pytest.approx(round(0.32 * BMAF["2026-10"], 2))
    assert af("2026-10", [8, 5, 2])["monthly_amount"] == pytest.approx(round(0.73 * BMAF["2026-10"], 2))
    assert af("2026-10", [8, 5, 2, 1])["monthly_amount"] == pytest.approx(round(1.14 * BMAF["2026-10"], 2))


def test_children_count_until_20():
    assert not af("2026-10", [20, 5])["eligible"]
    assert af("2026-10", [19, 5])["eligible"]


def test_the_age_increase_before_and_after_march_2026():
    """16 % of the BMAF from 14 (R521-1); from 1 March 2026, from 18 for a child born from March 2012
    (décret 2026-138). Never for the eldest of two."""
    base3 = round(0.73 * BMAF["2026-02"], 2)
    # February 2026: children aged 14 and 15 in a family of 3 get it (rule of 14).
    assert af("2026-02", [15, 14, 10])["monthly_amount"] == pytest.approx(base3 + 2 * 0.16 * 474.37, abs=0.01)
    # October 2026: the child of 15 was born in October 2011 (before March 2012): 14 still applies;
    # the child of 14 was born in October 2012: from 18.
    base3 = round(0.73 * BMAF["2026-10"], 2)
    assert af("2026-10", [15, 14, 10])["monthly_amount"] == pytest.approx(base3 + 0.16 * 478.16, abs=0.01)
    # The eldest of two gets no increase; twins are both the eldest.
    assert af("2025-11", [16, 10])["monthly_amount"] == pytest.approx(round(0.32 * 474.37, 2))
    assert af("2025-11", [16, 16])["monthly_amount"] == pytest.approx(round(0.32 * 474.37, 2))


def test_the_allocation_forfaitaire_at_20():
    """A child of 20 in a family of 3: 20,234 % of the BMAF for a year (L521-1, D521-2)."""
    result = af("2026-10", [20, 17, 12])
    expected = round(0.32 * 478.16, 2) + round(0.20234 * 478.16, 2)
    # The child of 17 is the elder of the two children under 20: no age increase for them.
    assert result["monthly_amount"] == pytest.approx(expected, abs=0.01)
    assert [step["code"] for step in result["steps"]].count("forfait_20") == 1


def test_the_amounts_are_halved_above_the_first_ceiling():
    """D521-3: 66 652 € + 6 664 € per child (2026); resources of 2024 after the 10 % deduction."""
    high = af(
        "2026-10",
        [12, 9, 5],
        _adult(45, earned_income=4500, other_income=1200),
        _adult(44, earned_income=4500),
    )
    income = (12 * 5700 - 5700 * 1.2) + (12 * 4500 - 4500 * 1.2)
    assert 66652 + 3 * 6664 < income <= 93276 + 3 * 6664
    full = round(0.73 * 478.16, 2)
    modulated = full / 2
    excess = (income - (66652 + 3 * 6664)) / 12
    assert high["monthly_amount"] == pytest.approx(modulated + max(0, modulated - excess), abs=0.01)
