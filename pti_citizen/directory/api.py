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

from ..i18n import format_date, format_number, format_time, normalize_language
from .geo import geo_uri, osm_directions_url
from .geocoder import BanGeocoder, GeocodedAddress
from .hours import opening_status, paris_time
from .kiosques import kiosque_source, upcoming_by_place
from .loader import Directory, get_directory
from .messages import address_notice, gettext, kind_label, language_name, ngettext, suggestions_header
from .models import QUERY_KINDS, Commune, Kiosque, Place, PlaceKind
from .structures import to_structure
from .towns import Problem, QueryProblem, Resolution, Resolved

DEFAULT_LIMIT = 5
MAX_LIMIT = 80
_GEOCODABLE = {Problem.UNKNOWN_TOWN, Problem.AMBIGUOUS_TOWN}


@dataclass(frozen=True)
class FieldError:
    field: str
    code: str
    message: str


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


def _problem_message(problem: QueryProblem, lang: str) -> str:
    _ = gettext(lang)
    query = problem.query
    value = problem.value or problem.query
    outside = _("Ce service couvre seulement la Haute-Garonne (31).")
    match problem.code:
        case Problem.EMPTY:
            return _("Écrivez le nom de votre ville ou votre code postal.")
        case Problem.UNKNOWN_TOWN:
            return _("Nous ne trouvons pas « %(query)s » en Haute-Garonne.") % {"query": query}
        case Problem.AMBIGUOUS_TOWN:
            return _("Plusieurs villes correspondent à « %(query)s ». Choisissez votre ville.") % {
                "query": query
            }
        case Problem.UNKNOWN_POSTCODE:
            text = _("Le code postal %(postcode)s n'existe pas en Haute-Garonne.") % {"postcode": value}
            if problem.insee_match is not None:
                text += " " + _(
                    "C'est le code INSEE (numéro officiel de commune) de %(town)s. "
                    "Pour chercher avec ce code, écrivez insee:%(code)s."
                ) % {"town": problem.insee_match.name, "code": problem.insee_match.insee}
            return text
        case Problem.POSTCODE_OUTSIDE:
            return (
                _("Le code postal %(postcode)s n'est pas en Haute-Garonne.") % {"postcode": value}
                + " "
                + outside
            )
        case Problem.UNKNOWN_INSEE:
            return _("Aucune commune de la Haute-Garonne n'a le code INSEE %(code)s.") % {"code": value}
        case Problem.BAD_INSEE:
            return _("Un code INSEE a 5 caractères. Exemple : insee:31483.")
        case Problem.BAD_COORDINATES:
            return _("Ces coordonnées ne sont pas valides. Exemple : 43.6,1.44.")
        case Problem.OUT_OF_AREA:
            return _("Ce point est loin de la Haute-Garonne.") + " " + outside
    return _("Nous ne comprenons pas cette recherche.")


def error_body(errors: list[FieldError], lang: str, suggestions: Iterable[Commune] = ()) -> dict[str, Any]:
    suggestions = list(suggestions)
    return {
        "errors": [{"field": e.field, "code": e.code, "message": e.message} for e in errors],
        "suggestions": [commune.name for commune in suggestions],
        "suggestions_header": suggestions_header(lang) if suggestions else None,
        "suggestion_details": [
            {"name": c.name, "insee": c.insee, "postcodes": list(c.postcodes), "query": f"insee:{c.insee}"}
            for c in suggestions
        ],
        "lang": lang,
    }


def _problem_body(problem: QueryProblem, lang: str) -> tuple[int, dict[str, Any]]:
    error = FieldError(problem.field, problem.code.value, _problem_message(problem, lang))
    return problem.status, error_body([error], lang, problem.suggestions)


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


def _explanation(resolution: Resolution, lang: str) -> str:
    _ = gettext(lang)
    town = resolution.commune.name if resolution.commune else ""
    if resolution.fallback:
        return _("Nous n'avons pas pu vérifier l'adresse. Voici les lieux autour de %(town)s.") % {
            "town": town
        }
    match resolution.type:
        case Resolved.ADDRESS:
            return _("Lieux les plus proches de l'adresse : %(label)s.") % {"label": resolution.label}
        case Resolved.COORDINATES:
            return _("Lieux les plus proches du point indiqué, près de %(town)s.") % {"town": town}
        case Resolved.INSEE:
            return _("Le code INSEE %(code)s est celui de %(town)s.") % {
                "code": resolution.commune.insee,
                "town": town,
            }
        case Resolved.POSTCODE if len(resolution.postcode_towns) > 1:
            count = len(resolution.postcode_towns)
            _n = ngettext(lang)
            return _n(
                "Le code postal %(postcode)s correspond à %(count)d commune. Nous prenons la plus peuplée : %(town)s.",
                "Le code postal %(postcode)s correspond à %(count)d communes. Nous prenons la plus peuplée : %(town)s.",
                count,
            ) % {"postcode": resolution.postcode, "count": count, "town": town}
        case Resolved.POSTCODE:
            return _("Le code postal %(postcode)s est celui de %(town)s.") % {
                "postcode": resolution.postcode,
                "town": town,
            }
    if resolution.partial_match:
        return _("Nous avons compris : %(town)s. Lieux les plus proches du centre de la commune.") % {
            "town": town
        }
    return _("Lieux les plus proches du centre de %(town)s.") % {"town": town}


def _hint(directory: Directory, resolution: Resolution, lang: str) -> str | None:
    """Big towns have several places: the town centre is a poor guess of where someone lives."""
    if resolution.precise or resolution.commune is None:
        return None
    in_town = sum(1 for place in directory.places if place.insee == resolution.commune.insee)
    if in_town < 2:
        return None
    _n = ngettext(lang)
    return _n(
        "Il y a %(count)d lieu à %(town)s. Écrivez votre adresse pour trouver le plus proche.",
        "Il y a %(count)d lieux à %(town)s. Écrivez votre adresse pour trouver le plus proche.",
        in_town,
    ) % {"count": in_town, "town": resolution.commune.name}


def resolved_payload(directory: Directory, resolution: Resolution, lang: str) -> dict[str, Any]:
    commune = resolution.commune
    return {
        "query": resolution.query,
        "type": resolution.type.value,
        "name": commune.name if commune else None,
        "insee": commune.insee if commune else None,
        "postcode": resolution.postcode,
        "towns": [
            {"name": c.name, "insee": c.insee, "population": c.population} for c in resolution.postcode_towns
        ],
        "label": resolution.label,
        "lat": round(resolution.lat, 5),
        "lon": round(resolution.lon, 5),
        "precise": resolution.precise,
        "partial_match": resolution.partial_match,
        "fallback": resolution.fallback,
        "explanation": _explanation(resolution, lang),
        "hint": _hint(directory, resolution, lang),
    }


# -- items ----------------------------------------------------------------------------------------


def kiosque_payload(kiosque: Kiosque, lang: str) -> dict[str, Any]:
    _ = gettext(lang)
    start, end = format_time(kiosque.start, lang), format_time(kiosque.end, lang)
    return {
        "date": kiosque.day.isoformat(),
        "start": kiosque.start.strftime("%H:%M"),
        "end": kiosque.end.strftime("%H:%M"),
        "date_text": format_date(kiosque.day, lang),
        "time_text": _("de %(start)s à %(end)s") % {"start": start, "end": end},
        "room": kiosque.room,
        "address": kiosque.address,
        "summary": kiosque.summary_in(lang),
        "languages": list(kiosque.languages),
        "languages_text": [language_name(code, lang) for code in kiosque.languages],
    }


def place_payload(
    directory: Directory,
    place: Place,
    distance_km: float | None,
    *,
    now: dt.datetime,
    lang: str,
    kiosques: list[Kiosque] = (),
    origin: tuple[float, float] | None = None,
) -> dict[str, Any]:
    """One result, with everything a card needs: status text, links, parent MDS, kiosques."""
    status = opening_status(place, now, lang)
    parent = directory.parent_of(place)
    return {
        "id": place.id,
        "name": place.name,
        "kind": place.kind.value,
        "kind_label": kind_label(place.kind.value, lang),
        "address": place.address,
        "street_address": place.street_address,
        "postcode": place.postcode,
        "commune": place.commune,
        "insee": place.insee,
        "phone": place.phone,
        "phone_e164": place.phone_e164,
        "phone_href": place.phone_href,
        "distance_km": None if distance_km is None else round(distance_km, 1),
        "distance_text": None if distance_km is None else f"{format_number(distance_km, lang, 1)} km",
        "opening_hours": place.opening_hours,
        "hours_source": place.hours_source,
        "open_now": status.open_now,
        "status": status.as_dict(),
        "lat": round(place.lat, 5),
        "lon": round(place.lon, 5),
        "direction_territoriale": place.direction_territoriale,
        "parent_mds": None
        if parent is None
        else {"id": parent.id, "name": parent.name, "phone": parent.phone, "phone_href": parent.phone_href},
        "directions": {
            "openstreetmap": osm_directions_url(place.lat, place.lon, origin),
            "geo": geo_uri(place.lat, place.lon, place.name),
        },
        "kiosques": [kiosque_payload(k, lang) for k in kiosques],
    }


def _current_kiosques(directory: Directory, kiosques: Iterable[Kiosque] | None) -> Iterable[Kiosque]:
    if kiosques is not None:
        return kiosques
    source = kiosque_source()
    return source() if source is not None else directory.kiosques


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


def _prepare(q, lat, lon, limit, kind, lang, directory):
    lang = normalize_language(lang)
    directory = directory or get_directory()
    limit_value, kind_value, option_errors = _check_options(limit, kind, lang)
    resolution = _resolve_offline(directory, q, lat, lon, lang)
    if isinstance(resolution, list):
        option_errors = resolution + option_errors
    return lang, directory, limit_value, kind_value, option_errors, resolution


def _finish(directory, resolution, option_errors, limit, kind, lang, now, kiosques):
    if isinstance(resolution, QueryProblem):
        status, body = _problem_body(resolution, lang)
        if option_errors:
            body["errors"] += [
                {"field": e.field, "code": e.code, "message": e.message} for e in option_errors
            ]
        return status, body
    if option_errors:
        return 422, error_body(option_errors, lang)
    return _answer(
        directory, resolution, limit=limit, kind=kind, lang=lang, now=paris_time(now), kiosques=kiosques
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
    lang, directory, limit, kind, option_errors, resolution = _prepare(
        q, lat, lon, limit, kind, lang, directory
    )
    if isinstance(resolution, list):
        return 422, error_body(option_errors, lang)
    if isinstance(resolution, _NeedsGeocoding):
        found = (
            geocoder.geocode(resolution.query, resolution.postcode, resolution.citycode) if geocoder else None
        )
        resolution = _after_geocoding(directory, resolution, found)
    return _finish(directory, resolution, option_errors, limit, kind, lang, now, kiosques)


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
    lang, directory, limit, kind, option_errors, resolution = _prepare(
        q, lat, lon, limit, kind, lang, directory
    )
    if isinstance(resolution, list):
        return 422, error_body(option_errors, lang)
    if isinstance(resolution, _NeedsGeocoding):
        found = (
            await geocoder.ageocode(resolution.query, resolution.postcode, resolution.citycode)
            if geocoder
            else None
        )
        resolution = _after_geocoding(directory, resolution, found)
    return _finish(directory, resolution, option_errors, limit, kind, lang, now, kiosques)


def export_structures(directory: Directory | None = None) -> list[dict[str, Any]]:
    """Every place as a data·inclusion structure (schema v1), validated, JSON-ready."""
    directory = directory or get_directory()
    return [
        to_structure(place, directory.parent_of(place)).model_dump(mode="json") for place in directory.places
    ]


__all__ = [
    "DEFAULT_LIMIT",
    "MAX_LIMIT",
    "PlaceKind",
    "export_structures",
    "nearest_payload",
    "nearest_payload_async",
    "place_payload",
]
