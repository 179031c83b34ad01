"""The one-page A4 recap in the browser: printing the result gives one A4 page (Chromium's own PDF,
its pages counted) in French and in Arabic, with every element the person takes away."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from pti_citizen.content import load_site
from pti_citizen.i18n import format_date
from tests.e2e.test_simulator import MOTHER, Wizard, loose, mother_estimate

pytestmark = pytest.mark.e2e

PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![s\w])")


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_printed_recap_is_one_a4_page_with_everything(page, app_url, lang):
    page.set_viewport_size({"width": 1280, "height": 900})
    wizard = Wizard(page, app_url, lang).open()
    wizard.run(MOTHER)
    t = wizard.t
    page.get_by_label(t["mds_search_field"]).fill("Muret")
    page.get_by_role("button", name=loose(t["mds_search_submit"])).click()
    expect(page.locator(".mds-card")).to_be_visible()

    page.emulate_media(media="print")
    recap = page.get_by_role("region", name=t["recap_title"])
    expect(recap).to_be_visible()
    expect(page.locator("#result-title")).to_be_hidden()  # only the recap is printed
    text = recap.inner_text()
    _, result = mother_estimate(lang)
    for benefit in result.benefits:
        if benefit.eligible:
            assert benefit.label.split(" (")[0][:12] in text, benefit.name
    assert format_date(dt.date.today(), lang) in text  # the date
    assert t["recap_estimate"] in text and t["recap_who_decides"][-12:] in text  # and who decides
    papers = load_site().page(lang, "demander-le-rsa-en-ligne").checklist
    assert all(paper.label.split(" ")[-1] in text for paper in papers)
    # The next steps print their addresses: caf.fr's in full, our guides' path after the site's name.
    guide = recap.locator(f'a[href="/{lang}/demarches/demander-le-rsa-en-ligne"]').first
    caf = recap.locator('a[href="https://www.caf.fr/"]').first
    for address in (guide, caf):
        printed = address.evaluate("(a) => getComputedStyle(a, '::after').content")
        assert "attr(href)" in printed or address.get_attribute("href") in printed, printed
    assert re.search(r"127\.0\.0\.1:\d+|localhost:\d+", text)  # the site's name, for the paths
    # The paper's way back to the result, typed without a camera (issue 14 item 1): it opens the same amounts.
    typed = recap.locator(".recap-address").inner_text()
    assert re.fullmatch(r"[\w.:-]+/r/[0-9A-Z]{3}(-[0-9A-Z]{3})+", typed), typed
    assert t["recap_again"] in text
    assert "Maison des Solidarités de Muret" in text and "44 avenue Jacques Douzans" in text
    assert "05 62 11 62 40" in text
    assert recap.locator(".recap-week li").count() == 7  # the week's opening hours

    # Printed as the browser prints it by default: A4, with the page's own margins (@page), scale 1.
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    pages = len(PAGE_OBJECT.findall(pdf))
    print(f"recap {lang}: {pages} page(s), {len(pdf)} bytes of PDF")
    assert pages == 1
