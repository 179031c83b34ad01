"""An explanation of every euro: steps that add up, in plain words, for « vous » or a helper."""

from __future__ import annotations

import re
import string

import pytest

from pti_citizen.i18n import LANGUAGES, format_euros
from pti_citizen.simulator import estimate_household, parse_household, step_texts
from pti_citizen.simulator.explanation import AUDIENCES, TEXTS, all_msgids, render

from .conftest import TODAY, run
from .grid import _adult, _household, edge_households, households

SAMPLE_PARAMS = {
    "n": 2,
    "persons": 2,
    "children": 2,
    "month": "2026-10",
    "since": TODAY,
    "date": TODAY,
    "years": 5,
    "months": 12,
    "window": 18,
    "delay": 6,
    "age": 25,
    "adult_age": 18,
    "hours": 3214,
    "flat_rate": 78.2,
    "minimum": 6,
}
GRID = households(150, seed=7) + edge_households()


def sentences(text: str) -> list[str]:
    return [part for part in re.split(r"(?<=[.:!?])\s+(?=[A-ZÀ-Ý])", text) if part]


@pytest.mark.parametrize("lang", list(LANGUAGES))
@pytest.mark.parametrize("audience", AUDIENCES)
def test_every_sentence_renders(lang, audience):
    for code, variant in TEXTS:
        text = render(code, variant, lang, audience, 651.69, SAMPLE_PARAMS)
        assert text.strip()
        assert "{" not in text and "}" not in text, (code, variant, lang)


def test_french_sentences_are_short():
    """FALC (shared/notes/falc.md): never more than 25 words, about 15 on average."""
    lengths = []
    for message in all_msgids():
        for sentence in sentences(message):
            words = len(sentence.split())
            assert words <= 25, sentence
            lengths.append(words)
    assert sum(lengths) / len(lengths) <= 15


@pytest.mark.parametrize("household", GRID)
def test_the_steps_add_up_to_the_result(household):
    result = run(household)
    steps = result["steps"]
    if not result["eligible"] and result["breakdown"]["base_amount"] == 0:
        assert not any(step["effect"] == "base" for step in steps)
        return
    base = [step["amount"] for step in steps if step["effect"] == "base"][-1]
    minus = sum(step["amount"] for step in steps if step["effect"] == "minus")
    final = next(step for step in steps if step["effect"] == "result")
    breakdown = result["breakdown"]
    assert base == breakdown["base_amount"]
    assert minus == pytest.approx(breakdown["housing_flat_rate"] + breakdown["resources_counted"], abs=1e-9)
    if result["eligible"]:
        assert final["code"] == "result"
        assert round(base - minus, 2) == result["monthly_amount"]
    else:
        assert result["monthly_amount"] == 0
        assert final["code"] in {"resources_too_high", "below_minimum"}


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_amounts_use_the_cldr_money_format(lang):
    household = _household(
        "2026-10", _adult(35, earned_income=212.5), housing={"status": "tenant", "housing_benefit": 250}
    )
    result = run(dict(household, lang=lang))
    for step in result["steps"]:
        if step["amount"]:
            assert format_euros(step["amount"], lang) in step["text"], step
    assert format_euros(result["monthly_amount"], lang) in result["steps"][-2]["text"]


def test_the_brief_examples_read_plainly():
    result = run(_household("2026-10", _adult(30), housing={"status": "tenant", "housing_benefit": 250}))
    texts = [step["text"].replace("\u00a0", " ") for step in result["steps"]]
    assert "Pour une personne seule, le montant de base est 651,69 €." in texts
    assert "Vous touchez une aide au logement : on retire 78,20 €." in texts
    assert "Vous pouvez toucher environ 573,49 € par mois." in texts


@pytest.mark.parametrize("household", GRID[:60] + edge_households())
def test_helper_texts_never_speak_to_the_person_helped(household):
    result = run(dict(household, audience="helper"))
    assert result["audience"] == "helper"
    for step in result["steps"] + result["notices"]:
        text = step["text"].replace("que vous aidez", "")
        assert not re.search(r"\b(vous|votre|vos)\b", text, re.IGNORECASE), step["text"]


def test_helper_phrasing():
    household = _household("2026-10", _adult(30), housing={"status": "tenant", "housing_benefit": 250})
    helper = run(dict(household, audience="helper"))
    texts = [step["text"] for step in helper["steps"]]
    assert any(text.startswith("La personne que vous aidez touche une aide au logement") for text in texts)
    assert any(text.startswith("La personne que vous aidez peut toucher environ") for text in texts)


def test_figures_once_texts_in_any_language():
    """The UI computes once, then renders the steps in the reader's language and audience."""
    household, errors = parse_household(_household("2026-10", _adult(30), children=[1]), "fr")
    assert not errors
    result = estimate_household(household, today=TODAY)
    french = step_texts(result, "fr")
    arabic = step_texts(result, "ar", "helper")
    assert [step["code"] for step in french] == [step["code"] for step in arabic]
    assert [step["amount"] for step in french] == [step["amount"] for step in arabic]
    assert french[1]["text"] != arabic[1]["text"]


def test_placeholders_are_known():
    known = set(SAMPLE_PARAMS) | {"amount"}
    for message in all_msgids():
        names = {name for _, name, _, _ in string.Formatter().parse(message) if name}
        assert names <= known, message
