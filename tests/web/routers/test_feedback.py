"""GET /api/v1/feedback/export.csv: the bearer secret, the lockout, the filters, the CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from fastapi.testclient import TestClient

from pti_citizen.db import feedback_store
from pti_citizen.feedback.secret import ENV_VAR
from pti_citizen.feedback.submission import check_answer, check_details
from pti_citizen.services import Services
from pti_citizen.settings import Settings
from pti_citizen.web.api import create_api

URL = "/api/v1/feedback/export.csv"
SECRET = "a-long-enough-team-secret"


def api_client(db_url, secret=SECRET):
    return TestClient(create_api(Services.build(Settings(database_url=db_url, review_secret=secret))))


@pytest.fixture
def client(db_url):
    return api_client(db_url)


def bearer(value=SECRET):
    return {"Authorization": f"Bearer {value}"}


def add(db_url, day, mds, comment):
    checked, _ = check_answer("droits/montant-du-rsa", "fr", "non", "mediateur", {"droits/montant-du-rsa"})
    row_id = feedback_store.add_answer(checked, day, db_url)
    details, _ = check_details(comment, ["exemple"], mds, "fr")
    feedback_store.add_details(row_id, details, db_url)


def test_off_without_a_secret(db_url):
    client = api_client(db_url, secret=None)
    response = client.get(URL, headers=bearer())
    assert response.status_code == 404 and ENV_VAR in response.json()["errors"][0]["message"]


@pytest.mark.parametrize(
    "headers", [{}, bearer("wrong-secret"), {"Authorization": SECRET}, {"Authorization": "Basic x"}]
)
def test_refused_without_the_right_bearer(client, headers):
    response = client.get(URL, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert "commentaire" not in response.text


def test_guessing_locks_the_door(client):
    codes = [client.get(URL, headers=bearer(f"guess-{i}")).status_code for i in range(6)]
    assert codes == [401] * 5 + [429]
    locked = client.get(URL, headers=bearer())
    assert locked.status_code == 429 and int(locked.headers["retry-after"]) > 0


def test_csv_per_territory_and_date_range(client, db_url):
    add(db_url, dt.date(2026, 2, 10), "mds31-056", "Muret, au premier trimestre")  # Sud Toulousain
    add(db_url, dt.date(2026, 4, 10), "mds31-056", "Muret, au deuxième trimestre")
    add(db_url, dt.date(2026, 2, 11), "mds31-037", "Cierp-Gaud")  # Comminges-Pyrénées
    response = client.get(
        URL,
        params={"territory": "sud-toulousain", "from": "2026-01-01", "to": "2026-03-31"},
        headers=bearer(),
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["x-robots-tag"].startswith("noindex")
    assert (
        'filename="avis-sud-toulousain-2026-01-01-2026-03-31.csv"' in response.headers["content-disposition"]
    )
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert [(r["date"], r["territoire"], r["commentaire"], r["usage"]) for r in rows] == [
        ("2026-02-10", "Sud Toulousain", "Muret, au premier trimestre", "mediateur")
    ]
    everything = client.get(URL, headers=bearer())
    assert everything.content.decode("utf-8-sig").count("\r\n") == 4  # header + 3 answers


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"territory": "Paris"}, "territory"),
        ({"from": "2026-13-01"}, "from"),
        ({"from": "2026-02-01", "to": "2026-01-01"}, "to"),
    ],
)
def test_bad_filters_are_explained(client, params, field):
    response = client.get(URL, params=params, headers=bearer())
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == field


def test_oversized_parameters_are_refused(client):
    response = client.get(URL, params={"territory": "x" * 500}, headers=bearer())
    assert response.status_code == 422
