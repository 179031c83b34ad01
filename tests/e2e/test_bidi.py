"""French kept in Arabic pages reads in its own order (issue #14, item 3): addresses, names with their
bracketed acronym, phone numbers, source titles, the footer; guillemets never split from their words.

Each case finds the text by role and name, checks that it is isolated and marked French
(``<bdi dir="ltr" lang="fr">``), then where its words are drawn: without the isolation the number of an
address or a closing bracket would be drawn on the wrong side.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from pti_citizen.offers import filter_offers
from pti_citizen.ui.locator.texts import texts
from tests.e2e.bidi import boxes, on_one_line, reads_left_to_right
from tests.e2e.conftest import wait_for_app

pytestmark = pytest.mark.e2e

AR = texts("ar")


def _open(page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)


def _french(container, text: str):
    """The isolated French run holding ``text``."""
    run = container.locator("bdi[lang=fr][dir=ltr]", has_text=text).first
    expect(run).to_be_visible()
    return run


def test_locator_card_address_name_and_phone_read_in_order_in_arabic(page, app_url):
    _open(page, f"{app_url}/ar/trouver-une-mds?q=Muret")
    results = page.get_by_role("region", name=AR["results_title"])
    name = "Maison des Solidarités de Muret"
    card = results.get_by_role("listitem").filter(
        has=page.get_by_role("heading", level=3, name=name, exact=True)
    )
    address = _french(card, "avenue Jacques Douzans")
    assert address.inner_text() == "44 avenue Jacques Douzans, 31600 Muret"
    assert reads_left_to_right(address, ["44", "avenue", "Jacques", "Douzans", ",", "31600", "Muret"])
    assert reads_left_to_right(
        _french(card.get_by_role("heading", level=3), name), ["Maison", "Solidarités", "Muret"]
    )
    phone = card.get_by_role("link", name="05 62 11 62 40")
    expect(phone).to_have_attribute("dir", "ltr")
    assert reads_left_to_right(phone, ["05", "62", "11", "62", "40"])
    # The sentence that says how the town was understood keeps the town's name whole.
    assert reads_left_to_right(_french(results, "Muret"), ["Muret"])


def test_locator_suggestion_keeps_a_town_and_its_postcodes_in_order_in_arabic(page, app_url):
    _open(page, f"{app_url}/ar/trouver-une-mds?q=st%20gaudans")
    button = page.get_by_role("button", name=re.compile(r"^Saint-Gaudens\b"))
    expect(button).to_be_visible()
    assert reads_left_to_right(_french(button, "Saint-Gaudens"), ["Saint", "-", "Gaudens"])
    error = page.get_by_role("alert").filter(has_text="st gaudans")
    assert reads_left_to_right(_french(error, "st gaudans"), ["st", "gaudans"])


def test_a_name_and_its_acronym_in_brackets_keep_their_order_in_arabic(page, app_url):
    # « MDS (Maison des solidarités) »: one run, the brackets around the name, after the acronym.
    _open(page, f"{app_url}/ar/contact")
    run = _french(page.get_by_role("main"), "Maison des solidarités")
    assert run.inner_text() == "MDS (Maison des solidarités)"
    assert reads_left_to_right(run, ["MDS", "(", "Maison", "des", "solidarités", ")"])


def test_a_postal_address_keeps_its_order_in_arabic(page, app_url):
    _open(page, f"{app_url}/ar/accessibilite")
    run = _french(page.get_by_role("main"), "Libre réponse")
    assert run.inner_text() == "Défenseur des droits, Libre réponse 71120, 75342 Paris Cedex 07"
    assert reads_left_to_right(
        run, ["Défenseur", "droits", ",", "Libre", "71120", ",", "75342", "Paris", "07"]
    )


def test_source_titles_keep_their_closing_bracket_in_arabic(page, app_url):
    _open(page, f"{app_url}/ar/se-deplacer-se-soigner")
    offer = next(o for o in filter_offers("ar") if o.id == "sante-c2s-rsa")
    card = page.get_by_role("article", name=offer.name)
    card.locator("summary").click()  # « Sources, vérifiées le … »
    title = "Décret n° 2022-565, art. 3 — la demande de RSA vaut démarche de C2S (CASF, art. R262-25-5)"
    run = _french(card.get_by_role("link", name=title), "Décret")
    assert reads_left_to_right(run, ["Décret", "2022-565", "3", "RSA", "C2S", "(CASF", "R262-25-5", ")"])


def test_the_footer_says_who_decides_with_its_french_acronyms_isolated(page, app_url):
    _open(page, f"{app_url}/ar/")
    footer = page.get_by_role("contentinfo")
    for acronym in ("CAF", "MSA", "RSA"):
        expect(footer.locator("bdi[lang=fr][dir=ltr]", has_text=acronym).first).to_be_visible()
    french = page.context.new_page()
    _open(french, f"{app_url}/fr/")
    expect(french.get_by_role("contentinfo")).to_contain_text(
        "La CAF (Caisse d'allocations familiales) ou la MSA (Mutualité sociale agricole) étudie les "
        "demandes et verse les aides. Le Président du Conseil départemental accorde le RSA."
    )
    expect(french.get_by_role("contentinfo")).not_to_contain_text("Seule la CAF")


def test_guillemets_stay_with_their_words_on_a_narrow_screen(page, app_url):
    page.set_viewport_size({"width": 320, "height": 700})
    page.add_init_script("localStorage.setItem('pti_text_size', '4')")
    _open(page, f"{app_url}/fr/trouver-une-mds?q=tolouse")
    error = page.get_by_role("alert").filter(has_text="tolouse")
    expect(error).to_contain_text("« tolouse »")
    assert on_one_line(error, "«\u00a0tolouse\u00a0»")
    _open(page, f"{app_url}/ar/demarches/declaration-trimestrielle")
    step = page.get_by_role("main").get_by_role("listitem").filter(has_text="Mes ressources").first
    assert on_one_line(step, "«\u00a0Mes") and on_one_line(step, "ressources\u00a0»")


def test_an_arabic_comment_reads_right_to_left_in_the_team_space(page, app_url):
    from tests.e2e.test_feedback import marker_text, open_page, sign_in, widget

    marker = marker_text("bidi")
    comment = f"الصفحة واضحة، شكرًا {marker}"
    open_page(page, f"{app_url}/ar/droits/rsa-c-est-quoi")
    box = widget(page, "ar")
    box.get_by_role("button", name="نعم", exact=True).click()
    page.get_by_label("تعليقك (اختياري)").fill(comment)
    box.get_by_role("button", name="أرسل رأيي").click()
    expect(box.get_by_text("شكرًا على رأيك")).to_be_visible()
    sign_in(page, app_url)
    quote = page.locator("blockquote", has_text=marker)
    expect(quote).to_have_attribute("dir", "auto")
    assert quote.evaluate("(el) => getComputedStyle(el).direction") == "rtl"
    words = boxes(quote, ["الصفحة", "شكرًا", marker])
    # Read from the right: the first word on the right, the marker written last on the far left.
    assert words[0][0]["left"] > words[1][0]["right"] - 1
    assert words[2][0]["right"] <= words[1][0]["left"] + 1
