"""« Continuer sur mon téléphone » in the browser: the answers travel in the link's fragment, shown
only on request with a warning; a fresh browser (the person's phone) opens the same result, and can
change an answer; the fragment never reaches the server (its log holds none of it) and leaves the
address bar; a broken or older link says so, never breaks the page."""

from __future__ import annotations

import json
import re
import urllib.parse

import pytest
from playwright.sync_api import expect

from pti_citizen.handover import parse_answers_fragment, qr_path
from pti_citizen.ui.simulator import texts
from tests.e2e.a11y import axe_violations
from tests.e2e.conftest import wait_for_app, watch_csp
from tests.e2e.test_simulator import MOTHER, Wizard, digits, money, mother_estimate, set_mode

pytestmark = pytest.mark.e2e


def stored_answers(page) -> dict:
    return json.loads(page.evaluate("() => sessionStorage.getItem('pti_simulateur_reponses')"))


def test_the_answers_go_to_a_fresh_phone_through_the_fragment_only(browser, page, app_server):
    app_url, log = app_server
    set_mode(page, app_url, "mediateur")  # a shared terminal: the code waits to be asked for
    wizard = Wizard(page, app_url, "fr").open()
    wizard.run(MOTHER)
    t = wizard.t
    # The reminders of the quarterly declaration are one link away (tests/e2e/test_reminders.py).
    expect(page.get_by_role("link", name=t["reminders_link"])).to_have_attribute("href", "/fr/rappels")
    section = page.get_by_role("region", name=t["phone_title"])
    expect(section.get_by_text(t["phone_warning"])).to_be_visible()
    expect(section.get_by_role("img", name=t["phone_qr_label"])).to_have_count(0)
    section.get_by_role("button", name=t["phone_show"]).click()
    code = section.get_by_role("img", name=t["phone_qr_label"])
    expect(code).to_be_visible()
    link = section.get_by_role("link", name=t["phone_link_text"]).get_attribute("href")
    parts = urllib.parse.urlsplit(link)
    assert (parts.path, parts.query) == ("/fr/simulateur", "")
    assert re.fullmatch(r"r1\.[A-Za-z0-9_-]+", parts.fragment)
    assert parse_answers_fragment(parts.fragment) == stored_answers(page)
    assert code.locator("path").get_attribute("d") == qr_path(link).d  # the code is this link
    assert axe_violations(page) == []
    _, result = mother_estimate("fr")
    here = digits(page.locator("#result-amount").inner_text())
    assert here == money(result.total_monthly_amount, "fr")

    phone = browser.new_context(viewport={"width": 360, "height": 740})
    violations = watch_csp(phone)
    requested: list[str] = []
    phone.on("request", lambda request: requested.append(request.url))
    other = phone.new_page()
    other.goto(link)
    other.wait_for_url(re.compile(r"/fr/simulateur/resultat/?$"))
    wait_for_app(other)
    assert digits(other.locator("#result-amount").inner_text()) == here  # the same result
    assert stored_answers(other) == stored_answers(page)
    assert "#" not in other.url  # out of the address bar (and of the history)
    assert other.evaluate("() => sessionStorage.getItem('pti_simulateur_lien')") in (None, "")
    other.get_by_role("button", name=t["review"]).click()  # and the person can change an answer
    expect(other.get_by_role("heading", level=1, name=re.compile(".+"))).to_be_visible()
    expect(other.locator("[data-question]")).to_be_visible()
    phone.close()
    assert not violations
    assert not any(parts.fragment in url for url in requested)
    if log is not None:
        text = log.read_text(errors="replace")
        assert parts.fragment not in text and parts.fragment[3:40] not in text
        assert "housing.housing_benefit" not in text and "pti_simulateur_lien" not in text


@pytest.mark.parametrize(
    ("lang", "fragment", "key"),
    [
        ("fr", "r1.bm90IGpzb24", "link_malformed"),  # « not json »
        ("ar", "r1.WzAsIjk5OSJd", "link_malformed"),  # [0,"999"]: an age no one has
        ("fr", "r1." + "A" * 5000, "link_malformed"),
        ("es", "r7.WzBd", "link_version"),  # made by another version
    ],
)
def test_a_broken_or_older_link_says_so_and_asks_the_questions(page, app_url, lang, fragment, key):
    t = texts.page_texts(lang)
    page.goto(f"{app_url}/{lang}/simulateur#{fragment}")
    wait_for_app(page)
    expect(page.get_by_role("alert").filter(has_text=t[key])).to_be_visible()
    expect(page.locator("[data-question]")).to_be_visible()
    assert page.evaluate("() => sessionStorage.getItem('pti_simulateur_reponses')") in (None, "")
    assert axe_violations(page) == []
