"""The server-rendered pages and the sitemap behind the layers the app puts around them (as in
``pti_citizen.py``): the edge guard outermost, public links inside the security headers. Issue #13
items 11 (hosts) and #14.1 (links with the browser's origin) hold for these pages as for Reflex's."""

from __future__ import annotations

import gzip
import re

import pytest

from pti_citizen.services import Services
from pti_citizen.settings import Settings
from pti_citizen.web import static
from pti_citizen.web.guards import EdgeGuard
from pti_citizen.web.links import public_links
from pti_citizen.web.pages.serve import routes
from pti_citizen.web.pages.shell import Assets
from pti_citizen.web.pages.site import ServerRenderedSite
from tests.asgi_client import call_asgi

from .test_serve import Recorder


def stack(tmp_path, monkeypatch, **settings):
    """The app's HTTP layers around the server-rendered routes, a recorder standing for Reflex."""
    services = Services.build(Settings(**settings))
    site = ServerRenderedSite(origin=services.settings.public_origin, assets=Assets)
    monkeypatch.setattr(static, "_client_dir", lambda: tmp_path)
    inner = Recorder()
    tweaks = static.static_tweaks(
        site.paths,
        routes=routes(site, lambda: ["/fr/simulateur"]),
        middleware=[public_links(services.origins)],
    )
    return EdgeGuard(tweaks(inner), services), inner, services


def call(app, path, headers=None, method="GET"):
    status, response_headers, rest = call_asgi(app, path, headers, method)
    return status, response_headers, b"".join(m.get("body", b"") for m in rest)


def test_a_page_for_another_host_is_refused_once_origins_are_configured(tmp_path, monkeypatch):
    app, inner, _ = stack(tmp_path, monkeypatch, public_url="https://rsa.example.fr")
    for path in ("/fr/droits/montant-du-rsa", "/sitemap.xml", "/fr/simulateur"):
        status, headers, body = call(app, path, {"Host": "evil.example"})
        assert status == 421 and b"evil" not in body, path
        assert headers["content-type"] == "application/json"
    assert inner.calls == []
    status, _, body = call(app, "/fr/droits/montant-du-rsa", {"Host": "rsa.example.fr"})
    assert status == 200 and b'href="https://rsa.example.fr/en/' in body


@pytest.mark.parametrize("host", ["evil.example/x", "a b", "x" * 300, ""])
def test_a_malformed_host_never_reaches_a_page(tmp_path, monkeypatch, host):
    app, inner, _ = stack(tmp_path, monkeypatch)
    assert call(app, "/fr/", {"Host": host})[0] == 421
    assert inner.calls == []


def test_without_a_public_url_links_take_the_browser_s_origin_and_stay_private(tmp_path, monkeypatch):
    app, _, services = stack(tmp_path, monkeypatch)
    placeholder = services.origins.placeholder.encode()
    status, headers, body = call(app, "/fr/droits/montant-du-rsa", {"Host": "rsa.test:8080"})
    assert status == 200 and placeholder not in body
    alternates = re.findall(rb'hreflang="([a-z-]+)" href="([^"]+)"', body)
    assert len(alternates) >= 4 and all(href.startswith(b"http://rsa.test:8080/") for _, href in alternates)
    assert headers["cache-control"] == "private, no-cache" and "Host" in headers["vary"]
    # The policy is made from the body as sent (its one inline script is untouched by the links).
    assert len(re.findall(r"'sha256-[^']+'", headers["content-security-policy"])) == 1
    status, headers, sitemap = call(app, "/sitemap.xml", {"Host": "rsa.test:8080"})
    locations = re.findall(rb"<loc>([^<]+)</loc>", sitemap)
    assert status == 200 and locations and all(loc.startswith(b"http://rsa.test:8080/") for loc in locations)
    # Asked with gzip, the page is rewritten all the same, then compressed again (not sent at 3× its size).
    _, zipped_headers, zipped = call(
        app, "/fr/droits/montant-du-rsa", {"Host": "rsa.test:8080", "Accept-Encoding": "gzip, br"}
    )
    assert zipped_headers["content-encoding"] == "gzip" and "Accept-Encoding" in zipped_headers["vary"]
    assert int(zipped_headers["content-length"]) == len(zipped) < len(body) / 2
    assert gzip.decompress(zipped) == body


def test_a_redirect_of_a_page_carries_no_host(tmp_path, monkeypatch):
    app, _, _ = stack(tmp_path, monkeypatch)
    status, headers, _ = call(app, "/", {"Host": "evil.example", "Accept-Language": "es"})
    assert status == 302 and headers["location"] == "/es/"
