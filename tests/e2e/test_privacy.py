"""Privacy in a real browser: no request to any other host during a full journey, no answer or comment
in the server log, security headers on real responses, and the kiosk erase working under the CSP.
(Every browser test also fails on a Content-Security-Policy violation: see ``conftest.py``.)"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import wait_for_app
from tests.e2e.test_feedback import marker_text

pytestmark = pytest.mark.e2e

LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def test_a_full_journey_makes_no_request_to_another_host(context, app_url):
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.goto(f"{app_url}/fr/")
    wait_for_app(page)
    page.locator("main a[href='/fr/droits']").first.click()  # « Mes droits et mes devoirs »
    page.wait_for_url("**/fr/droits*")
    wait_for_app(page)
    page.locator("main a[href^='/fr/droits/']").first.click()  # a rights page
    page.wait_for_url("**/fr/droits/*")
    wait_for_app(page)
    page.goto(f"{app_url}/fr/demarches/declaration-trimestrielle")  # a guide
    wait_for_app(page)
    page.get_by_role("checkbox").first.check()
    for feature in ("simulateur", "trouver-une-mds"):  # the simulator and the locator (when merged)
        page.goto(f"{app_url}/fr/{feature}")
        wait_for_app(page)
    page.goto(f"{app_url}/fr/droits/montant-du-rsa")
    wait_for_app(page)
    box = page.get_by_role("region", name="Est-ce que cette page est claire ?")
    box.get_by_role("button", name="Oui", exact=True).click()
    page.get_by_label("Votre commentaire (facultatif)").fill("Parcours complet.")
    box.get_by_role("button", name="Envoyer mon avis").click()
    expect(page.get_by_text("Merci pour votre avis.")).to_be_visible()
    page.wait_for_timeout(1000)  # let the service worker's background fetches start

    hosts = {
        urllib.parse.urlsplit(url).hostname for url in requests if url.startswith(("http:", "https:", "ws"))
    }
    assert requests and hosts <= LOCAL_HOSTS, sorted(
        u for u in requests if urllib.parse.urlsplit(u).hostname not in LOCAL_HOSTS
    )


def test_kiosk_erase_still_works_under_the_policy(page, app_url):
    page.goto(f"{app_url}/fr/droits/accompagnement")
    wait_for_app(page)
    page.evaluate("localStorage.setItem('pti_mode', 'mediateur'); sessionStorage.setItem('pti_probe', '1')")
    page.reload()
    wait_for_app(page)
    box = page.get_by_role("region", name="Est-ce que cette page est claire ?")
    box.get_by_role("button", name="Non", exact=True).click()
    expect(box.get_by_role("button", name="Envoyer mon avis")).to_be_visible()
    page.get_by_role("button", name="Terminer et tout effacer").click()
    page.wait_for_url(f"{app_url}/fr/")
    wait_for_app(page)
    assert page.evaluate("sessionStorage.getItem('pti_probe')") is None
    page.goto(f"{app_url}/fr/droits/accompagnement")
    wait_for_app(page)
    # A fresh visit: the question is asked again.
    expect(
        page.get_by_role("region", name="Est-ce que cette page est claire ?").get_by_role(
            "button", name="Non", exact=True
        )
    ).to_be_visible()


def test_the_server_log_holds_no_answer_comment_or_query(page, app_server):
    app_url, log = app_server
    if log is None:
        pytest.skip("server started elsewhere (PTI_BASE_URL): its log is not ours to read")
    comment_marker = marker_text("commentaire")
    query_marker = marker_text("ville")
    page.goto(f"{app_url}/fr/droits/suspension-du-rsa")
    wait_for_app(page)
    box = page.get_by_role("region", name="Est-ce que cette page est claire ?")
    box.get_by_role("button", name="Non", exact=True).click()
    page.get_by_label("Votre commentaire (facultatif)").fill(f"{comment_marker} 06 12 34 56 78")
    box.get_by_role("button", name="Envoyer mon avis").click()
    expect(page.get_by_text("Merci pour votre avis.")).to_be_visible()
    with pytest.raises(urllib.error.HTTPError):  # an unknown town: 404, and it must not be logged
        urllib.request.urlopen(f"{app_url}/api/v1/places/nearest?q={query_marker}")
    page.goto(f"{app_url}/fr/?answer={query_marker}")
    wait_for_app(page)
    text = log.read_text(errors="replace")
    assert comment_marker not in text
    assert "06 12 34 56 78" not in text
    assert query_marker not in text
    assert "/api/v1/places/nearest?" not in text
    # Nothing of ours failed on the server (the kiosk erase above included).
    unwrapped = text.replace("\n", "")  # the console log wraps long lines
    assert "pti_citizen/ui/state/kiosk.py" not in unwrapped and "pti_citizen/ui/feedback" not in unwrapped


@pytest.mark.parametrize(
    "path",
    ["/fr/", "/ar/droits/montant-du-rsa", "/api/v1/places", "/sw.js", "/app.js", "/equipe", "/nowhere"],
)
def test_security_headers_on_real_responses(app_url, path):
    try:
        response = urllib.request.urlopen(app_url + path)
    except urllib.error.HTTPError as error:
        response = error
    headers = response.headers
    csp = headers["Content-Security-Policy"]
    assert csp and "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "geolocation=(self)" in headers["Permissions-Policy"]
    assert (headers.get("X-Robots-Tag") or "").startswith("noindex") == (path == "/equipe")
