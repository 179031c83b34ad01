"""Links that leave the screen open on another device with no setting at all (issue #14 item 1):
the QR code, the printed link, the short address to type, the sitemap and the ``hreflang`` links use
the address the browser used — here ``http://127.0.0.1:<port>``, never ``localhost``."""

from __future__ import annotations

import re
import urllib.parse

import pytest
from playwright.sync_api import expect

from pti_citizen.handover import qr_code_svg
from tests.e2e.conftest import wait_for_app
from tests.e2e.test_simulator import (
    MOTHER,
    Wizard,
    _shared_link,
    benefit_card,
    digits,
    money,
    mother_estimate,
    set_mode,
)

pytestmark = pytest.mark.e2e


def test_the_hand_over_opens_on_a_phone_without_any_public_url(browser, page, app_url):
    set_mode(page, app_url, "mediateur")
    wizard = Wizard(page, app_url, "fr").open()
    wizard.run(MOTHER)
    _, result = mother_estimate("fr")
    link = _shared_link(page)
    assert link.startswith(f"{app_url}/fr/simulateur/resultat?"), link
    qr = page.get_by_role("img", name=wizard.t["qr_alt"])
    assert page.request.get(app_url + qr.get_attribute("src")).body() == qr_code_svg(link)
    host = urllib.parse.urlsplit(app_url).netloc
    short = page.locator(".short-address")
    expect(short).to_have_text(re.compile(rf"^{re.escape(host)}/r/[0-9A-Z]{{3}}(-[0-9A-Z]{{3}})+$"))
    typed = short.inner_text().lower()  # typed by hand, in lower case

    phone = browser.new_context(viewport={"width": 360, "height": 740}, locale="fr-FR")
    other = phone.new_page()
    other.goto(f"http://{typed}")
    wait_for_app(other)
    expect(other.get_by_role("heading", level=1)).to_contain_text(wizard.t["shared_title"])
    for benefit in result.benefits:
        expect(benefit_card(other, benefit.label)).to_be_visible()
    assert digits(other.locator("#result-amount").inner_text()) == money(result.total_monthly_amount, "fr")
    phone.close()


def test_hreflang_links_and_the_sitemap_use_the_browser_address(page, app_url):
    page.goto(f"{app_url}/es/")
    wait_for_app(page)
    page.wait_for_function(
        """(origin) => [...document.querySelectorAll('link[rel=alternate][hreflang]')]
            .every((l) => l.getAttribute('href').startsWith(origin + '/'))""",
        arg=app_url,
    )
    alternates = page.locator("link[rel=alternate][hreflang]")
    hrefs = [alternates.nth(i).get_attribute("href") for i in range(alternates.count())]
    assert len(hrefs) >= 5 and all(href.startswith(f"{app_url}/") for href in hrefs), hrefs
    served = page.request.get(f"{app_url}/es/").text()  # what a crawler reads, before any script
    assert f'href="{app_url}/fr/"' in served and "localhost" not in served
    sitemap = page.request.get(f"{app_url}/sitemap.xml")
    assert sitemap.ok and f"<loc>{app_url}/fr/" in sitemap.text() and "localhost" not in sitemap.text()
    # Made from the request's own Host (nothing configured): no shared cache may keep it.
    assert sitemap.headers["cache-control"].startswith("private")
