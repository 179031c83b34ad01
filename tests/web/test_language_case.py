"""``/FR/``, ``/Fr/simulateur``… redirect to the lower-case language route, query kept (issue #14, item 11)."""

from __future__ import annotations

import asyncio

import pytest

from pti_citizen import routes
from pti_citizen.languages import LANGUAGES
from pti_citizen.web import static
from pti_citizen.web.language_case import LanguageCaseRedirect, lower_case_language
from tests.web.test_static import Recorder

PAGES = ["", routes.SIMULATOR, routes.LOCATOR, routes.OFFERS, routes.GLOSSARY, routes.WAY_OF_USE]


def _request(app, path: str, query: str = "", method: str = "GET"):
    scope = {
        "type": "http",
        "method": method,
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "headers": [],
    }
    sent = []

    async def receive():
        return {"type": "http.request", "body": b""}

    async def send(message):
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    headers = {k.decode(): v.decode() for k, v in sent[0]["headers"]}
    return sent[0]["status"], headers


@pytest.fixture
def app(tmp_path, monkeypatch):
    client = tmp_path / "client"
    (client / "fr").mkdir(parents=True)
    monkeypatch.setattr(static, "_client_dir", lambda: client)
    inner = Recorder()
    return static.static_tweaks(lambda: [], [LanguageCaseRedirect()])(inner), inner


def _variants(code: str) -> list[str]:
    return sorted({code.upper(), code.capitalize(), code[0] + code[1:].upper()} - {code})


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_every_route_of_every_language_in_capitals_redirects(app, lang, page):
    wrapped, inner = app
    for variant in _variants(lang):
        path = f"/{variant}/{page}" if page else f"/{variant}/"
        status, headers = _request(wrapped, path, "q=Saint-Gaudens&kind=mds")
        expected = routes.path(lang, page) if page else routes.path(lang)
        assert status == 301, path
        assert headers["location"] == f"{expected}?q=Saint-Gaudens&kind=mds"
    assert inner.paths == []


def test_without_slash_or_query(app):
    wrapped, _ = app
    status, headers = _request(wrapped, "/FR")
    assert status == 301 and headers["location"] == "/fr/"
    assert _request(wrapped, "/Ar/trouver-une-mds")[1]["location"] == "/ar/trouver-une-mds"


def test_a_form_sent_in_capitals_keeps_its_method(app):
    wrapped, _ = app
    status, headers = _request(wrapped, "/FR/simulateur", method="POST")
    assert status == 308 and headers["location"] == "/fr/simulateur"


def test_lower_case_and_other_paths_pass_through(app):
    wrapped, inner = app
    for path in ("/fr/simulateur", "/FRANCE/", "/Frx/", "/assets/App.js", "/EQUIPE", "/api/v1/Places"):
        status, _ = _request(wrapped, path)
        assert status == 200, path
    assert inner.paths == [
        "/fr/simulateur",
        "/FRANCE/",
        "/Frx/",
        "/assets/App.js",
        "/EQUIPE",
        "/api/v1/Places",
    ]


def test_the_target_stays_on_this_site():
    assert lower_case_language("/FR//evil.example/x") == "/fr//evil.example/x"
    assert lower_case_language("/fr/") is None and lower_case_language("/") is None
    assert lower_case_language("/EN") == "/en/"


def test_server_rendered_pages_redirect_too(tmp_path, monkeypatch):
    """The routes in ``pti_citizen.py``'s order: the redirect first, then the server-rendered pages."""
    from pti_citizen.web.pages import serve
    from pti_citizen.web.pages.shell import Assets
    from pti_citizen.web.pages.site import ServerRenderedSite

    (tmp_path / "client").mkdir()
    monkeypatch.setattr(static, "_client_dir", lambda: tmp_path / "client")
    site = ServerRenderedSite(origin="https://rsa.example.fr", assets=Assets)
    inner = Recorder()
    wrapped = static.static_tweaks(lambda: [], [LanguageCaseRedirect(), *serve.routes(site, list)])(inner)
    for path in ("/AR/droits/mots-du-rsa", "/Es/se-deplacer-se-soigner", "/EN/mode", "/FR/hors-connexion"):
        status, headers = _request(wrapped, path, "besoin=transport")
        assert status == 301, path
        assert headers["location"] == f"{path.lower()}?besoin=transport"
        status, headers = _request(wrapped, path.lower())
        assert status == 200 and headers["content-type"].startswith("text/html"), path
    assert inner.paths == []
