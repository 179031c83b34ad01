"""The privacy page says exactly what the feedback table holds and for how long, in all 4 languages."""

from __future__ import annotations

import pytest

from pti_citizen.content import load_site
from pti_citizen.db.models import FeedbackEntry
from pti_citizen.feedback.retention import FEEDBACK_RETENTION_MONTHS
from pti_citizen.i18n import LANGUAGES

#: Each stored column and the words the French page uses for it.
SAID_IN_FRENCH = {
    "page": "la page concernée",
    "lang": "la langue de la page",
    "mode": "votre façon d'utiliser le site",
    "answer": "votre réponse",
    "comment": "votre commentaire",
    "missing": "ce qui manque sur la page",
    "territory": "la zone de votre MDS",
    "created_on": "le jour de votre réponse, sans l'heure",
}
#: Not about the person: the row's id, whether the second step was sent, and whether the answer came
#: during a flood (kept out of the figures, docs/feedback.md).
TECHNICAL = {"id", "details_given", "set_apart"}


def page(lang: str):
    return load_site().page(lang, "confidentialite")


def test_every_stored_column_is_listed_and_nothing_else_is_stored():
    assert set(FeedbackEntry.model_fields) == set(SAID_IN_FRENCH) | TECHNICAL
    text = page("fr").plain_text
    missing = [words for words in SAID_IN_FRENCH.values() if words not in text]
    assert not missing, missing


def test_retention_and_what_is_never_kept():
    text = page("fr").plain_text
    assert f"gardés {FEEDBACK_RETENTION_MONTHS} mois" in text
    assert "adresse IP" in text and "navigateur" in text
    assert "ne garde pas le nom de votre MDS" in text


@pytest.mark.parametrize("lang", [code for code in LANGUAGES if code != "fr"])
def test_translations_follow_the_french_page(lang):
    french, translated = page("fr"), page(lang)
    assert translated.checked_on == french.checked_on == translated.source_checked_on
    assert str(FEEDBACK_RETENTION_MONTHS) in translated.plain_text
    assert "Sud Toulousain" in translated.plain_text  # the example of what « area » means
