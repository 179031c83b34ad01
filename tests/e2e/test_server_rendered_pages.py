"""The server-rendered pages in the browser: reading a content page — and using everything it offers
(ticks, text size, contrast, read-aloud, the language menu, the way of use, the offers filter,
« Est-ce que cette page est claire ? ») — opens no websocket and creates no server session. The same
probes do see the simulator's websocket, so they would see one on a content page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from pti_citizen.content import load_site
from tests.e2e.conftest import wait_for_app
from tests.e2e.test_listen import FAKE_SPEECH

pytestmark = pytest.mark.e2e

QUESTION = "Est-ce que cette page est claire ?"


def watch(context) -> dict[str, list[str]]:
    """Every websocket a page of ``context`` opens, every request to Reflex's event endpoint (websocket
    or its long-polling fallback), and every response that sets a cookie."""
    seen: dict[str, list[str]] = {"websockets": [], "event_requests": [], "cookies": []}
    context.on("page", lambda page: page.on("websocket", lambda ws: seen["websockets"].append(ws.url)))
    context.on("request", lambda r: seen["event_requests"].append(r.url) if "/_event" in r.url else None)
    context.on("response", lambda r: seen["cookies"].append(r.url) if "set-cookie" in r.headers else None)
    return seen


def test_a_content_page_opens_no_websocket_and_no_session_whatever_is_used(context, app_url):
    seen = watch(context)
    page = context.new_page()
    page.add_init_script(FAKE_SPEECH)
    guide = load_site().page("fr", "declaration-trimestrielle")
    page.goto(app_url + guide.url)
    wait_for_app(page)
    tick = guide.checklist[0]
    page.get_by_label(tick.label).check()
    page.get_by_role("button", name="Texte plus grand").click()
    page.get_by_role("button", name="Contraste élevé").click()
    page.get_by_role("button", name="Écouter").click()
    expect(page.locator("#listen-status")).to_have_text("Lecture en cours.")
    page.get_by_role("button", name="Arrêter").click()
    box = page.get_by_role("region", name=QUESTION)
    box.get_by_role("button", name="Oui", exact=True).click()
    page.get_by_label("Votre commentaire (facultatif)").fill("Guide clair.")
    box.get_by_role("button", name="Envoyer mon avis").click()
    expect(page.get_by_text("Merci pour votre avis.")).to_be_focused()
    page.reload()
    wait_for_app(page)
    expect(page.get_by_label(tick.label)).to_be_checked()
    expect(page.get_by_text("Merci pour votre avis.")).to_be_visible()  # the visit remembers its answer
    page.get_by_role("navigation", name="Choisir la langue").get_by_role("link", name="العربية").click()
    expect(page).to_have_url(re.compile(r"/ar/demarches/declaration-trimestrielle$"))
    wait_for_app(page)
    ticked_ar = load_site().page("ar", guide.slug).checklist[0]
    expect(page.get_by_label(ticked_ar.label)).to_be_checked()  # same paper, same tick, another language
    page.goto(f"{app_url}/fr/")
    wait_for_app(page)
    page.get_by_role("button", name="J'aide quelqu'un").click()
    page.goto(f"{app_url}/fr/se-deplacer-se-soigner?besoin=transport&commune=Muret")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Les aides")).to_be_focused()
    page.goto(f"{app_url}/es/droits/mots-du-rsa")
    wait_for_app(page)
    page.wait_for_timeout(1500)  # a late connection (a reconnect timer) would show by now

    assert seen == {"websockets": [], "event_requests": [], "cookies": []}
    assert "token" not in page.evaluate("Object.keys(sessionStorage)")  # Reflex's session token

    # The probes are not blind: the simulator, a Reflex page, does open its websocket.
    with page.expect_websocket() as opened:
        page.goto(f"{app_url}/fr/simulateur")
    assert "/_event" in opened.value.url and seen["websockets"]


def test_a_feedback_that_cannot_leave_says_so_and_can_be_sent_again(page, app_url):
    page.route("**/api/v1/feedback/answers", lambda route: route.abort())
    page.goto(f"{app_url}/en/droits/accompagnement")
    wait_for_app(page)
    box = page.get_by_role("region", name="Is this page clear?")
    box.get_by_role("button", name="No", exact=True).click()
    expect(box.get_by_role("status")).to_contain_text("Your answer was not sent")
    page.unroute("**/api/v1/feedback/answers")
    box.get_by_role("button", name="No", exact=True).click()
    expect(page.get_by_role("heading", name=re.compile("What is not clear"))).to_be_focused()
    expect(box.get_by_role("status")).to_have_text("")
