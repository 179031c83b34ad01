"""The prime d'activité's rules (art. L842-1 to L842-7, R843-1, D843-1 to D843-3, R844-3 CSS).

Expected figures are computed here from the decrees' amounts (montant forfaitaire, rate, SMIC), never
read from our own output.
"""

from __future__ import annotations

import pytest

from pti_citizen.simulator.period import Month

from ..conftest import run
from ..grid import _adult, _household

SMIC = {Month(2025, 1): 11.88, Month(2026, 1): 12.02, Month(2026, 6): 12.31}
#: Montant forfaitaire (D843-1), rate of earned income (D843-3), maximum bonus and its thresholds (D843-2).
PPA_2025 = {"base": 633.21, "rate": 0.5985, "bonus": 0.29101, "high": 120}
PPA_2024 = {"base": 622.63, "rate": 0.61, "bonus": 0.29101, "high": 120}
PPA_2026 = {"base": 638.28, "rate": 0.5985, "bonus": 0.377, "high": 138}


def one_month(
    earned: float, p: dict, smic: float, lump_sum: float | None = None, resources: float | None = None
) -> float:
    """Art. L842-3 for one reference month: a single worker, no other resource, no housing."""
    lump_sum = p["base"] if lump_sum is None else lump_sum
    resources = earned if resources is None else resources
    maximum = round(p["bonus"] * p["base"], 2)
    bonus = min(max(maximum * (earned - 59 * smic) / ((p["high"] - 59) * smic), 0), maximum)
    return max(0.0, lump_sum + bonus + p["rate"] * earned - max(resources, lump_sum))


def prime(household: dict) -> dict:
    return run(household)["benefits"]["prime_activite"]


def test_the_contract_example_of_a_single_worker():
    # May 2026: the months read are January to March 2026, with the amounts of April 2025.
    expected = one_month(1000, PPA_2025, SMIC[Month(2026, 1)])
    assert prime(_household("2026-05", _adult(23, earned_income=1000)))["monthly_amount"] == pytest.approx(
        expected, abs=0.01
    )
    assert expected == pytest.approx(304.80, abs=0.01)


def test_the_rate_in_force_each_reference_month():
    """61 % of earned income until March 2025, 59,85 % from April 2025 (D843-3, décret 2025-292)."""
    may = prime(_household("2025-05", _adult(40, earned_income=800)))["monthly_amount"]  # Jan–Mar 2025
    assert may == pytest.approx(one_month(800, PPA_2024, SMIC[Month(2025, 1)]), abs=0.01)
    august = prime(_household("2025-08", _adult(40, earned_income=800)))["monthly_amount"]  # Apr–Jun 2025
    assert august == pytest.approx(one_month(800, PPA_2025, SMIC[Month(2025, 1)]), abs=0.01)


def test_the_average_of_three_different_months():
    """June 2025 reads February, March (2024 amounts, 61 %) and April 2025 (new amounts, 59,85 %)."""
    result = prime(_household("2025-06", _adult(40, earned_income=900)))
    smic = SMIC[Month(2025, 1)]
    expected = (2 * one_month(900, PPA_2024, smic) + one_month(900, PPA_2025, smic)) / 3
    assert result["monthly_amount"] == pytest.approx(expected, abs=0.01)
    assert [step["code"] for step in result["steps"]].count("month_amount") == 3


def test_the_reference_months_moved_in_march_2025():
    """Décret 2025-185: M-4 to M-2 since 1 March 2025; M-3 to M-1 before (same household, another month)."""
    steps = {
        step["code"]: step["text"]
        for step in prime(_household("2025-03", _adult(40, earned_income=900)))["steps"]
    }
    assert "novembre 2024, décembre 2024 et janvier 2025" in steps["reference_months"]
    steps = {
        step["code"]: step["text"]
        for step in prime(_household("2025-02", _adult(40, earned_income=900)))["steps"]
    }
    assert "novembre 2024, décembre 2024 et janvier 2025" in steps["reference_months"]


def test_the_forfait_logement_counts_in_every_reference_month():
    """Art. R844-3 CSS: 12 % of the one-person amount with a housing benefit (the contract's first
    example without it gives 319,91 €)."""
    with_benefit = _household(
        "2026-10", _adult(30, earned_income=900), housing={"status": "tenant", "housing_benefit": 200}
    )
    without = _household("2026-10", _adult(30, earned_income=900))
    flat_rate = round(0.12 * PPA_2026["base"], 2)
    assert prime(without)["monthly_amount"] == pytest.approx(319.91, abs=0.01)
    assert prime(with_benefit)["monthly_amount"] == pytest.approx(319.91 - flat_rate, abs=0.01)


def test_nothing_under_15_euros():
    # October 2026 reads May (SMIC 12,02 €), June and July 2026 (SMIC 12,31 €): D843-1, 15 € minimum.
    earned = 2170
    expected = (one_month(earned, PPA_2026, 12.02) + 2 * one_month(earned, PPA_2026, 12.31)) / 3
    assert 0 < expected < 15
    result = prime(_household("2026-10", _adult(40, earned_income=earned)))
    assert not result["eligible"]
    assert result["monthly_amount"] == 0
    assert [reason["code"] for reason in result["reasons"]] == ["below_minimum"]
    assert result["reasons"][0]["amount"] == pytest.approx(expected, abs=0.01)


def test_without_earned_income_there_is_no_prime():
    result = prime(_household("2026-10", _adult(40, other_income=500)))
    assert not result["eligible"]
    assert [reason["code"] for reason in result["reasons"]] == ["no_earned_income"]


@pytest.mark.parametrize(("age", "eligible"), [(17, False), (18, True)])
def test_from_18(age, eligible):
    assert prime(_household("2026-10", _adult(age, earned_income=900)))["eligible"] is eligible


def test_students_need_earnings_above_55_percent_of_the_smic():
    """L842-2 3°, L512-3 2°, R512-2: 55 % of the SMIC on 169 hours (12,31 € in October 2026)."""
    threshold = 0.55 * 169 * SMIC[Month(2026, 6)]
    below = prime(_household("2026-10", _adult(22, student=True, earned_income=1100)))
    assert not below["eligible"]
    assert below["reasons"][0]["code"] == "student"
    assert below["reasons"][0]["amount"] == pytest.approx(threshold - 1100, abs=0.01)
    assert prime(_household("2026-10", _adult(22, student=True, earned_income=1200)))["eligible"]


def test_residence_conditions_of_an_adult():
    """L842-2 2°: five years of permit outside the EU, not for refugees, EU citizens or the increase."""
    recent = _adult(30, nationality="non_eu", residence_permit_years=2, earned_income=900)
    assert not prime(
        _household(
            "2026-10", recent, _adult(30, nationality="non_eu", residence_permit_years=1), children=[8]
        )
    )["eligible"]
    assert prime(_household("2026-10", {**recent, "refugee": True}))["eligible"]
    assert prime(
        _household("2026-10", _adult(30, nationality="eu", residence_permit_years=0.1, earned_income=900))
    )["eligible"]
    # A parent alone with a child under 3 is entitled to the increase: the 5 years do not apply.
    assert prime(_household("2026-10", recent, children=[1]))["eligible"]


def test_a_parent_alone_with_a_young_child_gets_the_increase():
    """L842-7, D843-1: 128,412 % + 42,804 % per child of the one-person amount."""
    result = prime(_household("2026-10", _adult(30, earned_income=700), children=[1]))
    lump = next(step for step in result["steps"] if step["code"] == "lump_sum")
    # Months May–July 2026: the child was under 1, the amounts are those of April 2026.
    assert lump["amount"] == pytest.approx(PPA_2026["base"] * (1.28412 + 0.42804), abs=0.01)


def test_a_couple_gets_a_bonus_for_each_worker():
    single = prime(_household("2026-10", _adult(40, earned_income=1300)))
    couple = prime(_household("2026-10", _adult(40, earned_income=1300), _adult(40, earned_income=1300)))
    bonus = lambda result: next(step["amount"] for step in result["steps"] if step["code"] == "bonus")  # noqa: E731
    assert bonus(couple) == pytest.approx(2 * bonus(single), abs=0.02)
