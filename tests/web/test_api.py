"""The JSON API over HTTP (FastAPI test client): contract shapes, status codes, languages."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from pti_citizen.handover import qr_code_svg, short_code
from pti_citizen.handover.result_link import SharedResult
from pti_citizen.web.api import create_api

EXAMPLES = json.loads((Path(__file__).parents[1] / "simulator" / "data" / "rsa-examples.json").read_text())


@pytest.fixture(scope="module")
def client():
    return TestClient(create_api())


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e["name"][:40])
def test_estimate_matches_the_contract_examples(client, example):
    response = client.post("/api/v1/rsa/estimate", json=example["input"])
    assert response.status_code == 200
    body = response.json()
    assert body["eligible"] == example["expected"]["eligible"]
    assert body["monthly_amount"] == pytest.approx(example["expected"]["monthly_amount"], abs=0.02)
    assert body["currency"] == "EUR"


def test_estimate_errors_are_field_level_and_translated(client):
    bad = {"applicant": {"age": -3, "nationality": "fr"}, "housing": {"status": "tenant"}, "surprise": 1}
    fr = client.post("/api/v1/rsa/estimate", json=bad)
    en = client.post("/api/v1/rsa/estimate", json=bad, headers={"Accept-Language": "en-GB"})
    assert fr.status_code == en.status_code == 422
    fields = {e["field"] for e in fr.json()["errors"]}
    assert {"applicant.age", "surprise"} <= fields
    assert fr.json()["errors"][0]["message"] != en.json()["errors"][0]["message"]


@pytest.mark.parametrize("body", [b"{", b"[1, 2", b"\xff\xfe", b"null", b'"text"', b"[]"])
def test_estimate_never_crashes_on_garbage(client, body):
    response = client.post("/api/v1/rsa/estimate", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 422
    assert response.json()["errors"]


def test_nearest_by_postcode_and_unknown_town(client):
    response = client.get("/api/v1/places/nearest", params={"q": "31800", "limit": 3})
    assert response.status_code == 200
    body = response.json()
    assert body["resolved"]["name"] == "Saint-Gaudens"
    assert len(body["items"]) == 3
    assert body["items"][0]["phone"].startswith("05")
    unknown = client.get("/api/v1/places/nearest", params={"q": "Tolouse"})
    assert unknown.status_code in (404, 422)
    assert "Toulouse" in unknown.json()["suggestions"]


def test_nearest_by_coordinates_and_bad_limit(client):
    ok = client.get("/api/v1/places/nearest", params={"lat": "43.6045", "lon": "1.4440", "limit": "2"})
    assert ok.status_code == 200 and len(ok.json()["items"]) == 2
    assert client.get("/api/v1/places/nearest", params={"q": "31000", "limit": "abc"}).status_code == 422


def test_open_data_export_lists_every_place(client):
    response = client.get("/api/v1/places")
    assert response.status_code == 200
    structures = response.json()
    assert len(structures) == 80
    assert all(s["id"] and s["nom"] for s in structures)


def test_openapi_documents_the_estimate(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/rsa/estimate"]["post"]
    ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    model = schema["components"]["schemas"][ref.rsplit("/", 1)[1]]
    assert {"applicant", "partner", "children", "housing", "month"} <= set(model["properties"])
    # Every reference inside the model resolves within the document.
    for target in re.findall(r'"\$ref": "#/components/schemas/([^"]+)"', json.dumps(model)):
        assert target in schema["components"]["schemas"]
    assert {"200", "422"} <= set(operation["responses"])


def test_hostile_json_gets_a_field_message_and_no_traceback(client, caplog):
    """Issue #13 item 2: 3 000 nested brackets and a 5 000-digit integer were 500s with a 6 KB
    traceback in the log."""
    nested = client.post("/api/v1/rsa/estimate", content="[" * 3000 + "]" * 3000)
    assert nested.status_code == 422
    assert [e["field"] for e in nested.json()["errors"]] == ["body"]
    digits = "9" * 5000
    household = '{"applicant": {"age": ' + digits + ', "nationality": "fr"}, "housing": {"status": "tenant"}}'
    huge = client.post("/api/v1/rsa/estimate", content=household)
    assert huge.status_code == 422
    assert "applicant.age" in {e["field"] for e in huge.json()["errors"]}
    assert digits not in huge.text
    assert "Traceback" not in caplog.text and not [r for r in caplog.records if r.exc_info]


def test_a_body_over_the_limit_is_refused_in_our_shape(client):
    response = client.post("/api/v1/rsa/estimate", content=b"[" + b" " * 70_000 + b"]")
    assert response.status_code == 413
    assert response.json()["errors"][0]["field"] == "body"


def test_the_typed_short_address_opens_the_result_it_holds(client):
    result = SharedResult(
        month=dt.date(2026, 12, 1),
        amounts=(("rsa", Decimal("573.49")), ("prime_activite", Decimal("0.00"))),
        next_steps=("apply_caf", "c2s"),
    )
    code = short_code.encode(result)
    response = client.get(f"/r/{code.lower()}", headers={"Accept-Language": "es"}, follow_redirects=False)
    assert response.status_code == 302
    assert response.headers["location"] == (
        "/es/simulateur/resultat?v=2&mois=2026-12&rsa=573.49&prime_activite=0.00&n=apply_caf,c2s"
    )
    wrong = client.get("/r/AAA-AAA-AAA", follow_redirects=False)
    assert wrong.status_code == 302 and wrong.headers["location"].endswith("?code=inconnu")


def test_the_qr_code_uses_the_browser_origin_and_is_private_then(client):
    query = "/api/v1/rsa/qr.svg?m=573.49&e=1&n=caf&mois=2026-11"
    response = client.get(query, headers={"Host": "rsa.test:8080"})
    assert response.status_code == 200
    # A version 1 link's QR code opens its version 2 form.
    expected = "http://rsa.test:8080/fr/simulateur/resultat?v=2&mois=2026-11&rsa=573.49&n=apply_caf"
    assert response.content == qr_code_svg(expected)
    # Made from the client's own Host: no shared cache may keep it for anyone else.
    assert response.headers["cache-control"] == "private, max-age=86400"


def test_with_a_public_url_the_qr_code_ignores_the_host_and_may_be_cached(monkeypatch):
    from pti_citizen.services import Services
    from pti_citizen.settings import Settings

    api = TestClient(create_api(Services.build(Settings(public_url="https://rsa.example.fr"))))
    query = "/api/v1/rsa/qr.svg?m=573.49&e=1&n=caf&mois=2026-11"
    response = api.get(query, headers={"Host": "evil.example"})
    expected = "https://rsa.example.fr/fr/simulateur/resultat?v=2&mois=2026-11&rsa=573.49&n=apply_caf"
    assert response.content == qr_code_svg(expected)
    assert response.headers["cache-control"] == "public, max-age=86400"


RIGHTS = json.loads((Path(__file__).parents[1] / "simulator" / "data" / "rights-examples.json").read_text())


@pytest.mark.parametrize("path", ["/api/v1/rsa/estimate", "/api/v1/rights/estimate"])
def test_version_2_examples_through_both_endpoints(client, path):
    from tests.simulator.test_contract_examples import PPA_WITHOUT_HOUSING

    for example in RIGHTS:
        response = client.post(path, json=example["input"])
        assert response.status_code == 200, example["name"]
        benefits = response.json()["benefits"]
        for name, expected in example["expected"].items():
            if name == "prime_activite" and example["name"] in PPA_WITHOUT_HOUSING:
                continue  # the law's figure (art. R844-3 CSS): see tests/simulator/test_contract_examples.py
            assert benefits[name]["monthly_amount"] == pytest.approx(expected["monthly_amount"], abs=0.02)
            assert benefits[name]["eligible"] is expected["eligible"]


def test_the_rights_alias_answers_like_the_rsa_endpoint(client):
    payload = RIGHTS[3]["input"]
    assert (
        client.post("/api/v1/rights/estimate", json=payload).json()
        == client.post("/api/v1/rsa/estimate", json=payload).json()
    )
    bad = {**payload, "child_support_received": -1}
    response = client.post("/api/v1/rights/estimate", json=bad, headers={"Accept-Language": "es"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "child_support_received"


def test_openapi_documents_version_2(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/rights/estimate" in schema["paths"]
    components = schema["components"]["schemas"]
    assert {"family_benefits", "child_support_received"} <= set(components["EstimateInput"]["properties"])
    assert "earned_income_stopped" in components["Person"]["properties"]
    output = components["EstimateOutput"]["properties"]
    assert {"benefits", "total_monthly_amount", "family_benefits_estimated", "assumptions"} <= set(output)
