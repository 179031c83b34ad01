"""The questions the benefits need, derived from what each benefit declares (the wizard asks no more)."""

from __future__ import annotations

from pti_citizen.simulator import HouseholdDraft, PersonDraft, needed_fields
from pti_citizen.simulator.questions import FIELDS


def test_the_first_questions_are_the_same_for_everyone():
    assert needed_fields(HouseholdDraft())[:3] == ["couple", "applicant.age", "children"]
    assert set(needed_fields(HouseholdDraft())) <= set(FIELDS)


def test_partner_questions_only_for_a_couple():
    single = needed_fields(HouseholdDraft(couple=False))
    couple = needed_fields(HouseholdDraft(couple=True))
    assert not [name for name in single if name.startswith("partner.")]
    assert {"partner.age", "partner.nationality", "partner.earned_income"} <= set(couple)


def test_child_support_only_for_a_parent_alone():
    assert "child_support_received" in needed_fields(HouseholdDraft(couple=False, children=(7, 3)))
    assert "child_support_received" not in needed_fields(HouseholdDraft(couple=True, children=(7, 3)))
    assert "child_support_received" not in needed_fields(HouseholdDraft(couple=False, children=()))


def test_income_stopped_only_when_there_is_earned_income():
    with_pay = HouseholdDraft(couple=False, applicant=PersonDraft(earned_income=900))
    without = HouseholdDraft(couple=False, applicant=PersonDraft(earned_income=0))
    assert "applicant.earned_income_stopped" in needed_fields(with_pay)
    assert "applicant.earned_income_stopped" not in needed_fields(without)


def test_worked_hours_only_under_25_without_child():
    young = HouseholdDraft(couple=False, applicant=PersonDraft(age=22), children=(), pregnant=False)
    assert "applicant.worked_hours_last_3_years" in needed_fields(young)
    assert "applicant.worked_hours_last_3_years" not in needed_fields(
        HouseholdDraft(couple=False, applicant=PersonDraft(age=22), children=(2,))
    )
    assert "applicant.worked_hours_last_3_years" not in needed_fields(
        HouseholdDraft(couple=False, applicant=PersonDraft(age=30), children=(), pregnant=False)
    )
    # Unknown yet (pregnancy not answered): asked later, never guessed.
    assert "applicant.worked_hours_last_3_years" not in needed_fields(
        HouseholdDraft(couple=False, applicant=PersonDraft(age=22), children=())
    )


def test_pregnancy_and_separation_when_they_change_the_amount():
    alone = HouseholdDraft(couple=False, children=(7,))
    assert "pregnant" in needed_fields(alone)
    assert "isolated_since_months" not in needed_fields(alone)  # pregnancy not answered yet
    assert "isolated_since_months" in needed_fields(
        HouseholdDraft(couple=False, children=(7,), pregnant=False)
    )
    assert "pregnant" not in needed_fields(HouseholdDraft(couple=False, children=(1,)))  # under 3 already
    assert "pregnant" not in needed_fields(
        HouseholdDraft(couple=True, children=(), applicant=PersonDraft(age=40), partner=PersonDraft(age=40))
    )


def test_permits_only_for_whom_they_matter():
    french = HouseholdDraft(applicant=PersonDraft(nationality="fr"))
    assert "applicant.refugee" not in needed_fields(french)
    non_eu = HouseholdDraft(applicant=PersonDraft(nationality="non_eu"))
    assert "applicant.refugee" in needed_fields(non_eu)
    assert "applicant.residence_permit_years" not in needed_fields(non_eu)  # refugee not answered
    assert "applicant.residence_permit_years" in needed_fields(
        HouseholdDraft(applicant=PersonDraft(nationality="non_eu", refugee=False))
    )


def test_housing_benefit_for_a_tenant_or_a_loan():
    assert "housing.housing_benefit" in needed_fields(HouseholdDraft(housing_status="tenant"))
    assert "housing.housing_benefit" not in needed_fields(HouseholdDraft(housing_status="housed_free"))


def test_every_field_is_read_by_the_model():
    """A declared field exists in the input model (no question for nothing)."""
    from pti_citizen.simulator import REGISTRY
    from pti_citizen.simulator.household import EstimateInput, Housing, Person

    models = {"applicant": Person, "partner": Person, "housing": Housing}
    for benefit in REGISTRY:
        for need in benefit.questions:
            head, _, tail = need.field.partition(".")
            if need.field in ("couple", "children") or not tail:
                assert need.field in ("couple", *EstimateInput.model_fields)
            else:
                assert tail in models[head].model_fields, need.field
            assert need.field in FIELDS
