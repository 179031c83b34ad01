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

#: Facts no source available could confirm on 2026-12-07, as they appear in a page → what the page must
#: then say (issue #12). The 2026 amounts are checked by the figures rule (checks._unconfirmed_figures_say_so).
UNCERTAIN_FACTS = [
    ("médiation", MUST_CHECK),  # mandatory mediation in Haute-Garonne in 2026
    ("argent suspendu", "à vérifier auprès de votre MDS"),  # paying back suspended amounts
    ("temps avez-vous pour répondre", "à vérifier auprès de votre MDS"),  # time to answer before a sanction
    ("règles de la Haute-Garonne", "à vérifier auprès de votre MDS"),  # the Département's own scale
    ("décembre 2026", "à vérifier auprès de la CAF"),  # Christmas bonus 2026
    ("Tisséo", "à vérifier"),  # local transport fares
    ("réseau liO", "à vérifier"),
    ("gratuité", "à vérifier"),  # the Département's free buses
    ("actualisation chaque mois", "à vérifier avec France Travail"),  # social track and the monthly update
    ("À la MSA, la date", "à vérifier avec la MSA"),  # months M-4..M-2 at the MSA
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
    # The article number of the 15-hour rule is [UNCERTAIN]; the sanctions decree was read (n° 2025-478).
    text = " ".join(p.plain_text for p in site.pages("fr"))
    assert "L5411-6-1" not in text
    assert "décret n° 2025-478 du 30 mai 2025" in site.page("fr", "suspension-du-rsa").plain_text


def test_nothing_claims_to_be_checked_with_claimants_yet(site):
    # Only texts reviewed with readers may carry the label; nobody has reviewed these yet.
    for lang in LANGUAGES:
        assert {p.review_status for p in site.pages(lang)} == {"draft"}


#: « Only the CAF decides », in each language: false, the Président du Conseil départemental grants the RSA.
ONLY_THE_CAF = {"fr": "Seule la CAF", "en": "Only the CAF", "es": "Solo la CAF", "ar": "وحدها CAF"}


def test_who_grants_the_rsa_is_said_truly_in_every_language(site):
    # CASF L262-13: the Président du Conseil départemental grants it; L262-16: the CAF or the MSA pays it.
    for lang, wrong in ONLY_THE_CAF.items():
        assert [p.slug for p in site.pages(lang) if wrong in p.plain_text] == [], lang
    for slug in ("montant-du-rsa", "qui-peut-avoir-le-rsa", "mentions-legales", "rsa-c-est-quoi"):
        assert "accordé par le Président du Conseil départemental" in site.page("fr", slug).plain_text, slug
    assert 'href="/fr/simulateur"' in site.page("fr", "montant-du-rsa").html


def test_the_single_parent_increase_is_claimed_within_the_engines_delay(site):
    # R262-2 CASF: 12 months at most, claimed within 6 months, shorter after; never « 18 mois ».
    text = site.page("fr", "montant-du-rsa").plain_text
    assert "demandez-le dans les 6 mois après l'événement" in text
    assert "18 mois" not in text
    assert "Si vous demandez plus tard, il dure moins longtemps." in text


def test_the_reference_months_are_the_4th_3rd_and_2nd_before(site):
    # Décret n° 2025-185: since March 2025 the RSA looks at months M-4 to M-2, not « les 3 derniers mois ».
    for page in site.pages("fr"):
        text = page.plain_text.replace("ne sont pas les 3 derniers mois", "").replace(
            "Ce ne sont pas les 3 derniers mois", ""
        )
        assert "3 derniers mois" not in text, page.slug
    for slug in ("montant-du-rsa", "declarer-ses-revenus", "demander-le-rsa-en-ligne"):
        assert "le 4e, le 3e et le 2e mois" in site.page("fr", slug).plain_text, slug


def test_the_five_year_permit_rule_says_the_single_parent_exemption(site):
    # L262-4 2° b CASF: people entitled to the single-parent increase only need a regular stay.
    text = site.page("fr", "qui-peut-avoir-le-rsa").plain_text
    assert "Alors ces années ne sont pas demandées." in text


def test_a_debt_write_off_is_asked_of_the_president_and_counts_as_the_prior_appeal(site):
    # L262-46 CASF and Conseil d'État, opinion of 23 May 2011.
    page = site.page("fr", "contester-une-decision")
    section = page.plain_text.split("Vous devez rembourser de l'argent ?")[1]
    assert "Écrivez au Président du Conseil départemental de la Haute-Garonne." in section
    assert "compte aussi comme le recours administratif préalable" in section
    assert "commission de recours amiable" not in section


def test_the_legal_notice_says_what_openfisca_is_for(site):
    text = site.page("fr", "mentions-legales").plain_text
    assert "Le calcul du RSA utilise OpenFisca" not in text
    assert "Nos tests comparent ses résultats avec ceux d'OpenFisca-France." in text
    assert "France Services" not in text  # the 2020 list is not used by the site


#: Meanings the translations had lost (issue #12): text that must not come back, per language.
DRIFT = {
    "en": ["maintenance payments from a former partner", "support worker"],
    "es": ["de excedencia o", "acompañante único"],
    "ar": ["المجلس المحلي", "تنتظرين", "نفقة من الزوج السابق", "المرافق الوحيد"],
}


@pytest.mark.parametrize("lang", sorted(DRIFT))
def test_the_translations_keep_the_meaning(site, lang):
    texts = [(p.slug, p.plain_text + " " + p.title) for p in site.pages(lang)]
    texts += [(e.id, e.term + " " + e.definition) for e in site.glossary(lang)]
    assert [(where, wrong) for where, text in texts for wrong in DRIFT[lang] if wrong in text] == []


def test_pension_alimentaire_covers_child_support_in_every_language(site):
    # L262-10 CASF: créances d'aliments include child support (Code civil 203, 371-2), not only ex-spouses.
    definitions = {
        lang: next(e for e in site.glossary(lang) if e.id == "pension-alimentaire").definition
        for lang in ("fr", "en", "es", "ar")
    }
    assert "enfants" in definitions["fr"] and "ancien conjoint" in definitions["fr"]
    assert "child support" in definitions["en"] and "former spouse" in definitions["en"]
    assert "hijos" in definitions["es"]
    assert "لأطفاله" in definitions["ar"]


def test_every_page_has_the_same_anchors_in_every_language(site):
    for french in site.pages("fr"):
        for lang in TRANSLATIONS:
            translated = site.page(lang, french.slug)
            assert [h.id for h in translated.headings] == [h.id for h in french.headings], (lang, french.slug)
