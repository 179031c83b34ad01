"""The wizard's words: every question, button and message exists in every language, and the French
source follows the plain-language rules (sentences of 25 words at most, about 15 on average)."""

from __future__ import annotations

import dataclasses

import pytest

from pti_citizen.content.readability import MAX_MEAN_WORDS, MAX_SENTENCE_WORDS, count_words, split_sentences
from pti_citizen.i18n import LANGUAGES
from pti_citizen.ui.simulator import flow, texts

P = flow.parameters()


def _all_strings(lang: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for question, text in texts.question_texts(lang, P).items():
        for name, value in dataclasses.asdict(text).items():
            if isinstance(value, str):
                found[f"{question}.{name}"] = value
            elif isinstance(value, dict) and name == "choices":
                found.update({f"{question}.choice.{key}": label for key, label in value.items()})
            elif isinstance(value, dict):
                found.update({f"{question}.{name}.{key}": words for key, words in value.items()})
    found.update({f"error.{key}": value for key, value in texts.error_texts(lang, P).items()})
    found.update({f"page.{key}": value for key, value in texts.page_texts(lang).items()})
    return found


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_question_and_button_has_words(lang):
    words = texts.question_texts(lang, P)
    assert set(words) == {question.id for question in flow.QUESTIONS}
    for question in flow.QUESTIONS:
        text = words[question.id]
        assert text.title.self and text.title.helper and text.why
        assert set(text.choices) == set(question.choices), question.id
        if question.kind in (flow.WHOLE, flow.MONEY, flow.AGES, flow.COUNT):
            assert text.field, question.id
    assert set(texts.error_texts(lang, P)) >= {flow.REQUIRED, flow.AGE_RANGE, *flow.MONEY_ERRORS.values()}


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "fr"])
def test_every_sentence_is_translated(lang):
    french, words = _all_strings("fr"), _all_strings(lang)
    assert words.keys() == french.keys()
    same = [key for key, value in words.items() if value and value == french[key] and not value.isdigit()]
    assert same == []


def test_helper_wording_never_says_vous_about_the_person_helped():
    for question, text in texts.question_texts("fr", P).items():
        if text.title.self != text.title.helper:
            assert "la personne que vous aidez" in text.title.helper.lower(), question


def test_french_source_is_plain_language():
    sentences = [sentence for value in _all_strings("fr").values() for sentence in split_sentences(value)]
    lengths = {sentence: count_words(sentence) for sentence in sentences}
    too_long = {sentence: n for sentence, n in lengths.items() if n > MAX_SENTENCE_WORDS}
    assert too_long == {}
    assert sum(lengths.values()) / len(lengths) <= MAX_MEAN_WORDS
