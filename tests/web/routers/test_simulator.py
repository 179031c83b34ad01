"""GET /api/v1/rsa/qr.svg: the QR code of a result link — every benefit's amount, never an answer —
for version 2 links and the old ones; a broken link gets a message, never a QR code."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient

from pti_citizen.handover import qr_code_svg
from pti_citizen.services import Services
from pti_citizen.settings import Settings
from pti_citizen.web.api import create_api

ORIGIN = "https://rsa.example.org"
MONTH = f"{dt.date.today():%Y-%m}"
V2 = f"v=2&mois={MONTH}&rsa=11.31&prime_activite=359.10&allocations_familiales=153.01&asf=403.57&n=apply_caf,aripa"


@pytest.fixture
def client(db_url):
    settings = Settings(database_url=db_url, public_url=ORIGIN)
    return TestClient(create_api(Services.build(settings)))


def test_a_version_2_link_is_drawn_as_it_is(client):
    response = client.get(f"/api/v1/rsa/qr.svg?lang=ar&{V2}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert response.content == qr_code_svg(f"{ORIGIN}/ar/simulateur/resultat?{V2}")


def test_an_old_link_is_drawn_as_a_version_2_link(client):
    response = client.get(f"/api/v1/rsa/qr.svg?lang=fr&m=573.49&e=1&n=caf,c2s&mois={MONTH}")
    assert response.status_code == 200
    expected = f"{ORIGIN}/fr/simulateur/resultat?v=2&mois={MONTH}&rsa=573.49&n=apply_caf,c2s"
    assert response.content == qr_code_svg(expected)


@pytest.mark.parametrize(
    "query",
    [
        f"v=2&mois={MONTH}&rsa=abc&n=",
        f"v=2&mois={MONTH}&n=apply_caf",
        f"m=573.49&e=0&n=caf&mois={MONTH}",
        f"v=2&mois={MONTH}&rsa=1.00&n=" + "x" * 500,
    ],
)
def test_a_broken_link_gets_a_message(client, query):
    response = client.get(f"/api/v1/rsa/qr.svg?lang=fr&{query}")
    assert response.status_code == 422
    assert "image" not in response.headers["content-type"]
