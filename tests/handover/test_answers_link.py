"""« Continuer sur mon téléphone »: the answers go into a fragment and come back identical; anything
else (hand-edited, truncated, another version, hostile) is refused with a code, never a crash."""

from __future__ import annotations

import base64
import json
import re

import pytest
import segno
from hypothesis import given
from hypothesis import strategies as st

from pti_citizen.handover import AnswersLinkError, answers_fragment, parse_answers_fragment, qr_path
from pti_citizen.handover import answers_link as link
from pti_citizen.simulator import answers as a
from pti_citizen.simulator.household import MAX_AGE, MAX_CHILD_AGE, MAX_CHILDREN, MIN_ADULT_AGE
from tests.simulator.test_answers import MOTHER


def encoded(entries: object) -> str:
    text = json.dumps(entries)
    return "r1." + base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


_MONEY = st.one_of(
    st.integers(0, 99_999).map(str),
    st.decimals(0, 9_999, places=2, allow_nan=False).map(lambda d: f"{d:.2f}".replace(".", ",")),
    st.integers(1_000, 20_000).map(lambda n: f"{n // 1000} {n % 1000:03d}"),
    st.integers(0, 5_000).map(lambda n: f"{n} €"),
)


def _value(question_id: str) -> st.SearchStrategy:
    if question_id == a.FAMILY_BENEFITS:
        return _MONEY
    question = a.BY_ID[question_id]
    if question.kind == a.CHOICE:
        return st.sampled_from(question.choices)
    if question.kind == a.WHOLE:
        return st.integers(MIN_ADULT_AGE, MAX_AGE).map(str)
    if question.kind == a.COUNT:
        return st.integers(0, MAX_CHILDREN).map(str)
    if question.kind == a.AGES:
        return st.lists(st.integers(0, MAX_CHILD_AGE).map(str), min_size=1, max_size=MAX_CHILDREN)
    return _MONEY


valid_answers = st.fixed_dictionaries(
    {}, optional={question_id: _value(question_id) for question_id, _ in link.V1_QUESTIONS}
).filter(bool)


@given(valid_answers)
def test_every_valid_set_of_answers_comes_back_identical(answers):
    fragment = answers_fragment(answers)
    assert len(fragment) <= link.MAX_FRAGMENT_CHARS
    assert parse_answers_fragment(fragment) == answers
    assert parse_answers_fragment("#" + fragment) == answers


def test_a_typical_family_fits_a_short_fragment_and_makes_the_same_household():
    fragment = answers_fragment(MOTHER)
    print(f"\nfragment for the mother of 2: {len(fragment)} characters")
    assert fragment.startswith("r1.")
    assert len(fragment) < 200
    assert set(fragment[3:]) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    back = parse_answers_fragment(fragment)
    assert a.household(back) == a.household(MOTHER)


def test_answers_the_wizard_would_refuse_are_left_out():
    answers = {**MOTHER, "applicant.age": "12", "pregnant": "maybe", "unknown": "x"}
    back = parse_answers_fragment(answers_fragment(answers))
    assert "applicant.age" not in back and "pregnant" not in back and "unknown" not in back
    assert back["housing.status"] == "tenant"


def test_every_question_of_the_wizard_is_carried_by_version_1():
    """A new question needs a decision: add it at the end of version 1 (old links then ask it), or a
    version 2."""
    known = dict(link.V1_QUESTIONS)
    for question in a.QUESTIONS:
        assert question.id in known
        assert set(known[question.id]) == set(question.choices if question.kind == a.CHOICE else ())


@pytest.mark.parametrize(
    ("fragment", "code"),
    [
        ("", link.MALFORMED),
        ("#", link.MALFORMED),
        ("r1.", link.MALFORMED),
        ("r1.!!!!", link.MALFORMED),
        ("r1.abc", link.MALFORMED),  # not base64 of JSON
        ("x1." + answers_fragment(MOTHER)[3:], link.MALFORMED),
        ("r0." + answers_fragment(MOTHER)[3:], link.OTHER_VERSION),
        ("r2." + answers_fragment(MOTHER)[3:], link.OTHER_VERSION),
        ("r1." + "A" * (link.MAX_FRAGMENT_CHARS), link.MALFORMED),  # bounded before decoding
        (answers_fragment(MOTHER)[:-7], link.MALFORMED),  # truncated
        (encoded({"couple": 0}), link.MALFORMED),
        (encoded([]), link.MALFORMED),
        (encoded([None, None]), link.MALFORMED),
        (encoded([True]), link.MALFORMED),  # a boolean is not a button
        (encoded([2]), link.MALFORMED),  # no third button
        (encoded([-1]), link.MALFORMED),
        (encoded([0.0]), link.MALFORMED),
        (encoded([0, "12"]), link.MALFORMED),  # too young
        (encoded([0, "<script>"]), link.MALFORMED),
        (encoded([0, "x" * 41]), link.MALFORMED),
        (encoded([0, "30", None, "2", ["7", "30"]]), link.MALFORMED),  # a child of 30
        (encoded([0, "30", None, "2", [7, 3]]), link.MALFORMED),
        (encoded([0] * (len(link.V1_QUESTIONS) + 1)), link.MALFORMED),
        (encoded([[[[[[[[[[]]]]]]]]]]), link.MALFORMED),
        ("r1." + base64.urlsafe_b64encode(b"\xff\xfe").decode().rstrip("="), link.MALFORMED),
    ],
)
def test_hostile_or_damaged_fragments_are_refused_with_a_code(fragment, code):
    with pytest.raises(AnswersLinkError) as refused:
        parse_answers_fragment(fragment)
    assert refused.value.code == code


def test_a_deeply_nested_fragment_within_the_bound_is_refused():
    body = "[" * 600 + "]" * 600
    fragment = "r1." + base64.urlsafe_b64encode(body.encode()).decode().rstrip("=")
    assert len(fragment) <= link.MAX_FRAGMENT_CHARS
    with pytest.raises(AnswersLinkError):
        parse_answers_fragment(fragment)


@given(st.one_of(st.text(max_size=300), st.binary(max_size=300).map(lambda b: "r1." + b.hex())))
def test_any_text_is_refused_or_read_never_a_crash(text):
    try:
        answers = parse_answers_fragment(text)
    except AnswersLinkError as refused:
        assert refused.code in (link.MALFORMED, link.OTHER_VERSION)
    else:
        assert answers and set(answers) <= {question_id for question_id, _ in link.V1_QUESTIONS}


@given(st.binary(min_size=1, max_size=400))
def test_any_payload_under_the_version_is_refused_or_read(payload):
    fragment = "r1." + base64.urlsafe_b64encode(payload).decode().rstrip("=")
    try:
        answers = parse_answers_fragment(fragment)
    except AnswersLinkError:
        return
    assert parse_answers_fragment(answers_fragment(answers)) == answers


def test_the_qr_path_draws_the_link_in_a_square_with_its_quiet_zone():
    url = "https://rsa.example.fr/fr/simulateur#" + answers_fragment(MOTHER)
    drawn = qr_path(url)
    code = segno.make(url, error="m", micro=False)
    assert drawn.size == code.symbol_size(scale=1, border=4)[0]
    dark = sum(sum(1 for cell in row if cell) for row in code.matrix)
    # Each run is « M x y h n v1 h-n z »: the runs' lengths add up to the dark modules.
    assert sum(int(n) for n in re.findall(r"h(\d+)v1", drawn.d)) == dark
