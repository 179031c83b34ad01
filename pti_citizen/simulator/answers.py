"""The wizard's answers as people type them: which question comes next, how each answer is checked,
and the household they make for the engine.

Pure Python. The questions are the engine's inputs (``questions.FIELDS``), asked only when some
benefit needs them for this household (``service.needed_fields``): this module knows how each input
is asked (buttons, a number, an amount) and in which part of the wizard, never when it matters.
Answers stay as typed (the « back » button shows them again) in one small mapping, kept in the
person's browser; whatever comes back from there is read as hostile (bounded, known keys only).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
from dataclasses import dataclass

from pti_citizen import safe_json

from .benefits.rsa.parameters import RsaParameters, rsa_table
from .household import MAX_AGE, MAX_CHILD_AGE, MAX_CHILDREN, MIN_ADULT_AGE, EstimateInput
from .money import MoneyError, parse_money, parse_whole_number
from .questions import FIELDS, HouseholdDraft, PersonDraft
from .service import needed_fields
from .validation import parse_household

Answers = dict[str, str | list[str]]

# How a question is asked (what its screen shows).
CHOICE = "choice"  # big buttons
WHOLE = "whole"  # an age, typed
COUNT = "count"  # buttons 0–5, or a number typed for more
AGES = "ages"  # one age field per child
MONEY = "money"  # euros a month, typed (with a « nothing » button)

YES, NO = "yes", "no"
#: The most children offered as buttons; more are typed.
MOST_CHILDREN_AS_BUTTONS = 5

#: The parts of the wizard, always the same four (the progress never promises a total it cannot keep).
SECTIONS = ("household", "situation", "housing", "income")

# Error codes (the page words them in the person's language).
REQUIRED = "required"
WHOLE_NUMBER = "whole_number"
AGE_RANGE = "age_range"
COUNT_RANGE = "count_range"
CHILD_AGE_RANGE = "child_age_range"
CHOICE_UNKNOWN = "choice"
TOO_LONG = "too_long"
MONEY_ERRORS = {
    "empty": "money_required",
    "negative": "money_negative",
    "not_a_number": "money_not_a_number",
    "ambiguous": "money_ambiguous",
    "too_many_decimals": "money_decimals",
    "too_big": "money_too_big",
}

#: Bounds on what the browser may send back: one answer, and all of them as stored.
MAX_ANSWER_CHARS = 40
MAX_STORED_CHARS = 4096

CHILDREN_AGES = "children.ages"
#: « Je connais le montant que me verse la CAF »: not a question of the wizard, offered on the result.
FAMILY_BENEFITS = "family_benefits"


@dataclass(frozen=True)
class Question:
    id: str  # an input of ``questions.FIELDS`` (or ``children.ages``, the second screen of ``children``)
    kind: str
    section: str
    choices: tuple[str, ...] = ()
    #: ``applicant``, ``partner``, or "" for the household (worked out once: read on every answer).
    person: str = dataclasses.field(init=False, compare=False)
    #: The input's name without the person (``applicant.age`` → ``age``).
    name: str = dataclasses.field(init=False, compare=False)

    def __post_init__(self) -> None:
        head, _, rest = self.id.partition(".")
        person = head if head in ("applicant", "partner") else ""
        object.__setattr__(self, "person", person)
        object.__setattr__(self, "name", rest if person else self.id)


_YES_NO = (YES, NO)
_KINDS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    # input name → kind, section, buttons
    "couple": (CHOICE, "household", ("single", "couple")),
    "age": (WHOLE, "household", ()),
    "children": (COUNT, "household", tuple(str(n) for n in range(MOST_CHILDREN_AS_BUTTONS + 1))),
    CHILDREN_AGES: (AGES, "household", ()),
    "pregnant": (CHOICE, "household", _YES_NO),
    "isolated_since_months": (CHOICE, "household", ("recent", "long")),
    "nationality": (CHOICE, "situation", ("fr", "eu", "non_eu")),
    "refugee": (CHOICE, "situation", _YES_NO),
    "residence_permit_years": (CHOICE, "situation", ("less", "enough")),
    "student": (CHOICE, "situation", _YES_NO),
    "worked_hours_last_3_years": (CHOICE, "situation", ("enough", "less")),
    "housing.status": (CHOICE, "housing", ("tenant", "owner", "owner_with_loan", "housed_free", "homeless")),
    "housing.housing_benefit": (MONEY, "housing", ()),
    "earned_income": (MONEY, "income", ()),
    "earned_income_stopped": (CHOICE, "income", ("stopped", "goes_on")),
    "other_income": (MONEY, "income", ()),
    "child_support_received": (MONEY, "income", ()),
}


def _question(field: str) -> Question:
    head, _, rest = field.partition(".")
    name = rest if head in ("applicant", "partner") else field
    kind, section, choices = _KINDS[name]
    return Question(field, kind, section, choices)


def _all_questions() -> tuple[Question, ...]:
    found = []
    for field in FIELDS:
        found.append(_question(field))
        if field == "children":
            found.append(_question(CHILDREN_AGES))
    return tuple(found)


#: Every question the wizard can ask, in the order of the engine's inputs.
QUESTIONS: tuple[Question, ...] = _all_questions()
BY_ID: dict[str, Question] = {question.id: question for question in QUESTIONS}
FIRST = QUESTIONS[0].id
_ORDER = {question.id: index for index, question in enumerate(QUESTIONS)}
_KNOWN_KEYS = frozenset(BY_ID) | {FAMILY_BENEFITS}


def limits(today: dt.date | None = None) -> RsaParameters:
    """The values in force this month that give a button its meaning (« 5 years of permit or more »)
    and the questions their numbers."""
    today = today or dt.date.today()
    return rsa_table().for_month(today.year, today.month)


# ---- the answers kept in the browser ----


#: Stored texts kept parsed: one event reads its answers several times (the handler, then each view
#: that depends on them). Bounded: at most this many texts of ``MAX_STORED_CHARS``.
LOADS_KEPT = 256


def load(raw: object) -> Answers:
    """The answers stored in the browser, as hostile input: bounded, known keys, text only. A new
    mapping each time (callers change it), parsed once per text."""
    if not isinstance(raw, str) or not raw or len(raw) > MAX_STORED_CHARS:
        return {}
    return {key: list(value) if isinstance(value, tuple) else value for key, value in _load(raw)}


@functools.lru_cache(maxsize=LOADS_KEPT)
def _load(raw: str) -> tuple[tuple[str, str | tuple[str, ...]], ...]:
    return tuple(
        (key, tuple(value) if isinstance(value, list) else value) for key, value in _clean(raw).items()
    )


def _clean(raw: str) -> Answers:
    try:
        # Bounded depth and numbers: ``[[[…`` 3 000 deep is refused, never a RecursionError.
        data = safe_json.loads(raw, max_depth=4)
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    clean: Answers = {}
    for key, value in data.items():
        if key not in _KNOWN_KEYS:
            continue
        if key == CHILDREN_AGES:
            if (
                isinstance(value, list)
                and len(value) <= MAX_CHILDREN
                and all(isinstance(item, str) and len(item) <= MAX_ANSWER_CHARS for item in value)
            ):
                clean[key] = list(value)
        elif isinstance(value, str) and len(value) <= MAX_ANSWER_CHARS:
            clean[key] = value
    return clean


def dump(answers: Answers) -> str:
    return json.dumps(answers, ensure_ascii=False, separators=(",", ":"))


# ---- one answer, checked as typed ----


def _whole(text: object, low: int, high: int, range_error: str) -> tuple[str | None, str | None]:
    """``(canonical digits, None)`` or ``(None, error code)``."""
    if isinstance(text, str) and len(text) > MAX_ANSWER_CHARS:
        return None, TOO_LONG
    try:
        number = parse_whole_number(text if isinstance(text, str) else None)
    except MoneyError as error:
        if error.code == "empty":
            return None, REQUIRED
        return None, range_error if error.code == "negative" else WHOLE_NUMBER
    if not low <= number <= high:
        return None, range_error
    return str(number), None


def check_choice(question_id: str, value: object) -> str | None:
    """An error code, or None when ``value`` is one of the question's buttons."""
    question = BY_ID.get(question_id)
    if question is None or not question.choices or value not in question.choices:
        return CHOICE_UNKNOWN
    return None


def check_typed(question_id: str, text: object) -> tuple[str | None, str | None]:
    """A typed answer (an age, a number of children, an amount): ``(value to keep, None)`` or
    ``(None, error code)``. An amount is kept as typed, so that « back » shows it again."""
    question = BY_ID.get(question_id)
    if question is None:
        return None, CHOICE_UNKNOWN
    if question.kind == WHOLE:
        return _whole(text, MIN_ADULT_AGE, MAX_AGE, AGE_RANGE)
    if question.kind == COUNT:
        return _whole(text, MOST_CHILDREN_AS_BUTTONS + 1, MAX_CHILDREN, COUNT_RANGE)
    if question.kind == MONEY:
        return check_money(text)
    return None, CHOICE_UNKNOWN


def check_money(text: object) -> tuple[str | None, str | None]:
    if isinstance(text, str) and len(text) > MAX_ANSWER_CHARS:
        return None, TOO_LONG
    try:
        parse_money(text if isinstance(text, str) else None)
    except MoneyError as error:
        return None, MONEY_ERRORS[error.code]
    return str(text).strip(), None


def check_child_ages(values: list[object]) -> tuple[list[str], list[str]]:
    """Each child's age: the values to keep (as typed when wrong) and one error code per child ("")."""
    kept, errors = [], []
    for value in values[:MAX_CHILDREN]:
        canonical, error = _whole(value, 0, MAX_CHILD_AGE, CHILD_AGE_RANGE)
        typed = value[:MAX_ANSWER_CHARS] if isinstance(value, str) else ""
        kept.append(canonical if canonical is not None else typed)
        errors.append(error or "")
    return kept, errors


# ---- the answers read as facts ----


def _valid(question: Question, answers: Answers) -> object:
    """The answer's value for the engine, or None when missing or not valid."""
    value = answers.get(question.id)
    if question.kind == CHOICE:
        return value if isinstance(value, str) and value in question.choices else None
    if question.kind == COUNT:
        if isinstance(value, str) and value in question.choices:
            return int(value)
        number, error = check_typed(question.id, value)
        return int(number) if error is None and number is not None else None
    if question.kind == WHOLE:
        number, error = check_typed(question.id, value)
        return int(number) if error is None and number is not None else None
    if question.kind == AGES:
        count = _valid(BY_ID["children"], answers)
        if not count or not isinstance(value, list) or len(value) != count:
            return None
        kept, errors = check_child_ages(list(value))
        return None if any(errors) else tuple(int(age) for age in kept)
    if question.kind == MONEY:
        if not isinstance(value, str) or check_money(value)[1] is not None:
            return None
        return float(parse_money(value))
    return None


def _person_value(name: str, value: object, nationality: object, p: RsaParameters) -> object:
    """A button's meaning for the engine (« 5 years or more » → 5.0 years)."""
    if name in ("refugee", "student"):
        return value == YES
    if name == "earned_income_stopped":
        return value == "stopped"
    if name == "residence_permit_years":
        if nationality == "eu":
            return p.duree_residence_ue_annees if value == "enough" else 0.0
        if nationality == "non_eu":
            return p.duree_titre_sejour_hors_ue_annees if value == "enough" else 0.0
        return None
    if name == "worked_hours_last_3_years":
        return float(p.rsa_jeune_heures) if value == "enough" else 0.0
    return value


def _household_value(question: Question, value: object, p: RsaParameters) -> tuple[str, object]:
    """The draft's field for a household question, and the answer's meaning there."""
    if question.id == "couple":
        return "couple", value == "couple"
    if question.id == "children":
        return "children", () if value == 0 else None
    if question.id == CHILDREN_AGES:
        return "children", value
    if question.id == "pregnant":
        return "pregnant", value == YES
    if question.id == "isolated_since_months":
        return "isolated_since_months", 0 if value == "recent" else p.majoration_isolement_fenetre_mois
    if question.id == "housing.status":
        return "housing_status", value
    if question.id == "housing.housing_benefit":
        return "housing_benefit", value
    return question.id, value


def _asked_for(needed: list[str]) -> list[str]:
    asked = []
    for field in needed:
        asked.append(field)
        if field == "children":
            asked.append(CHILDREN_AGES)
    return asked


def _draft_of(values: _Values, asked: list[str], p: RsaParameters) -> HouseholdDraft:
    fields: dict[str, object] = {}
    people: dict[str, dict[str, object]] = {"applicant": {}, "partner": {}}
    for question_id in sorted(asked, key=_ORDER.__getitem__):
        question = BY_ID[question_id]
        if question.id == CHILDREN_AGES and fields.get("children") == ():
            continue
        value = values[question_id]
        if value is None:
            continue
        if question.person:
            person = people[question.person]
            person[question.name] = _person_value(question.name, value, person.get("nationality"), p)
        else:
            name, meaning = _household_value(question, value, p)
            fields[name] = meaning
    return HouseholdDraft(
        applicant=PersonDraft(**people["applicant"]),  # type: ignore[arg-type]
        partner=PersonDraft(**people["partner"]),  # type: ignore[arg-type]
        **fields,  # type: ignore[arg-type]
    )


class _Values(dict):
    """Each answer's value for the engine, worked out once per reading (``read`` builds the draft
    several times, until the questions asked no longer change)."""

    def __init__(self, answers: Answers):
        super().__init__()
        self.answers = answers

    def __missing__(self, question_id: str) -> object:
        value = self[question_id] = _valid(BY_ID[question_id], self.answers)
        return value


@dataclass(frozen=True)
class Reading:
    """The answers read once: the facts so far, and the questions this household is asked."""

    draft: HouseholdDraft
    asked: tuple[str, ...]
    missing: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return not self.missing


#: Readings kept by the answers' text: a page load and the event after it read the same answers,
#: and so do the result page's views. Small and bounded (a few KiB each at most).
READINGS_KEPT = 256


def read(answers: Answers, today: dt.date | None = None) -> Reading:
    """Only the answers to questions still asked count: an answer left from another path (a partner's
    age after choosing « seul ») changes nothing. The questions come from what the benefits need for
    the facts known so far, until that no longer changes."""
    today = today or dt.date.today()
    try:
        text = json.dumps(answers, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    except (TypeError, ValueError):  # not answers as ``load`` makes them: read, never kept
        return _read(answers, today)
    return _read_text(text, today)


@functools.lru_cache(maxsize=READINGS_KEPT)
def _read_text(text: str, today: dt.date) -> Reading:
    return _read(json.loads(text), today)


def _read(answers: Answers, today: dt.date) -> Reading:
    p = limits(today)
    values = _Values(answers)
    draft = HouseholdDraft()
    asked = _asked_for(needed_fields(draft))
    for _ in range(len(QUESTIONS)):
        draft = _draft_of(values, asked, p)
        again = _asked_for(needed_fields(draft))
        if again == asked:
            break
        asked = again
    missing = tuple(
        question_id
        for question_id in asked
        if values[question_id] is None and not (question_id == CHILDREN_AGES and draft.children == ())
    )
    if draft.children == ():
        asked = [question_id for question_id in asked if question_id != CHILDREN_AGES]
    return Reading(draft=draft, asked=tuple(asked), missing=missing)


# ---- moving through the questions ----


def current(reading: Reading, position: str) -> str | None:
    """The question on screen: ``position`` while it is asked, else the next one asked after it,
    else the first without an answer (``None``: every question has its answer)."""
    if position in reading.asked:
        return position
    if position in _ORDER:
        after = [q for q in reading.asked if _ORDER[q] > _ORDER[position]]
        if after:
            return after[0]
    return reading.missing[0] if reading.missing else None


def following(reading: Reading, question_id: str) -> str | None:
    """The question after ``question_id`` (answered or not, so that « back » then forward shows the
    answers again); at the end, the first still missing; ``None`` when the result can be shown."""
    after = [q for q in reading.asked if _ORDER[q] > _ORDER.get(question_id, -1)]
    if after:
        return after[0]
    return reading.missing[0] if reading.missing else None


def previous(reading: Reading, question_id: str) -> str | None:
    before = [q for q in reading.asked if _ORDER[q] < _ORDER.get(question_id, 0)]
    return before[-1] if before else None


def section_number(question_id: str) -> int:
    """1 to 4: the part of the wizard the question belongs to."""
    return SECTIONS.index(BY_ID[question_id].section) + 1


# ---- the household ----


def _person_payload(person: PersonDraft) -> dict:
    return {name: value for name, value in vars(person).items() if value is not None}


def family_benefits(answers: Answers) -> float | None:
    """The amount typed for « je connais le montant que me verse la CAF », or None (estimated)."""
    value = answers.get(FAMILY_BENEFITS)
    if not isinstance(value, str) or check_money(value)[1] is not None:
        return None
    return float(parse_money(value))


def payload(reading: Reading, answers: Answers) -> dict | None:
    """The engine's input for complete answers (the contract's fields), or None while incomplete.
    Inputs not asked are left out: the engine reads them as none, zero or false."""
    if not reading.complete:
        return None
    draft = reading.draft
    body: dict = {
        "applicant": _person_payload(draft.applicant),
        "partner": _person_payload(draft.partner) if draft.couple else None,
        "children": list(draft.children or ()),
        "pregnant": bool(draft.pregnant),
        "isolated_since_months": draft.isolated_since_months,
        "housing": {"status": draft.housing_status, "housing_benefit": draft.housing_benefit or 0.0},
        "child_support_received": draft.child_support_received or 0.0,
        "family_benefits": family_benefits(answers),
    }
    return body


def household(
    answers: Answers, lang: str = "fr", audience: str = "self", today: dt.date | None = None
) -> EstimateInput | None:
    """The validated household of complete answers, or None (incomplete, or answers edited by hand
    into something the engine refuses)."""
    body = payload(read(answers, today), answers)
    if body is None:
        return None
    found, errors = parse_household({**body, "lang": lang, "audience": audience}, lang)
    return None if errors else found
