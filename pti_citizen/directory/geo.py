"""Distances and map links. Straight-line (haversine) distance is what the contract promises."""

from __future__ import annotations

import math
from urllib.parse import quote

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _coordinates(lat: float, lon: float) -> str:
    return f"{lat:.5f},{lon:.5f}"


def osm_directions_url(to_lat: float, to_lon: float, from_point: tuple[float, float] | None = None) -> str:
    """OpenStreetMap route planner with the place as destination.

    The start is filled only when we know where the person is (address or coordinates): a town
    centre as a start would give a wrong route.
    """
    start = _coordinates(*from_point) if from_point else ""
    route = quote(f"{start};{_coordinates(to_lat, to_lon)}", safe="")
    return f"https://www.openstreetmap.org/directions?route={route}"


def geo_uri(lat: float, lon: float, label: str) -> str:
    """``geo:`` URI (RFC 5870) with a ``q`` label, which phones open in their map app."""
    point = _coordinates(lat, lon)
    return f"geo:{point}?q={point}({quote(label, safe='')})"
