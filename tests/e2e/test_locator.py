"""« Trouver une Maison des Solidarités » in a real browser: by town, postcode, position and typo
suggestion, the refusal path, the URL, RTL and axe, keyboard only, share and print.

Expected places come from the data files read by ``tests/ui/locator/reference.py`` (its own
haversine), never from the app. No test needs the internet: the address search is not submitted.
"""

from __future__ import annotations

import contextlib
import re

import pytest
from playwright.sync_api import expect

from pti_citizen.directory import address_notice
from pti_citizen.ui.locator.texts import texts
from tests.e2e.a11y import HORIZONTAL_OVERFLOW_JS, SMALL_TARGETS_JS, axe_violations, tab_through
from tests.e2e.conftest import wait_for_app, watch_csp
from tests.ui.locator import reference as ref

pytestmark = pytest.mark.e2e

FR = texts("fr")
TOULOUSE_GPS = {"latitude": 43.6045, "longitude": 1.444}


def _open(page, app_url, lang="fr", query=""):
    page.goto(f"{app_url}/{lang}/trouver-une-mds{query}")
    wait_for_app(page)
    # The address form is drawn once the app is live: then typing and clicking reach the state.
    page.wait_for_function("() => document.getElementById('locator-address') !== null")


@contextlib.contextmanager
def _own_context(browser, **options):
    """A browser context with its own permissions; like every page test, it fails on a CSP violation."""
    context = browser.new_context(**options)
    seen = watch_csp(context)
    try:
        yield context
    finally:
        context.close()
    assert not seen, "Content-Security-Policy violations:\n" + "\n".join(seen)


def _results(page, words=FR):
    return page.get_by_role("region", name=words["results_title"])


def _card(page, name, words=FR):
    return (
        _results(page, words)
        .get_by_role("listitem")
        .filter(has=page.get_by_role("heading", level=3, name=name, exact=True))
    )


def _expect_first_place(page, expected: dict[str, str], words=FR):
    results = _results(page, words)
    expect(results.get_by_role("heading", level=3).first).to_have_text(expected["name"])
    phone = _card(page, expected["name"], words).get_by_role("link", name=expected["phone"]).first
    expect(phone).to_have_attribute("href", ref.tel_href(expected["phone"]))
    assert ref.tel_href(expected["phone"]).startswith("tel:+33")


def _search_town(page, text, words=FR):
    page.get_by_label(words["town_label"]).fill(text)
    page.get_by_role("button", name=words["search"], exact=True).click()


@pytest.mark.parametrize(
    ("typed", "town"),
    [("st gaudens", "Saint-Gaudens"), ("31250", ref.communes_of_postcode("31250")[0]["nom"])],
)
def test_typing_a_town_or_postcode_lists_the_nearest_place_first(page, app_url, typed, town):
    _open(page, app_url)
    _search_town(page, typed)
    heading = page.get_by_role("heading", name=FR["results_title"])
    expect(heading).to_be_focused()
    _expect_first_place(page, ref.nearest_place(*ref.centre(ref.commune(town))))
    summary = page.locator("[aria-live=polite]", has_text=town)
    expect(summary).to_have_text(re.compile(rf"^\d+ lieux trouvés près de {town}$"))
    expect(_results(page)).to_contain_text("Votre MDS dépend de votre adresse : appelez pour vérifier.")
    expect(page).to_have_url(re.compile(r"\?q=[^&]+$"))  # a reload or a copied address repeats it


def test_a_postcode_shared_by_several_towns_offers_the_others(page, app_url):
    towns = ref.communes_of_postcode("31250")
    _open(page, app_url)
    _search_town(page, "31250")
    other = towns[1]
    page.get_by_role("button", name=other["nom"], exact=True).click()
    _expect_first_place(page, ref.nearest_place(*ref.centre(other)))
    expect(page.get_by_label(FR["town_label"])).to_have_value(other["nom"])


def test_gps_position_in_toulouse(browser, app_url):
    with _own_context(browser, geolocation=TOULOUSE_GPS, permissions=["geolocation"]) as context:
        page = context.new_page()
        _open(page, app_url, query="?q=31800")  # an earlier town search, in the URL
        page.get_by_role("button", name=FR["gps"]).click()
        expect(page.get_by_role("heading", name=FR["results_title"])).to_be_focused()
        _expect_first_place(page, ref.nearest_place(TOULOUSE_GPS["latitude"], TOULOUSE_GPS["longitude"]))
        expect(page).to_have_url(re.compile(r"/fr/trouver-une-mds$"))  # the position never goes in the URL


def test_gps_refused_says_so_and_the_town_search_still_works(browser, app_url):
    with _own_context(browser) as context:  # no permission granted: the browser refuses
        page = context.new_page()
        _open(page, app_url, query="?q=31800")
        page.get_by_role("button", name=FR["gps"]).click()
        expect(page.get_by_role("alert").filter(has_text=FR["gps_denied"])).to_be_visible()
        expect(page.get_by_role("button", name=FR["gps"])).to_be_focused()
        expect(_results(page)).to_have_count(0)
        expect(page).to_have_url(re.compile(r"/fr/trouver-une-mds$"))  # the old search is gone
        _search_town(page, "31800")
        _expect_first_place(page, ref.nearest_place(*ref.centre(ref.communes_of_postcode("31800")[0])))


def test_a_typo_gives_a_suggestion_that_searches_that_town(page, app_url):
    _open(page, app_url)
    _search_town(page, "tolouse")
    field = page.get_by_label(FR["town_label"])
    expect(page.get_by_role("alert").filter(has_text="tolouse")).to_be_visible()
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_be_focused()
    page.get_by_role("button", name=re.compile(r"^Toulouse\b")).click()
    toulouse = ref.commune("Toulouse")
    _expect_first_place(page, ref.nearest_place(*ref.centre(toulouse)))
    expect(field).to_have_attribute("aria-invalid", "false")
    in_toulouse = sum(1 for p in ref.places() if p["insee"] == toulouse["code_insee"])
    expect(_results(page)).to_contain_text(f"Il y a {in_toulouse} lieux à Toulouse")


def test_an_empty_search_is_explained_next_to_the_field(page, app_url):
    _open(page, app_url)
    _search_town(page, "")
    expect(page.get_by_role("alert").filter(has_text="Écrivez le nom de votre ville")).to_be_visible()
    expect(page.get_by_label(FR["town_label"])).to_be_focused()


def test_a_search_in_the_url_is_answered_on_arrival(page, app_url):
    _open(page, app_url, query="?q=31800")
    _expect_first_place(page, ref.nearest_place(*ref.centre(ref.communes_of_postcode("31800")[0])))
    expect(page.get_by_label(FR["town_label"])).to_have_value("31800")


def test_without_javascript_the_form_sends_the_query_in_the_url(browser, app_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{app_url}/fr/trouver-une-mds")
    page.get_by_label(FR["town_label"]).fill("31800")
    page.get_by_label(FR["town_label"]).press("Enter")
    page.wait_for_url(re.compile(r"\?q=31800$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(FR["title"])
    context.close()


def test_kind_filter_keeps_maisons_des_solidarites_only(page, app_url):
    _open(page, app_url)
    _search_town(page, "st gaudens")
    only_mds = page.get_by_role("radio", name=FR["filter_mds"])
    only_mds.click()
    expect(only_mds).to_be_checked()
    centre = ref.centre(ref.commune("Saint-Gaudens"))
    expected = ref.by_distance(*centre, kind="mds")[:5]
    headings = _results(page).get_by_role("heading", level=3)
    expect(headings).to_have_text([row["name"] for row in expected])
    expect(page).to_have_url(re.compile(r"\?q=st%20gaudens&kind=mds$"))


def test_show_more_adds_places_and_moves_focus_to_the_first_new_one(page, app_url):
    _open(page, app_url)
    _search_town(page, "Muret")
    headings = _results(page).get_by_role("heading", level=3)
    expect(headings).to_have_count(5)
    page.get_by_role("button", name=FR["more"]).click()
    expect(headings).to_have_count(10)
    expected = ref.by_distance(*ref.centre(ref.commune("Muret")))[5]
    expect(headings.nth(5)).to_have_text(expected["name"])
    expect(headings.nth(5)).to_be_focused()


def test_arabic_page_is_rtl_and_passes_axe_with_results(page, app_url):
    words = texts("ar")
    page.set_viewport_size({"width": 320, "height": 800})
    _open(page, app_url, lang="ar")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    _search_town(page, "31800", words)
    _expect_first_place(page, ref.nearest_place(*ref.centre(ref.communes_of_postcode("31800")[0])), words)
    expect(_results(page, words)).to_contain_text(address_notice("ar"))  # the core answers in Arabic
    page.get_by_text(words["address_open"]).click()  # the address search, opened
    assert axe_violations(page) == []
    overflow = page.evaluate(HORIZONTAL_OVERFLOW_JS)
    assert overflow["scroll"] <= overflow["width"], overflow
    assert page.evaluate(SMALL_TARGETS_JS) == []


def test_french_page_with_an_error_passes_axe(page, app_url):
    page.set_viewport_size({"width": 320, "height": 800})
    _open(page, app_url)
    _search_town(page, "tolouse")
    expect(page.get_by_role("alert").filter(has_text="tolouse")).to_be_visible()
    assert axe_violations(page) == []


def test_keyboard_only_search(page, app_url):
    _open(page, app_url)
    field = page.get_by_label(FR["town_label"])
    for _ in range(40):  # from the top of the page, as a keyboard user would
        page.keyboard.press("Tab")
        if field.evaluate("el => el === document.activeElement"):
            break
    expect(field).to_be_focused()
    page.keyboard.type("st gaudens")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=FR["results_title"])).to_be_focused()
    _expect_first_place(page, ref.nearest_place(*ref.centre(ref.commune("Saint-Gaudens"))))
    # Onwards with Tab: the first phone link is reached.
    expected = ref.nearest_place(*ref.centre(ref.commune("Saint-Gaudens")))
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == ref.tel_href(expected["phone"]):
            break
    assert page.evaluate("document.activeElement.getAttribute('href')") == ref.tel_href(expected["phone"])


def test_every_control_shows_its_focus_and_the_page_fits_at_200_percent(page, app_url):
    page.set_viewport_size({"width": 640, "height": 500})
    _open(page, app_url, lang="ar")
    before = tab_through(page)  # the search controls, from the top of the page
    _search_town(page, "31250", texts("ar"))
    expect(_results(page, texts("ar")).get_by_role("heading", level=3).first).to_be_visible()
    after = tab_through(page, max_steps=400)  # from the results heading, where focus went
    invisible = [v["key"] for v in before + after if not v["visible"]]
    assert not invisible, f"focus not visible on: {invisible}"
    assert any(v["id"] == "locator-gps" for v in before)
    assert any(v["tag"] == "SUMMARY" for v in before)
    assert sum(1 for v in after if v["key"].startswith('<input type="radio"')) >= 1
    assert any("tel:+33" in v["key"] for v in after)
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    overflow = page.evaluate(HORIZONTAL_OVERFLOW_JS)
    assert overflow["scroll"] <= overflow["width"], overflow


def _shared_link(page) -> str:
    """The link the share button gave: in the clipboard, or in the field shown to copy it by hand."""
    copied = page.get_by_text(FR["copied"])
    shown = page.get_by_label(FR["copy_label"])
    expect(copied.or_(shown)).to_be_visible()
    return page.evaluate("navigator.clipboard.readText()") if copied.count() else shown.input_value()


SHARING = ["geolocation", "clipboard-read", "clipboard-write"]


def test_share_copies_a_link_with_the_town_only(browser, app_url):
    with _own_context(browser, geolocation=TOULOUSE_GPS, permissions=SHARING) as context:
        page = context.new_page()
        _open(page, app_url)
        page.get_by_role("button", name=FR["gps"]).click()
        expect(page.get_by_role("heading", name=FR["results_title"])).to_be_focused()
        page.get_by_role("button", name=FR["share"]).click()
        town = ref.nearest_commune(TOULOUSE_GPS["latitude"], TOULOUSE_GPS["longitude"])["nom"]
        link = _shared_link(page)
        assert link.endswith("/fr/trouver-une-mds?q=" + town.replace(" ", "%20"))
        assert "43.6" not in link and "1.44" not in link


def test_without_a_clipboard_the_link_is_shown_to_copy(browser, app_url):
    with _own_context(browser) as context:
        page = context.new_page()
        page.add_init_script(
            "Object.defineProperty(navigator, 'clipboard', {value: undefined});"
            "Object.defineProperty(navigator, 'share', {value: undefined});"
        )
        _open(page, app_url)
        _search_town(page, "st gaudens")
        page.get_by_role("radio", name=FR["filter_mds"]).click()
        expect(page).to_have_url(re.compile(r"kind=mds$"))
        page.get_by_role("button", name=FR["share"]).click()
        field = page.get_by_label(FR["copy_label"])
        expect(field).to_have_value(re.compile(r"/fr/trouver-une-mds\?q=st%20gaudens&kind=mds$"))
        page.get_by_role("radio", name=FR["filter_all"]).click()  # another list: the old link goes
        expect(field).to_have_count(0)


def test_search_position_refusal_and_share_run_under_the_strict_policy(browser, app_url):
    """The page's own code does everything: nothing the server sends is run as code (no eval)."""
    with _own_context(browser, geolocation=TOULOUSE_GPS, permissions=SHARING) as context:
        page = context.new_page()
        policy = page.goto(f"{app_url}/fr/trouver-une-mds").headers["content-security-policy"]
        script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
        assert "'unsafe-eval'" not in script_src and "'unsafe-inline'" not in script_src
        wait_for_app(page)
        page.wait_for_function("() => document.getElementById('locator-address') !== null")
        _search_town(page, "31800")
        expect(page.get_by_role("heading", name=FR["results_title"])).to_be_focused()
        expect(page).to_have_url(re.compile(r"\?q=31800$"))
        page.get_by_role("button", name=FR["gps"]).click()
        expect(page).to_have_url(re.compile(r"/fr/trouver-une-mds$"))
        _expect_first_place(page, ref.nearest_place(TOULOUSE_GPS["latitude"], TOULOUSE_GPS["longitude"]))
        page.get_by_role("button", name=FR["more"]).click()
        expect(_results(page).get_by_role("heading", level=3).nth(5)).to_be_focused()
        page.get_by_role("button", name=FR["share"]).click()
        assert "?q=" in _shared_link(page)
        context.clear_permissions()  # the person withdraws the permission: the next press is refused
        page.get_by_role("button", name=FR["gps"]).click()
        expect(page.get_by_role("alert").filter(has_text=FR["gps_denied"])).to_be_visible()
        expect(_results(page)).to_have_count(0)


def test_coming_back_without_a_query_shows_no_earlier_search(page, app_url):
    """The session remembers the last search; a page opened without ``?q=`` must not bring it back,
    not even for a moment in the address bar (the server first sends the session as it was)."""
    page.add_init_script(
        "window.addressBar = []; const replace = history.replaceState.bind(history);"
        "history.replaceState = (s, t, url) => { window.addressBar.push(String(url)); replace(s, t, url); };"
    )
    _open(page, app_url)
    _search_town(page, "31800")
    expect(page).to_have_url(re.compile(r"\?q=31800$"))
    _open(page, app_url)
    expect(page.get_by_label(FR["town_label"])).to_have_value("")
    expect(_results(page)).to_have_count(0)
    expect(page).to_have_url(re.compile(r"/fr/trouver-une-mds$"))
    assert not [url for url in page.evaluate("window.addressBar") if "31800" in url]


def test_the_address_hint_opens_the_address_search_on_its_field(page, app_url):
    _open(page, app_url)
    _search_town(page, "Toulouse")
    page.get_by_role("button", name=FR["write_address"]).click()
    field = page.get_by_label(FR["address_label"])
    expect(field).to_be_visible()
    expect(field).to_be_focused()


def test_print_shows_the_list_only(page, app_url):
    _open(page, app_url)
    _search_town(page, "31800")
    page.emulate_media(media="print")
    expect(page.get_by_label(FR["town_label"])).to_be_hidden()
    expect(page.get_by_role("button", name=FR["gps"])).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_hidden()
    expect(_results(page).get_by_role("heading", level=3).first).to_be_visible()
    expect(page.get_by_role("button", name=FR["print"])).to_be_hidden()
    expect(page.get_by_role("link", name=FR["directions"]).first).to_be_hidden()


def test_address_search_says_where_the_address_goes_before_anything_is_sent(page, app_url):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    _open(page, app_url)
    page.get_by_text(FR["address_open"]).click()
    expect(page.get_by_text("Base Adresse Nationale")).to_be_visible()
    expect(page.get_by_label(FR["address_label"])).to_be_visible()
    assert not [u for u in requests if not u.startswith(app_url)]
