"""Embeds for partners, in the browser: a partner's page (an origin the test server lists in
PTI_EMBED_ORIGINS) shows the locator's list and searches in it without JavaScript; the same
page from another origin is refused by the browser (CSP frame-ancestors); the embeds and the snippet
page pass the accessibility gate."""

from __future__ import annotations

import re
import threading
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from playwright.sync_api import expect

from tests.e2e.a11y import HORIZONTAL_OVERFLOW_JS, SMALL_TARGETS_JS, axe_violations
from tests.e2e.conftest import EMBED_PARTNER, EMBED_PARTNER_PORT, watch_csp

pytestmark = pytest.mark.e2e

#: The same little server seen as another origin (another host name): not listed.
OTHER_SITE = f"http://127.0.0.1:{EMBED_PARTNER_PORT}"
TITLE = "Trouver une Maison des Solidarités, Le RSA et moi"


@pytest.fixture(scope="module")
def partner_site():
    """A partner's web server on this machine: ``/?src=…`` is a page with the snippet's iframe."""

    class Partner(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            src = parse_qs(urlsplit(self.path).query).get("src", [""])[0]
            body = (
                '<!doctype html><html lang="fr"><head><title>CCAS</title></head><body><main>'
                f'<h1>Notre CCAS</h1><iframe src="{escape(src)}" title="{TITLE}" width="100%" height="720">'
                "</iframe></main></body></html>"
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", EMBED_PARTNER_PORT), Partner)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield
    server.shutdown()
    server.server_close()
    thread.join(5)


def refusals(context) -> list[str]:
    """What Chromium says when it refuses to show a frame (the CSP's frame-ancestors)."""
    seen: list[str] = []
    context.on("console", lambda m: seen.append(m.text) if "frame-ancestors" in m.text else None)
    return seen


def wait_for(page, seen: list[str], seconds: float = 15) -> None:
    for _ in range(int(seconds * 10)):
        if seen:
            return
        page.wait_for_timeout(100)


def partner_page(context, origin: str, src: str):
    page = context.new_page()
    page.goto(f"{origin}/?{urlencode({'src': src})}")
    return page


def test_the_locator_embed_works_inside_an_allowed_partner_page(browser, app_url, partner_site):
    context = browser.new_context(java_script_enabled=False)  # a partner's visitor may have none
    violations = watch_csp(context)
    page = partner_page(context, EMBED_PARTNER, f"{app_url}/fr/integrer/trouver-une-mds?q=31800")
    frame = page.frame_locator("iframe")
    expect(frame.get_by_role("heading", name="Maison des Solidarités de Saint-Gaudens")).to_be_visible()
    frame.get_by_label("Votre ville ou votre code postal").fill("Muret")
    frame.get_by_role("button", name="Chercher").click()
    expect(frame.get_by_role("heading", name="Maison des Solidarités de Muret")).to_be_visible()
    expect(page).to_have_url(re.compile("^" + re.escape(EMBED_PARTNER + "/?")))  # the partner's page stays
    full = frame.get_by_role("link", name="Voir plus de lieux et chercher avec une adresse (nouvel onglet)")
    expect(full).to_have_attribute("target", "_blank")
    context.close()
    assert not violations


def test_another_site_cannot_frame_the_embed(browser, app_url, partner_site):
    context = browser.new_context()
    refused = refusals(context)
    page = partner_page(context, OTHER_SITE, f"{app_url}/fr/integrer/trouver-une-mds?q=31800")
    page.wait_for_load_state("load")
    wait_for(page, refused)
    assert any(app_url.split("//")[1] in text for text in refused), refused
    (frame,) = [f for f in page.frames if f is not page.main_frame]
    assert frame.url.startswith("chrome-error:")  # the browser shows its error page, not ours
    assert frame.get_by_role("heading", name="Maison des Solidarités de Saint-Gaudens").count() == 0
    context.close()


def test_the_site_pages_refuse_any_frame_even_from_a_partner(browser, app_url, partner_site):
    context = browser.new_context()
    refused = refusals(context)
    page = partner_page(context, EMBED_PARTNER, f"{app_url}/fr/simulateur")
    page.wait_for_load_state("load")
    wait_for(page, refused)
    assert refused, "the simulator must not be framed"
    context.close()


@pytest.mark.parametrize(
    "route",
    [
        "/fr/integrer/trouver-une-mds?q=31800",
        "/ar/integrer/trouver-une-mds?q=31800",
        "/es/integrer/trouver-une-mds?q=zzzzzz",
        "/fr/integrer/trouver-une-mds",
        "/fr/integrer/simulateur",
        "/ar/integrer/simulateur",
        "/fr/integrer",
        "/ar/integrer",
        "/fr/rappels?mois=3&annee=2026",
        "/ar/rappels?mois=3&annee=2001",
    ],
)
def test_the_new_pages_pass_the_accessibility_gate(page, app_url, route):
    page.set_viewport_size({"width": 320, "height": 720})
    page.goto(app_url + route)
    page.wait_for_load_state("load")
    found = [f"axe: {v}" for v in axe_violations(page)]
    assert page.locator("main").count() == 1
    overflow = page.evaluate(HORIZONTAL_OVERFLOW_JS)
    if overflow["scroll"] > overflow["width"]:
        found.append(f"horizontal scroll at 320 px: {overflow}")
    found += [f"target < 24 px: {t}" for t in page.evaluate(SMALL_TARGETS_JS)]
    assert not found, "\n".join(found)
