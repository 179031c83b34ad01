"""How an answer is attached to a territory, without ever asking where the person lives.

Feedback has no territory of its own. The form offers an optional « Votre Maison des Solidarités »
list (the MDS a claimant is followed by, or the MDS whose kiosk they are using); we store only the
direction territoriale of that MDS — one of 5 — never the MDS, a commune or an address. The mapping
MDS → direction comes from the directory data (``directory/data/places.csv``), not from us.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from pti_citizen.directory import PlaceKind, get_directory
from pti_citizen.directory.models import DIRECTIONS_TERRITORIALES

TERRITORIES = DIRECTIONS_TERRITORIALES


@dataclass(frozen=True)
class MdsChoice:
    id: str
    name: str
    territory: str


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def slug(territory: str) -> str:
    """``Comminges-Pyrénées`` → ``comminges-pyrenees`` (for URLs and file names)."""
    return "-".join(_fold(territory).replace("-", " ").split())


def parse_territory(value: str | None) -> tuple[bool, str | None]:
    """``(True, territory)`` for a known territory (name or slug, any case or accents),
    ``(True, None)`` for « all », ``(False, None)`` for anything else."""
    if value is None or not value.strip() or _fold(value.strip()) in ("tous", "toutes", "all", "*"):
        return True, None
    wanted = slug(value)
    for territory in TERRITORIES:
        if slug(territory) == wanted:
            return True, territory
    return False, None


def mds_choices() -> list[MdsChoice]:
    """Every MDS, grouped by territory (in the order of ``TERRITORIES``), then by name."""
    places = [p for p in get_directory().places if p.kind == PlaceKind.MDS]
    order = {t: i for i, t in enumerate(TERRITORIES)}
    places.sort(key=lambda p: (order.get(p.direction_territoriale, 99), _fold(p.name)))
    return [MdsChoice(p.id, p.name, p.direction_territoriale) for p in places]


def territory_of_place(place_id: str) -> str | None:
    """Direction territoriale of an MDS id, ``None`` if the id is not an MDS of the directory."""
    place = get_directory().by_id.get(place_id)
    if place is None or place.kind != PlaceKind.MDS:
        return None
    return place.direction_territoriale
