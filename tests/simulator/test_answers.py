"""The wizard's answers: the questions asked are exactly what the benefits need for this household
(nothing restated), each typed answer is checked, what comes back from the browser is bounded, and
complete answers make the household the engine estimates."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pti_citizen.simulator import answers as a
from pti_citizen.simulator import estimate, needed_fields, parse_household
from pti_citizen.simulator.questions import FIELDS

#: « Mère seule, 2 enfants (7 et 3 ans), 600 € de salaire, 450 € d'APL, pas de pension alimentaire »
#: (issue #11), as the wizard's buttons and fields send it.
MOTHER = {
    "couple": "single",
    "applicant.age": "30",
    "children": "2",
    "children.ages": ["7", "3"],
    "pregnant": "no",
    "isolated_since_months": "long",
    "applicant.nationality": "fr",
    "applicant.student": "no",
    "housing.status": "tenant",
    "housing.housing_benefit": "450",
    "applicant.earned_income": "600",
    "applicant.earned_income_stopped": "goes_on",
    "applicant.other_income": "0",
    "child_support_received": "0",
}


def walk(profile: dict) -> list[str]:
    """Answer the wizard the way the page does: the question on screen, then the next one."""
    answers: a.Answers = {}
    seen = []
    question = a.current(a.read(answers), "")
    while question is not None:
        seen.append(question)
        answers[question] = profile[question]
        question = a.following(a.read(answers), question)
        assert len(seen) < 40
    return seen


def test_every_input_of_the_engine_has_a_question_in_one_of_four_parts():
    assert {q.id for q in a.QUESTIONS} == {*FIELDS, a.CHILDREN_AGES}
    assert [q.id for q in a.QUESTIONS if q.id != a.CHILDREN_AGES] == list(FIELDS)
    for question in a.QUESTIONS:
        assert question.section in a.SECTIONS
        assert (question.kind == a.CHOICE) == bool(question.choices) or question.kind == a.COUNT


def test_the_mother_of_issue_11_is_asked_only_what_the_benefits_need():
    asked = walk(MOTHER)
    assert asked == list(MOTHER)
    reading = a.read(MOTHER)
    # The list is the engine's, for the facts given: no question the benefits do not declare.
    assert [q for q in reading.asked if q != a.CHILDREN_AGES] == needed_fields(reading.draft)
    assert "applicant.worked_hours_last_3_years" not in asked and "partner.age" not in asked
    assert reading.complete


def test_the_household_is_the_engines_input_and_gives_every_benefit():
    household = a.household(MOTHER, "fr")
    assert household is not None
    direct, errors = parse_household(
        {
            "applicant": {
                "age": 30,
                "nationality": "fr",
                "earned_income": 600.0,
                "earned_income_stopped": False,
                "other_income": 0.0,
                "student": False,
            },
            "children": [7, 3],
            "isolated_since_months": 18,
            "housing": {"status": "tenant", "housing_benefit": 450.0},
            "child_support_received": 0.0,
        },
        "fr",
    )
    assert errors == [] and household == direct.model_copy(update={"lang": household.lang})
    result = estimate(household, "fr")
    assert {b.name for b in result.benefits if b.eligible} == {
        "rsa",
        "prime_activite",
        "allocations_familiales",
        "asf",
    }
    assert result.family_benefits_estimated


def test_progress_moves_through_four_parts_and_never_back():
    couple = {
        "couple": "couple",
        "applicant.age": "22",
        "partner.age": "23",
        "children": "0",
        "pregnant": "no",
        "applicant.nationality": "non_eu",
        "applicant.refugee": "no",
        "applicant.residence_permit_years": "enough",
        "partner.nationality": "eu",
        "partner.residence_permit_years": "less",
        "applicant.student": "no",
        "partner.student": "no",
        "applicant.worked_hours_last_3_years": "less",
        "partner.worked_hours_last_3_years": "enough",
        "housing.status": "owner_with_loan",
        "housing.housing_benefit": "120",
        "applicant.earned_income": "0",
        "partner.earned_income": "1 200,50",
        "partner.earned_income_stopped": "stopped",
        "applicant.other_income": "0",
        "partner.other_income": "0",
    }
    for profile in (MOTHER, couple):
        steps = [a.section_number(question) for question in walk(profile)]
        assert steps == sorted(steps) and steps[0] == 1 and steps[-1] == len(a.SECTIONS) == 4
    household = a.household(couple)
    assert household is not None
    assert household.partner.residence_permit_years == 0.0  # an EU citizen here for less than 3 months
    assert household.applicant.residence_permit_years == 5.0
    assert household.partner.earned_income == 1200.5 and household.partner.earned_income_stopped


def test_an_answer_left_from_another_path_changes_nothing():
    answers = {**MOTHER, "partner.age": "40", "partner.nationality": "fr", "applicant.refugee": "yes"}
    household = a.household(answers)
    assert household is not None and household.partner is None and household.applicant.refugee is False
    # Going back to say « en couple » asks the partner's questions, then keeps the later answers.
    answers["couple"] = "couple"
    reading = a.read(answers)
    assert "partner.student" in reading.missing and "partner.age" not in reading.missing
    assert a.following(reading, "couple") == "applicant.age"


def test_back_and_the_question_on_screen():
    reading = a.read(MOTHER)
    assert a.previous(reading, "pregnant") == a.CHILDREN_AGES
    assert a.previous(reading, "couple") is None
    assert a.current(reading, "housing.status") == "housing.status"
    # A question no longer asked gives its place to the next one asked.
    assert a.current(reading, "partner.age") == "children"
    assert a.following(reading, "child_support_received") is None
    assert a.current(a.read({}), "") == a.FIRST


def test_no_children_skips_their_ages():
    reading = a.read({"couple": "single", "applicant.age": "40", "children": "0"})
    assert a.CHILDREN_AGES not in reading.asked
    assert a.following(reading, "children") == "pregnant"


@pytest.mark.parametrize(
    ("question", "typed", "expected"),
    [
        ("applicant.age", "34", ("34", None)),
        ("applicant.age", "٣٤", ("34", None)),
        ("applicant.age", "15", (None, a.AGE_RANGE)),
        ("applicant.age", "3,5", (None, a.WHOLE_NUMBER)),
        ("applicant.age", "", (None, a.REQUIRED)),
        ("applicant.age", "9" * 50, (None, a.TOO_LONG)),
        ("children", "7", ("7", None)),
        ("children", "3", (None, a.COUNT_RANGE)),
        ("children", "21", (None, a.COUNT_RANGE)),
        ("housing.housing_benefit", " 1 200,50 € ", ("1 200,50 €", None)),
        ("housing.housing_benefit", "-50", (None, "money_negative")),
        ("housing.housing_benefit", "1,200", (None, "money_ambiguous")),
        ("housing.housing_benefit", "abc", (None, "money_not_a_number")),
        ("housing.housing_benefit", None, (None, "money_required")),
        ("couple", "single", (None, a.CHOICE_UNKNOWN)),
    ],
)
def test_typed_answers_are_checked(question, typed, expected):
    assert a.check_typed(question, typed) == expected


def test_buttons_and_child_ages_are_checked():
    assert a.check_choice("couple", "couple") is None
    assert a.check_choice("couple", "<script>") == a.CHOICE_UNKNOWN
    assert a.check_choice("applicant.age", "30") == a.CHOICE_UNKNOWN
    assert a.check_child_ages(["7", "30", "x"]) == (["7", "30", "x"], ["", a.CHILD_AGE_RANGE, a.WHOLE_NUMBER])


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "not json",
        "[1, 2]",
        json.dumps({"couple": "single", "x": "y"}) + " " * a.MAX_STORED_CHARS,
        json.dumps({"couple": 3, "applicant.age": ["30"]}),
        json.dumps({"children.ages": ["1"] * 21}),
        json.dumps({"applicant.age": "3" * 41}),
    ],
)
def test_what_the_browser_sends_back_is_bounded(raw):
    assert a.load(raw) == {}


def test_unknown_keys_are_dropped_and_known_ones_kept():
    raw = json.dumps(
        {"couple": "single", "__proto__": "x", "applicant.age": "30", "children.ages": ["1", "2"]}
    )
    assert a.load(raw) == {"couple": "single", "applicant.age": "30", "children.ages": ["1", "2"]}
    assert len(a.dump({**MOTHER})) < a.MAX_STORED_CHARS // 4


def test_i_know_the_amount_the_caf_pays_me():
    pinned = {**MOTHER, a.FAMILY_BENEFITS: "556,58"}
    household = a.household(pinned)
    assert household is not None and household.family_benefits == 556.58
    result = estimate(household, "fr")
    assert not result.family_benefits_estimated
    assert [b.name for b in result.benefits] == ["rsa", "prime_activite"]
    # A wrong amount is not a guess: the family benefits are estimated instead.
    assert a.household({**MOTHER, a.FAMILY_BENEFITS: "-3"}).family_benefits is None


def test_incomplete_answers_make_no_household():
    assert a.household({"couple": "single"}) is None
    assert a.payload(a.read({}), {}) is None


_VALUES = st.one_of(
    st.sampled_from(["single", "couple", "yes", "no", "fr", "eu", "non_eu", "tenant", "stopped", "0", "30"]),
    st.text(max_size=45),
    st.lists(st.text(max_size=4), max_size=22),
    st.integers(),
    st.none(),
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from([*a.BY_ID, a.FAMILY_BENEFITS, "other"]), _VALUES, max_size=30))
def test_any_answers_read_without_error_and_complete_ones_are_valid_input(raw):
    answers = a.load(json.dumps(raw))
    reading = a.read(answers)
    assert set(reading.missing) <= set(reading.asked)
    question = a.current(reading, "")
    assert question is None or question in reading.asked
    body = a.payload(reading, answers)
    if body is not None:
        _, errors = parse_household(body, "fr")
        assert errors == []


@pytest.mark.parametrize(
    "stored",
    [
        "[" * 3000 + "]" * 3000,
        '{"age": ' + "9" * 5000 + "}",
        '{"age": {"a": {"b": {"c": {"d": 1}}}}}',
        "x" * 5000,
    ],
)
def test_hostile_browser_storage_reads_as_no_answers(stored):
    """What the tab sends back is anyone's: too deep, too long, not JSON — never an exception."""
    assert a.load(stored) == {}


def test_answers_are_parsed_once_per_text_and_each_caller_gets_its_own_copy():
    """An event reads its answers several times: the text is parsed once, but a caller that changes
    what it got (an answer added, a child's age) never changes what the next caller reads."""
    raw = a.dump(MOTHER)
    first = a.load(raw)
    first["couple"] = "couple"
    first[a.CHILDREN_AGES].append("1")
    again = a.load(raw)
    assert again == MOTHER and again is not first and again[a.CHILDREN_AGES] is not first[a.CHILDREN_AGES]
    hits = a._load.cache_info().hits
    a.load(raw)
    assert a._load.cache_info().hits == hits + 1
    # Hostile texts are refused before anything is kept.
    size = a._load.cache_info().currsize
    assert a.load("x" * (a.MAX_STORED_CHARS + 1)) == {} and a._load.cache_info().currsize == size


def test_a_reading_is_kept_by_the_answers_content_and_is_the_same_as_reading_afresh():
    today = date(2026, 12, 7)
    answers = {**MOTHER}
    kept = a.read(answers, today)
    assert a.read(dict(reversed(answers.items())), today) is kept  # same answers, any order
    assert kept == a._read(answers, today)
    answers["applicant.earned_income"] = "0"
    changed = a.read(answers, today)
    assert changed is not kept and changed.draft.applicant.earned_income == 0.0
    # Answers that are not text (a caller's own dict) are read, never kept.
    odd = {**MOTHER, "applicant.age": object()}
    assert "applicant.age" in a.read(odd, today).missing
