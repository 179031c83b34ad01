"""Reminders without an account, in the browser: the calendar files a person downloads open in a
calendar (parsed here with icalendar) with the right dates — the quarterly declarations after the
claim month chosen on « Me rappeler mes déclarations », and a Kiosque Insertion from the locator."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from pti_citizen.i18n import format_date, format_month, format_month_year
from tests.e2e.conftest import wait_for_app
from tests.e2e.test_feedback import MURET_MDS, sign_in

pytestmark = pytest.mark.e2e


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def downloaded_events(page, link) -> list:
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename.endswith(".ics")
    return list(Calendar.from_ical(Path(download.path()).read_bytes()).walk("VEVENT"))


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_declaration_file_holds_the_next_quarterly_declarations(page, app_url, lang):
    today = dt.date.today()
    claim = add_months(today.replace(day=1), -5)  # claimed 5 months ago
    # Every 3 months after the claim; the coming ones only (this month included), four of them.
    expected = [
        add_months(claim, 3 * n) for n in range(1, 12) if add_months(claim, 3 * n) >= today.replace(day=1)
    ]
    labels = {
        "fr": (
            "Mois",
            "Année",
            "Voir mes dates",
            "Vos prochaines déclarations",
            "Ajouter ces dates à mon agenda",
        ),
        "ar": ("الشهر", "السنة", "اعرض تواريخي", "تصريحاتك القادمة", "أضف هذه التواريخ إلى تقويمي"),
    }[lang]
    page.goto(f"{app_url}/{lang}/rappels")
    wait_for_app(page)
    page.get_by_label(labels[0], exact=True).select_option(label=format_month(claim.month, lang))
    page.get_by_label(labels[1], exact=True).select_option(str(claim.year))
    page.get_by_role("button", name=labels[2]).click()
    expect(page.get_by_role("heading", name=labels[3])).to_be_visible()
    events = downloaded_events(page, page.get_by_role("link", name=labels[4]))
    assert [event.decoded("dtstart") for event in events] == expected[:4]
    for event in events:
        start = event.decoded("dtstart")
        assert type(start) is dt.date and event.decoded("dtend") == start + dt.timedelta(days=1)
        assert event["summary"].params["LANGUAGE"] == lang
        assert event.walk("VALARM"), "each declaration comes with its alarm"
    # The months declared are the 4th to the 2nd before the declaration's month (décret n° 2025-185).
    first = expected[0]
    assert format_month_year(add_months(first, -4), lang) in str(events[0]["description"])


def test_a_claim_month_too_far_ahead_is_said_next_to_the_field(page, app_url):
    page.goto(f"{app_url}/fr/rappels?mois=12&annee={dt.date.today().year + 1}")
    wait_for_app(page)
    field = page.get_by_label("Mois", exact=True)
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#reminder-error")).to_contain_text("Ce mois est trop loin")
    expect(page.get_by_role("link", name="Ajouter ces dates à mon agenda")).to_have_count(0)


def test_a_kiosque_of_the_locator_goes_to_the_calendar_with_its_time(page, app_url):
    day = dt.date.today() + dt.timedelta(days=11)
    sign_in(page, app_url)
    page.get_by_label("Maison des Solidarités", exact=True).select_option(label=MURET_MDS)
    page.get_by_label("Date").fill(day.isoformat())
    page.get_by_label("Début").fill("14:00")
    page.get_by_label("Fin").fill("16:30")
    page.get_by_label("Une phrase simple pour les personnes").fill("Venez choisir votre accompagnement.")
    page.get_by_role("button", name="Publier le kiosque").click()
    expect(page.locator("#kiosque-notice")).to_contain_text("Kiosque publié")
    try:
        visitor = page.context.new_page()
        visitor.goto(f"{app_url}/fr/trouver-une-mds?q=Muret&kind=kiosque")
        link = visitor.get_by_role("link", name=f"Ajouter à mon agenda ({format_date(day, 'fr')})")
        expect(link).to_be_visible(timeout=15_000)
        (event,) = downloaded_events(visitor, link)
        # The file writes UTC: compared in Europe/Paris, the kiosque's own time.
        start = event.decoded("dtstart").astimezone(ZoneInfo("Europe/Paris"))
        end = event.decoded("dtend").astimezone(ZoneInfo("Europe/Paris"))
        assert (start.date(), start.time(), end.time()) == (day, dt.time(14), dt.time(16, 30))
        assert MURET_MDS in str(event["location"])
        visitor.close()
    finally:
        mine = f"le kiosque du {re.escape(format_date(day, 'fr'))}, .* à {re.escape(MURET_MDS)}$"
        page.get_by_role("button", name=re.compile("^Annuler " + mine)).click()
        expect(page.locator("#kiosque-notice")).to_contain_text("Kiosque annulé")
