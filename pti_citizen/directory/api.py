"""The directory's services: :func:`nearest` (the one search, typed answer) and its JSON for
``GET /api/v1/places/nearest`` (:func:`nearest_payload`), and ``GET /api/v1/places``.

Neither raises on bad input: a problem is an answer too, with field-level messages in the person's
language (the contract is described in docs/directory.md).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import math
from collections.abc import Coroutine, Iterable
from dataclasses import dataclass
from typing import Any

from ..i18n import normalize_language
from .answers import NearestPlaces, SearchProblem, place_answer, understood
from .errors import FieldError, problem_error
from .geocoder import BanGeocoder, GeocodedAddress
from .hours import paris_time
from .kiosques import upcoming_by_place
from .loader import Directory, get_directory
from .messages import address_notice, gettext, suggestions_header
from .models import QUERY_KINDS, Kiosque
from .payloads import nearest_body
from .structures import to_structure
from .towns import Problem, QueryProblem, Resolution, Resolved

DEFAULT_LIMIT = 5
MAX_LIMIT = 80
_GEOCODABLE = {Problem.UNKNOWN_TOWN, Problem.AMBIGUOUS_TOWN}


def query_kind(value: Any) -> str | None:
    """A place kind as typed (« MDS », `` kiosque ``), or ``None`` for « every kind »: the leniency a
    screen wants (an unknown kind shows everything); the HTTP API refuses it instead."""
    text = str(value or "").strip().lower()
    return text if text in QUERY_KINDS else None


def bounded_limit(value: Any, default: int = DEFAULT_LIMIT) -> int:
    """A number of results kept inside ``1..MAX_LIMIT`` (``default`` when it is not a number)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return min(MAX_LIMIT, max(1, number))


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
) -> NearestPlaces:
    upcoming = upcoming_by_place(_current_kiosques(directory, kiosques), now)
    ranked = directory.index.nearest(
        resolution.lat, resolution.lon, limit=limit, kind=kind, with_kiosques=upcoming.keys()
    )
    origin = (resolution.lat, resolution.lon) if resolution.precise else None
    items = tuple(
        place_answer(
            directory, place, km, now=now, lang=lang, kiosques=upcoming.get(place.id, []), origin=origin
        )
        for place, km in ranked
    )
    _ = gettext(lang)
    empty = None
    if not items:
        empty = (
            _(
                "Aucun Kiosque Insertion n'est annoncé pour le moment. Demandez les prochaines dates à votre MDS."
            )
            if kind == "kiosque"
            else _("Aucun lieu trouvé.")
        )
    return NearestPlaces(
        understood=understood(directory, resolution, lang),
        notice=address_notice(lang),
        items=items,
        empty_message=empty,
        lang=lang,
        now=now,
    )


def _problem(errors: list[FieldError], lang: str, query: QueryProblem | None = None) -> SearchProblem:
    if query is None:
        return SearchProblem(422, tuple(errors), (), None, lang)
    suggestions = tuple(query.suggestions)
    header = suggestions_header(lang) if suggestions else None
    return SearchProblem(query.status, (problem_error(query, lang), *errors), suggestions, header, lang)


async def nearest(
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
) -> NearestPlaces | SearchProblem:
    """The places nearest to a town, a postcode, ``insee:CODE``, ``lat``/``lon`` or (with a
    ``geocoder``) a street address, or the problem with the query. Values may come as typed
    (``limit`` and ``lat``/``lon`` as strings). ``kiosques``: the Kiosques Insertion to show (the
    app passes its calendar's); the shipped list otherwise.

    Offline unless a ``geocoder`` is given (then free text that is not a town is tried as a street
    address, and the town search is the fall-back). Awaits nothing else.
    """
    lang = normalize_language(lang)
    directory = directory or get_directory()
    limit_value, kind_value, errors = _check_options(limit, kind, lang)
    resolution = _resolve_offline(directory, q, lat, lon, lang)
    if isinstance(resolution, list):
        return _problem(resolution + errors, lang)
    if isinstance(resolution, _NeedsGeocoding):
        use_geocoder = geocoder is not None and not errors
        found = (
            await geocoder.ageocode(resolution.query, resolution.postcode, resolution.citycode)
            if use_geocoder
            else None
        )
        resolution = _after_geocoding(directory, resolution, found)
    if isinstance(resolution, QueryProblem):
        return _problem(errors, lang, resolution)
    if errors:
        return _problem(errors, lang)
    return _answer(
        directory,
        resolution,
        limit=limit_value,
        kind=kind_value,
        lang=lang,
        now=paris_time(now),
        kiosques=kiosques,
    )


def _to_the_end(search: Coroutine[Any, Any, NearestPlaces | SearchProblem]) -> NearestPlaces | SearchProblem:
    """A search without a geocoder awaits nothing: it finishes at its first step, no event loop needed."""
    try:
        search.send(None)
    except StopIteration as finished:
        return finished.value
    search.close()
    raise RuntimeError("a search without a geocoder waited for something")


def nearest_offline(
    q: str | None = None,
    limit: int | str = DEFAULT_LIMIT,
    kind: str | None = None,
    lang: str = "fr",
    now: dt.datetime | None = None,
    *,
    kiosques: Iterable[Kiosque] | None = None,
    directory: Directory | None = None,
) -> NearestPlaces | SearchProblem:
    """:func:`nearest` for a town, a postcode or ``insee:CODE``, without an event loop (a page rendered
    in a worker thread): it never goes online."""
    return _to_the_end(nearest(q, None, None, limit, kind, lang, now, kiosques=kiosques, directory=directory))


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
    """:func:`nearest` as ``(status, body)`` JSON, for the command line and scripts (not for an event
    loop: there, ``nearest_body(await nearest(...))``). ``(200, {"resolved", "notice", "items", ...})``,
    ``(404, {"errors", "suggestions"})`` for an unknown place, ``(422, ...)`` for invalid input."""
    search = nearest(
        q, lat, lon, limit, kind, lang, now, geocoder=geocoder, kiosques=kiosques, directory=directory
    )
    return nearest_body(asyncio.run(search) if geocoder is not None else _to_the_end(search))


def export_structures(directory: Directory | None = None) -> list[dict[str, Any]]:
    """Every place as a data·inclusion structure (schema v1), validated, JSON-ready."""
    directory = directory or get_directory()
    return [
        to_structure(place, directory.parent_of(place)).model_dump(mode="json") for place in directory.places
    ]


__all__ = [
    "DEFAULT_LIMIT",
    "MAX_LIMIT",
    "bounded_limit",
    "export_structures",
    "nearest",
    "nearest_offline",
    "nearest_payload",
    "query_kind",
]
