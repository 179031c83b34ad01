"""Nearest places to a point: a straight-line ranking over 80 places, fast enough to need no index."""

from __future__ import annotations

import heapq
import math
from collections.abc import Collection, Iterable

from .geo import EARTH_RADIUS_KM
from .models import KIOSQUE, Place


def rank_places(
    places: Iterable[Place],
    lat: float,
    lon: float,
    *,
    limit: int,
    kind: str | None = None,
    with_kiosques: Collection[str] = (),
) -> list[tuple[Place, float]]:
    """``limit`` nearest places as (place, km), nearest first; ties broken by id for stable output.

    ``kind='kiosque'`` keeps the places whose ids are in ``with_kiosques`` (they have one coming).
    """
    phi1 = math.radians(lat)
    cos_phi1 = math.cos(phi1)
    lambda1 = math.radians(lon)
    sin, cos, asin, sqrt = math.sin, math.cos, math.asin, math.sqrt
    scored = []
    for place in places:
        if kind == KIOSQUE:
            if place.id not in with_kiosques:
                continue
        elif kind is not None and place.kind != kind:
            continue
        phi2 = math.radians(place.lat)
        h = (
            sin((phi2 - phi1) / 2) ** 2
            + cos_phi1 * cos(phi2) * sin((math.radians(place.lon) - lambda1) / 2) ** 2
        )
        scored.append((2 * EARTH_RADIUS_KM * asin(min(1.0, sqrt(h))), place.id, place))
    return [(place, km) for km, _, place in heapq.nsmallest(limit, scored)]
