"""An independent reading of the directory's data files, for expectations (not the app's code).

Distances use this file's own haversine; the town of a postcode is the most populated one, as the
contract says; phone links are built from the phone numbers as written in ``places.csv``.
"""

from __future__ import annotations

import csv
import math
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[3] / "pti_citizen" / "directory" / "data"


@cache
def places() -> tuple[dict[str, str], ...]:
    with (DATA / "places.csv").open(encoding="utf-8") as fh:
        return tuple(csv.DictReader(fh))


@cache
def communes() -> tuple[dict[str, str], ...]:
    with (DATA / "communes_31.csv").open(encoding="utf-8") as fh:
        return tuple(csv.DictReader(fh))


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    radius = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * radius * math.asin(math.sqrt(a))


def by_distance(lat: float, lon: float, kind: str | None = None) -> list[dict[str, str]]:
    rows = [p for p in places() if kind is None or p["kind"] == kind]
    return sorted(rows, key=lambda p: haversine(lat, lon, float(p["lat"]), float(p["lon"])))


def nearest_place(lat: float, lon: float, kind: str | None = None) -> dict[str, str]:
    return by_distance(lat, lon, kind)[0]


def commune(name: str) -> dict[str, str]:
    return next(c for c in communes() if c["nom"] == name)


def centre(row: dict[str, str]) -> tuple[float, float]:
    return float(row["lat"]), float(row["lon"])


def communes_of_postcode(postcode: str) -> list[dict[str, str]]:
    """Most populated first (the town a postcode search picks)."""
    rows = [c for c in communes() if postcode in c["codes_postaux"].split("|")]
    return sorted(rows, key=lambda c: -int(c["population"]))


def nearest_commune(lat: float, lon: float) -> dict[str, str]:
    return min(communes(), key=lambda c: haversine(lat, lon, *centre(c)))


def tel_href(phone: str) -> str:
    """« 05 62 00 98 10 » → ``tel:+33562009810`` (French numbers: drop the leading 0)."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    assert len(digits) == 10 and digits.startswith("0"), phone
    return "tel:+33" + digits[1:]


def place(place_id: str) -> dict[str, str]:
    return next(p for p in places() if p["id"] == place_id)
