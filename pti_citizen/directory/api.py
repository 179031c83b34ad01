"""The directory as JSON: what ``GET /api/v1/places/nearest`` and ``GET /api/v1/places`` return.

``nearest_payload`` never raises on bad input: it answers ``(status, body)`` with field-level
messages in the person's language (contract: /work/shared/contracts/places.md).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..i18n import normalize_language
from .errors import FieldError, error_body, problem_body
from .geocoder import BanGeocoder, GeocodedAddress
from .hours import paris_time
from .kiosques import upcoming_by_place
from .loader import Directory, get_directory
from .messages import address_notice, gettext
from .models import QUERY_KINDS, Kiosque
from .payloads import place_payload, resolved_payload
from .structures import to_structure
from .towns import Problem, QueryProblem, Resolution, Resolved

DEFAULT_LIMIT = 5
MAX_LIMIT = 80
_GEOCODABLE = {Problem.UNKNOWN_TOWN, Problem.AMBIGUOUS_TOWN}


# -- input checks ---------------------------------------------------------------------------------


def _parse_float(value: Any) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(str(value).replace(",", ".")) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        return math.nan
    return number


def _check_options(limit: Any, kind: Any, lang: str) -> tuple[int, str | None, list[FieldError]]:
    _ = gettext(lang)
    errors = []
    try:
        limit_value = int(str(limit).strip()) if limit is not None and str(limit).strip() else DEFAULT_LIMIT
    except ValueError:
        limit_value = -1
    if not 1 <= limit_value <= MAX_LIMIT:
        message = _("Le nombre de résultats doit être entre %(min)d et %(max)d.") % {
            "min": 1,
            "max": MAX_LIMIT,
        }
        errors.append(FieldError("limit", "bad_limit", message))
    kind_value = str(kind).strip().lower() if kind is not None and str(kind).strip() else None
    if kind_value is not None and kind_value not in QUERY_KINDS:
        message = _("Type de lieu inconnu. Choisissez : %(kinds)s.") % {"kinds": ", ".join(QUERY_KINDS)}
        errors.append(FieldError("kind", "bad_kind", message))
    return limit_value, kind_value, errors


# -- resolution ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _NeedsGeocoding:
    """The offline search failed on free text: a street address may help."""

    query: str
    problem: QueryProblem
    postcode: str | None
    citycode: str | None


def _resolve_offline(
    directory: Directory, q: Any, lat: Any, lon: Any, lang: str
) -> Resolution | QueryProblem | list[FieldError] | _NeedsGeocoding:
    _ = gettext(lang)
    text = "" if q is None else str(q).strip()
    lat_value, lon_value = _parse_float(lat), _parse_float(lon)
    if lat_value is not None or lon_value is not None:
        if text:
            return [
                FieldError("q", "q_and_coordinates", _("Donnez une ville ou des coordonnées, pas les deux."))
            ]
        if lat_value is None or lon_value is None:
            field = "lon" if lon_value is None else "lat"
            message = _("Donnez la latitude (lat) et la longitude (lon).")
            return [FieldError(field, "missing_coordinate", message)]
        resolution = directory.towns.resolve_point(lat_value, lon_value, f"{lat},{lon}")
        if isinstance(resolution, QueryProblem):
            return QueryProblem(resolution.code, resolution.query, field="lat")
        return resolution
    resolution = directory.towns.resolve(text)
    if isinstance(resolution, QueryProblem) and resolution.code in _GEOCODABLE:
        town = directory.towns.find_name_in_text(text)
        postcodes = [p for p in text.replace(",", " ").split() if p.isdigit() and len(p) == 5]
        return _NeedsGeocoding(
            text, resolution, postcodes[0] if postcodes else None, town.insee if town else None
        )
    return resolution


def _after_geocoding(
    directory: Directory, pending: _NeedsGeocoding, found: GeocodedAddress | None
) -> Resolution | QueryProblem:
    if found is not None:
        commune = (
            directory.towns.by_insee.get(found.citycode)
            or directory.towns.nearest_commune(found.lat, found.lon)[0]
        )
        return Resolution(
            pending.query, Resolved.ADDRESS, found.lat, found.lon, commune, label=found.label, precise=True
        )
    commune = directory.towns.find_name_in_text(pending.query)
    if commune is not None:
        return Resolution(pending.query, Resolved.TOWN, commune.lat, commune.lon, commune, fallback=True)
    return pending.problem


def _current_kiosques(directory: Directory, kiosques: Iterable[Kiosque] | None) -> Iterable[Kiosque]:
    """The kiosques a caller gives (the app: ``services().kiosques.current()``), else the shipped ones."""
    return kiosques if kiosques is not None else directory.kiosques


def _answer(
    directory: Directory,
    resolution: Resolution,
    *,
    limit: int,
    kind: str | None,
    lang: str,
    now: dt.datetime,
    kiosques: Iterable[Kiosque] | None,
) -> tuple[int, dict[str, Any]]:
    upcoming = upcoming_by_place(_current_kiosques(directory, kiosques), now)
    ranked = directory.index.nearest(
        resolution.lat, resolution.lon, limit=limit, kind=kind, with_kiosques=upcoming.keys()
    )
    origin = (resolution.lat, resolution.lon) if resolution.precise else None
    items = [
        place_payload(
            directory, place, km, now=now, lang=lang, kiosques=upcoming.get(place.id, []), origin=origin
        )
        for place, km in ranked
    ]
    _ = gettext(lang)
    body = {
        "resolved": resolved_payload(directory, resolution, lang),
        "notice": address_notice(lang),
        "items": items,
        "empty_message": None,
        "lang": lang,
        "now": now.isoformat(),
    }
    if not items:
        body["empty_message"] = (
            _(
                "Aucun Kiosque Insertion n'est annoncé pour le moment. Demandez les prochaines dates à votre MDS."
            )
            if kind == "kiosque"
            else _("Aucun lieu trouvé.")
        )
    return 200, body


@dataclass
class _Request:
    """A checked request on its way to an answer; ``resolution`` is ``None`` when only errors remain."""

    directory: Directory
    lang: str
    limit: int
    kind: str | None
    errors: list[FieldError]
    resolution: Resolution | QueryProblem | _NeedsGeocoding | None


def _prepare(
    q: Any, lat: Any, lon: Any, limit: Any, kind: Any, lang: str | None, directory: Directory | None
) -> _Request:
    lang = normalize_language(lang)
    directory = directory or get_directory()
    limit_value, kind_value, errors = _check_options(limit, kind, lang)
    resolution = _resolve_offline(directory, q, lat, lon, lang)
    if isinstance(resolution, list):
        return _Request(directory, lang, limit_value, kind_value, resolution + errors, None)
    return _Request(directory, lang, limit_value, kind_value, errors, resolution)


def _finish(
    request: _Request, now: dt.datetime | None, kiosques: Iterable[Kiosque] | None
) -> tuple[int, dict[str, Any]]:
    resolution, lang = request.resolution, request.lang
    if isinstance(resolution, QueryProblem):
        status, body = problem_body(resolution, lang)
        body["errors"] += error_body(request.errors, lang)["errors"]
        return status, body
    if request.errors or not isinstance(resolution, Resolution):
        return 422, error_body(request.errors, lang)
    return _answer(
        request.directory,
        resolution,
        limit=request.limit,
        kind=request.kind,
        lang=lang,
        now=paris_time(now),
        kiosques=kiosques,
    )


def nearest_payload(
    q: str | None = None,
    lat: float | str | None = None,
    lon: float | str | None = None,
    limit: int | str = DEFAULT_LIMIT,
    kind: str | None = None,
    lang: str = "fr",
    now: dt.datetime | None = None,
    *,
    geocoder: BanGeocoder | None = None,
    kiosques: Iterable[Kiosque] | None = None,
    directory: Directory | None = None,
) -> tuple[int, dict[str, Any]]:
    """Body of ``GET /api/v1/places/nearest``: ``(200, {"resolved", "notice", "items", ...})``,
    ``(404, {"errors", "suggestions"})`` for an unknown place, ``(422, ...)`` for invalid input.

    Offline unless a ``geocoder`` is given (then free text that is not a town is tried as a street
    address, and the town search is the fall-back).
    """
    request = _prepare(q, lat, lon, limit, kind, lang, directory)
    pending = request.resolution
    if isinstance(pending, _NeedsGeocoding):
        use_geocoder = geocoder is not None and not request.errors
        found = geocoder.geocode(pending.query, pending.postcode, pending.citycode) if use_geocoder else None
        request.resolution = _after_geocoding(request.directory, pending, found)
    return _finish(request, now, kiosques)


async def nearest_payload_async(
    q: str | None = None,
    lat: float | str | None = None,
    lon: float | str | None = None,
    limit: int | str = DEFAULT_LIMIT,
    kind: str | None = None,
    lang: str = "fr",
    now: dt.datetime | None = None,
    *,
    geocoder: BanGeocoder | None = None,
    kiosques: Iterable[Kiosque] | None = None,
    directory: Directory | None = None,
) -> tuple[int, dict[str, Any]]:
    """Same as :func:`nearest_payload`, awaiting the BAN geocoder (for Reflex event handlers)."""
    request = _prepare(q, lat, lon, limit, kind, lang, directory)
    pending = request.resolution
    if isinstance(pending, _NeedsGeocoding):
        use_geocoder = geocoder is not None and not request.errors
        found = (
            await geocoder.ageocode(pending.query, pending.postcode, pending.citycode)
            if use_geocoder
            else None
        )
        request.resolution = _after_geocoding(request.directory, pending, found)
    return _finish(request, now, kiosques)


def export_structures(directory: Directory | None = None) -> list[dict[str, Any]]:
    """Every place as a data·inclusion structure (schema v1), validated, JSON-ready."""
    directory = directory or get_directory()
    return [
        to_structure(place, directory.parent_of(place)).model_dump(mode="json") for place in directory.places
    ]


__all__ = ["DEFAULT_LIMIT", "MAX_LIMIT", "export_structures", "nearest_payload", "nearest_payload_async"]
