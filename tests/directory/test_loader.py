"""The loader refuses bad data: a broken record fails here, never in front of a user."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from pti_citizen.directory import DirectoryDataError, HoursKind, PlaceKind, load_directory
from pti_citizen.directory.models import DIRECTIONS_TERRITORIALES


def _rewrite(path: Path, change) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    change(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_counts_match_the_source(directory):
    kinds = [place.kind for place in directory.places]
    assert kinds.count(PlaceKind.MDS) == 30
    assert kinds.count(PlaceKind.POINT_ACCUEIL) == 50
    assert len(directory.communes) == 586


def test_every_point_has_an_mds_of_its_direction(directory):
    for place in directory.places:
        parent = directory.parent_of(place)
        if place.kind is PlaceKind.MDS:
            assert parent is None
        else:
            assert parent is not None and parent.kind is PlaceKind.MDS
            assert parent.direction_territoriale == place.direction_territoriale


def test_five_directions_territoriales(directory):
    assert {place.direction_territoriale for place in directory.places} == set(DIRECTIONS_TERRITORIALES)
    toulouse = [
        p for p in directory.places if p.kind is PlaceKind.MDS and p.direction_territoriale == "Toulouse"
    ]
    assert len(toulouse) == 11


def test_hours_kinds(directory):
    by_kind = {}
    for place in directory.places:
        by_kind.setdefault(place.hours_kind, []).append(place)
    assert all(p.kind is PlaceKind.MDS for p in by_kind[HoursKind.REGULAR])
    assert len(by_kind[HoursKind.REGULAR]) == 30
    assert sorted(p.commune for p in by_kind[HoursKind.CLOSED_FOR_WORKS]) == [
        "Montastruc-la-Conseillère",
        "Nailloux",
    ]


def test_loads_a_clean_copy(data_copy):
    assert len(load_directory(data_copy).places) == 80


@pytest.mark.parametrize(
    ("column", "value", "complaint"),
    [
        ("phone", "05 62 00", "phone"),
        ("postcode", "75001", "postcode"),
        ("opening_hours", "Mo-Fr 25:00-26:00 ;; nonsense", "opening_hours"),
        ("direction_territoriale", "Ariège", "direction"),
        ("lat", "48.85", "outside Haute-Garonne"),
        ("parent_mds_id", "mds31-999", "parent"),
        ("kind", "mairie", "line"),
        ("name", "MD", "data·inclusion"),  # the schema wants 3 to 150 characters
        ("checked", "2999-01-01", "data·inclusion"),  # date_maj cannot be in the future
    ],
)
def test_rejects_a_broken_record(data_copy, column, value, complaint):
    def breaks(rows):
        # Hours are only given for MDS rows; other columns are broken on a point d'accueil.
        kind = "mds" if column == "opening_hours" else "point_accueil"
        next(row for row in rows if row["kind"] == kind)[column] = value

    _rewrite(data_copy / "places.csv", breaks)
    with pytest.raises(DirectoryDataError, match=complaint):
        load_directory(data_copy)


def test_rejects_a_duplicate_id(data_copy):
    _rewrite(data_copy / "places.csv", lambda rows: rows.append(dict(rows[0])))
    with pytest.raises(DirectoryDataError, match="duplicate id"):
        load_directory(data_copy)


def test_rejects_a_kiosque_at_an_unknown_place(data_copy):
    (data_copy / "kiosques.yaml").write_text(
        'kiosques:\n- {place_id: nowhere, date: 2026-12-08, start: "09:30", end: "12:00", summary: "Venez."}\n',
        encoding="utf-8",
    )
    with pytest.raises(DirectoryDataError, match="nowhere"):
        load_directory(data_copy)
