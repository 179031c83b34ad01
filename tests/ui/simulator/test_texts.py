"""The wizard's words: every question, button and message exists in every language, the helper form
speaks of « la personne que vous aidez », the French source follows the plain-language rules
(sentences of 25 words at most, about 15 on average), and what the issues asked to change is gone."""

from __future__ import annotations

import dataclasses

import pytest

from pti_citizen.content.readability import MAX_MEAN_WORDS, MAX_SENTENCE_WORDS, count_words, split_sentences
from pti_citizen.i18n import LANGUAGES
from pti_citizen.simulator import answers as a
from pti_citizen.ui.simulator import texts

P = a.limits()


def _question_strings(prefix: str, text: texts.QuestionText) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, value in dataclasses.asdict(text).items():
        if isinstance(value, str):
            found[f"{prefix}.{name}"] = value
        elif name == "choices":
            found.update({f"{prefix}.choice.{key}": label for key, label in value.items()})
        elif isinstance(value, dict) and set(value) == {"self", "helper"}:
            found.update({f"{prefix}.{name}.{key}": words for key, words in value.items()})
    if text.eu is not None:
        found.update(_question_strings(prefix + ".eu", text.eu))
    return found


def _all_strings(lang: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for question, text in texts.question_texts(lang, P).items():
        found.update(_question_strings(question, text))
    found.update({f"error.{key}": value for key, value in texts.error_texts(lang).items()})
    found.update({f"page.{key}": value for key, value in texts.page_texts(lang).items()})
    found.update({f"section.{key}": value for key, value in texts.section_names(lang).items()})
    return {key: value for key, value in found.items() if value}


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_question_and_button_has_words(lang):
    words = texts.question_texts(lang, P)
    assert set(words) == set(a.BY_ID)
    for question in a.QUESTIONS:
        text = words[question.id]
        assert text.title.self and text.title.helper and text.why, question.id
        assert set(text.choices) == set(question.choices), question.id
        if question.kind in (a.WHOLE, a.MONEY, a.AGES, a.COUNT):
            assert text.field, question.id
    assert set(texts.section_names(lang)) == set(a.SECTIONS)
    errors = texts.error_texts(lang)
    assert set(errors) >= {a.REQUIRED, a.AGE_RANGE, a.TOO_LONG, *a.MONEY_ERRORS.values()}


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "fr"])
def test_every_sentence_is_translated(lang):
    french, words = _all_strings("fr"), _all_strings(lang)
    assert words.keys() == french.keys()
    same = [key for key, value in words.items() if value == french[key] and not value.isdigit()]
    # Names kept in French on purpose (a benefit's name, the total).
    assert set(same) <= {"page.work_rsa", "page.work_prime", "page.work_total"}


def test_helper_wording_never_says_vous_about_the_person_helped():
    for question, text in texts.question_texts("fr", P).items():
        if text.title.self != text.title.helper:
            assert "la personne que vous aidez" in text.title.helper.lower(), question


def test_a_birth_expected_is_asked_in_a_way_that_fits_anyone():
    """Issue #14, item 5: a son answering for his father is not asked whether « vous êtes enceinte »."""
    for lang in LANGUAGES:
        words = texts.question_texts(lang, P)["pregnant"].title
        assert "enceinte" not in (words.self + words.helper).lower()
    french = texts.question_texts("fr", P)["pregnant"].title
    assert french.self == "Une naissance est-elle attendue dans le foyer ?"


def test_what_the_issues_asked_to_change_is_gone():
    everything = " ".join(_all_strings("fr").values()).lower()
    assert "seule la caf" not in everything
    assert "3 derniers mois" not in everything and "trois derniers mois" not in everything
    assert "combien touchez-vous de prestations familiales" not in everything
    assert "question {n} sur" not in everything
    assert "pension alimentaire pour les enfants ?" in everything
    assert "président du conseil départemental" in everything


def test_the_kiosk_says_what_its_reset_does():
    words = texts.page_texts("fr")
    assert "fermez l'onglet" in words["privacy"]
    assert "fermez l'onglet" not in words["privacy_kiosk"]
    assert "Terminer et tout effacer" in words["privacy_kiosk"] and "serveur" in words["privacy_kiosk"]


def test_french_source_is_plain_language():
    sentences = [sentence for value in _all_strings("fr").values() for sentence in split_sentences(value)]
    lengths = {sentence: count_words(sentence) for sentence in sentences}
    too_long = {sentence: n for sentence, n in lengths.items() if n > MAX_SENTENCE_WORDS}
    assert too_long == {}
    assert sum(lengths.values()) / len(lengths) <= MAX_MEAN_WORDS
