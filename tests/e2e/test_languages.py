"""Per-language pages: text in the server-rendered HTML, lang/dir, negotiation on /, clear 404s."""

from __future__ import annotations

import re
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect

from pti_citizen.languages import LANGUAGES
from tests.e2e.conftest import LANGS, wait_for_app

pytestmark = pytest.mark.e2e

DIRECTION = {code: language.direction for code, language in LANGUAGES.items()}
#: The first language of each writing direction: what a page does for one, it does for its kind.
ONE_PER_DIRECTION = list(
    {language.direction: code for code, language in reversed(LANGUAGES.items())}.values()
)
RIGHT_TO_LEFT = next(language for language in LANGUAGES.values() if language.direction == "rtl")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _get(url: str, headers: dict[str, str] | None = None):
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        return opener.open(urllib.request.Request(url, headers=headers or {}))
    except urllib.error.HTTPError as error:
        return error


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("ar-MA,ar;q=0.9", "ar"),
        ("es-ES,es;q=0.9", "es"),
        ("de-DE,en;q=0.5", "en"),
        ("de-DE", "fr"),
        ("", "fr"),
    ],
)
def test_root_negotiates_language(app_url, accept, expected):
    response = _get(f"{app_url}/", {"Accept-Language": accept} if accept else {})
    assert response.status == 302
    assert response.headers["Location"] == f"/{expected}/"
    assert "Accept-Language" in response.headers["Vary"]


@pytest.mark.parametrize("lang", LANGS)
def test_server_html_carries_lang_dir_and_text(app_url, lang):
    response = _get(f"{app_url}/{lang}")  # no trailing slash: served directly, no redirect
    assert response.status == 200
    html = response.read().decode()
    assert re.search(rf'<html[^>]*\blang="{lang}"', html)
    assert re.search(rf'<html[^>]*\bdir="{DIRECTION[lang]}"', html)
    assert "<main" in html and "<h1>" in html
    for other in LANGS:  # attribute names are case-insensitive: React writes hrefLang, we write hreflang
        assert re.search(rf'hreflang="{other}"', html, re.IGNORECASE)


@pytest.mark.parametrize("lang", ONE_PER_DIRECTION)
def test_pages_readable_without_javascript(browser, app_url, lang):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{app_url}/{lang}/")
    expect(page.locator("h1")).to_be_visible()
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.evaluate("document.documentElement.dir") == DIRECTION[lang]
    context.close()


@pytest.mark.parametrize(
    ("path", "lang"), [("/ar/nulle-part", "ar"), ("/fr/nulle-part", "fr"), ("/de/seite", "fr")]
)
def test_unknown_route_gets_a_clear_404_in_the_url_language(page, app_url, path, lang):
    assert _get(app_url + path).status == 404
    page.goto(app_url + path)
    wait_for_app(page)
    assert page.evaluate("document.documentElement.lang") == lang
    expect(page.locator("h1")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(".+")).first).to_be_visible()
    home = page.locator("main a.button")
    expect(home).to_have_attribute("href", f"/{lang}/")


def test_language_menu_keeps_the_page(page, app_url):
    page.goto(f"{app_url}/fr/mode")
    wait_for_app(page)
    menu = page.get_by_role("navigation", name="Choisir la langue")
    menu.get_by_role("link", name=RIGHT_TO_LEFT.name).click()
    expect(page).to_have_url(re.compile(rf"/{RIGHT_TO_LEFT.code}/mode/?$"))
    assert page.evaluate("document.documentElement.dir") == "rtl"


def test_language_menu_keeps_the_query(page, app_url):
    page.goto(f"{app_url}/fr/trouver-une-mds?q=31800")
    wait_for_app(page)
    page.get_by_role("navigation", name="Choisir la langue").get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/trouver-une-mds/?\?q=31800$"))
