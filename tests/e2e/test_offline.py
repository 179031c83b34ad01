"""Installable and readable offline: manifest, service worker, pages in French and Arabic without network."""

from __future__ import annotations

import json
import time
import urllib.request

import pytest
from playwright.sync_api import expect

from tests.e2e.a11y import axe_violations
from tests.e2e.conftest import wait_for_app

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_manifest_is_complete(app_url, lang):
    with urllib.request.urlopen(f"{app_url}/manifest-{lang}.webmanifest") as response:
        assert response.headers["Content-Type"].startswith("application/manifest+json")
        manifest = json.load(response)
    assert manifest["lang"] == lang and manifest["start_url"] == f"/{lang}/"
    assert manifest["name"] and manifest["short_name"] and manifest["theme_color"]
    sizes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    for icon in manifest["icons"]:
        with urllib.request.urlopen(app_url + icon["src"]) as response:
            assert response.headers["Content-Type"] == "image/png"


def _wait_until_saved(page, paths: list[str], timeout_s: float = 90) -> None:
    """Poll until the worker controls the page and its cache holds ``paths`` (install may take a while)."""
    probe = """async (paths) => {
        const reg = await navigator.serviceWorker.getRegistration();
        if (!reg || !reg.active || reg.active.state !== 'activated' || !navigator.serviceWorker.controller) return false;
        for (const name of await caches.keys()) {
          const cache = await caches.open(name);
          let all = true;
          for (const p of paths) {
            const saved = (await cache.match(p)) || (await cache.match(p.endsWith('/') ? p : p + '/'));
            if (!saved) { all = false; break; }
          }
          if (all) return true;
        }
        return false;
    }"""
    deadline = time.monotonic() + timeout_s
    while not page.evaluate(probe, paths):
        assert time.monotonic() < deadline, f"service worker did not save {paths} in {timeout_s} s"
        page.wait_for_timeout(300)


def test_pages_read_offline_in_french_and_arabic(context, app_url, site_routes):
    page = context.new_page()
    page.goto(f"{app_url}/fr/")
    wait_for_app(page)
    content_fr = next((r for r in site_routes if r.startswith("/fr/") and r != "/fr/"), "/fr/")
    content_ar = content_fr.replace("/fr/", "/ar/", 1)
    _wait_until_saved(page, [content_fr, content_ar, "/ar/"])

    context.set_offline(True)
    page.reload()
    expect(page.locator("h1")).to_be_visible()
    page.goto(app_url + content_fr)
    expect(page.locator("main h1")).to_be_visible()
    assert page.evaluate("document.documentElement.lang") == "fr"
    page.goto(app_url + content_ar)
    expect(page.locator("main h1")).to_be_visible()
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["ar", "rtl"]
    # The server-bound parts say politely that they need the connection, in the page's language.
    status = page.locator("#connection-status p")
    expect(status).to_be_visible(timeout=30_000)
    assert axe_violations(page) == []
    context.set_offline(False)


def test_new_deployment_is_not_trapped_in_cache(app_url):
    """Pages are network-first and the worker's cache name carries the build fingerprint."""
    with urllib.request.urlopen(f"{app_url}/sw.js") as response:
        assert response.headers["Cache-Control"] == "no-cache"
        script = response.read().decode()
    assert 'const CACHE = "pti-" + CONFIG.version' in script
    assert "navigate(request)" in script and "skipWaiting" in script and "caches.delete" in script


def test_a_filtered_offers_page_does_not_replace_the_saved_one(context, app_url):
    """Offline, « Me déplacer, me soigner » shows every offer, even after a search for one town online."""
    from pti_citizen.offers import filter_offers

    page = context.new_page()
    page.goto(f"{app_url}/fr/se-deplacer-se-soigner")
    wait_for_app(page)
    _wait_until_saved(page, ["/fr/se-deplacer-se-soigner"])
    page.goto(f"{app_url}/fr/se-deplacer-se-soigner?besoin=permis&commune=Muret")
    wait_for_app(page)
    filtered = page.locator("ul.offers h3").count()
    context.set_offline(True)
    page.goto(f"{app_url}/fr/se-deplacer-se-soigner")
    expect(page.locator("ul.offers h3")).to_have_count(len(filter_offers("fr")))
    assert filtered < len(filter_offers("fr"))
    context.set_offline(False)
