"""Where French sits in a translated sentence (issue #14, item 3): addresses with their number, names
with their bracketed acronym, the parts of an address after commas; guillemets that hold their words."""

from __future__ import annotations

import pytest

from pti_citizen.french_text import french_parts, names_pattern, quotes_held


def _french(text: str, lang: str, names=()) -> list[str]:
    return [part.text for part in french_parts(text, lang, names_pattern(names)) if part.lang == "fr"]


@pytest.mark.parametrize(
    ("text", "french"),
    [
        ("العنوان: 44 avenue Jacques Douzans, 31600 Muret", ["44 avenue Jacques Douzans, 31600 Muret"]),
        ("اتصل بـ Maison des Solidarités (MDS) قرب منزلك.", ["Maison des Solidarités (MDS)"]),
        ("تستقبلك دار التضامن MDS (Maison des solidarités) قرب منزلك.", ["MDS (Maison des solidarités)"]),
        (
            "بالبريد: Défenseur des droits, Libre réponse 71120, 75342 Paris Cedex 07.",
            ["Défenseur des droits, Libre réponse 71120, 75342 Paris Cedex 07"],
        ),
        ("مثال: 3 rue de la Mairie, Muret.", ["3 rue de la Mairie, Muret"]),
        # A number alone is no French, nor a web address; an Arabic comma ends the run.
        ("الرمز البريدي 31800 هو رمز Saint-Gaudens.", ["Saint-Gaudens"]),
        ("على caf.fr أو msa.fr.", []),
        ("دور التضامن (Maisons des Solidarités، أي MDS)", ["Maisons des Solidarités", "MDS"]),
    ],
)
def test_in_arabic_every_latin_run_is_french_and_kept_whole(text, french):
    assert _french(text, "ar") == french
    parts = french_parts(text, "ar")
    assert "".join(p.text for p in parts) == text
    assert all(p.isolate for p in parts if p.lang)


def test_in_english_and_spanish_only_the_given_names_are_french():
    text = "Places nearest to the centre of Saint-Gaudens (Saint-Gaudensois)."
    assert _french(text, "en", ["Saint-Gaudens"]) == ["Saint-Gaudens"]
    assert not any(p.isolate for p in french_parts(text, "en", names_pattern(["Saint-Gaudens"])))
    assert _french("Lugares cerca de L’Isle-en-Dodon.", "es", ["L'Isle-en-Dodon"]) == ["L’Isle-en-Dodon"]
    assert _french(text, "en") == []


def test_french_itself_is_never_marked():
    assert _french("44 avenue Jacques Douzans", "fr", ["Douzans"]) == []


def test_guillemets_hold_their_words():
    assert quotes_held("Appuyez sur « Tout recommencer ».") == "Appuyez sur «\u00a0Tout recommencer\u00a0»."
    assert quotes_held("اضغط «Tout recommencer».") == "اضغط «Tout recommencer»."
