"""The loader API the UI uses: pages per language and section, one page, the glossary, the cache."""

from __future__ import annotations

import datetime as dt

import pytest

from pti_citizen import routes
from pti_citizen.content import ContentError, load_site
from pti_citizen.i18n import LANGUAGES

from .conftest import CHECKED_ON, page_meta, write_page


def test_pages_come_sorted_by_order_and_filtered_by_section(mini_content):
    site = load_site(mini_content)
    assert [p.slug for p in site.pages("fr")] == ["contact", "rsa-c-est-quoi", "mots-du-rsa"]
    assert [p.slug for p in site.pages("fr", "droits")] == ["rsa-c-est-quoi", "mots-du-rsa"]
    assert [p.slug for p in site.pages("fr", "info")] == ["contact"]
    assert site.pages("fr", "demarches") == []


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_a_page_carries_its_metadata_and_url(mini_content, lang):
    page = load_site(mini_content).page(lang, "contact")
    assert page.url == routes.content_page(lang, "info", "contact")
    assert page.checked_on == dt.date.fromisoformat(CHECKED_ON)
    assert page.review_status == "draft"
    assert page.kind == "page" and page.checklist == ()
    assert page.sources[0].url.startswith("https://")
    assert (page.translation_of, page.source_checked_on) == (
        (None, None) if lang == "fr" else ("fr", dt.date.fromisoformat(CHECKED_ON))
    )


def test_an_unknown_page_is_none_so_the_ui_can_say_not_found(mini_content):
    assert load_site(mini_content).page("fr", "n-existe-pas") is None


def test_the_glossary_is_in_alphabetical_order_accents_ignored(mini_content):
    terms = [entry.term for entry in load_site(mini_content).glossary("fr")]
    assert terms == ["CAF", "référent unique", "RSA", "RSA majoré"]


def test_the_site_is_loaded_once(mini_content):
    assert load_site(mini_content) is load_site(mini_content)


def test_a_guide_has_its_checklist_in_order(mini_content):
    checklist = [
        {"id": "piece-identite", "label": "Votre pièce d'identité"},
        {"id": "rib", "label": "Votre RIB"},
    ]
    meta = page_meta("fr", "Demander le RSA", section="demarches", kind="guide", checklist=checklist)
    write_page(mini_content, "fr", "demander-le-rsa", meta, "Voici les étapes.\n")
    page = load_site(mini_content).page("fr", "demander-le-rsa")
    assert [(i.id, i.label) for i in page.checklist] == [(c["id"], c["label"]) for c in checklist]


def test_a_file_that_cannot_be_read_as_content_stops_loading_with_its_name(mini_content):
    file = write_page(mini_content, "fr", "casse", {"title": "Sans le reste"}, "Texte.\n")
    with pytest.raises(ContentError) as error:
        load_site(mini_content)
    assert str(file) in str(error.value)
    assert "'sources' must list at least one source" in str(error.value)
