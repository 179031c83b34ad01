"""Reads and checks the directory data once; a bad record stops the load (and the tests), not a user."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pydantic
import yaml
from opening_hours import OpeningHours

from .kiosques import parse_kiosques
from .models import DIRECTIONS_TERRITORIALES, Commune, HoursKind, Kiosque, Place, PlaceKind
from .phones import is_french_number
from .search import PlaceIndex
from .structures import to_structure
from .towns import TownIndex

DATA_DIR = Path(__file__).resolve().parent / "data"
DEPARTMENT_CODE = "31"


class DirectoryDataError(ValueError):
    """The data files are inconsistent; the message lists every problem found."""


@dataclass(frozen=True)
class Directory:
    places: tuple[Place, ...]
    communes: tuple[Commune, ...]
    kiosques: tuple[Kiosque, ...]
    towns: TownIndex
    by_id: dict[str, Place] = field(repr=False)
    index: PlaceIndex = field(repr=False)

    def parent_of(self, place: Place) -> Place | None:
        return self.by_id.get(place.parent_mds_id) if place.parent_mds_id else None


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def read_communes(path: Path) -> tuple[Commune, ...]:
    return tuple(
        Commune(
            insee=row["code_insee"],
            name=row["nom"],
            postcodes=tuple(row["codes_postaux"].split("|")),
            population=int(row["population"]),
            lat=float(row["lat"]),
            lon=float(row["lon"]),
        )
        for row in _read_csv(path)
    )


def _optional(value: str) -> str | None:
    return value.strip() or None


def _place_from_row(row: dict[str, str], communes: dict[str, Commune]) -> Place:
    commune = communes[row["insee"]]
    return Place(
        id=row["id"],
        kind=PlaceKind(row["kind"]),
        name=row["name"],
        parent_mds_id=_optional(row["parent_mds_id"]),
        direction_territoriale=row["direction_territoriale"],
        street_address=row["street_address"],
        postcode=row["postcode"],
        insee=row["insee"],
        commune=commune.name,
        phone=row["phone"],
        hours_source=row["hours_source"],
        hours_kind=HoursKind(row["hours_kind"]),
        opening_hours=_optional(row["opening_hours"]),
        reopening_date=dt.date.fromisoformat(row["reopening_date"]) if row["reopening_date"] else None,
        reopening_month=int(row["reopening_month"]) if row["reopening_month"] else None,
        lat=float(row["lat"]),
        lon=float(row["lon"]),
        checked=dt.date.fromisoformat(row["checked"]),
    )


def _check_place(place: Place, communes: dict[str, Commune]) -> list[str]:
    problems = []
    commune = communes[place.insee]
    if not place.insee.startswith(DEPARTMENT_CODE):
        problems.append(f"INSEE code {place.insee} is not in Haute-Garonne")
    if place.postcode not in commune.postcodes:
        problems.append(f"postcode {place.postcode} is not one of {commune.name}'s {commune.postcodes}")
    if place.direction_territoriale not in DIRECTIONS_TERRITORIALES:
        problems.append(f"unknown direction territoriale {place.direction_territoriale!r}")
    if not is_french_number(place.phone):
        problems.append(f"phone {place.phone!r} is not a French 10-digit number")
    if not (42.5 < place.lat < 44.1 and 0.3 < place.lon < 2.2):
        problems.append(f"coordinates {place.lat},{place.lon} are outside Haute-Garonne")
    if (place.hours_kind is HoursKind.REGULAR) != (place.opening_hours is not None):
        problems.append("opening_hours must be given exactly when hours_kind is 'regular'")
    if place.opening_hours is not None:
        try:
            OpeningHours(place.opening_hours)
        except Exception as error:  # the library raises its own ParserError/SyntaxError types
            problems.append(f"opening_hours {place.opening_hours!r} does not parse: {error}")
    if place.reopening_month is not None and not 1 <= place.reopening_month <= 12:
        problems.append(f"reopening_month {place.reopening_month} is not a month")
    if place.kind is PlaceKind.MDS and place.parent_mds_id:
        problems.append("an MDS has no parent MDS")
    if place.kind is PlaceKind.POINT_ACCUEIL and not place.parent_mds_id:
        problems.append("a point d'accueil needs its parent MDS")
    return problems


def _check_parents(places: dict[str, Place]) -> list[str]:
    problems = []
    for place in places.values():
        if place.parent_mds_id is None:
            continue
        parent = places.get(place.parent_mds_id)
        if parent is None or parent.kind is not PlaceKind.MDS:
            problems.append(f"{place.id}: parent {place.parent_mds_id} is not an MDS of the file")
        elif parent.direction_territoriale != place.direction_territoriale:
            problems.append(f"{place.id}: not in the same direction territoriale as its MDS {parent.id}")
    return problems


def build_places(rows: Iterable[dict[str, str]], communes: tuple[Commune, ...]) -> tuple[Place, ...]:
    """Places from CSV rows, each checked and validated as a data·inclusion structure."""
    by_insee = {commune.insee: commune for commune in communes}
    places: dict[str, Place] = {}
    problems: list[str] = []
    for line, row in enumerate(rows, start=2):
        try:
            place = _place_from_row(row, by_insee)
        except (KeyError, ValueError, TypeError) as error:
            problems.append(f"line {line} ({row.get('id')}): {error!r}")
            continue
        if place.id in places:
            problems.append(f"line {line}: duplicate id {place.id}")
        problems += [f"line {line} ({place.id}): {problem}" for problem in _check_place(place, by_insee)]
        places[place.id] = place
    problems += _check_parents(places)
    if not problems:
        for place in places.values():
            parent = places.get(place.parent_mds_id) if place.parent_mds_id else None
            try:
                to_structure(place, parent)
            except (pydantic.ValidationError, ValueError) as error:
                problems.append(f"{place.id}: not a valid data·inclusion structure: {error}")
    if problems:
        raise DirectoryDataError("Directory data is invalid:\n- " + "\n- ".join(problems))
    return tuple(places.values())


def load_directory(data_dir: Path = DATA_DIR) -> Directory:
    communes = read_communes(data_dir / "communes_31.csv")
    places = build_places(_read_csv(data_dir / "places.csv"), communes)
    by_id = {place.id: place for place in places}
    with (data_dir / "kiosques.yaml").open(encoding="utf-8") as handle:
        kiosques_doc = yaml.safe_load(handle) or {}
    try:
        kiosques = parse_kiosques(kiosques_doc.get("kiosques") or [], known_place_ids=by_id.keys())
    except ValueError as error:
        raise DirectoryDataError(f"kiosques.yaml: {error}") from error
    return Directory(
        places=places,
        communes=communes,
        kiosques=kiosques,
        towns=TownIndex(communes),
        by_id=by_id,
        index=PlaceIndex(places),
    )


@cache
def get_directory() -> Directory:
    """The directory shipped with the app, loaded once per process."""
    return load_directory()
