"""The server-rendered pages' routes, in web/static.py's wrapper as in the app: the pages over HTTP
(gzip, ETag, HEAD), the sitemap, everything else passed on to Reflex untouched, and the security
headers with a Content-Security-Policy that allows exactly the page's inline script."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from pti_citizen.i18n import LANGUAGES
from pti_citizen.web import static
from pti_citizen.web.pages.serve import accepts_gzip, assets_from_build, routes
from pti_citizen.web.pages.shell import Assets
from pti_citizen.web.pages.site import ServerRenderedSite
from tests.asgi_client import call_asgi

ORIGIN = "https://rsa.example.fr"


class Recorder:
    """A stand-in for Reflex: records what it was asked for."""

    def __init__(self):
        self.calls = []

    async def __call__(self, scope, receive, send):
        self.calls.append((scope["method"], scope["path"]))
        await send(
            {"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]}
        )
        await send({"type": "http.response.body", "body": b"reflex"})


@pytest.fixture(scope="module")
def site():
    return ServerRenderedSite(origin=ORIGIN, assets=Assets)


def wrap(site, inner, client_dir: Path, monkeypatch):
    monkeypatch.setattr(static, "_client_dir", lambda: client_dir)
    return static.static_tweaks(site.paths, routes=routes(site, lambda: ["/fr/simulateur", "/fr/"]))(inner)


@pytest.fixture
def app(site, tmp_path, monkeypatch):
    inner = Recorder()
    return wrap(site, inner, tmp_path, monkeypatch), inner


def call(app, path, headers=None, method="GET"):
    status, response_headers, rest = call_asgi(app, path, headers, method)
    return status, response_headers, b"".join(m.get("body", b"") for m in rest)


def test_a_page_is_served_with_or_without_its_slash_and_never_reaches_reflex(app):
    wrapped, inner = app
    status, headers, body = call(wrapped, "/fr/droits/montant-du-rsa")
    assert status == 200 and headers["content-type"] == "text/html; charset=utf-8"
    assert headers["content-language"] == "fr" and headers["cache-control"] == "no-cache"
    assert int(headers["content-length"]) == len(body) and body.startswith(b"<!DOCTYPE html>")
    assert call(wrapped, "/fr/droits/montant-du-rsa/")[2] == body
    assert inner.calls == []


def test_gzip_when_the_browser_takes_it(app):
    wrapped, _ = app
    _, plain_headers, plain = call(wrapped, "/ar/")
    status, headers, body = call(wrapped, "/ar/", {"Accept-Encoding": "gzip, deflate, br"})
    assert status == 200 and headers["content-encoding"] == "gzip" and "Accept-Encoding" in headers["vary"]
    assert gzip.decompress(body) == plain and len(body) < len(plain) / 2
    assert "content-encoding" not in plain_headers
    assert "content-encoding" not in call(wrapped, "/ar/", {"Accept-Encoding": "gzip;q=0"})[1]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("gzip", True),
        ("deflate, gzip;q=0.5", True),
        ("*", True),
        ("gzip;q=0", False),
        ("br", False),
        ("", False),
    ],
)
def test_accept_encoding(header, expected):
    assert accepts_gzip(header) is expected


def test_a_page_the_browser_has_costs_a_304(app):
    wrapped, _ = app
    _, headers, _ = call(wrapped, "/es/contact")
    status, again, body = call(wrapped, "/es/contact", {"If-None-Match": headers["etag"]})
    assert status == 304 and body == b"" and again["etag"] == headers["etag"]
    assert call(wrapped, "/es/contact", {"If-None-Match": '"old"'})[0] == 200


def test_head_has_the_headers_and_no_body(app):
    wrapped, _ = app
    status, headers, body = call(wrapped, "/fr/mode", method="HEAD")
    assert status == 200 and body == b"" and int(headers["content-length"]) > 1000


def test_everything_else_goes_on_to_reflex(app):
    wrapped, inner = app
    for method, path in [
        ("GET", "/fr/simulateur"),
        ("GET", "/fr/trouver-une-mds"),
        ("GET", "/equipe"),
        ("GET", "/de/droits"),
        ("GET", "/fr/droits/nulle-part"),
        ("POST", "/fr/droits/montant-du-rsa"),
        ("GET", "/app.js"),
    ]:
        assert call(wrapped, path, method=method)[2] == b"reflex", path
    assert len(inner.calls) == 7
    assert call(wrapped, "/sw.js")[0] == 200 and len(inner.calls) == 7  # web/static.py's own routes stay


def test_the_offers_filter_rides_in_the_query(app):
    wrapped, _ = app
    status, _, rest = call_asgi(wrapped, "/fr/se-deplacer-se-soigner", query="commune=Muret&besoin=soins")
    body = b"".join(m.get("body", b"") for m in rest)
    assert status == 200 and b"Muret" in body and b"data-autofocus" in body


def test_the_sitemap_lists_every_page_with_the_public_origin(app, site):
    wrapped, _ = app
    status, headers, body = call(wrapped, "/sitemap.xml")
    assert status == 200 and headers["content-type"].startswith("application/xml")
    locations = re.findall(r"<loc>([^<]+)</loc>", body.decode())
    listed = [p for p in [*site.paths(), "/fr/simulateur"] if not p.endswith("/hors-connexion")]
    assert set(locations) == {ORIGIN + p for p in listed}
    # « Not on this device » is a page for the app itself: saved offline, never listed.
    assert site.unindexed_paths() == {f"/{lang}/hors-connexion" for lang in LANGUAGES}
    assert len(locations) == len(set(locations))


def test_the_policy_allows_only_the_page_s_own_script(app):
    wrapped, _ = app
    for headers in ({}, {"Accept-Encoding": "gzip"}):
        status, response, _ = call(wrapped, "/ar/droits/rsa-c-est-quoi", headers)
        csp = response["content-security-policy"]
        assert status == 200 and response["x-content-type-options"] == "nosniff"
        assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
        assert len(re.findall(r"'sha256-[^']+'", csp)) == 1


def test_the_stylesheet_is_the_one_the_reflex_pages_use(tmp_path: Path):
    assert assets_from_build(tmp_path).stylesheets == ("/app.css", "/feedback.css")  # no build yet
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "__reflex_global_styles-Ab12.css").write_text("")
    assert assets_from_build(tmp_path).stylesheets == ("/assets/__reflex_global_styles-Ab12.css",)
