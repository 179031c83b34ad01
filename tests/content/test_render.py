"""Rendering: links resolved with routes.py, glossary terms linked once, no raw HTML, stable heading ids."""

from __future__ import annotations

import re

import pytest

from pti_citizen import routes
from pti_citizen.content.loader import build_site, read_content
from pti_citizen.content.model import GlossaryEntry
from pti_citizen.content.render import GlossaryLinker, LinkTargets, prepare, render
from pti_citizen.i18n import LANGUAGES

from .conftest import page_meta, write_page


@pytest.fixture
def site(mini_content):
    documents, glossaries, problems = read_content(mini_content)
    assert problems == []
    return build_site(documents, glossaries)


def glossary_href(lang: str, entry_id: str) -> str:
    return f"{routes.path(lang, routes.GLOSSARY)}#{entry_id}"


def test_the_glossary_link_has_the_shape_the_ui_styles(site):
    # The exact markup the brief asks for.
    assert (
        '<a href="/fr/droits/mots-du-rsa#caf" class="glossary-term">CAF</a>'
        in site.page("fr", "rsa-c-est-quoi").html
    )


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_internal_links_follow_the_routes_of_each_language(site, lang):
    html = site.page(lang, "rsa-c-est-quoi").html
    assert f'href="{routes.path(lang, routes.SIMULATOR)}"' in html
    assert f'href="{routes.content_page(lang, "droits", "mots-du-rsa")}"' in html
    assert f'href="{glossary_href(lang, "caf")}"' in html
    assert "page:" not in html and "app:" not in html and "glossaire:" not in html


def test_external_links_do_not_give_the_new_page_access_to_ours(site):
    assert '<a href="https://www.caf.fr" rel="noopener">' in site.page("fr", "rsa-c-est-quoi").html


def test_a_glossary_term_is_linked_at_its_first_occurrence_only(site):
    html = site.page("fr", "rsa-c-est-quoi").html
    auto_links = re.findall(r'<a href="([^"]+)" class="glossary-term">([^<]+)</a>', html)
    # CAF: once automatically (first plain occurrence), once by the explicit glossaire: link.
    assert auto_links.count((glossary_href("fr", "caf"), "CAF")) == 1
    assert (glossary_href("fr", "caf"), "Le mot CAF") in auto_links
    assert html.count(glossary_href("fr", "referent-unique")) == 1
    # "Encore la CAF" comes after the first occurrence: plain text.
    assert "<p>Encore la CAF et le référent unique.</p>" in html


def test_headings_and_existing_links_are_never_glossary_linked(site):
    html = site.page("fr", "rsa-c-est-quoi").html
    assert '<h2 id="qui-paie-le-rsa">Qui paie le RSA\u00a0?</h2>' in html
    assert '<h2 id="referent-unique">Référent unique</h2>' in html
    assert '<a href="https://www.caf.fr" rel="noopener">La CAF</a>' in html


def test_the_longest_term_wins_and_words_match_in_any_case(site):
    html = site.page("fr", "rsa-c-est-quoi").html
    assert f'<a href="{glossary_href("fr", "rsa-majore")}" class="glossary-term">RSA majoré</a>' in html
    assert (
        f'Votre <a href="{glossary_href("fr", "referent-unique")}" class="glossary-term">référent unique</a>'
        in html
    )


def test_the_glossary_page_does_not_link_to_itself(site):
    assert "glossary-term" not in site.page("fr", "mots-du-rsa").html


def test_plain_text_keeps_link_texts_and_drops_addresses(site):
    text = site.page("fr", "rsa-c-est-quoi").plain_text
    assert "La CAF explique le RSA." in text
    assert "Qui paie le RSA ?" in text.splitlines()
    assert "https://" not in text and "app:" not in text


def _render(body: str, lang: str = "fr", entries=()):
    prepared = prepare(body)
    targets = LinkTargets(sections={lang: {"rsa": "droits"}}, anchors={(lang, "rsa"): {"montant"}})
    targets.glossary_ids[lang] = {e.id for e in entries}
    return prepared, render(prepared, lang, targets, GlossaryLinker(lang, list(entries)))


def test_raw_html_is_shown_as_text_never_passed_through():
    _, rendered = _render('Bonjour <script>alert("x")</script>\n\n<div onclick="x()">bloc</div>\n')
    assert "<script" not in rendered.html and "<div" not in rendered.html
    assert "&lt;script&gt;" in rendered.html


@pytest.mark.parametrize(
    "href",
    [
        "page:inconnue",
        "page:rsa#inconnue",
        "glossaire:inconnu",
        "app:inconnue",
        "/fr/droits/rsa",
        "http://caf.fr",
    ],
)
def test_a_broken_or_forbidden_link_keeps_its_text_but_not_the_link(href):
    _, rendered = _render(f"Voir [la page]({href}).\n")
    assert rendered.broken_links == (href,)
    assert rendered.html == "<p>Voir la page.</p>\n"


def test_a_javascript_link_is_not_even_a_link():
    _, rendered = _render("Voir [la page](javascript:alert(1)).\n")
    assert "<a" not in rendered.html


def test_links_to_an_anchor_of_another_page_and_of_the_same_page():
    _, rendered = _render("## Ici\n\n[Montant](page:rsa#montant) et [ici](#ici).\n")
    assert rendered.broken_links == ()
    assert f'href="{routes.content_page("fr", "droits", "rsa")}#montant"' in rendered.html
    assert 'href="#ici"' in rendered.html


def test_heading_ids_are_stable_explicit_or_numbered_when_no_latin_letters():
    prepared, rendered = _render("## Le montant {#montant}\n\n## Le montant\n\n## Le montant\n\n## ما هو؟\n")
    assert [h.id for h in prepared.headings] == ["montant", "le-montant", "le-montant-2", "section-4"]
    assert '<h2 id="montant">Le montant</h2>' in rendered.html


def test_french_text_never_breaks_a_line_before_a_question_mark_or_inside_an_amount():
    _, rendered = _render("Combien ? Le montant est de 1 433,72 € « par mois ».\n")
    assert (
        rendered.html
        == "<p>Combien\u00a0? Le montant est de 1\u00a0433,72\u00a0€ «\u00a0par mois\u00a0».</p>\n"
    )
    _, english = _render("How much ? 1 433 €\n", "en")
    assert english.html == "<p>How much ? 1 433 €</p>\n"


def test_acronyms_match_only_in_capitals():
    # « are » in English is not the ARE (unemployment benefit); « Pass » is not the PASS (hospital desk).
    entries = [GlossaryEntry("are", "ARE", "x"), GlossaryEntry("pass", "PASS", "y")]
    _, rendered = _render("You are fine. The Pass numérique helps. The ARE is paid.\n", "en", entries)
    assert rendered.html.count("glossary-term") == 1
    assert f'<a href="{glossary_href("en", "are")}" class="glossary-term">ARE</a> is paid' in rendered.html


def test_arabic_text_links_french_acronyms_to_the_arabic_glossary():
    entries = [GlossaryEntry("caf", "CAF", "x", aliases=("صندوق المنح العائلية",))]
    _, rendered = _render("تدفع CAF المبلغ.\n", "ar", entries)
    assert f'<a href="{glossary_href("ar", "caf")}" class="glossary-term">CAF</a>' in rendered.html


@pytest.mark.parametrize(
    "word",
    ["الأسرة", "والأسرة", "بالأسرة", "للأسرة", "وللأسرة", "فالأسرة", "كالأسرة"],
)
def test_arabic_terms_are_found_behind_the_letters_joined_to_them(word):
    # « and », « with », « for »… are written joined to the next word in Arabic.
    entries = [GlossaryEntry("foyer", "الأسرة", "x")]
    _, rendered = _render(f"تعيش {word} هنا.\n", "ar", entries)
    assert f'<a href="{glossary_href("ar", "foyer")}" class="glossary-term">{word}</a>' in rendered.html


def test_an_arabic_term_with_latin_letters_is_found_behind_a_joined_letter():
    entries = [GlossaryEntry("licence-agpl", "رخصة AGPL", "x")]
    _, rendered = _render("ننشر الشيفرة برخصة AGPL.\n", "ar", entries)
    assert (
        f'<a href="{glossary_href("ar", "licence-agpl")}" class="glossary-term">برخصة AGPL</a>'
        in rendered.html
    )


@pytest.mark.parametrize("text", ["الوالدة هنا.", "سرة هنا.", "الأسرتان هنا."])
def test_arabic_terms_are_not_found_inside_other_words(text):
    entries = [GlossaryEntry("foyer", "الأسرة", "x"), GlossaryEntry("lo", "الدة", "y")]
    _, rendered = _render(text + "\n", "ar", entries)
    assert "glossary-term" not in rendered.html


def test_curly_and_straight_apostrophes_are_the_same_term():
    entries = [GlossaryEntry("contrat-d-engagement", "contrat d'engagement", "x")]
    _, rendered = _render("Vous signez un contrat d’engagement.\n", "fr", entries)
    assert "contrat d’engagement</a>" in rendered.html


def test_images_are_reported_not_rendered(tmp_path):
    write_page(tmp_path, "fr", "x", page_meta("fr", "X"), "![un chat](https://example.org/chat.png)\n")
    documents, glossaries, _ = read_content(tmp_path)
    page = build_site(documents, glossaries).page("fr", "x")
    assert "<img" not in page.html
    assert len(page.broken_links) == 1


def _render_marked(body: str, lang: str, names=(), entries=()):
    from pti_citizen.content.render import FrenchNames

    prepared = prepare(body)
    targets = LinkTargets()
    targets.glossary_ids[lang] = {e.id for e in entries}
    return render(
        prepared, lang, targets, GlossaryLinker(lang, list(entries)), french=FrenchNames(lang, names)
    )


def test_french_names_in_an_english_page_are_marked_for_voices():
    names = ["Président du Conseil départemental", "Conseil départemental", "CAF", "montant net social"]
    entries = [GlossaryEntry("departement", "Département", "x", aliases=("Conseil départemental",))]
    rendered = _render_marked(
        "Write to the Président du Conseil départemental. Look at the « montant net social ». The CAF pays.\n",
        "en",
        names,
        entries,
    )
    # The whole name is one French phrase; the glossary link goes inside it.
    assert (
        '<span lang="fr">Président du <a href="/en/droits/mots-du-rsa#departement" class="glossary-term">'
        "Conseil départemental</a></span>" in rendered.html
    )
    assert '<span lang="fr">montant net social</span>' in rendered.html
    # Acronyms are read letter by letter anyway: not marked, not a voice switch in mid-sentence.
    assert "The CAF pays." in rendered.html


def test_an_arabic_page_isolates_every_run_of_latin_letters_but_not_web_addresses():
    rendered = _render_marked("اكتب إلى Président du Conseil départemental على caf.fr اليوم.\n", "ar")
    assert '<bdi lang="fr" dir="ltr">Président du Conseil départemental</bdi>' in rendered.html
    assert "caf.fr" in rendered.html and 'dir="ltr">caf.fr' not in rendered.html


def test_french_pages_and_figures_are_never_marked():
    rendered = _render_marked(
        "Le Président du Conseil départemental décide.\n", "fr", ["Président du Conseil départemental"]
    )
    assert "lang=" not in rendered.html


def test_the_shipped_pages_mark_french_names_and_source_titles_are_french(site):
    from pti_citizen.content import load_site

    shipped = load_site()
    assert (
        '<span lang="fr">Président du Conseil départemental</span>'
        in shipped.page("en", "suspension-du-rsa").html
    )
    assert '<bdi lang="fr" dir="ltr">' in shipped.page("ar", "contester-une-decision").html
    assert all(s.lang == "fr" for s in shipped.page("en", "montant-du-rsa").sources)
    parts = shipped.parts("en", "Support from a référent unique (your named RSA adviser)")
    assert [(p.text, p.lang) for p in parts if p.lang] == [("référent unique", "fr")]
    assert shipped.parts("ar", "اكتب إلى CAF")[-1].isolate


def test_arabic_pages_keep_a_french_address_whole_and_guillemets_hold_their_words():
    # Issue #14: an address (« 75342 Paris Cedex 07 »), a name with its acronym in brackets, a French
    # term in guillemets: each is one isolated run, and no line breaks inside « … ».
    from pti_citizen.content import load_site

    shipped = load_site()
    address = "Défenseur des droits, Libre réponse 71120, 75342 Paris Cedex 07"
    assert f'<bdi lang="fr" dir="ltr">{address}</bdi>' in shipped.page("ar", "accessibilite").html
    contact = shipped.page("ar", "contact").html
    assert '<bdi lang="fr" dir="ltr">MDS (Maison des solidarités)</bdi>' in contact
    steps = shipped.page("ar", "declaration-trimestrielle").html
    assert '«\u00a0<bdi lang="fr" dir="ltr">Mes ressources</bdi>\u00a0»' in steps
    assert "« " not in steps and " »" not in steps
