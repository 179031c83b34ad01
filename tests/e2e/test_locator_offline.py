"""The town search without the network (issue #14, item 8): answered on the device from the core's
data, the same answers as the server's; a typo, a suggestion, a position, « more places », a reload
with ?q=…; the address search says it needs the network; the offline notice covers nothing; an
address the device has not saved says so instead of opening the home page.

The script's rules are compared with the core's on thousands of queries in
tests/ui/locator/test_offline_script.py (node); here a sample runs in Chromium itself.
"""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from pti_citizen.directory import nearest_payload
from pti_citizen.i18n import gettext_for
from pti_citizen.ui.locator.texts import texts
from pti_citizen.web.pages.not_saved import texts as not_saved_texts
from tests.e2e.a11y import HORIZONTAL_OVERFLOW_JS, axe_violations
from tests.e2e.conftest import wait_for_app, watch_csp
from tests.ui.locator import reference as ref

pytestmark = pytest.mark.e2e

FR = texts("fr")
AR = texts("ar")
TOULOUSE_GPS = {"latitude": 43.6045, "longitude": 1.444}
SAVED = """async (paths) => {
    const reg = await navigator.serviceWorker.getRegistration();
    if (!reg || !reg.active || reg.active.state !== 'activated' || !navigator.serviceWorker.controller) return false;
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      let all = true;
      for (const p of paths) if (!(await cache.match(p))) { all = false; break; }
      if (all) return true;
    }
    return false;
}"""


def _saved_for_offline(page, app_url, lang="fr", timeout_s=120) -> None:
    page.goto(f"{app_url}/{lang}/trouver-une-mds")
    wait_for_app(page)
    paths = [
        f"/{lang}/trouver-une-mds/",
        f"/{lang}/hors-connexion/",
        "/locator-data.json",
        "/locator-offline.js",
    ]
    deadline = time.monotonic() + timeout_s
    while not page.evaluate(SAVED, paths):
        assert time.monotonic() < deadline, f"the service worker did not save {paths}"
        page.wait_for_timeout(300)


def _offline_page(context, page, app_url, lang="fr", query=""):
    _saved_for_offline(page, app_url, lang)
    context.set_offline(True)
    page.goto(f"{app_url}/{lang}/trouver-une-mds{query}")
    wait_for_app(page)


def _search(page, text, words=FR):
    page.get_by_label(words["town_label"]).fill(text)
    page.get_by_role("button", name=words["search"], exact=True).click()


def _local_results(page, words=FR):
    return page.locator("#locator-local").get_by_role("region", name=words["results_title"])


def _names(results) -> list[str]:
    return results.get_by_role("heading", level=3).all_inner_texts()


def _core(q: str, lang: str = "fr", limit: int = 5) -> tuple[int, dict]:
    """The core's answer (``directory.nearest``, as JSON), without the Kiosques Insertion."""
    return nearest_payload(q, limit=limit, lang=lang, kiosques=())


def _core_names(q: str, lang: str = "fr", limit: int = 5) -> list[str]:
    status, body = _core(q, lang, limit)
    assert status == 200, body
    return [item["name"] for item in body["items"]]


def test_a_typo_then_its_suggestion_without_the_network(context, page, app_url):
    _offline_page(context, page, app_url)
    _search(page, "st gaudans")
    error = page.locator("#locator-local").get_by_text(
        "Nous ne trouvons pas « st gaudans » en Haute-Garonne."
    )
    expect(error).to_be_focused()
    assert axe_violations(page) == []
    page.get_by_role("button", name=re.compile(r"^Saint-Gaudens\b")).click()
    results = _local_results(page)
    expect(results.get_by_role("heading", name=FR["results_title"])).to_be_focused()
    expect(results).to_contain_text(FR["offline_note"])
    expect(results).to_contain_text("Le code INSEE 31483 est celui de Saint-Gaudens.")
    assert _names(results) == _core_names("insee:31483")
    card = results.get_by_role("listitem").filter(has=page.get_by_role("heading", name=_names(results)[0]))
    expected = next(row for row in ref.places() if row["name"] == _names(results)[0])
    expect(card.get_by_role("link", name=expected["phone"])).to_have_attribute(
        "href", ref.tel_href(expected["phone"])
    )
    expect(page).to_have_url(re.compile(r"\?q=Saint-Gaudens$"))
    # More places, as online; the focus goes to the first new one.
    results.get_by_role("button", name=FR["more"]).click()
    expect(results.get_by_role("heading", level=3)).to_have_count(10)
    expect(results.get_by_role("heading", level=3).nth(5)).to_be_focused()
    assert _names(results) == _core_names("insee:31483", limit=10)
    assert axe_violations(page) == []
    context.set_offline(False)


def test_a_reload_without_the_network_answers_the_search_in_the_address(context, page, app_url):
    _offline_page(context, page, app_url, lang="ar", query="?q=31250")
    results = _local_results(page, AR)
    expect(results).to_be_visible(timeout=15_000)
    assert _names(results) == _core_names("31250", lang="ar")
    expect(results).to_contain_text("Revel")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    page.set_viewport_size({"width": 320, "height": 700})
    overflow = page.evaluate(HORIZONTAL_OVERFLOW_JS)
    assert overflow["scroll"] <= overflow["width"], overflow
    assert axe_violations(page) == []
    context.set_offline(False)


def test_the_browser_gives_the_core_answer_for_towns_postcodes_and_typos(context, page, app_url):
    # A sample in Chromium itself (its own Unicode folding, Math and RegExp).
    _saved_for_offline(page, app_url)
    queries = ["Toulouse", "31800", "insee:31395", "tolouse", "bagneres luchn", "٣١٢٥٠", "portet", "31999"]
    found = page.evaluate(
        """async (queries) => {
            const data = await (await fetch('/locator-data.json')).json();
            const engine = new window.ptiLocatorOffline.Engine(data);
            return queries.map((q) => engine.answer(q, 'fr', {limit: 5}));
        }""",
        queries,
    )
    for query, answer in zip(queries, found, strict=True):
        status, core = _core(query)
        if status == 200:
            assert answer["ok"] and answer["explanation"] == core["resolved"]["explanation"], query
            assert [c["id"] for c in answer["cards"]] == [i["id"] for i in core["items"]], query
            assert [c["distance_text"] for c in answer["cards"]] == [
                i["distance_text"] for i in core["items"]
            ]
        else:
            assert not answer["ok"] and answer["error"] == core["errors"][0]["message"], query
            assert [s["name"] for s in answer["suggestions"]] == core["suggestions"], query


def test_my_position_without_the_network(browser, app_url):
    context = browser.new_context(geolocation=TOULOUSE_GPS, permissions=["geolocation"])
    seen = watch_csp(context)
    try:
        page = context.new_page()
        _offline_page(context, page, app_url)
        page.get_by_role("button", name=FR["gps"]).click()
        results = _local_results(page)
        expect(results.get_by_role("heading", name=FR["results_title"])).to_be_focused()
        expected = ref.nearest_place(TOULOUSE_GPS["latitude"], TOULOUSE_GPS["longitude"])
        assert _names(results)[0] == expected["name"]
        expect(page).to_have_url(re.compile(r"/fr/trouver-une-mds$"))  # a position never goes in the URL
    finally:
        context.close()
    assert not seen, seen


def test_the_address_search_says_it_needs_the_network(context, page, app_url):
    # The connection drops while the page is open: the form is there, sending it says why it cannot.
    _saved_for_offline(page, app_url)
    page.wait_for_function("() => document.getElementById('locator-address') !== null")
    context.set_offline(True)
    expect(page.locator("#connection-status p")).to_be_visible(timeout=30_000)
    page.get_by_text(FR["address_open"]).click()
    page.get_by_label(FR["address_label"]).fill("3 rue de la Mairie, Muret")
    page.get_by_role("button", name=FR["address_search"]).click()
    expect(page.locator("#locator-local").get_by_text(FR["offline_address"])).to_be_focused()
    # Opened without the network: the section says it at once, instead of a form that cannot work.
    page.goto(f"{app_url}/fr/trouver-une-mds")
    wait_for_app(page)
    page.get_by_text(FR["address_open"]).click()
    expect(page.locator("#locator-address-search").get_by_text(FR["offline_address"])).to_be_visible()
    context.set_offline(False)


@pytest.mark.parametrize("size", ["1", "4"])
def test_the_offline_notice_is_one_short_line_that_covers_nothing(context, page, app_url, size):
    page.set_viewport_size({"width": 360, "height": 640})
    page.add_init_script(f"localStorage.setItem('pti_text_size', '{size}')")
    _offline_page(context, page, app_url, query="?q=Muret")
    notice = page.locator("#connection-status p")
    expect(notice).to_be_visible(timeout=30_000)
    expect(notice).to_have_text(gettext_for("fr")("Vous êtes hors connexion."))
    box = notice.bounding_box()
    assert box["height"] <= 640 / 5, box
    assert notice.evaluate("(el) => getComputedStyle(el).position") == "static"  # in the flow: covers nothing
    covered = page.evaluate(
        """(n) => {
            const r = n.getBoundingClientRect();
            return Array.from(document.querySelectorAll('a[href], button, input, summary')).filter((el) => {
              const b = el.getBoundingClientRect();
              return b.width > 0 && b.left < r.right && b.right > r.left && b.top < r.bottom && b.bottom > r.top;
            }).map((el) => el.outerHTML.slice(0, 80));
        }""",
        notice.element_handle(),
    )
    assert covered == []
    context.set_offline(False)


def test_an_address_not_saved_on_the_device_says_so(context, page, app_url):
    _saved_for_offline(page, app_url, lang="ar")
    context.set_offline(True)
    page.goto(f"{app_url}/ar/une-page-jamais-ouverte")
    wait_for_app(page)
    expect(page.get_by_role("heading", level=1, name=not_saved_texts("ar")["title"])).to_be_visible()
    assert page.url.endswith("/ar/hors-connexion")
    link = page.get_by_role("link", name=re.compile(texts("ar")["title"].split(" (")[0]))
    expect(link.first).to_be_visible()
    assert axe_violations(page) == []
    # A language in capitals is the saved page itself.
    page.goto(f"{app_url}/AR/trouver-une-mds")
    wait_for_app(page)
    assert page.url.endswith("/ar/trouver-une-mds")
    context.set_offline(False)
