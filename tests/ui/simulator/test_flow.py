"""Which questions the wizard asks, in what order, how answers are checked and turned into the input.

Expected amounts are worked out by hand from the law's parameters in force from 1 April 2026
(décret n° 2026-220: 651,69 € for one person; art. R262-1 CASF: +50 % for the 2nd person, +30 % for
the 3rd and 4th, majoré 128,412 % + 42,804 % per child; art. R262-9/10: forfait logement 12 % for one
person) or taken from /work/shared/contracts/rsa-examples.json (OpenFisca-France values).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pti_citizen.simulator import estimate_payload
from pti_citizen.ui.simulator import flow

TODAY = dt.date(2026, 11, 29)
P = flow.parameters(TODAY)

SINGLE_TENANT = {
    "couple": "single",
    "age": "30",
    "children_count": "0",
    "pregnant": "no",
    "nationality": "fr",
    "student": "no",
    "housing": "tenant",
    "housing_benefit": "250",
    "earned": "0",
    "other_income": "0",
}


def amount(answers: dict) -> float:
    status, body = estimate_payload({**flow.to_payload(answers, P), "month": "2026-11"}, "fr", today=TODAY)
    assert status == 200, body
    return body["monthly_amount"]


def test_single_person_is_asked_ten_questions_and_no_partner_question():
    asked = flow.asked_questions(SINGLE_TENANT, P)
    assert asked == [
        "couple",
        "age",
        "children_count",
        "pregnant",
        "nationality",
        "student",
        "housing",
        "housing_benefit",
        "earned",
        "other_income",
    ]
    assert not [q for q in asked if q.startswith("partner_")]
    assert flow.first_missing(SINGLE_TENANT, P) is None


def test_single_tenant_with_housing_benefit_matches_the_contract_example():
    # rsa-examples.json « single, 30, tenant, housing benefit 250 »: 651,69 − 12 % × 651,69 = 573,49.
    assert amount(SINGLE_TENANT) == pytest.approx(573.49, abs=0.005)


def test_couple_is_asked_about_the_partner_but_never_about_a_separation():
    answers = {**SINGLE_TENANT, "couple": "couple", "partner_age": "33", "children_count": "2"}
    answers["children_ages"] = ["8", "5"]
    asked = flow.asked_questions(answers, P)
    for question in ("partner_age", "partner_nationality", "partner_student", "partner_earned"):
        assert question in asked
    assert "isolated" not in asked
    assert "pregnant" not in asked  # a couple of adults over 25 with children: a pregnancy changes nothing
    assert "family_benefits" in asked


def test_couple_with_two_children_and_a_salary():
    answers = {
        **SINGLE_TENANT,
        "couple": "couple",
        "age": "35",
        "partner_age": "33",
        "children_count": "2",
        "children_ages": ["8", "5"],
        "partner_nationality": "fr",
        "partner_student": "no",
        "housing_benefit": "0",
        "earned": "1 000,00 €",
        "partner_earned": "0",
        "family_benefits": "153,01",
    }
    assert flow.first_missing(answers, P) is None
    # 651,69 × (1 + 0,5 + 0,3 + 0,3) = 1 368,55 (contract example); − 153,01 − 1 000 = 215,54.
    assert amount(answers) == pytest.approx(215.54, abs=0.005)


def test_single_parent_with_a_baby_gets_the_increase_without_the_separation_question():
    answers = {
        **SINGLE_TENANT,
        "age": "28",
        "children_count": "1",
        "children_ages": ["1"],
        "housing_benefit": "0",
        "family_benefits": "0",
    }
    asked = flow.asked_questions(answers, P)
    assert "isolated" not in asked and "pregnant" not in asked
    # 651,69 × (1,28412 + 0,42804) = 1 115,80 (contract example « single parent, 28, baby aged 1 »).
    assert amount(answers) == pytest.approx(1115.80, abs=0.005)


def test_separation_is_asked_only_for_a_single_parent_whose_youngest_child_is_3_or_more():
    answers = {**SINGLE_TENANT, "children_count": "1", "children_ages": ["7"], "pregnant": "no"}
    assert "isolated" in flow.asked_questions(answers, P)
    recent = amount({**answers, "isolated": "recent", "family_benefits": "0", "housing_benefit": "0"})
    long_ago = amount({**answers, "isolated": "long", "family_benefits": "0", "housing_benefit": "0"})
    # Majoré: 651,69 × 1,71216 = 1 115,80; otherwise 651,69 × 1,5 = 977,54 (977,535 rounded half up).
    assert recent == pytest.approx(1115.80, abs=0.005)
    assert long_ago == pytest.approx(977.54, abs=0.005)
    pregnant = {**answers, "pregnant": "yes"}
    assert "isolated" not in flow.asked_questions(pregnant, P)


@pytest.mark.parametrize(
    ("nationality", "asked", "not_asked"),
    [
        ("fr", [], ["refugee", "permit", "eu_residence"]),
        ("eu", ["eu_residence"], ["refugee", "permit"]),
        ("non_eu", ["refugee"], ["eu_residence"]),
    ],
)
def test_residence_questions_follow_the_nationality(nationality, asked, not_asked):
    questions = flow.asked_questions({**SINGLE_TENANT, "nationality": nationality}, P)
    assert all(q in questions for q in asked)
    assert not any(q in questions for q in not_asked)


def test_permit_years_only_when_not_a_refugee():
    base = {**SINGLE_TENANT, "nationality": "non_eu"}
    assert "permit" in flow.asked_questions({**base, "refugee": "no"}, P)
    assert "permit" not in flow.asked_questions({**base, "refugee": "yes"}, P)
    # 5 years of permit are required (art. L262-4 2°): fewer → not eligible; a refugee is.
    _status, body = estimate_payload(
        flow.to_payload({**base, "refugee": "no", "permit": "less"}, P), "fr", today=TODAY
    )
    assert body["eligible"] is False and "residence_permit" in [r["code"] for r in body["reasons"]]
    assert amount({**base, "refugee": "yes"}) == pytest.approx(573.49, abs=0.005)


@pytest.mark.parametrize(
    ("age", "children", "asked"),
    [("22", "0", True), ("18", "0", True), ("17", "0", False), ("25", "0", False), ("22", "1", False)],
)
def test_young_worker_hours_only_between_18_and_24_without_child(age, children, asked):
    answers = {**SINGLE_TENANT, "age": age, "children_count": children, "children_ages": ["2"]}
    assert ("hours" in flow.asked_questions(answers, P)) is asked


def test_young_worker_with_enough_hours_is_eligible():
    # L262-7-1 and D262-25-1: 3 214 hours in 3 years opens the RSA before 25.
    answers = {**SINGLE_TENANT, "age": "22", "housing_benefit": "0"}
    assert amount({**answers, "hours": "enough"}) == pytest.approx(651.69, abs=0.005)
    assert amount({**answers, "hours": "less"}) == 0


def test_a_pregnancy_makes_the_hours_question_unnecessary():
    answers = {**SINGLE_TENANT, "age": "22", "pregnant": "yes"}
    assert "hours" not in flow.asked_questions(answers, P)


def test_housing_benefit_only_for_tenants():
    for status in ("owner", "owner_with_loan", "housed_free", "homeless"):
        assert "housing_benefit" not in flow.asked_questions({**SINGLE_TENANT, "housing": status}, P)
    # A benefit typed while tenant, then the housing changed: the hidden answer is not used.
    payload = flow.to_payload({**SINGLE_TENANT, "housing": "homeless"}, P)
    assert payload["housing"] == {"status": "homeless", "housing_benefit": 0.0}


def test_moving_forward_and_back_through_the_asked_questions():
    answers = dict(SINGLE_TENANT)
    assert flow.next_question("couple", answers, P) == "age"
    assert flow.next_question("age", answers, P) == "children_count"
    assert flow.previous_question("nationality", answers, P) == "pregnant"
    assert flow.previous_question("couple", answers, P) is None
    assert flow.next_question("other_income", answers, P) is None
    assert flow.progress("nationality", answers, P) == (5, 10)


def test_current_question_skips_a_question_no_longer_asked():
    answers = dict(SINGLE_TENANT)
    assert flow.current_question("partner_age", answers, P) == "children_count"
    assert flow.current_question("", {}, P) == "couple"
    assert flow.current_question("nonsense", answers, P) == "couple"
    assert flow.current_question("family_benefits", answers, P) == "other_income"


def test_first_missing_names_the_first_unanswered_question():
    answers = dict(SINGLE_TENANT)
    del answers["student"]
    assert flow.first_missing(answers, P) == "student"
    assert flow.first_missing({**SINGLE_TENANT, "earned": "abc"}, P) == "earned"
    assert (
        flow.first_missing({**SINGLE_TENANT, "children_count": "2", "children_ages": ["3"]}, P)
        == "children_ages"
    )
    assert flow.first_missing({}, P) == "couple"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("34", ("34", None)),
        (" ٣٤ ", ("34", None)),
        ("", (None, flow.REQUIRED)),
        ("15", (None, flow.AGE_RANGE)),
        ("121", (None, flow.AGE_RANGE)),
        ("-3", (None, flow.AGE_RANGE)),
        ("3,5", (None, flow.WHOLE_NUMBER)),
        ("trente", (None, flow.WHOLE_NUMBER)),
        (None, (None, flow.REQUIRED)),
    ],
)
def test_age_check(text, expected):
    assert flow.check_age(text) == expected


def test_child_age_and_typed_count_checks():
    assert flow.check_child_age("0") == ("0", None)
    assert flow.check_child_age("25") == (None, flow.CHILD_AGE_RANGE)
    assert flow.check_typed_count("6") == ("6", None)
    assert flow.check_typed_count("5") == (None, flow.COUNT_RANGE)
    assert flow.check_typed_count("21") == (None, flow.COUNT_RANGE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 200,50 €", ("1 200,50 €", None)),
        ("-5", (None, "money_negative")),
        ("", (None, "money_required")),
        ("1,200", (None, "money_ambiguous")),
        ("abc", (None, "money_not_a_number")),
        ("1,234", (None, "money_ambiguous")),
        ("12,345", (None, "money_ambiguous")),
        ("3,14159", (None, "money_decimals")),
        ("2 000 000", (None, "money_too_big")),
    ],
)
def test_money_check_keeps_the_text_as_typed(text, expected):
    assert flow.check_money(text) == expected


def test_choice_check_refuses_values_that_are_not_buttons():
    assert flow.check_choice("couple", "single") is None
    assert flow.check_choice("couple", "trouple") == flow.CHOICE_UNKNOWN
    assert flow.check_choice("age", "30") == flow.CHOICE_UNKNOWN
    assert flow.check_choice("nope", "yes") == flow.CHOICE_UNKNOWN
    assert flow.check_choice("children_count", "5") is None


def test_payload_for_a_non_eu_couple_uses_the_thresholds_in_force():
    answers = {
        **SINGLE_TENANT,
        "couple": "couple",
        "partner_age": "40",
        "nationality": "non_eu",
        "refugee": "no",
        "permit": "enough",
        "partner_nationality": "eu",
        "partner_eu_residence": "less",
        "partner_student": "no",
        "partner_earned": "0",
    }
    payload = flow.to_payload(answers, P)
    assert payload["applicant"]["residence_permit_years"] == P.duree_titre_sejour_hors_ue_annees
    assert payload["partner"]["residence_permit_years"] == 0.0
    assert payload["partner"]["nationality"] == "eu"
    assert payload["isolated_since_months"] is None


_VALUES = st.one_of(
    st.sampled_from(
        ["single", "couple", "yes", "no", "fr", "eu", "non_eu", "less", "enough", "recent", "long"]
    ),
    st.sampled_from(["tenant", "owner", "owner_with_loan", "housed_free", "homeless"]),
    st.sampled_from(["0", "1", "2", "3", "17", "22", "30", "70", "1 200,50", "-5", "abc", ""]),
    st.lists(st.sampled_from(["0", "2", "7", "24", "30", "x"]), max_size=4),
    st.integers(),
    st.none(),
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from([q.id for q in flow.QUESTIONS] + ["other"]), _VALUES))
def test_any_answers_give_a_missing_question_or_a_valid_input(answers):
    """Answers edited by hand in the browser's storage never crash and never reach the engine half-valid."""
    missing = flow.first_missing(answers, P)
    asked = flow.asked_questions(answers, P)
    assert asked[0] == "couple"
    for question in asked:
        assert flow.progress(question, answers, P)[0] >= 1
    if missing is None:
        status, body = estimate_payload(flow.to_payload(answers, P), "fr", today=TODAY)
        assert status == 200, body
    else:
        assert missing in asked
