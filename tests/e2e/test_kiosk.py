"""Mediator / kiosk mode on a shared terminal: nothing is kept after « Terminer et tout effacer » or
after the inactivity timer (shortened here through the per-terminal setting)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from pti_citizen.content import load_site
from pti_citizen.ui.locator.texts import texts as locator_texts
from tests.e2e.conftest import wait_for_app

pytestmark = pytest.mark.e2e

LOCATOR = locator_texts("fr")

# Display settings of the terminal, not answers ("theme" is Reflex's colour mode).
KEPT_SETTINGS = {"pti_mode", "pti_text_size", "pti_contrast", "pti_kiosk_idle", "theme"}
# The new session's token and the router's scroll positions: no answer in them.
SESSION_ALLOWED = {"token", "react-router-scroll-positions"}


def _storage(page) -> dict:
    return page.evaluate("() => ({local: Object.keys(localStorage), session: Object.keys(sessionStorage)})")


def _leave_answers(page, app_url) -> None:
    guide = load_site().page("fr", "declaration-trimestrielle")
    page.goto(app_url + guide.url)
    wait_for_app(page)
    page.get_by_label(guide.checklist[0].label).check()
    page.evaluate("sessionStorage.setItem('pti_test_answer', '1200')")


def test_mediator_mode_is_chosen_on_the_home_page(page, app_url):
    page.goto(f"{app_url}/fr/")
    wait_for_app(page)
    page.get_by_role("button", name="Je suis médiateur ou sur une borne en MDS").click()
    expect(page.get_by_role("button", name="Terminer et tout effacer")).to_be_visible()
    expect(page.get_by_role("heading", name="Comment utilisez-vous ce site ?")).to_be_hidden()
    page.reload()
    expect(page.get_by_role("button", name="Terminer et tout effacer")).to_be_visible()


def test_erase_button_leaves_no_answer(page, app_url):
    page.goto(f"{app_url}/fr/mode")
    wait_for_app(page)
    page.get_by_role("button", name="Je suis médiateur ou sur une borne en MDS").click()
    _leave_answers(page, app_url)
    page.get_by_role("button", name="Terminer et tout effacer").click()
    page.wait_for_url(f"{app_url}/fr/")
    wait_for_app(page)
    expect(page.get_by_text("Tout est effacé.")).to_be_attached()
    storage = _storage(page)
    assert set(storage["local"]) <= KEPT_SETTINGS
    assert set(storage["session"]) <= SESSION_ALLOWED


def test_inactivity_warns_then_erases(page, app_url):
    page.goto(f"{app_url}/fr/")
    wait_for_app(page)
    page.evaluate(
        "localStorage.setItem('pti_mode', 'mediateur'); localStorage.setItem('pti_kiosk_idle', '8')"
    )
    _leave_answers(page, app_url)
    warning = page.get_by_role("alertdialog")
    expect(warning).to_be_visible(timeout=10_000)
    # « Je suis encore là » dismisses the warning and restarts the countdown.
    page.get_by_role("button", name="Je suis encore là").click()
    expect(warning).to_be_hidden()
    page.wait_for_url(f"{app_url}/fr/", timeout=20_000)
    wait_for_app(page)
    expect(page.get_by_text("Tout est effacé.")).to_be_attached()
    storage = _storage(page)
    assert set(storage["local"]) <= KEPT_SETTINGS
    assert set(storage["session"]) <= SESSION_ALLOWED


def test_other_modes_never_erase(page, app_url):
    page.goto(f"{app_url}/fr/")
    wait_for_app(page)
    page.evaluate("localStorage.setItem('pti_mode', 'moi'); localStorage.setItem('pti_kiosk_idle', '5')")
    _leave_answers(page, app_url)
    page.wait_for_timeout(7000)
    assert "pti_test_answer" in _storage(page)["session"]
    expect(page.get_by_role("alertdialog")).to_be_hidden()


def test_back_after_erasing_shows_nothing_of_the_previous_person(page, app_url):
    """Issue #13 item 9: Back after « Terminer et tout effacer » re-ran the previous person's town
    search. In kiosk mode nothing is added to the history, so there is nothing to go back to."""
    page.goto(f"{app_url}/fr/")
    wait_for_app(page)
    page.get_by_role("button", name="Je suis médiateur ou sur une borne en MDS").click()
    length = page.evaluate("history.length")
    page.get_by_role("link", name="Trouver une Maison des Solidarités").first.click()
    page.wait_for_url(re.compile(r"/fr/trouver-une-mds"))
    wait_for_app(page)
    page.wait_for_function("() => document.getElementById('locator-address') !== null")
    results = page.get_by_role("region", name=LOCATOR["results_title"])
    for town in ("Toulouse", "Muret"):
        page.get_by_label(LOCATOR["town_label"]).fill(town)
        page.get_by_role("button", name=LOCATOR["search"], exact=True).click()
        page.wait_for_url(re.compile(rf"q={town}"))
        expect(results).to_be_visible()
    assert page.evaluate("history.length") == length  # the person's searches added no entry
    page.get_by_role("button", name="Terminer et tout effacer").click()
    page.wait_for_url(f"{app_url}/fr/")
    wait_for_app(page)
    assert page.evaluate("history.length") == length
    page.go_back()
    page.wait_for_load_state()
    # Back leads to what was there before the terminal was put in mediator mode (here the blank
    # page the browser opened with), never to the locator and its searches.
    assert "trouver-une-mds" not in page.url and "q=" not in page.url
    assert page.url in ("about:blank", f"{app_url}/fr/")
    expect(page.get_by_role("region", name=LOCATOR["results_title"])).to_have_count(0)
    assert "Muret" not in page.content()


def test_a_town_search_on_a_server_rendered_page_adds_no_history_either(page, app_url):
    """The offers filter is a plain form (``?commune=…`` in the URL, no Reflex): in kiosk mode its
    searches replace the history entry too, and Back after erasing never shows the town."""
    page.goto(f"{app_url}/fr/")
    wait_for_app(page)
    page.get_by_role("button", name="Je suis médiateur ou sur une borne en MDS").click()
    page.goto(f"{app_url}/fr/se-deplacer-se-soigner")
    wait_for_app(page)
    length = page.evaluate("history.length")
    for town in ("Toulouse", "Muret"):
        page.get_by_label(re.compile("Votre commune")).fill(town)
        page.get_by_role("button", name="Voir les aides").click()
        page.wait_for_url(re.compile(rf"commune={town}"))
        wait_for_app(page)
    assert page.evaluate("history.length") == length
    page.get_by_role("button", name="Terminer et tout effacer").click()
    page.wait_for_url(f"{app_url}/fr/")
    wait_for_app(page)
    page.go_back()
    page.wait_for_load_state()
    assert "commune=" not in page.url and "se-deplacer-se-soigner" not in page.url
    expect(page.get_by_role("status").filter(has_text="Aides trouvées")).to_have_count(0)
