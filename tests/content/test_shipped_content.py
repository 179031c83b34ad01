"""What the shipped French content must say, from the brief and the research notes (not from our own output)."""

from __future__ import annotations

import pytest

from pti_citizen.content import load_site
from pti_citizen.languages import LANGUAGES, TRANSLATIONS

#: Words the brief lists for the glossary « Les mots du RSA ».
BRIEF_GLOSSARY_WORDS = [
    "RSA", "CAF", "MSA", "MDS", "C2S", "DTR", "PASS", "PFIDASS", "CASF", "APL", "ALS", "ALF", "AAH", "ASS",
    "ARE", "FranceConnect", "référent unique", "contrat d'engagement", "France Travail", "prime d'activité",
    "forfait logement", "RSA majoré", "Aidants Connect", "France Services",
]  # fmt: skip

MUST_CHECK = "à vérifier auprès de la CAF ou de votre MDS"

#: Facts marked [UNCERTAIN] in the research notes, as they appear in a page → what the page must then say.
UNCERTAIN_FACTS = [
    ("651,69", MUST_CHECK),  # 2026 amount: decree not read on Légifrance
    ("médiation", MUST_CHECK),  # mandatory mediation in Haute-Garonne in 2026
    ("limite de 3 mois", MUST_CHECK),  # limit on paying back suspended amounts
    ("décembre 2026", "pas encore vérifié"),  # Christmas bonus 2026 decree
    ("Tisséo", "à vérifier"),  # local transport fares
    ("réseau liO", "à vérifier"),
]


@pytest.fixture(scope="module")
def site():
    return load_site()


def test_the_glossary_has_every_word_the_brief_lists(site):
    known = {variant.casefold() for e in site.glossary("fr") for variant in (e.term, *e.aliases)}
    assert [word for word in BRIEF_GLOSSARY_WORDS if word.casefold() not in known] == []


@pytest.mark.parametrize(("marker", "required"), UNCERTAIN_FACTS)
def test_uncertain_facts_are_only_published_with_a_warning(site, marker, required):
    pages = [p for p in site.pages("fr") if marker in p.plain_text]
    assert pages, f"no page mentions {marker!r}: update this test with the notes"
    assert [p.slug for p in pages if required.casefold() not in p.plain_text.casefold()] == []


def test_numbers_the_notes_could_not_confirm_are_not_cited(site):
    # The article number of the 15-hour rule and the number of the sanctions decree are [UNCERTAIN].
    text = " ".join(p.plain_text for p in site.pages("fr"))
    assert "L5411-6-1" not in text


def test_nothing_claims_to_be_checked_with_claimants_yet(site):
    # Only texts reviewed with readers may carry the label; nobody has reviewed these yet.
    for lang in LANGUAGES:
        assert {p.review_status for p in site.pages(lang)} == {"draft"}


def test_the_simulator_and_the_rule_that_only_the_caf_decides_are_on_the_amount_page(site):
    page = site.page("fr", "montant-du-rsa")
    assert "Seule la CAF ou la MSA décide" in page.plain_text
    assert 'href="/fr/simulateur"' in page.html


def test_every_page_has_the_same_anchors_in_every_language(site):
    for french in site.pages("fr"):
        for lang in TRANSLATIONS:
            translated = site.page(lang, french.slug)
            assert [h.id for h in translated.headings] == [h.id for h in french.headings], (lang, french.slug)
