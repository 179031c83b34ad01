"""An MDS choice is stored as its direction territoriale, read from the directory's own data file."""

from __future__ import annotations

import csv
from collections import Counter

from pti_citizen.directory.loader import DATA_DIR
from pti_citizen.feedback.territory import TERRITORIES, mds_choices, parse_territory, slug, territory_of_place


def shipped_mds() -> dict[str, tuple[str, str]]:
    with (DATA_DIR / "places.csv").open(encoding="utf-8") as handle:
        return {
            r["id"]: (r["name"], r["direction_territoriale"])
            for r in csv.DictReader(handle)
            if r["kind"] == "mds"
        }


def test_every_mds_of_the_data_file_is_offered_with_its_direction():
    rows = shipped_mds()
    choices = mds_choices()
    assert {c.id: (c.name, c.territory) for c in choices} == rows
    for mds_id, (_, direction) in rows.items():
        assert territory_of_place(mds_id) == direction


def test_choices_are_grouped_by_territory_in_the_usual_order():
    order = [c.territory for c in mds_choices()]
    assert order == sorted(order, key=TERRITORIES.index)
    assert set(Counter(order)) == set(TERRITORIES)


def test_unknown_ids_have_no_territory():
    assert territory_of_place("mds31-999") is None and territory_of_place("") is None


def test_slugs_and_parsing():
    assert [slug(t) for t in TERRITORIES] == [
        "toulouse",
        "nord-toulousain",
        "sud-toulousain",
        "lauragais",
        "comminges-pyrenees",
    ]
    assert parse_territory("Comminges Pyrenees") == (True, "Comminges-Pyrénées")
    assert parse_territory("Ariège") == (False, None)
