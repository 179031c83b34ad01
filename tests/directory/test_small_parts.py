"""Normalisation, distances, links, phone numbers and kiosque records."""

from __future__ import annotations

import datetime as dt

import pytest

from pti_citizen.directory import parse_kiosque, upcoming_by_place
from pti_citizen.directory.geo import geo_uri, haversine_km, osm_directions_url
from pti_citizen.directory.normalize import compact, normalize
from pti_citizen.directory.phones import tel_href, to_e164

from .conftest import paris


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Saint-Gaudens", "saint gaudens"),
        ("ST GAUDENS", "saint gaudens"),
        ("Ste-Foy-d’Aigrefeuille", "sainte foy d aigrefeuille"),
        ("  Bagnères--de   Luchon ", "bagneres de luchon"),
        ("L'Isle-en-Dodon", "l isle en dodon"),
        ("Bœuf", "boeuf"),
        ("street", "street"),  # « st » only as a whole word
    ],
)
def test_normalize(text, expected):
    assert normalize(text) == expected


def test_compact():
    assert compact("L'Isle-en-Dodon") == "lisleendodon"


def test_haversine_against_a_known_distance():
    # One degree of latitude is 111.19 km on a sphere of radius 6371.0088 km (2πR/360).
    assert haversine_km(43.0, 1.0, 44.0, 1.0) == pytest.approx(111.195, abs=0.01)
    assert haversine_km(43.6, 1.44, 43.6, 1.44) == 0


def test_links():
    assert (
        osm_directions_url(43.1, 0.7)
        == "https://www.openstreetmap.org/directions?route=%3B43.10000%2C0.70000"
    )
    assert osm_directions_url(43.1, 0.7, (43.2, 0.8)).endswith(
        "route=43.20000%2C0.80000%3B43.10000%2C0.70000"
    )
    assert geo_uri(43.1, 0.7, "MDS d'Aspet") == "geo:43.10000,0.70000?q=43.10000,0.70000(MDS%20d%27Aspet)"


def test_phones():
    assert to_e164("05 62 00 98 10") == "+33562009810"
    assert tel_href("05.61.89.95.00") == "tel:+33561899500"
    with pytest.raises(ValueError):
        to_e164("62 00 98 10")


def test_parse_kiosque_from_yaml_like_values():
    kiosque = parse_kiosque(
        {"place_id": "mds31-056", "date": "2026-12-08", "start": 570, "end": "12:00", "summary": " Venez. "}
    )
    assert kiosque.start == dt.time(9, 30) and kiosque.summary == "Venez." and kiosque.languages == ("fr",)
    with pytest.raises(ValueError, match="ends before"):
        parse_kiosque(
            {"place_id": "x", "date": "2026-12-08", "start": "12:00", "end": "09:00", "summary": "a"}
        )
    with pytest.raises(ValueError, match="ISO 639"):
        parse_kiosque(
            {
                "place_id": "x",
                "date": "2026-12-08",
                "start": "09:00",
                "end": "10:00",
                "summary": "a",
                "languages": ["French"],
            }
        )


def test_upcoming_drops_ended_kiosques_and_sorts():
    make = lambda day, start, end: parse_kiosque(  # noqa: E731
        {"place_id": "p", "date": day, "start": start, "end": end, "summary": "s"}
    )
    later, soon, ended = (
        make("2026-12-10", "09:00", "10:00"),
        make("2026-12-01", "14:00", "15:00"),
        make("2026-12-01", "08:00", "09:00"),
    )
    assert upcoming_by_place([later, ended, soon], paris(2026, 12, 1, 10)) == {"p": [soon, later]}
