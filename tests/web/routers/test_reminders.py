"""GET /api/v1/reminders/*.ics over HTTP: the file, its headers, and hostile queries."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from fastapi.testclient import TestClient
from icalendar import Calendar

from pti_citizen.directory import Kiosque
from pti_citizen.directory.kiosques import PARIS
from pti_citizen.kiosques import KiosqueCalendar
from pti_citizen.services import Services
from pti_citizen.settings import Settings
from pti_citizen.web.api import create_api

TOMORROW = dt.datetime.now(PARIS).date() + dt.timedelta(days=1)
KIOSQUE = Kiosque(
    place_id="mds31-036",
    day=TOMORROW,
    start=dt.time(9, 30),
    end=dt.time(12, 0),
    summary="Venez rencontrer un conseiller pour choisir votre accompagnement.",
)
KIOSQUE_ID = f"mds31-036.{TOMORROW:%Y%m%d}.0930"


class NoPublished:
    def upcoming(self, now):
        return []


@pytest.fixture(scope="module")
def client():
    services = Services.build(Settings(database_url="sqlite://", public_url="https://rsa.example.fr"))
    services = dataclasses.replace(services, kiosques=KiosqueCalendar(NoPublished(), [KIOSQUE]))
    return TestClient(create_api(services))


def claim_month(months_ago: int) -> str:
    today = dt.datetime.now(PARIS).date()
    index = today.year * 12 + today.month - 1 - months_ago
    return f"{index // 12}-{index % 12 + 1:02d}"


def test_declaration_file_is_a_calendar_download(client):
    response = client.get(
        "/api/v1/reminders/declaration.ics", params={"claim_month": claim_month(1), "lang": "es"}
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="rsa-declarations.ics"'
    assert response.headers["cache-control"] == "no-store"
    found = list(Calendar.from_ical(response.content).walk("VEVENT"))
    assert len(found) == 4
    today = dt.datetime.now(PARIS).date()
    first = found[0].decoded("dtstart")
    # Claimed last month: the first declaration is 2 months from now, on the 1st.
    index = today.year * 12 + today.month - 1 + 2
    assert first == dt.date(index // 12, index % 12 + 1, 1)
    assert found[0]["summary"].params["LANGUAGE"] == "es"
    assert "https://rsa.example.fr/es/demarches/declaration-trimestrielle" in str(found[0]["description"])


def test_count_chooses_how_many(client):
    response = client.get(
        "/api/v1/reminders/declaration.ics", params={"claim_month": claim_month(0), "count": "8"}
    )
    assert len(list(Calendar.from_ical(response.content).walk("VEVENT"))) == 8


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"claim_month": "2026-13"},
        {"claim_month": "2001-01"},
        {"claim_month": "2026-12", "count": "100"},
        {"claim_month": "2026-12%0D%0AX-INJECT:1"},
        {"claim_month": "x" * 5000},
        {"claim_month": ["2026-12", "2026-11"] * 200},
    ],
)
def test_bad_declaration_queries_get_a_422_in_the_language(client, params):
    fr = client.get("/api/v1/reminders/declaration.ics", params={**params, "lang": "fr"})
    ar = client.get("/api/v1/reminders/declaration.ics", params={**params, "lang": "ar"})
    assert fr.status_code == ar.status_code == 422
    assert fr.headers["content-type"].startswith("application/json")
    assert fr.json()["errors"][0]["message"] != ar.json()["errors"][0]["message"]


def test_kiosque_file_holds_the_announced_kiosque(client):
    response = client.get("/api/v1/reminders/kiosque.ics", params={"id": KIOSQUE_ID, "lang": "fr"})
    assert response.status_code == 200
    assert response.headers["content-disposition"] == 'attachment; filename="kiosque-insertion.ics"'
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    start = dt.datetime.combine(TOMORROW, dt.time(9, 30), tzinfo=PARIS)
    assert event.decoded("dtstart") == start
    assert "Minimes" in str(event["location"])
    assert "05 62 72 77 80" in str(event["description"])


@pytest.mark.parametrize(
    ("given", "status"),
    [
        (f"mds31-036.{TOMORROW:%Y%m%d}.1000", 404),
        ("mds31-036.20200101.0930", 404),
        ("<script>", 422),
        ("", 422),
        ("a" * 500, 422),
    ],
)
def test_unknown_or_hostile_kiosque_ids(client, given, status):
    response = client.get("/api/v1/reminders/kiosque.ics", params={"id": given, "lang": "en"})
    assert response.status_code == status
    assert response.json()["errors"][0]["field"] == "id"


def test_without_a_public_url_the_links_open_where_the_browser_is():
    """No PTI_PUBLIC_URL (a first install): the file's links take the browser's address, not localhost."""
    services = Services.build(Settings(database_url="sqlite://"))
    services = dataclasses.replace(services, kiosques=KiosqueCalendar(NoPublished(), [KIOSQUE]))
    api = TestClient(create_api(services))
    declarations = api.get(
        "/api/v1/reminders/declaration.ics",
        params={"claim_month": claim_month(1), "lang": "fr"},
        headers={"Host": "rsa.test:8080"},
    )
    kiosque = api.get(
        "/api/v1/reminders/kiosque.ics",
        params={"id": KIOSQUE_ID, "lang": "fr"},
        headers={"Host": "rsa.test:8080"},
    )
    for response in (declarations, kiosque):
        assert response.status_code == 200
        event = next(iter(Calendar.from_ical(response.content).walk("VEVENT")))
        assert "http://rsa.test:8080/fr/" in str(event["description"])
        assert "localhost" not in response.text
