"""The server-rendered pages: which they are, and that each is a whole accessible page in its language,
made of the content core's own HTML, with no Reflex script and one inline script the CSP can hash."""

from __future__ import annotations

import base64
import hashlib
import re
from html import escape, unescape

import pytest

from pti_citizen import routes
from pti_citizen.content import load_site
from pti_citizen.i18n import LANGUAGES
from pti_citizen.offers import filter_offers
from pti_citizen.web import security
from pti_citizen.web.pages import offers
from pti_citizen.web.pages.shell import DISPLAY_PREFS_JS, Assets
from pti_citizen.web.pages.site import ServerRenderedSite

ORIGIN = "https://rsa.example.fr"
DIRECTION = {"fr": "ltr", "en": "ltr", "es": "ltr", "ar": "rtl"}


@pytest.fixture(scope="module")
def site():
    return ServerRenderedSite(origin=ORIGIN, assets=lambda: Assets(stylesheets=("/assets/site-abc.css",)))


def html_of(site, path, query=""):
    return site.render(site.route(path), query).html.decode()


def test_every_page_that_needs_no_server_is_here_and_nothing_else(site):
    content = load_site()
    expected = set()
    for lang in LANGUAGES:
        expected |= {page.url for page in content.pages(lang)}
        expected |= {
            routes.path(lang),
            routes.path(lang, routes.WAY_OF_USE),
            routes.path(lang, routes.OFFERS),
            routes.path(lang, routes.REMINDERS),
            routes.path(lang, routes.EMBED),
            routes.path(lang, routes.NOT_SAVED),
            routes.section_index(lang, "droits"),
            routes.section_index(lang, "demarches"),
        }
    assert set(site.paths()) == expected
    for embed in (routes.EMBED_LOCATOR, routes.EMBED_SIMULATOR):  # framed by partners: not in the menu
        assert site.route(routes.path("fr", embed)).embed
    for feature in (routes.SIMULATOR, routes.SIMULATOR_RESULT, routes.LOCATOR):
        assert site.route(routes.path("fr", feature)) is None
    assert site.route("/equipe") is None and site.route("/de/droits") is None


def test_a_path_is_found_with_or_without_its_trailing_slash(site):
    assert site.route("/fr/droits/montant-du-rsa/") is site.route("/fr/droits/montant-du-rsa")
    assert site.route("/ar") is site.route("/ar/")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_page_is_a_whole_page_in_its_language(site, lang):
    for path in (p for p in site.paths() if p.startswith(f"/{lang}/")):
        html = html_of(site, path)
        route = site.route(path)
        assert html.startswith(f'<!DOCTYPE html><html lang="{lang}" dir="{DIRECTION[lang]}">'), path
        assert html.count("<main ") == 1 and 'id="contenu"' in html, path
        assert re.search(
            r"<body><div[^>]*connection-status[^>]*></div><a href=\"#contenu\" class=\"skip-link\">", html
        ), path
        assert html.count("<h1>") == 1, path
        assert f"<title>{escape(route.info.title, quote=False)} · " in html, path
        for code in LANGUAGES:
            assert (
                f'<link rel="alternate" hreflang="{code}" href="{ORIGIN}{routes.path(code, route.info.here)}">'
                in html
            )
        assert f'hreflang="x-default" href="{ORIGIN}{routes.path("fr", route.info.here)}"' in html
        assert '<link rel="stylesheet" href="/assets/site-abc.css">' in html


def test_no_page_loads_reflex_or_opens_anything_but_our_scripts(site):
    expected_hash = base64.b64encode(hashlib.sha256(DISPLAY_PREFS_JS.encode()).digest()).decode()
    for path in site.paths():
        html = html_of(site, path)
        scripts = re.findall(r"<script[^>]*\bsrc=\"([^\"]+)\"", html)
        assert set(scripts) <= {"/app.js", "/feedback.js"}, path
        assert 'type="module"' not in html and "/_event" not in html and "modulepreload" not in html, path
        # One inline script runs (the display preferences before first paint): the CSP hashes exactly it.
        assert security.inline_script_hashes(html.encode()) == [expected_hash], path
        assert '"hydrates": false' in html, path


def test_content_pages_are_the_content_core_s_own_html(site):
    for lang in LANGUAGES:
        for page in load_site().pages(lang):
            html = html_of(site, page.url)
            if page.kind == "guide" and page.checklist:
                cut = page.html.find("<h2", page.html.find("<h2") + 1)
                assert page.html[:cut] in html and page.html[cut:] in html
                for item in page.checklist:
                    assert f'data-checklist="{page.slug}:{item.id}"' in html
            else:
                assert page.html in html, page.url
            (heading,) = re.findall(r"<h1>(.*?)</h1>", html)
            assert unescape(re.sub(r"<[^>]+>", "", heading)) == page.title, page.url
            for part in load_site().parts(lang, page.title):  # French names kept in a translation
                if part.lang:
                    tag = "bdi" if part.isolate else "span"
                    assert f'<{tag} lang="fr"' in heading and escape(part.text, quote=False) in heading
            here = page.url[len(f"/{lang}/") :]
            assert f'data-page="{here}"' in html and '<script src="/feedback.js" defer>' in html


def test_the_glossary_lists_every_term_with_its_anchor(site):
    for lang in LANGUAGES:
        html = html_of(site, routes.path(lang, routes.GLOSSARY))
        for entry in load_site().glossary(lang):
            assert f'<dt id="{entry.id}">' in html


def test_pages_without_the_question_do_not_load_its_script(site):
    for path in (routes.path("fr"), routes.path("ar", routes.OFFERS), routes.section_index("es", "droits")):
        assert "/feedback.js" not in html_of(site, path) and 'id="feedback"' not in html_of(site, path)


def test_home_doors_follow_the_features_that_exist():
    with_all = ServerRenderedSite(
        origin=ORIGIN, features=lambda: {"droits", "simulateur", "mds", "offres", "demarches"}
    )
    without_locator = ServerRenderedSite(
        origin=ORIGIN, features=lambda: {"droits", "simulateur", "offres", "demarches"}
    )
    assert 'href="/fr/trouver-une-mds"' in html_of(with_all, "/fr/")
    assert 'href="/fr/trouver-une-mds"' not in html_of(without_locator, "/fr/")
    assert with_all.fingerprint() != without_locator.fingerprint()  # the offline copies are renewed
    assert (
        with_all.fingerprint()
        == ServerRenderedSite(
            origin=ORIGIN, features=lambda: {"droits", "simulateur", "mds", "offres", "demarches"}
        ).fingerprint()
    )


def test_a_page_is_rendered_once_and_a_query_changes_only_the_offers_page(site):
    page = site.route("/fr/droits/montant-du-rsa")
    assert site.render(page) is site.render(page) is site.render(page, "besoin=transport")
    offers_page = site.route("/fr/se-deplacer-se-soigner")
    assert site.render(offers_page, "besoin=soins").etag != site.render(offers_page).etag


def shown(html: str) -> list[str]:
    # An offer's name may hold a French name (« Tisséo ») marked lang="fr": its text only.
    headings = re.findall(r'<h3 id="offre-[^"]+">(.*?)</h3>', html.replace("&#x27;", "'"))
    return [re.sub(r"<[^>]+>", "", heading) for heading in headings]


def test_the_offers_page_lists_every_offer_without_a_query(site):
    html = html_of(site, "/fr/se-deplacer-se-soigner")
    assert shown(html) == [o.name.replace("&", "&amp;") for o in filter_offers("fr")]
    assert "Toutes les aides sont affichées." in html


@pytest.mark.parametrize(
    ("town", "insee"), [("Toulouse", "31555"), ("st gaudens", "31483"), ("31800", "31483")]
)
def test_the_offers_filter_is_the_core_s_answer_for_needs_and_town(site, town, insee):
    query = f"besoin=transport&besoin=permis&commune={town}"
    html = html_of(site, "/fr/se-deplacer-se-soigner", query)
    expected = [
        o.name.replace("&", "&amp;") for o in filter_offers("fr", needs={"transport", "permis"}, insee=insee)
    ]
    assert shown(html) == expected
    assert f"Aides trouvées : {len(expected)}" in html.replace("\u00a0", " ")
    assert 'name="besoin" value="transport" checked' in html and 'value="soins" checked' not in html
    assert 'id="offers-results" tabindex="-1" data-autofocus' in html


def test_an_unknown_town_is_explained_with_suggestions_that_search_them(site):
    html = html_of(site, "/en/se-deplacer-se-soigner", "commune=Tolouse&besoin=soins")
    assert "We cannot find" in html and 'aria-invalid="true" data-autofocus' in html
    assert (
        'href="/en/se-deplacer-se-soigner?besoin=soins&amp;commune=Toulouse#offers-results">'
        '<span lang="fr">Toulouse</span></a>' in html
    )
    assert shown(html) == [o.name.replace("&", "&amp;") for o in filter_offers("en")]  # nothing hidden


@pytest.mark.parametrize(
    ("query", "wanted"),
    [
        ("", offers.OfferFilter()),
        ("utm=1", offers.OfferFilter()),
        (
            "besoin=transport&besoin=inconnu&besoin=soins",
            offers.OfferFilter(("transport", "soins"), "", True),
        ),
        ("commune=" + "x" * 200, offers.OfferFilter((), "x" * offers.MAX_TOWN_LENGTH, True)),
        ("commune=" + "x" * 2000, offers.OfferFilter()),  # not a query our form sends
        ("commune=%20Muret%0A%20", offers.OfferFilter((), "Muret", True)),
        ("&".join(["besoin=transport"] * 50), offers.OfferFilter()),  # too many fields: not ours either
    ],
)
def test_the_offers_query_is_read_within_bounds(query, wanted):
    assert offers.OfferFilter.from_query(query) == wanted


def test_what_the_person_typed_comes_back_escaped(site):
    html = html_of(site, "/fr/se-deplacer-se-soigner", 'commune="><script>alert(1)</script>')
    assert "<script>alert(1)" not in html
    assert 'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in html


def test_french_runs_are_marked_and_isolated_in_every_server_rendered_page(site):
    """Issue #14, item 3: in Arabic every French run sits in ``<bdi lang="fr" dir="ltr">`` (header,
    footer, offers, content); in English the French names carry ``lang="fr"``; French pages mark none."""
    for here in ("", routes.OFFERS, routes.WAY_OF_USE, "droits/mots-du-rsa", routes.NOT_SAVED):
        arabic = html_of(site, routes.path("ar", here))
        # The footer's acronyms; the brand's « RSA » in the header.
        assert '<bdi lang="fr" dir="ltr">CAF</bdi>' in arabic, here
        assert '<span class="brand-name"><span>الـ <bdi lang="fr" dir="ltr">RSA</bdi>' in arabic, here
        french = html_of(site, routes.path("fr", here))
        assert '<span lang="fr">' not in french and "<bdi" not in french, here
        english = html_of(site, routes.path("en", here))
        assert '<span class="brand-area"><span><span lang="fr">Haute-Garonne</span>' in english, here
    offers_ar = html_of(site, routes.path("ar", routes.OFFERS))
    # A phone number keeps its order; an offer's French source title is isolated.
    assert re.search(r'<a href="tel:[0-9]+" class="phone-number" dir="ltr">', offers_ar)
    assert re.search(r'<a href="https?://[^"]+" rel="noopener"><bdi lang="fr" dir="ltr">', offers_ar)


def test_the_not_saved_page_is_for_the_app_only(site):
    page = html_of(site, routes.path("es", routes.NOT_SAVED))
    assert '<meta name="robots" content="noindex">' in page
    assert html_of(site, routes.path("es", routes.OFFERS)).count('name="robots"') == 0
