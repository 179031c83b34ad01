"""The co-design loop in a real browser: « Est-ce que cette page est claire ? » → database → CSV and
review space; the team's Kiosques Insertion → the places API. Uses the test server's secret."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import re
import string
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from pti_citizen.i18n import format_date
from tests.e2e.a11y import HORIZONTAL_OVERFLOW_JS, SMALL_TARGETS_JS, axe_violations
from tests.e2e.conftest import REVIEW_SECRET, wait_for_app

pytestmark = pytest.mark.e2e


def marker_text(prefix: str) -> str:
    """Letters only: digits in a marker could be masked as a number, as any comment's would be."""
    return prefix + "-" + "".join(random.choices(string.ascii_lowercase, k=12))


QUESTION = "Est-ce que cette page est claire ?"
WARNING = "N'écrivez pas votre nom, votre numéro CAF ni votre adresse."
MURET_MDS = "Maison des Solidarités de Muret"  # mds31-056, direction territoriale Sud Toulousain


def export_rows(app_url: str, **params: str) -> list[dict[str, str]]:
    query = urllib.parse.urlencode(params)
    request = urllib.request.Request(
        f"{app_url}/api/v1/feedback/export.csv?{query}", headers={"Authorization": f"Bearer {REVIEW_SECRET}"}
    )
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Type"].startswith("text/csv")
        text = response.read().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


QUESTIONS = {
    "fr": QUESTION,
    "en": "Is this page clear?",
    "es": "¿Esta página está clara?",
    "ar": "هل هذه الصفحة واضحة؟",
}


def widget(page, lang: str = "fr"):
    return page.get_by_role("region", name=QUESTIONS[lang])


def open_page(page, url: str, mode: str | None = None) -> None:
    page.goto(url)
    wait_for_app(page)
    if mode:
        page.evaluate("(m) => localStorage.setItem('pti_mode', m)", mode)
        page.reload()
        wait_for_app(page)


def sign_in(page, app_url: str) -> None:
    page.goto(f"{app_url}/equipe")
    wait_for_app(page)
    page.get_by_label("Code de l'équipe").fill(REVIEW_SECRET)
    page.get_by_role("button", name="Entrer").click()
    expect(page.get_by_role("button", name="Se déconnecter")).to_be_visible()


def test_feedback_goes_from_the_browser_to_the_database_and_the_csv(page, app_url):
    marker = marker_text("e2e")
    open_page(page, f"{app_url}/fr/droits/montant-du-rsa", mode="aidant")
    box = widget(page)
    expect(box.get_by_role("heading", name=QUESTION)).to_be_visible()
    box.get_by_role("button", name="Non", exact=True).click()
    expect(page.get_by_role("heading", name=re.compile("Qu'est-ce qui n'est pas clair"))).to_be_focused()
    expect(box.get_by_text(WARNING)).to_be_visible()
    page.get_by_label("Votre commentaire (facultatif)").fill(
        f"{marker} Le calcul n'est pas clair. Écrivez-moi : jean.dupont@example.org ou 06 12 34 56 78."
    )
    page.get_by_label("Un exemple").check()
    page.get_by_label("Votre Maison des Solidarités, ou MDS (facultatif)").select_option(label=MURET_MDS)
    box.get_by_role("button", name="Envoyer mon avis").click()
    expect(page.get_by_text("Merci pour votre avis.")).to_be_focused()

    rows = [r for r in export_rows(app_url, territory="sud-toulousain") if marker in r["commentaire"]]
    assert len(rows) == 1, rows
    row = rows[0]
    assert abs(dt.date.fromisoformat(row["date"]) - dt.date.today()) <= dt.timedelta(days=1)  # the Paris day
    assert (row["page"], row["langue"], row["usage"], row["reponse"]) == (
        "droits/montant-du-rsa",
        "fr",
        "aidant",
        "non",
    )
    assert (row["ce_qui_manque"], row["territoire"]) == ("exemple", "Sud Toulousain")
    assert "jean.dupont" not in row["commentaire"] and "06 12 34" not in row["commentaire"]
    assert "[courriel masqué]" in row["commentaire"] and "[téléphone masqué]" in row["commentaire"]
    # Another territory's export does not carry it.
    assert not [r for r in export_rows(app_url, territory="Lauragais") if marker in r["commentaire"]]


def test_a_second_answer_on_the_same_page_is_not_counted(page, app_url):
    def count(slug: str) -> int:
        return sum(1 for r in export_rows(app_url) if (r["page"], r["langue"]) == (slug, "es"))

    before = count("contact")
    open_page(page, f"{app_url}/es/contact")
    widget(page, "es").get_by_role("button", name="Sí", exact=True).click()
    expect(page.get_by_role("button", name="Enviar mi opinión")).to_be_visible()
    page.reload()  # the visit remembers the answer
    wait_for_app(page)
    expect(page.get_by_role("button", name="Enviar mi opinión")).to_be_visible()
    open_page(page, f"{app_url}/es/accessibilite")
    widget(page, "es").get_by_role("button", name="No", exact=True).click()
    expect(page.get_by_role("button", name="Enviar mi opinión")).to_be_visible()
    open_page(page, f"{app_url}/es/contact")  # the question shows again, but the visit already answered
    widget(page, "es").get_by_role("button", name="Sí", exact=True).click()
    expect(page.get_by_role("button", name="Enviar mi opinión")).to_be_visible()
    assert count("contact") == before + 1


def test_an_oversized_comment_gets_a_message_next_to_the_field(page, app_url):
    open_page(page, f"{app_url}/en/demarches/declaration-trimestrielle")
    widget(page, "en").get_by_role("button", name="No", exact=True).click()
    comment = page.get_by_label("Your comment (optional)")
    # The browser stops at 500 characters; a script would not: the server checks again.
    comment.evaluate("(el) => el.removeAttribute('maxlength')")
    comment.fill("a" * 501)
    page.get_by_role("button", name="Send my answer").click()
    error = page.locator("#feedback-comment-error")
    expect(error).to_contain_text("501")
    expect(error).to_contain_text("500")
    expect(comment).to_have_attribute("aria-invalid", "true")
    expect(comment).to_be_focused()
    assert "feedback-comment-error" in comment.get_attribute("aria-describedby")


def test_every_step_of_the_widget_passes_axe_in_arabic(page, app_url):
    page.set_viewport_size({"width": 320, "height": 720})
    open_page(page, f"{app_url}/ar/droits/rsa-c-est-quoi")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    box = widget(page, "ar")
    box.get_by_role("button", name="لا", exact=True).click()
    expect(box.get_by_role("button", name="أرسل رأيي")).to_be_visible()
    problems = axe_violations(page) + page.evaluate(SMALL_TARGETS_JS)
    overflow = page.evaluate(HORIZONTAL_OVERFLOW_JS)
    assert overflow["scroll"] <= overflow["width"], overflow
    box.get_by_role("button", name="أرسل رأيي").click()
    expect(box.get_by_text("شكرًا على رأيك")).to_be_visible()
    problems += axe_violations(page)
    assert problems == []


def test_review_space_signs_in_shows_comments_and_exports(page, app_url):
    marker = marker_text("e2e")
    open_page(page, f"{app_url}/fr/demarches/aider-quelqu-un", mode="mediateur")
    widget(page).get_by_role("button", name="Oui", exact=True).click()
    page.get_by_label("Votre commentaire (facultatif)").fill(f"{marker} très utile")
    page.get_by_role("button", name="Envoyer mon avis").click()
    expect(page.get_by_text("Merci pour votre avis.")).to_be_visible()

    page.set_viewport_size({"width": 320, "height": 720})
    page.goto(f"{app_url}/equipe")
    wait_for_app(page)
    assert page.locator('meta[name="robots"]').get_attribute("content").startswith("noindex")
    assert axe_violations(page) == []
    page.get_by_label("Code de l'équipe").fill("not-the-secret")
    page.get_by_role("button", name="Entrer").click()
    expect(page.locator("#equipe-login-error")).to_contain_text("Ce code n'est pas le bon")
    page.get_by_label("Code de l'équipe").fill(REVIEW_SECRET)
    page.get_by_role("button", name="Entrer").click()
    expect(page.get_by_role("heading", name="Derniers commentaires")).to_be_visible()
    expect(page.get_by_text(marker)).to_be_visible()
    expect(page.get_by_role("cell", name="demarches/aider-quelqu-un")).to_be_visible()
    expect(page.get_by_role("heading", name="À revérifier")).to_be_visible()
    problems = axe_violations(page) + page.evaluate(SMALL_TARGETS_JS)
    overflow = page.evaluate(HORIZONTAL_OVERFLOW_JS)
    assert overflow["scroll"] <= overflow["width"], overflow
    assert problems == []

    with page.expect_download() as download:
        page.get_by_role("button", name="Télécharger le fichier CSV").click()
    assert download.value.suggested_filename == "avis-tous-territoires-debut-aujourd-hui.csv"
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    rows = [r for r in csv.DictReader(io.StringIO(text), delimiter=";") if marker in r["commentaire"]]
    assert [(r["usage"], r["reponse"], r["territoire"]) for r in rows] == [("mediateur", "oui", "")]


def _places(app_url: str, **params: str) -> dict:
    with urllib.request.urlopen(
        f"{app_url}/api/v1/places/nearest?{urllib.parse.urlencode(params)}"
    ) as response:
        return json.load(response)


def test_a_published_kiosque_is_found_through_the_places_api(page, app_url):
    day = dt.date.today() + dt.timedelta(days=9)
    sign_in(page, app_url)
    page.get_by_label("Maison des Solidarités", exact=True).select_option(label=MURET_MDS)
    page.get_by_label("Date").fill(day.isoformat())
    page.get_by_label("Début").fill("09:30")
    page.get_by_label("Fin").fill("12:00")
    page.get_by_label("Une phrase simple pour les personnes").fill(
        "Venez rencontrer un conseiller pour choisir votre accompagnement."
    )
    page.get_by_label("arabe").check()
    page.get_by_role("button", name="Publier le kiosque").click()
    expect(page.locator("#kiosque-notice")).to_contain_text("Kiosque publié")

    body = _places(app_url, q="Muret", kind="kiosque", limit="1")
    (item,) = body["items"]
    assert item["id"] == "mds31-056"
    assert [(k["date"], k["start"], k["end"], k["languages"]) for k in item["kiosques"]] == [
        (day.isoformat(), "09:30", "12:00", ["fr", "ar"])
    ]
    # The locator shows it on the MDS's card, in the person's language too.
    visitor = page.context.new_page()
    visitor.goto(f"{app_url}/fr/trouver-une-mds?q=Muret&kind=kiosque")
    card = visitor.locator("li", has=visitor.get_by_role("heading", name=re.compile("Muret"))).first
    expect(card.get_by_text("Venez rencontrer un conseiller", exact=False)).to_be_visible(timeout=15_000)
    expect(card.get_by_text(format_date(day, "fr"), exact=False)).to_be_visible()
    visitor.close()
    # Edit, then cancel: the API follows at once.
    mine = f"le kiosque du {re.escape(format_date(day, 'fr'))}, .* à {re.escape(MURET_MDS)}$"
    page.get_by_role("button", name=re.compile("^Modifier " + mine)).click()
    expect(page.get_by_role("heading", name="Modifier le kiosque")).to_be_focused()
    page.get_by_label("Fin").fill("12:30")
    page.get_by_role("button", name="Enregistrer les changements").click()
    expect(page.locator("#kiosque-notice")).to_contain_text("Kiosque modifié")
    assert _places(app_url, q="Muret", kind="kiosque", limit="1")["items"][0]["kiosques"][0]["end"] == "12:30"
    page.get_by_role("button", name=re.compile("^Annuler " + mine)).click()
    expect(page.locator("#kiosque-notice")).to_contain_text("Kiosque annulé")
    assert _places(app_url, q="Muret", kind="kiosque", limit="1")["items"] == []


def test_a_kiosque_in_the_past_is_refused_with_a_message(page, app_url):
    sign_in(page, app_url)
    page.get_by_label("Maison des Solidarités", exact=True).select_option(label=MURET_MDS)
    page.get_by_label("Date").fill((dt.date.today() - dt.timedelta(days=2)).isoformat())
    page.get_by_label("Début").fill("09:30")
    page.get_by_label("Fin").fill("09:00")
    page.get_by_label("Une phrase simple pour les personnes").fill("Venez.")
    page.get_by_role("button", name="Publier le kiosque").click()
    expect(page.locator("#kiosque-date-error")).to_contain_text("passée")
    expect(page.locator("#kiosque-end-error")).to_contain_text("après l'heure de début")
    expect(page.get_by_label("Date")).to_have_attribute("aria-invalid", "true")


def test_the_export_refuses_a_wrong_secret(app_url):
    request = urllib.request.Request(
        f"{app_url}/api/v1/feedback/export.csv", headers={"Authorization": "Bearer wrong-secret-for-e2e"}
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request)
    assert refused.value.code == 401
    assert refused.value.headers["X-Robots-Tag"].startswith("noindex")
