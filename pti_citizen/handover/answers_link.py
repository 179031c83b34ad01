"""« Continuer sur mon téléphone »: the wizard's answers carried in a link's fragment
(``/fr/simulateur#r1.<base64url>``), so that the person goes on with the simulation on their own phone
and can change an answer.

The fragment (after ``#``) never leaves the browser: no request, no server log carries it. The page's
script (``assets/app.js``) hands it to the wizard's state, which reads it here once and keeps only the
answers, as the wizard always does while it is used. Pure Python.

The encoding is compact and versioned: ``r1.`` then the base64url (no padding) of a JSON list, one entry
per question of :data:`V1_QUESTIONS` in that order (``null`` when not answered, trailing ``null``
dropped); a question with buttons gives the index of its button, a typed answer its text as typed, the
children's ages a list. Version 1's questions and buttons are written out below, not read from the
wizard, so that a link made today still opens when the wizard gains a question (that question is
then simply asked). Whatever arrives is hostile: its size is bounded before anything is decoded, and
every answer is checked as if typed.
"""

from __future__ import annotations

import base64
import binascii
import json
import re

from pti_citizen import safe_json
from pti_citizen.simulator import answers as a
from pti_citizen.simulator.household import MAX_CHILDREN

PREFIX = "r"
VERSION = "1"
#: Longer than any fragment we write (every question answered with 40 characters); refused unread.
MAX_FRAGMENT_CHARS = 2048

#: Version 1: each question and, for those asked with buttons, its buttons (the index is written).
V1_QUESTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("couple", ("single", "couple")),
    ("applicant.age", ()),
    ("partner.age", ()),
    ("children", ()),
    ("children.ages", ()),
    ("pregnant", ("yes", "no")),
    ("isolated_since_months", ("recent", "long")),
    ("applicant.nationality", ("fr", "eu", "non_eu")),
    ("applicant.refugee", ("yes", "no")),
    ("applicant.residence_permit_years", ("less", "enough")),
    ("partner.nationality", ("fr", "eu", "non_eu")),
    ("partner.refugee", ("yes", "no")),
    ("partner.residence_permit_years", ("less", "enough")),
    ("applicant.student", ("yes", "no")),
    ("partner.student", ("yes", "no")),
    ("applicant.worked_hours_last_3_years", ("enough", "less")),
    ("partner.worked_hours_last_3_years", ("enough", "less")),
    ("housing.status", ("tenant", "owner", "owner_with_loan", "housed_free", "homeless")),
    ("housing.housing_benefit", ()),
    ("applicant.earned_income", ()),
    ("applicant.earned_income_stopped", ("stopped", "goes_on")),
    ("partner.earned_income", ()),
    ("partner.earned_income_stopped", ("stopped", "goes_on")),
    ("applicant.other_income", ()),
    ("partner.other_income", ()),
    ("child_support_received", ()),
    (a.FAMILY_BENEFITS, ()),
)

_SHAPE = re.compile(r"^r([0-9]{1,3})\.([A-Za-z0-9_-]*)$")

# Why a fragment is refused (the person sees one plain message per kind).
MALFORMED = "malformed"
#: Another version than ours: made by an older (or newer) version of the tool.
OTHER_VERSION = "version"


class AnswersLinkError(ValueError):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _valid(question_id: str, value: object) -> bool:
    """An answer the wizard would have kept as typed (a refused one is not carried)."""
    question = a.BY_ID.get(question_id)
    if question_id == a.FAMILY_BENEFITS:
        return isinstance(value, str) and a.check_money(value)[1] is None
    if question is None:
        return False
    if question.kind == a.CHOICE:
        return a.check_choice(question_id, value) is None
    if question.kind == a.AGES:
        if not isinstance(value, list) or not 0 < len(value) <= MAX_CHILDREN:
            return False
        _, errors = a.check_child_ages(list(value))
        return not any(errors)
    if question.kind == a.COUNT and isinstance(value, str) and value in question.choices:
        return True
    if not isinstance(value, str):
        return False
    kept, error = a.check_typed(question_id, value)
    return error is None and kept == value.strip()


def answers_fragment(answers: a.Answers) -> str:
    """The fragment (without ``#``) that carries ``answers``; answers the wizard would refuse are left
    out (the phone asks them again)."""
    entries: list[object] = []
    for question_id, choices in V1_QUESTIONS:
        value = answers.get(question_id)
        if value is None or not _valid(question_id, value):
            entries.append(None)
        elif choices:
            entries.append(choices.index(value))  # type: ignore[arg-type]
        else:
            entries.append(value)
    while entries and entries[-1] is None:
        entries.pop()
    text = json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
    encoded = base64.urlsafe_b64encode(text.encode("utf-8")).decode("ascii").rstrip("=")
    return f"{PREFIX}{VERSION}.{encoded}"


def parse_answers_fragment(fragment: object) -> a.Answers:
    """The answers a fragment carries (``#`` optional); raise :class:`AnswersLinkError` when anything
    is off. Every answer is checked as if typed: one wrong answer refuses the whole link."""
    if not isinstance(fragment, str) or len(fragment) > MAX_FRAGMENT_CHARS:
        raise AnswersLinkError(MALFORMED)
    found = _SHAPE.match(fragment.removeprefix("#"))
    if not found:
        raise AnswersLinkError(MALFORMED)
    if found.group(1) != VERSION:
        raise AnswersLinkError(OTHER_VERSION)
    body = found.group(2)
    try:
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        # Bounded like every JSON from outside (safe_json): depth 3 is all a version 1 list needs.
        entries = safe_json.loads(raw, max_depth=3)
    except (binascii.Error, ValueError):
        raise AnswersLinkError(MALFORMED) from None
    if not isinstance(entries, list) or not entries or len(entries) > len(V1_QUESTIONS):
        raise AnswersLinkError(MALFORMED)
    answers: a.Answers = {}
    for (question_id, choices), entry in zip(V1_QUESTIONS, entries, strict=False):
        if entry is None:
            continue
        if choices:
            # bool is an int in Python: ``true`` is not a button.
            if type(entry) is not int or not 0 <= entry < len(choices):
                raise AnswersLinkError(MALFORMED)
            value: str | list[str] = choices[entry]
        elif isinstance(entry, str) and len(entry) <= a.MAX_ANSWER_CHARS:
            value = entry
        elif isinstance(entry, list) and all(
            isinstance(item, str) and len(item) <= a.MAX_ANSWER_CHARS for item in entry
        ):
            value = list(entry)
        else:
            raise AnswersLinkError(MALFORMED)
        if not _valid(question_id, value):
            raise AnswersLinkError(MALFORMED)
        answers[question_id] = value
    if not answers:
        raise AnswersLinkError(MALFORMED)
    return answers
