"""The questions of the « Est-ce que j'ai droit au RSA ? » wizard: order, when each one matters,
how an answer is checked, and how the answers become the engine's input.

Pure Python (no Reflex): the state calls it, and ``tests/ui/simulator`` checks it on its own. A
question is asked only when its answer can change the estimate (no partner questions for a person
alone, no permit question for a French or European citizen…). Answers are kept as the person typed
them (for the « back » button); they are read again each time the input is built.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from pti_citizen.simulator.benefits.rsa.parameters import Parameters
from pti_citizen.simulator.household import MAX_AGE, MAX_CHILD_AGE, MAX_CHILDREN, MIN_ADULT_AGE
from pti_citizen.simulator.money import MoneyError, parse_money, parse_whole_number
from pti_citizen.simulator.parameters import default_table

Answers = Mapping[str, object]

# Kinds of question (what the screen shows).
CHOICE = "choice"  # big buttons
WHOLE = "whole"  # a whole number (an age)
COUNT = "count"  # big buttons 0–5, or a number typed for more
AGES = "ages"  # one age field per child
MONEY = "money"  # an amount of euros per month

YES, NO = "yes", "no"
#: Most children offered as a button; more are typed.
MOST_CHILDREN_AS_BUTTONS = 5

# Error codes (the UI words them in the user's language).
REQUIRED = "required"
WHOLE_NUMBER = "whole_number"
AGE_RANGE = "age_range"
COUNT_RANGE = "count_range"
CHILD_AGE_RANGE = "child_age_range"
CHOICE_UNKNOWN = "choice"
MONEY_ERRORS = {
    "empty": "money_required",
    "negative": "money_negative",
    "not_a_number": "money_not_a_number",
    "ambiguous": "money_ambiguous",
    "too_many_decimals": "money_decimals",
    "too_big": "money_too_big",
}


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class View:
    """The answers read as facts (``None`` while unknown), for the « is this question asked? » rules."""

    answers: Answers
    p: Parameters

    def get(self, key: str) -> object:
        return self.answers.get(key)

    @property
    def couple(self) -> bool:
        return self.get("couple") == "couple"

    @property
    def single(self) -> bool:
        return self.get("couple") == "single"

    def age(self, key: str = "age") -> int | None:
        return _int_or_none(self.get(key))

    @property
    def child_count(self) -> int | None:
        return _int_or_none(self.get("children_count"))

    @property
    def child_ages(self) -> list[int] | None:
        count, ages = self.child_count, self.get("children_ages")
        if not count or not isinstance(ages, list) or len(ages) != count:
            return None
        values = [_int_or_none(age) for age in ages]
        return None if any(age is None for age in values) else values  # type: ignore[return-value]

    @property
    def has_children(self) -> bool:
        return bool(self.child_count)

    @property
    def pregnant(self) -> bool:
        return self.get("pregnant") == YES and is_asked("pregnant", self)

    def young_without_child(self, key: str) -> bool:
        """Between 18 and 24 with no child and no pregnancy: the « RSA jeune actif » hours matter."""
        age = self.age(key)
        return (
            age is not None
            and self.p.rsa_jeune_age_minimum <= age < self.p.age_minimum
            and self.child_count == 0
            and not self.pregnant
        )


def _int_or_none(value: object) -> int | None:
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


def _pregnancy_matters(v: View) -> bool:
    """Pregnancy counts as a child for the age condition, and gives the single-parent increase."""
    if v.child_count == 0:
        if v.single:
            return True
        ages = [v.age(), v.age("partner_age")]
        return v.couple and any(age is not None and age < v.p.age_minimum for age in ages)
    ages = v.child_ages
    return v.single and ages is not None and min(ages) >= v.p.majoration_isolement_age_enfant


def _separation_matters(v: View) -> bool:
    """Without a child under 3 or a pregnancy, the increase depends on how recent the separation is."""
    ages = v.child_ages
    return (
        v.single
        and ages is not None
        and min(ages) >= v.p.majoration_isolement_age_enfant
        and v.get("pregnant") != YES
    )


QUESTIONS: tuple[Question, ...] = (
    Question("couple", CHOICE, ("single", "couple")),
    Question("age", WHOLE),
    Question("partner_age", WHOLE),
    Question("children_count", COUNT, tuple(str(n) for n in range(MOST_CHILDREN_AS_BUTTONS + 1))),
    Question("children_ages", AGES),
    Question("pregnant", CHOICE, (YES, NO)),
    Question("isolated", CHOICE, ("recent", "long")),
    Question("nationality", CHOICE, ("fr", "eu", "non_eu")),
    Question("refugee", CHOICE, (YES, NO)),
    Question("permit", CHOICE, ("less", "enough")),
    Question("eu_residence", CHOICE, ("less", "enough")),
    Question("partner_nationality", CHOICE, ("fr", "eu", "non_eu")),
    Question("partner_refugee", CHOICE, (YES, NO)),
    Question("partner_permit", CHOICE, ("less", "enough")),
    Question("partner_eu_residence", CHOICE, ("less", "enough")),
    Question("student", CHOICE, (YES, NO)),
    Question("partner_student", CHOICE, (YES, NO)),
    Question("hours", CHOICE, ("enough", "less")),
    Question("partner_hours", CHOICE, ("enough", "less")),
    Question("housing", CHOICE, ("tenant", "owner", "owner_with_loan", "housed_free", "homeless")),
    Question("housing_benefit", MONEY),
    Question("earned", MONEY),
    Question("partner_earned", MONEY),
    Question("other_income", MONEY),
    Question("family_benefits", MONEY),
)
BY_ID = {question.id: question for question in QUESTIONS}
FIRST = QUESTIONS[0].id

_ASKED: dict[str, Callable[[View], bool]] = {
    "partner_age": lambda v: v.couple,
    "children_ages": lambda v: bool(v.child_count),
    "pregnant": _pregnancy_matters,
    "isolated": _separation_matters,
    "refugee": lambda v: v.get("nationality") == "non_eu",
    "permit": lambda v: v.get("nationality") == "non_eu" and v.get("refugee") == NO,
    "eu_residence": lambda v: v.get("nationality") == "eu",
    "partner_nationality": lambda v: v.couple,
    "partner_refugee": lambda v: v.couple and v.get("partner_nationality") == "non_eu",
    "partner_permit": lambda v: (
        v.couple and v.get("partner_nationality") == "non_eu" and v.get("partner_refugee") == NO
    ),
    "partner_eu_residence": lambda v: v.couple and v.get("partner_nationality") == "eu",
    "partner_student": lambda v: v.couple,
    "hours": lambda v: v.young_without_child("age"),
    "partner_hours": lambda v: v.couple and v.young_without_child("partner_age"),
    "housing_benefit": lambda v: v.get("housing") == "tenant",
    "partner_earned": lambda v: v.couple,
    "family_benefits": lambda v: v.has_children,
}


def parameters(today: dt.date | None = None) -> Parameters:
    """The thresholds in force this month (the estimate is for the current month)."""
    today = today or dt.date.today()
    return default_table().for_month(today.year, today.month)


def is_asked(question: str, view: View) -> bool:
    rule = _ASKED.get(question)
    return rule(view) if rule else True


def asked_questions(answers: Answers, p: Parameters) -> list[str]:
    """The questions asked, in order, given the answers so far (unknown answers ask nothing more)."""
    view = View(answers, p)
    return [question.id for question in QUESTIONS if is_asked(question.id, view)]


def current_question(position: str, answers: Answers, p: Parameters) -> str:
    """The question to show: ``position`` if it is still asked, else the next one that is."""
    asked = asked_questions(answers, p)
    if position in asked:
        return position
    if position in BY_ID:
        after = [q.id for q in QUESTIONS[[q.id for q in QUESTIONS].index(position) + 1 :]]
        following = [q for q in after if q in asked]
        if following:
            return following[0]
        return asked[-1]
    return asked[0]


def next_question(question: str, answers: Answers, p: Parameters) -> str | None:
    """The next question asked after ``question``; ``None`` when the result can be shown."""
    asked = asked_questions(answers, p)
    order = [q.id for q in QUESTIONS]
    start = order.index(question) + 1 if question in order else 0
    return next((q for q in order[start:] if q in asked), None)


def previous_question(question: str, answers: Answers, p: Parameters) -> str | None:
    asked = asked_questions(answers, p)
    order = [q.id for q in QUESTIONS]
    end = order.index(question) if question in order else 0
    return next((q for q in reversed(order[:end]) if q in asked), None)


def progress(question: str, answers: Answers, p: Parameters) -> tuple[int, int]:
    """« Question n of total », where total counts the questions asked given the answers so far."""
    asked = asked_questions(answers, p)
    return (asked.index(question) + 1 if question in asked else 1), len(asked)


def check_choice(question: str, value: str) -> str | None:
    """An error code, or None when ``value`` is one of the question's buttons."""
    spec = BY_ID.get(question)
    if spec is None or spec.kind not in (CHOICE, COUNT) or value not in spec.choices:
        return CHOICE_UNKNOWN
    return None


def check_whole(text: str | None, low: int, high: int, range_error: str) -> tuple[str | None, str | None]:
    """``(canonical digits, None)`` or ``(None, error code)``."""
    try:
        number = parse_whole_number(text)
    except MoneyError as error:
        if error.code == "empty":
            return None, REQUIRED
        return None, range_error if error.code == "negative" else WHOLE_NUMBER
    if not low <= number <= high:
        return None, range_error
    return str(number), None


def check_age(text: str | None) -> tuple[str | None, str | None]:
    return check_whole(text, MIN_ADULT_AGE, MAX_AGE, AGE_RANGE)


def check_child_age(text: str | None) -> tuple[str | None, str | None]:
    return check_whole(text, 0, MAX_CHILD_AGE, CHILD_AGE_RANGE)


def check_typed_count(text: str | None) -> tuple[str | None, str | None]:
    """More children than the buttons offer."""
    return check_whole(text, MOST_CHILDREN_AS_BUTTONS + 1, MAX_CHILDREN, COUNT_RANGE)


def check_money(text: str | None) -> tuple[str | None, str | None]:
    """``(the text as typed, None)`` or ``(None, error code)``: the typed text is what « back » shows."""
    try:
        parse_money(text)
    except MoneyError as error:
        return None, MONEY_ERRORS[error.code]
    return (text or "").strip(), None


def _has_valid_answer(question: Question, answers: Answers, view: View) -> bool:
    value = answers.get(question.id)
    if question.kind == CHOICE:
        return isinstance(value, str) and value in question.choices
    if question.kind == COUNT:
        return view.child_count is not None and 0 <= view.child_count <= MAX_CHILDREN
    if question.kind == WHOLE:
        return isinstance(value, str) and check_age(value)[1] is None
    if question.kind == AGES:
        return view.child_ages is not None and all(0 <= age <= MAX_CHILD_AGE for age in view.child_ages)
    return isinstance(value, str) and check_money(value)[1] is None


def first_missing(answers: Answers, p: Parameters) -> str | None:
    """The first asked question without a valid answer (``None``: the estimate can be made)."""
    view = View(answers, p)
    for question in QUESTIONS:
        if is_asked(question.id, view) and not _has_valid_answer(question, answers, view):
            return question.id
    return None


def _money(answers: Answers, key: str, view: View) -> float:
    if not is_asked(key, view):
        return 0.0
    return float(parse_money(str(answers[key])))


def _person(prefix: str, answers: Answers, view: View, p: Parameters) -> dict:
    def key(name: str) -> str:
        return f"{prefix}{name}"

    nationality = answers[key("nationality")]
    refugee = nationality == "non_eu" and answers.get(key("refugee")) == YES
    years: float | None = None
    if nationality == "non_eu" and not refugee:
        years = p.duree_titre_sejour_hors_ue_annees if answers[key("permit")] == "enough" else 0.0
    elif nationality == "eu":
        years = p.duree_residence_ue_annees if answers[key("eu_residence")] == "enough" else 0.0
    hours_key = "partner_hours" if prefix else "hours"
    hours = None
    if is_asked(hours_key, view):
        hours = float(p.rsa_jeune_heures) if answers[hours_key] == "enough" else 0.0
    return {
        "age": int(str(answers["partner_age" if prefix else "age"])),
        "earned_income": _money(answers, "partner_earned" if prefix else "earned", view),
        "other_income": 0.0,
        "student": answers[key("student")] == YES,
        "nationality": nationality,
        "residence_permit_years": years,
        "refugee": refugee,
        "worked_hours_last_3_years": hours,
    }


def to_payload(answers: Answers, p: Parameters) -> dict:
    """The engine's input (contract version 1) for complete answers (check ``first_missing`` first).

    The « other income » question is about the whole household: the engine adds up the resources of
    both adults, so it goes with the applicant. « Separated less than 18 months ago » becomes 0
    months: the rule only compares the number with the 18-month window (art. R262-2 CASF).
    """
    view = View(answers, p)
    applicant = _person("", answers, view, p)
    applicant["other_income"] = _money(answers, "other_income", view)
    partner = _person("partner_", answers, view, p) if view.couple else None
    isolated = None
    if is_asked("isolated", view):
        isolated = 0 if answers["isolated"] == "recent" else p.majoration_isolement_fenetre_mois
    return {
        "applicant": applicant,
        "partner": partner,
        "children": view.child_ages or [],
        "pregnant": view.pregnant,
        "isolated_since_months": isolated,
        "housing": {
            "status": answers["housing"],
            "housing_benefit": _money(answers, "housing_benefit", view),
        },
        "family_benefits": _money(answers, "family_benefits", view),
    }
