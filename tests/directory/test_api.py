"""The JSON answers of ``GET /api/v1/places/nearest`` and ``GET /api/v1/places`` (contract: places.md)."""

from __future__ import annotations

import datetime as dt
import json
import math

import pytest
from data_inclusion.schema.v1 import Structure

from pti_citizen.directory import Kiosque, export_structures, nearest_payload
from pti_citizen.languages import LANGUAGES

from .conftest import paris

NOW = paris(2026, 12, 1, 10, 0)  # a Tuesday morning


def _cosine_law_km(lat1, lon1, lat2, lon2):
    """Great-circle distance by the spherical law of cosines: an independent check of haversine."""
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    return 6371.0088 * math.acos(
        min(1.0, math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl))
    )


def _ok(*args, **kwargs):
    kwargs.setdefault("now", NOW)
    status, body = nearest_payload(*args, **kwargs)
    assert status == 200, body
    json.dumps(body)  # JSON-ready, no dataclass or datetime left
    return body


def test_contract_fields_for_saint_gaudens():
    body = _ok("Saint-Gaudens")
    first = body["items"][0]
    for key in (
        "id",
        "name",
        "kind",
        "address",
        "phone",
        "distance_km",
        "opening_hours",
        "open_now",
        "lat",
        "lon",
    ):
        assert key in first
    assert first["id"] == "mds31-059" and first["kind"] == "mds"
    assert first["name"] == "Maison des Solidarités de Saint-Gaudens"
    assert first["address"] == "4 avenue Maréchal Foch, 31800 Saint-Gaudens"
    assert first["phone"] == "05 62 00 98 10" and first["phone_href"] == "tel:+33562009810"
    assert first["open_now"] is True
    assert first["directions"]["geo"].startswith("geo:43.10617,0.71889?q=")
    assert first["directions"]["openstreetmap"].startswith("https://www.openstreetmap.org/directions?route=")
    assert first["direction_territoriale"] == "Comminges-Pyrénées" and first["parent_mds"] is None
    assert body["notice"] == "Votre MDS dépend de votre adresse : appelez pour vérifier."
    assert body["resolved"]["type"] == "town" and body["resolved"]["insee"] == "31483"


def test_items_are_nearest_first_with_distances_to_a_tenth(directory):
    body = _ok("Toulouse", limit=80)
    items = body["items"]
    assert len(items) == 80
    centre = directory.towns.by_insee["31555"]
    distances = [item["distance_km"] for item in items]
    assert distances == sorted(distances)
    for item in items:
        place = directory.by_id[item["id"]]
        expected = _cosine_law_km(centre.lat, centre.lon, place.lat, place.lon)
        assert abs(item["distance_km"] - expected) <= 0.051
        assert item["distance_km"] == round(item["distance_km"], 1)


def test_toulouse_is_sorted_within_the_city_from_the_address_point():
    body = _ok("43.5669,1.3967")  # at the Basso Cambo MDS
    assert body["items"][0]["id"] == "mds31-057" and body["items"][0]["distance_km"] == 0.0
    assert [i["distance_km"] for i in body["items"]] == sorted(i["distance_km"] for i in body["items"])


def test_toulouse_query_hints_at_giving_an_address():
    body = _ok("31400")
    assert body["resolved"]["name"] == "Toulouse"
    assert "adresse" in body["resolved"]["hint"]


def test_postcode_shared_by_several_towns_says_so():
    body = _ok("31250")
    resolved = body["resolved"]
    assert resolved["type"] == "postcode" and resolved["name"] == "Revel"
    assert resolved["towns"][0]["name"] == "Revel" and len(resolved["towns"]) > 1
    assert "Revel" in resolved["explanation"] and "plus peuplée" in resolved["explanation"]


def test_point_d_accueil_has_its_parent_mds():
    body = _ok("Bagnères-de-Luchon", kind="point_accueil", limit=1)
    item = body["items"][0]
    assert item["kind"] == "point_accueil" and item["commune"] == "Bagnères-de-Luchon"
    assert item["parent_mds"]["name"] == "Maison des Solidarités de Cierp-Gaud"
    assert item["open_now"] is None and item["status"]["code"] == "call_mds"


@pytest.mark.parametrize(("kind", "expected"), [("mds", {"mds"}), ("point_accueil", {"point_accueil"})])
def test_kind_filter(kind, expected):
    assert {item["kind"] for item in _ok("Muret", kind=kind, limit=80)["items"]} == expected
    assert len(_ok("Muret", kind=kind, limit=80)["items"]) == {"mds": 30, "point_accueil": 50}[kind]


@pytest.mark.parametrize("limit", [1, 5, 80, "7"])
def test_limit_within_bounds(limit):
    assert len(_ok("Muret", limit=limit)["items"]) == int(limit)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"q": "Muret", "limit": 0}, "limit"),
        ({"q": "Muret", "limit": 81}, "limit"),
        ({"q": "Muret", "limit": "abc"}, "limit"),
        ({"q": "Muret", "kind": "mairie"}, "kind"),
        ({"lat": 48.85, "lon": 2.35}, "lat"),
        ({"lat": "abc", "lon": 1.4}, "lat"),
        ({"lat": 43.6}, "lon"),
        ({"q": "Muret", "lat": 43.6, "lon": 1.4}, "q"),
        ({}, "q"),
    ],
)
def test_invalid_requests_are_422_with_field_messages(params, field):
    status, body = nearest_payload(**params, now=NOW)
    assert status == 422
    assert field in [error["field"] for error in body["errors"]]
    assert all(error["message"] for error in body["errors"])


def test_unknown_town_is_404_with_suggestions_in_the_language():
    status, body = nearest_payload("tolouse", lang="en", now=NOW)
    assert status == 404 and body["suggestions"][0] == "Toulouse"
    assert body["errors"][0]["message"].startswith("We cannot find")
    assert body["suggestions_header"] == "Maybe you are looking for:"
    assert body["suggestion_details"][0]["query"] == "insee:31555"


def test_messages_in_each_language():
    notices = {lang: _ok("Muret", lang=lang)["notice"] for lang in LANGUAGES}
    assert len(set(notices.values())) == 4
    assert _ok("Muret", lang="ar-MA")["lang"] == "ar"
    assert _ok("Muret", lang="de")["lang"] == "fr"  # unsupported → French


def test_kiosques_upcoming_only_and_kind_kiosque():
    kiosques = [
        Kiosque(
            "mds31-056",
            dt.date(2026, 12, 8),
            dt.time(9, 30),
            dt.time(12),
            "Venez choisir votre accompagnement.",
            ("fr", "ar"),
            room="Salle 1",
        ),
        Kiosque("mds31-056", dt.date(2026, 11, 3), dt.time(9, 30), dt.time(12), "Un kiosque passé."),
        Kiosque("mds31-036", dt.date(2026, 12, 1), dt.time(9, 0), dt.time(9, 45), "Fini à 9 h 45 ce matin."),
    ]
    body = _ok("Muret", kind="kiosque", kiosques=kiosques)
    assert [item["id"] for item in body["items"]] == ["mds31-056"]
    (kiosque,) = body["items"][0]["kiosques"]
    assert kiosque["date"] == "2026-12-08" and kiosque["start"] == "09:30" and kiosque["room"] == "Salle 1"
    assert kiosque["languages_text"] == ["français", "arabe"]
    assert kiosque["date_text"] == "8 décembre 2026"
    empty = _ok("Muret", kind="kiosque", kiosques=[])
    assert empty["items"] == [] and "Kiosque" in empty["empty_message"]


def test_kiosques_are_given_explicitly_else_the_shipped_list_is_used():
    kiosque = Kiosque("mds31-014", dt.date(2027, 1, 12), dt.time(14), dt.time(16), "Kiosque du mois.")
    assert [item["id"] for item in _ok("Toulouse", kind="kiosque", kiosques=[kiosque])["items"]] == [
        "mds31-014"
    ]
    assert _ok("Toulouse", kind="kiosque")["items"] == []


def test_export_structures_validate_against_data_inclusion():
    structures = export_structures()
    assert len(structures) == 80
    json.dumps(structures)
    for record in structures:
        Structure.model_validate(record, context={"ignore_warnings": False})
        assert record["id"].startswith(record["source"] + "--")
        assert record["telephone"].startswith("+33")
        assert set(record["reseaux_porteurs"]) == {"departements", "maisons-des-solidarites"}
    with_hours = [s for s in structures if s["horaires_accueil"]]
    assert len(with_hours) == 30
