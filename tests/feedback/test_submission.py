"""What an answer may contain: field-level messages in the person's language, masked comments."""

from __future__ import annotations

import pytest

from pti_citizen.feedback.masking import PHONE_MARK
from pti_citizen.feedback.submission import (
    MAX_COMMENT_LENGTH,
    MISSING_CHOICES,
    check_answer,
    check_details,
    refusal_message,
)
from pti_citizen.i18n import LANGUAGES

PAGES = frozenset({"droits/montant-du-rsa", "simulateur/resultat"})


def test_a_valid_answer_keeps_page_language_mode_and_answer():
    answer, errors = check_answer("droits/montant-du-rsa", "ar", "non", "aidant", PAGES)
    assert errors == {}
    assert (answer.page, answer.lang, answer.mode, answer.answer) == (
        "droits/montant-du-rsa",
        "ar",
        "aidant",
        "non",
    )


def test_an_unknown_way_of_use_is_stored_as_unknown_not_refused():
    answer, errors = check_answer("simulateur/resultat", "fr", "oui", "<script>", PAGES)
    assert errors == {} and answer.mode is None


@pytest.mark.parametrize(
    ("page", "lang", "answer", "fields"),
    [
        ("ailleurs", "fr", "oui", {"page"}),
        ("droits/montant-du-rsa", "de", "oui", {"lang"}),
        ("droits/montant-du-rsa", "fr", "peut-être", {"answer"}),
        (None, 12, ["oui"], {"page", "lang", "answer"}),
        ("x" * 10_000, "fr", "oui", {"page"}),
    ],
)
def test_malformed_answers_get_field_messages(page, lang, answer, fields):
    checked, errors = check_answer(page, lang, answer, "moi", PAGES)
    assert checked is None and set(errors) == fields
    assert all(isinstance(m, str) and m for m in errors.values())


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_messages_are_in_the_language_of_the_page(lang):
    _, errors = check_answer("droits/montant-du-rsa", lang, "maybe", None, PAGES)
    _, french = check_answer("droits/montant-du-rsa", "fr", "maybe", None, PAGES)
    assert (errors["answer"] == french["answer"]) == (lang == "fr")


def test_comment_is_masked_and_choices_kept_in_a_stable_order():
    details, errors = check_details(
        "Pas clair. Appelez-moi au 06 12 34 56 78.", ["contact", "exemple"], "mds31-056", "fr"
    )
    assert errors == {}
    assert PHONE_MARK in details.comment and "06 12" not in details.comment
    assert details.missing == ("exemple", "contact")  # the order of the form, whatever the order sent
    assert details.territory == "Sud Toulousain"  # Muret's MDS, per directory/data/places.csv


def test_empty_details_are_empty():
    details, errors = check_details("   ", [], "", "fr")
    assert errors == {} and details.empty


def test_comment_length_is_counted_in_characters_not_bytes():
    arabic = "ب" * MAX_COMMENT_LENGTH  # 2 bytes each in UTF-8: still exactly the maximum
    details, errors = check_details(arabic, None, None, "ar")
    assert errors == {} and len(details.comment) == MAX_COMMENT_LENGTH


@pytest.mark.parametrize("size", [MAX_COMMENT_LENGTH + 1, 5_000, 2_000_000])
def test_oversized_comments_are_refused_with_their_size(size):
    details, errors = check_details("a" * size, None, None, "en")
    assert details is None
    assert str(size) in errors["comment"] and str(MAX_COMMENT_LENGTH) in errors["comment"]


@pytest.mark.parametrize(
    ("comment", "missing", "place", "field"),
    [
        (["not", "text"], None, None, "comment"),
        ({"a": 1}, None, None, "comment"),
        (None, ["exemple", "nope"], None, "missing"),
        (None, "exemple", None, "missing"),
        (None, list(MISSING_CHOICES) * 3, None, "missing"),
        (None, None, "mds31-999", "territory"),
        (None, None, 31, "territory"),
    ],
)
def test_malformed_details_get_field_messages(comment, missing, place, field):
    details, errors = check_details(comment, missing, place, "es")
    assert details is None and field in errors


def test_a_point_d_accueil_is_not_accepted_as_an_mds():
    from pti_citizen.directory import PlaceKind, get_directory

    point = next(p for p in get_directory().places if p.kind == PlaceKind.POINT_ACCUEIL)
    _, errors = check_details(None, None, point.id, "fr")
    assert "territory" in errors


@pytest.mark.parametrize("reason", ["client", "global", "storage"])
def test_refusals_are_explained_in_every_language(reason):
    texts = {lang: refusal_message(reason, lang) for lang in LANGUAGES}
    assert len(set(texts.values())) == len(LANGUAGES)
