"""``places.csv`` says what its source says: only case, accents and the listed corrections differ."""

from __future__ import annotations

import csv

import pytest

from pti_citizen.directory.loader import DATA_DIR
from pti_citizen.directory.normalize import compact, normalize


def _rows(name):
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


PLACES = {row["id"]: row for row in _rows("places.csv")}
SOURCE = {row["id"]: row for row in _rows("sources/mds_haute_garonne.csv")}
COMMUNES = {row["code_insee"]: row for row in _rows("communes_31.csv")}


def test_same_ids_as_the_source():
    assert PLACES.keys() == SOURCE.keys()


@pytest.mark.parametrize("place_id", sorted(SOURCE))
def test_row_matches_its_source(place_id):
    place, source = PLACES[place_id], SOURCE[place_id]
    corrected = place["corrections"]
    assert compact(place["street_address"]) == compact(source["adresse"])
    assert place["insee"] == source["code_insee_commune"]
    assert normalize(COMMUNES[place["insee"]]["nom"]) == normalize(source["commune"])
    if not corrected.startswith("postcode"):
        assert place["postcode"] == source["code_postal"]
    assert place["postcode"] in COMMUNES[place["insee"]]["codes_postaux"].split("|")
    assert place["phone"] == source["telephone"]
    assert place["hours_source"] == source["horaires_accueil_public"]
    assert place["direction_territoriale"] == source["direction_territoriale_brief"]
    assert abs(float(place["lat"]) - float(source["lat"])) < 1e-6
    assert abs(float(place["lon"]) - float(source["lon"])) < 1e-6
    assert (
        place["kind"] == {"siege_mds": "mds", "point_accueil_proximite": "point_accueil"}[source["type_site"]]
    )


def test_parent_mds_is_the_source_secteur():
    secteur_to_mds = {
        row["mds_secteur"]: pid for pid, row in SOURCE.items() if row["type_site"] == "siege_mds"
    }
    for place_id, source in SOURCE.items():
        expected = "" if source["type_site"] == "siege_mds" else secteur_to_mds[source["mds_secteur"]]
        assert PLACES[place_id]["parent_mds_id"] == expected


def test_hours_translation_follows_the_source_text():
    """The only known hours text becomes the OSM string; no other row gets invented hours."""
    for place in PLACES.values():
        if place["hours_source"] == "lundi à vendredi - 8h30-12h - 13h30-17h":
            assert place["opening_hours"] == "Mo-Fr 08:30-12:00,13:30-17:00; PH off"
        else:
            assert place["opening_hours"] == ""


def test_reopening_dates_come_from_the_text():
    nailloux = next(p for p in PLACES.values() if p["insee"] == "31396")
    assert "16/03/2026" in nailloux["hours_source"] and nailloux["reopening_date"] == "2026-03-16"
    montastruc = next(p for p in PLACES.values() if p["insee"] == "31358")
    assert "avril" in montastruc["hours_source"] and montastruc["reopening_month"] == "4"
    assert montastruc["reopening_date"] == ""


def test_communes_file_is_consistent():
    assert len(COMMUNES) == 586
    assert all(code.startswith("31") for code in COMMUNES)
    for row in COMMUNES.values():
        assert all(len(p) == 5 and p.startswith("31") for p in row["codes_postaux"].split("|"))
        assert 42.6 < float(row["lat"]) < 44.0 and 0.4 < float(row["lon"]) < 2.1
