"""The RSA's rules, one legal point at a time. Expected figures come from the law and the decrees
(amounts from parameters.yaml's sources, BMAF shares of the family benefits), never from our own
output."""

from __future__ import annotations

import pytest

from pti_citizen.simulator.benefits.rsa.rules import household_rate
from pti_citizen.simulator.parameters import default_table

from ..conftest import run
from ..grid import _adult, _household

# Décret 2026-220 (1 April 2026), 2025-293 (1 April 2025), 2024-396 (1 April 2024).
MF_2026, MF_2025, MF_2024 = 651.69, 646.52, 635.71


def amount(household: dict) -> float:
    return run(household)["monthly_amount"]


def reason_codes(household: dict) -> list[str]:
    return [reason["code"] for reason in run(household)["reasons"]]


@pytest.mark.parametrize(
    ("adults", "children", "rate"),
    [
        (1, 0, 1.0),
        (2, 0, 1.5),  # +50 % for the 2nd person
        (1, 1, 1.5),
        (1, 2, 1.8),  # +30 % for the 3rd person
        (2, 1, 1.8),
        (2, 2, 2.1),
        (1, 3, 2.2),  # +40 % for the 3rd child
        (2, 3, 2.5),
        (1, 5, 3.0),
        (2, 5, 3.3),
    ],
)
def test_household_multipliers_follow_r262_1(adults, children, rate):
    parameters = default_table().for_month(2026, 10)
    assert household_rate(adults, children, parameters) == pytest.approx(rate)


@pytest.mark.parametrize(
    ("month", "expected"),
    [
        ("2024-04", MF_2024),
        ("2025-03", MF_2024),
        ("2025-04", MF_2025),
        ("2026-03", MF_2025),
        ("2026-04", MF_2026),
    ],
)
def test_the_month_selects_the_amount_in_force(month, expected):
    assert amount(_household(month, _adult(40))) == expected


def test_base_amounts_of_the_published_scale():
    # 2026 scale: 1.5 × 651,69 = 977,535 → 977,54 (rounded half up); OpenFisca keeps 977,535.
    assert amount(_household("2026-10", _adult(40), _adult(40))) == pytest.approx(977.54, abs=0.01)
    assert amount(_household("2026-10", _adult(40), _adult(40), children=[9, 6])) == pytest.approx(
        2.1 * MF_2026, abs=0.01
    )
    assert amount(_household("2026-10", _adult(40), children=[15, 12, 9])) == pytest.approx(
        2.2 * MF_2026, abs=0.01
    )


def test_children_count_until_their_25th_birthday():
    with_24 = run(_household("2026-10", _adult(50), children=[24]))
    assert with_24["breakdown"]["base_amount"] == pytest.approx(1.5 * MF_2026, abs=0.01)


class TestHousingFlatRate:
    """Art. R262-9 and R262-10 CASF: 12 % / 16 % / 16,5 % of the 1 / 2 / 3-person amounts."""

    def test_tenant_without_housing_benefit_has_none(self):
        result = run(_household("2026-10", _adult(40)))
        assert result["breakdown"]["housing_flat_rate"] == 0
        assert result["monthly_amount"] == MF_2026

    @pytest.mark.parametrize(
        ("partner", "children", "flat_rate"),
        [
            (None, [], 0.12 * MF_2026),
            (True, [], 0.16 * 1.5 * MF_2026),
            (True, [4], 0.165 * 1.8 * MF_2026),
            (True, [4, 8, 12], 0.165 * 1.8 * MF_2026),
        ],
    )
    def test_tenant_with_a_large_benefit_gets_the_flat_rate(self, partner, children, flat_rate):
        household = _household(
            "2026-10",
            _adult(40),
            _adult(40) if partner else None,
            children=children,
            housing={"status": "tenant", "housing_benefit": 450},
        )
        assert run(household)["breakdown"]["housing_flat_rate"] == pytest.approx(flat_rate, abs=0.01)

    def test_a_benefit_below_the_flat_rate_is_taken_off_as_is(self):
        household = _household(
            "2026-05", _adult(41), _adult(38), housing={"status": "tenant", "housing_benefit": 120}
        )
        result = run(household)
        assert result["breakdown"]["housing_flat_rate"] == 120
        assert [step["code"] for step in result["steps"]].count("housing_flat_rate") == 1

    @pytest.mark.parametrize("status", ["owner", "housed_free"])
    def test_owner_without_loan_and_housed_free_pay_the_flat_rate(self, status):
        household = _household("2025-11", _adult(52), housing={"status": status, "housing_benefit": 0})
        assert run(household)["breakdown"]["housing_flat_rate"] == pytest.approx(0.12 * MF_2025, abs=0.01)

    @pytest.mark.parametrize("status", ["owner_with_loan", "homeless"])
    def test_loan_or_homeless_without_benefit_pay_nothing(self, status):
        household = _household("2026-10", _adult(40), housing={"status": status, "housing_benefit": 0})
        assert run(household)["monthly_amount"] == MF_2026


class TestResourcesAndMinimum:
    def test_earned_income_counts_in_full_since_2016(self):
        assert amount(_household("2026-10", _adult(30, earned_income=500))) == pytest.approx(MF_2026 - 500)

    def test_both_partners_and_family_benefits_count(self):
        household = _household(
            "2026-10",
            _adult(35, earned_income=300),
            _adult(33, other_income=200),
            children=[8, 5],
            family_benefits=153.01,
        )
        result = run(household)
        assert result["breakdown"]["resources_counted"] == pytest.approx(653.01)
        assert result["monthly_amount"] == pytest.approx(2.1 * MF_2026 - 653.01, abs=0.01)

    def test_below_six_euros_nothing_is_paid(self):
        # Art. R262-39 CASF: under 6 €, the RSA is not paid.
        result = run(_household("2026-10", _adult(45, earned_income=646.0)))
        assert not result["eligible"]
        assert result["monthly_amount"] == 0
        assert reason_codes(_household("2026-10", _adult(45, earned_income=646.0))) == ["below_minimum"]

    def test_six_euros_are_paid(self):
        result = run(_household("2026-10", _adult(45, earned_income=645.69)))
        assert result["eligible"]
        assert result["monthly_amount"] == pytest.approx(6.0)

    def test_resources_above_the_base_give_nothing(self):
        household = _household("2026-10", _adult(45, other_income=700))
        assert reason_codes(household) == ["resources_too_high"]
        assert run(household)["monthly_amount"] == 0


class TestSingleParentIncrease:
    """Art. L262-9, R262-1 (128,412 % + 42,804 % per child) and R262-2 CASF."""

    def test_pregnant_woman_alone(self):
        result = run(_household("2026-05", _adult(27), pregnant=True))
        assert result["breakdown"]["increased_for_single_parent"]
        assert result["monthly_amount"] == pytest.approx(1.28412 * MF_2026, abs=0.01)

    def test_youngest_child_under_three_needs_no_date(self):
        result = run(_household("2026-10", _adult(33), children=[2, 6]))
        assert result["monthly_amount"] == pytest.approx((1.28412 + 2 * 0.42804) * MF_2026, abs=0.01)

    def test_child_of_three_without_recent_separation_gets_the_normal_amount(self):
        result = run(_household("2026-10", _adult(33), children=[3]))
        assert not result["breakdown"]["increased_for_single_parent"]
        assert result["monthly_amount"] == pytest.approx(1.5 * MF_2026, abs=0.01)

    @pytest.mark.parametrize(("months", "increased"), [(0, True), (17, True), (18, False), (30, False)])
    def test_increase_within_18_months_of_the_separation(self, months, increased):
        result = run(_household("2026-10", _adult(33), children=[7], isolated_since_months=months))
        assert result["breakdown"]["increased_for_single_parent"] is increased

    def test_couples_never_get_it(self):
        household = _household("2026-10", _adult(33), _adult(35), children=[1], pregnant=True)
        assert not run(household)["breakdown"]["increased_for_single_parent"]


class TestConditions:
    """Art. L262-4, L262-5, L262-6 and L262-7-1 CASF."""

    def test_under_25_without_child_is_not_eligible(self):
        assert reason_codes(_household("2026-10", _adult(24))) == ["age"]

    def test_jeune_actif_from_18_with_3214_hours(self):
        assert run(_household("2026-10", _adult(18, worked_hours_last_3_years=3214)))["eligible"]
        assert not run(_household("2026-10", _adult(24, worked_hours_last_3_years=3213)))["eligible"]

    def test_under_18_without_child(self):
        result = run(_household("2026-10", _adult(17, worked_hours_last_3_years=4000)))
        assert not result["eligible"]
        assert "18" in result["reasons"][0]["text"]

    def test_under_25_parent_is_eligible(self):
        assert run(_household("2026-10", _adult(20), children=[4]))["eligible"]

    def test_pregnant_couple_under_25_gets_the_couple_amount(self):
        result = run(_household("2026-10", _adult(22), _adult(23), pregnant=True))
        assert result["monthly_amount"] == pytest.approx(1.5 * MF_2026, abs=0.01)

    def test_student_is_excluded(self):
        assert reason_codes(_household("2026-10", _adult(27, student=True))) == ["student"]

    def test_student_single_parent_with_the_increase_is_not_excluded(self):
        result = run(_household("2026-10", _adult(27, student=True), children=[1]))
        assert result["eligible"]
        assert result["breakdown"]["increased_for_single_parent"]

    def test_student_spouse_does_not_block_the_couple(self):
        result = run(_household("2026-10", _adult(40), _adult(23, student=True)))
        assert result["monthly_amount"] == pytest.approx(1.5 * MF_2026, abs=0.01)

    @pytest.mark.parametrize(("years", "eligible"), [(0, False), (4.9, False), (5, True), (12, True)])
    def test_non_eu_needs_five_years_of_permit(self, years, eligible):
        household = _household("2026-10", _adult(40, nationality="non_eu", residence_permit_years=years))
        assert run(household)["eligible"] is eligible

    def test_refugees_do_not_need_five_years(self):
        household = _household(
            "2026-10", _adult(40, nationality="non_eu", residence_permit_years=1, refugee=True)
        )
        assert run(household)["eligible"]

    def test_single_parent_with_the_increase_does_not_need_five_years(self):
        household = _household(
            "2026-10", _adult(30, nationality="non_eu", residence_permit_years=1), children=[0]
        )
        assert run(household)["eligible"]

    def test_eu_citizen_needs_three_months_unless_working(self):
        newcomer = _household("2026-10", _adult(30, nationality="eu", residence_permit_years=0.1))
        worker = _household(
            "2026-10", _adult(30, nationality="eu", residence_permit_years=0.1, earned_income=300)
        )
        assert reason_codes(newcomer) == ["eu_residence"]
        assert run(worker)["monthly_amount"] == pytest.approx(MF_2026 - 300)
        assert run(worker)["notices"][0]["code"] == "eu_right_of_residence"

    def test_spouse_without_five_years_is_not_counted_but_their_income_is(self):
        household = _household(
            "2026-10",
            _adult(40),
            _adult(38, nationality="non_eu", residence_permit_years=2, earned_income=100),
            children=[6],
        )
        result = run(household)
        assert result["breakdown"]["base_amount"] == pytest.approx(1.5 * MF_2026, abs=0.01)
        assert result["breakdown"]["resources_counted"] == 100
        assert "adult_not_counted" in [reason["code"] for reason in result["reasons"]]

    def test_the_spouse_can_be_the_claimant(self):
        household = _household(
            "2026-10", _adult(40, nationality="non_eu", residence_permit_years=2), _adult(41)
        )
        result = run(household)
        assert result["eligible"]
        assert result["breakdown"]["base_amount"] == MF_2026

    def test_each_failing_adult_is_explained(self):
        household = _household(
            "2026-10", _adult(30, student=True), _adult(31, nationality="non_eu", residence_permit_years=2)
        )
        assert reason_codes(household) == ["student", "partner_residence_permit"]

    def test_not_eligible_has_a_zero_breakdown(self):
        result = run(_household("2026-10", _adult(22)))
        assert result["monthly_amount"] == 0
        assert result["breakdown"] == {
            "base_amount": 0.0,
            "increased_for_single_parent": False,
            "housing_flat_rate": 0.0,
            "resources_counted": 0.0,
        }
        assert "contact_mds" in result["next_steps"]


def test_next_steps():
    eligible_worker = run(_household("2026-10", _adult(30, earned_income=200)))
    assert eligible_worker["next_steps"] == ["apply_caf", "apply_msa", "c2s", "prime_activite"]
    assert run(_household("2026-10", _adult(30, other_income=900)))["next_steps"] == ["contact_mds"]


# Family benefits estimated by the engine (contract version 2): what the RSA counts of them.
BMAF_2026 = 478.16


def _v2(*args, **changes) -> dict:
    return _household(*args, **{"family_benefits": None, **changes})


class TestFamilyBenefitsCounted:
    """Art. R262-10-1 and R262-11 CASF: the AF without the age increase, the ASF at a flat rate."""

    def test_the_allocations_familiales_count_without_the_age_increase(self):
        # Two children under 20, the elder 15 and born before March 2012 (Feb 2026): an increase of
        # 16 % of the BMAF is paid, but the RSA counts only the base, 32 % of the BMAF.
        result = run(_v2("2026-02", _adult(40), _adult(38), children=[15, 10]))
        af = result["benefits"]["allocations_familiales"]
        assert af["monthly_amount"] == pytest.approx(round(0.32 * 474.37, 2), abs=0.01)  # eldest of 2: none
        counted = run(_v2("2026-02", _adult(40), _adult(38), children=[15, 15, 10]))
        base = round((0.32 + 0.41) * 474.37, 2)
        assert counted["benefits"]["allocations_familiales"]["monthly_amount"] == pytest.approx(
            base + 2 * 0.16 * 474.37, abs=0.01
        )
        # Three children aged 3 to 20 and no income: the complément familial is paid at its increased
        # rate (62,48 % of the BMAF), and the RSA counts its base rate only (41,65 %).
        assert counted["benefits"]["complement_familial"]["monthly_amount"] == pytest.approx(
            0.6248 * 474.37, abs=0.01
        )
        assert counted["breakdown"]["resources_counted"] == pytest.approx(base + 0.4165 * 474.37, abs=0.02)

    def test_the_asf_counts_at_its_flat_rate_not_the_amount_paid(self):
        result = run(_v2("2026-10", _adult(34), children=[7, 3], isolated_since_months=30))
        asf = result["benefits"]["asf"]
        assert asf["monthly_amount"] == pytest.approx(2 * 0.422 * BMAF_2026, abs=0.01)
        flat = 2 * 0.225 * BMAF_2026
        af = round(0.32 * BMAF_2026, 2)
        assert result["breakdown"]["resources_counted"] == pytest.approx(af + flat, abs=0.02)
        assert result["monthly_amount"] == pytest.approx(1.8 * MF_2026 - af - flat, abs=0.02)

    def test_child_support_is_a_resource_and_reduces_the_asf(self):
        without = run(_v2("2026-10", _adult(34), children=[7, 3], isolated_since_months=30))
        support = run(
            _v2("2026-10", _adult(34), children=[7, 3], isolated_since_months=30, child_support_received=150)
        )
        assert support["benefits"]["asf"]["monthly_amount"] == pytest.approx(
            without["benefits"]["asf"]["monthly_amount"] - 150, abs=0.01
        )
        # The ASF still counts at its flat rate (253,57 € paid > 215,17 €): the support counts in full.
        assert support["monthly_amount"] == pytest.approx(without["monthly_amount"] - 150, abs=0.01)

    def test_a_pinned_amount_keeps_version_1_meaning(self):
        result = run(_household("2026-10", _adult(34), children=[7, 3], family_benefits=100))
        assert set(result["benefits"]) == {"rsa", "prime_activite"}
        assert result["breakdown"]["resources_counted"] == 100
        assert not result["family_benefits_estimated"]


class TestEarnedIncomeStopped:
    """Art. R262-13 CASF, 1st paragraph: earned income whose payment has stopped for good, with no
    replacement income, is not taken into account."""

    def test_earned_income_stopped_for_good_is_left_out(self):
        person = _adult(40, earned_income=1200, earned_income_stopped=True)
        result = run(_household("2026-10", person))
        assert result["eligible"]
        assert result["monthly_amount"] == MF_2026
        assert result["breakdown"]["resources_counted"] == 0
        codes = [step["code"] for step in result["steps"]]
        assert "earned_income_neutralised" in codes
        assert "resignation" in [notice["code"] for notice in result["notices"]]

    def test_without_the_flag_the_same_income_gives_nothing(self):
        result = run(_household("2026-10", _adult(40, earned_income=1200)))
        assert not result["eligible"]

    def test_only_the_stopped_income_is_left_out(self):
        household = _household(
            "2026-10",
            _adult(40, earned_income=1200, earned_income_stopped=True),
            _adult(38, earned_income=300, other_income=200),
        )
        result = run(household)
        assert result["breakdown"]["resources_counted"] == 500
        assert result["monthly_amount"] == pytest.approx(1.5 * MF_2026 - 500, abs=0.01)

    def test_other_income_still_counts(self):
        # The flag is about earned income; an unemployment benefit is a replacement income.
        person = _adult(40, earned_income=1200, earned_income_stopped=True, other_income=400)
        assert amount(_household("2026-10", person)) == pytest.approx(MF_2026 - 400)

    def test_the_prime_d_activite_stops_with_the_work(self):
        result = run(_household("2026-10", _adult(40, earned_income=1200, earned_income_stopped=True)))
        prime = result["benefits"]["prime_activite"]
        assert not prime["eligible"]
        assert [reason["code"] for reason in prime["reasons"]] == ["no_earned_income"]
