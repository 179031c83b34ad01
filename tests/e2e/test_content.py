"""Content pages in the browser: every page in every language, checklists kept in the browser, print."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from pti_citizen.content import load_site
from tests.e2e.conftest import LANGS, wait_for_app

pytestmark = pytest.mark.e2e

GUIDE = "declaration-trimestrielle"


@pytest.mark.parametrize("lang", LANGS)
def test_every_content_page_opens_with_its_title_sources_and_date(page, app_url, lang):
    site = load_site()
    for content in site.pages(lang):
        page.goto(app_url + content.url)
        expect(page.get_by_role("heading", level=1)).to_have_text(content.title)
        expect(page.locator("aside.sources li").first).to_be_visible()
        assert str(content.checked_on.year) in page.locator("aside.sources").inner_text()


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_checklist_tick_survives_a_reload(page, app_url, lang):
    guide = load_site().page(lang, GUIDE)
    page.goto(app_url + guide.url)
    wait_for_app(page)
    first = guide.checklist[0]
    box = page.get_by_label(first.label)
    expect(box).not_to_be_checked()
    box.check()
    page.reload()
    wait_for_app(page)
    page.wait_for_load_state("load")
    expect(page.get_by_label(first.label)).to_be_checked()
    expect(page.get_by_label(guide.checklist[1].label)).not_to_be_checked()
    # Ticks are kept in this browser only: nothing went to the server in a URL.
    assert "check" not in page.url


def test_print_preview_of_a_guide_shows_the_steps_without_the_site_chrome(page, app_url):
    guide = load_site().page("fr", GUIDE)
    page.goto(app_url + guide.url)
    wait_for_app(page)
    page.emulate_media(media="print")
    expect(page.locator("header.site-header")).to_be_hidden()
    expect(page.locator("footer.site-footer")).to_be_hidden()
    expect(page.get_by_role("heading", name="Les étapes")).to_be_visible()
    # One-page checklist mode: only the title and the list of papers.
    page.evaluate("document.documentElement.classList.add('print-checklist')")
    expect(page.get_by_role("heading", name="Les étapes")).to_be_hidden()
    expect(page.get_by_label(guide.checklist[0].label)).to_be_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_glossary_links_land_on_their_definition(page, app_url):
    site = load_site()
    content = next(p for p in site.pages("fr") if 'class="glossary-term"' in p.html)
    page.goto(app_url + content.url)
    wait_for_app(page)
    term = page.locator("a.glossary-term").first
    target = term.get_attribute("href").split("#", 1)[1]
    term.click()
    expect(page.locator(f"dt#{target}")).to_be_in_viewport()


def test_helper_mode_explains_who_you_is(page, app_url):
    page.goto(f"{app_url}/fr/droits/accompagnement")
    wait_for_app(page)
    note = page.get_by_text("« vous » veut dire la personne que vous aidez")
    expect(note).to_be_hidden()
    page.evaluate("localStorage.setItem('pti_mode', 'aidant')")
    page.reload()
    expect(note).to_be_visible()
