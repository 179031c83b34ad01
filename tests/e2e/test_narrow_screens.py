"""320 px wide, at every text size the header offers (issue #14, item 4): the locator and the team's
space never scroll sideways, and no word is cut in two (« Haute-Garonne », a phone number, a long
town name); only a hyphen may end a line inside a compound name."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from pti_citizen.ui.locator.texts import texts
from tests.e2e.bidi import on_one_line
from tests.e2e.conftest import wait_for_app
from tests.e2e.test_feedback import sign_in

pytestmark = pytest.mark.e2e

SIZES = ("1", "2", "3", "4")

# Words (letters and digits between spaces, hyphens and apostrophes) drawn on more than one line.
CUT_WORDS_JS = r"""
() => {
  const cut = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    // What people typed (comments in the team space) may hold any long string: it may wrap.
    if (!parent || parent.closest('.visually-hidden, [hidden], script, style, .skip-link, .people-words')) continue;
    if (!parent.getClientRects().length) continue;
    // An address of a site (« accessibilite.numerique.gouv.fr ») may wrap anywhere (WCAG 1.4.10).
    if (/[a-z0-9-]\.(fr|gouv|com|org|net|eu)\b/i.test(node.data)) continue;
    for (const m of node.data.matchAll(/[^\s\-‐'’«»()\[\],.;:!?·]+/gu)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (tops.size > 1) cut.push(m[0]);
    }
  }
  return cut;
}
"""


def _text_sizes(page):
    """Each size the header's « A+ » gives, from the smallest; yields it once the page shows it."""
    page.evaluate("localStorage.setItem('pti_text_size', '1')")
    page.reload()
    wait_for_app(page)
    for size in SIZES:
        expect(page.locator("html")).to_have_attribute("data-text-size", size)
        yield size
        if size != SIZES[-1]:
            page.get_by_role("button", name="A+").click()


# What sticks out of the screen; a data table may scroll in its own box (WCAG 1.4.10 lets tables keep
# their two dimensions), which itself must fit.
OVERFLOW_JS = """
() => {
  const width = document.documentElement.clientWidth;
  const scrolls = (el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || (r.right <= width + 1 && r.left >= -1)) continue;
    if (getComputedStyle(el).position === 'fixed' || el.closest('.skip-link, .visually-hidden')) continue;
    let box = el.parentElement;
    while (box && !scrolls(box)) box = box.parentElement;
    if (box && box !== document.documentElement && box !== document.body) continue;
    wide.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.left)}..${Math.round(r.right)}`);
  }
  return {scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5)};
}
"""


def _fits(page, where: str, *, whole_words: bool = True) -> None:
    overflow = page.evaluate(OVERFLOW_JS)
    assert overflow["scroll"] <= overflow["width"] and not overflow["wide"], (where, overflow)
    if whole_words:
        assert page.evaluate(CUT_WORDS_JS) == [], where


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_locator_fits_320_px_at_every_text_size(page, app_url, lang):
    words = texts(lang)
    page.set_viewport_size({"width": 320, "height": 720})
    page.goto(f"{app_url}/{lang}/trouver-une-mds?q=bagneres%20de%20luchon")
    wait_for_app(page)
    results = page.get_by_role("region", name=words["results_title"])
    expect(results.get_by_role("heading", level=3).first).to_be_visible()
    brand = page.get_by_role("banner").get_by_role("link").first
    for size in _text_sizes(page):
        expect(results.get_by_role("heading", level=3).first).to_be_visible()
        _fits(page, f"{lang} results, text size {size}")
        for phone in results.get_by_role("link", name=r"0").all()[:3]:
            assert on_one_line(phone, phone.inner_text()), (size, phone.inner_text())
        if lang == "fr":
            assert on_one_line(brand, "Haute-Garonne"), size
    page.get_by_label(words["town_label"]).fill("st gaudans")
    page.get_by_role("button", name=words["search"], exact=True).click()
    expect(page.get_by_role("alert").filter(has_text="st gaudans")).to_be_visible()
    _fits(page, f"{lang} suggestions, text size 4")


def test_the_team_space_fits_320_px_at_every_text_size(page, app_url):
    # The team's space has no text size buttons of its own: the size chosen on the site applies.
    # A sign-in belongs to one page's connection (issue #13 item 6): each size signs in again.
    page.set_viewport_size({"width": 320, "height": 720})
    page.goto(f"{app_url}/fr/")
    for size in SIZES:
        page.evaluate("(size) => localStorage.setItem('pti_text_size', size)", size)
        sign_in(page, app_url)
        expect(page.locator("html")).to_have_attribute("data-text-size", size)
        expect(page.get_by_role("heading", name="Kiosques Insertion")).to_be_visible()
        _fits(page, f"team space, text size {size}")


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_every_server_rendered_page_fits_320_px_at_the_largest_text_size(page, app_url, site_routes, lang):
    """Home, way of use, rights, guides, glossary, offers, site information, « not on this device »:
    the largest text size is the one that overflows first."""
    from pti_citizen.web.pages.site import ServerRenderedSite

    server_rendered = set(ServerRenderedSite(origin=app_url).paths())
    page.set_viewport_size({"width": 320, "height": 720})
    page.goto(f"{app_url}/{lang}/")
    page.evaluate("localStorage.setItem('pti_text_size', '4')")
    problems = []
    for path in (p for p in site_routes if p.startswith(f"/{lang}/") and p in server_rendered):
        page.goto(app_url + path)
        expect(page.locator("html")).to_have_attribute("data-text-size", "4")
        try:
            # No page scrolls sideways (WCAG 1.4.10). Whole words are checked on the pages of cards
            # (home, sections); in running text at 162,5 % a long word may still wrap on 320 px.
            _fits(page, path, whole_words=page.locator(".door, .choice").count() > 0)
        except AssertionError as problem:
            problems.append(str(problem))
    assert not problems, "\n".join(problems)
