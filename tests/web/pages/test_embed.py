"""The embeds for partners' sites and the snippet page: rendered on the server, no script, in the
page's language, every full page in a new tab, small enough for a partner's page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pti_citizen import routes
from pti_citizen.i18n import LANGUAGES
from pti_citizen.web.pages.site import ServerRenderedSite

ORIGIN = "https://rsa.example.fr"
PARTNER = "https://www.ccas-exemple.fr"
ASSETS = Path(__file__).resolve().parents[3] / "assets"


@pytest.fixture(scope="module")
def site():
    return ServerRenderedSite(origin=ORIGIN, embed_origins=(PARTNER,))


def html_of(site, lang, here, query=""):
    return site.render(site.route(routes.path(lang, here)), query).html.decode()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_locator_embed_lists_the_places_of_a_postcode_without_script(site, lang):
    html = html_of(site, lang, routes.EMBED_LOCATOR, "q=31800")
    assert html.startswith(f'<!DOCTYPE html><html lang="{lang}" dir="{"rtl" if lang == "ar" else "ltr"}">')
    assert "<script" not in html
    assert "Maison des Solidarités de Saint-Gaudens" in html
    assert html.count('class="locator-card"') == 5
    assert f'<form method="get" action="/{lang}/integrer/trouver-une-mds"' in html
    # Every link that leaves the embed opens a new tab, and says so.
    for anchor in re.findall(r"<a [^>]*>", html):
        if "/integrer/" not in anchor and not anchor.startswith('<a href="tel:'):
            assert 'target="_blank"' in anchor and 'rel="noopener"' in anchor, anchor


def test_the_embed_with_its_stylesheets_weighs_at_most_30_kb(site):
    html = html_of(site, "fr", routes.EMBED_LOCATOR, "q=31800")
    styles = re.findall(r'<link rel="stylesheet" href="/([^"]+)">', html)
    total = len(html.encode()) + sum((ASSETS / name).stat().st_size for name in styles)
    print(f"embed /fr/integrer/trouver-une-mds?q=31800: {total} bytes with {styles}")
    assert styles and total <= 30 * 1024


@pytest.mark.parametrize(
    "query", ["q=zzzzzz", "q=" + "a" * 5000, "q=31800&q=31000&" * 50, "kind=%00", "q=%ff%fe"]
)
def test_a_bad_or_hostile_query_gets_the_form_never_an_error(site, query):
    html = html_of(site, "fr", routes.EMBED_LOCATOR, query)
    assert '<input id="embed-q" name="q"' in html and "<h1>" in html


def test_an_unknown_town_is_said_next_to_the_field(site):
    html = html_of(site, "es", routes.EMBED_LOCATOR, "q=zzzzzz")
    assert 'aria-invalid="true"' in html and 'id="embed-q-error"' in html


def test_the_simulator_embed_opens_the_simulator_in_a_new_tab(site):
    html = html_of(site, "ar", routes.EMBED_SIMULATOR)
    assert re.search(r'<a href="/ar/simulateur" target="_blank" rel="noopener" class="button">', html)
    assert "علامة تبويب جديدة" in html  # « (nouvel onglet) », in Arabic


def test_the_snippet_page_gives_the_code_and_lists_the_partners(site):
    html = html_of(site, "fr", routes.EMBED)
    assert f'&lt;iframe src="{ORIGIN}/fr/integrer/trouver-une-mds?q=31800" title=' in html
    assert '<iframe src="/fr/integrer/trouver-une-mds?q=31800" title="' in html  # shown live
    assert f'<code dir="ltr">{PARTNER}</code>' in html
    nobody = ServerRenderedSite(origin=ORIGIN)
    assert "Aucun site partenaire" in html_of(nobody, "fr", routes.EMBED)
