"""A search's answer as typed records, every text already in the person's language: what the locator
page shows, and what ``payloads.py`` writes as the JSON of ``GET /api/v1/places/nearest``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..i18n import format_date, format_number, format_time
from .errors import FieldError
from .geo import geo_uri, osm_directions_url
from .hours import OpeningStatus, opening_status
from .loader import Directory
from .messages import gettext, kind_label, language_name, ngettext
from .models import Commune, Kiosque, Place
from .towns import Resolution, Resolved


@dataclass(frozen=True)
class KiosqueDate:
    """One upcoming Kiosque Insertion of a place, as it is said."""

    kiosque: Kiosque
    date_text: str
    time_text: str  # « de 9 h 30 à 12 h »
    summary: str  # in the person's language when a translation exists
    languages_text: tuple[str, ...]  # the languages spoken, named in the person's language


@dataclass(frozen=True)
class Directions:
    openstreetmap: str  # a route planner; from the person's point when it is precise
    geo: str  # ``geo:`` link for the phone's map application


@dataclass(frozen=True)
class PlaceAnswer:
    """One place of the result list, with everything its card needs."""

    place: Place
    kind_label: str
    distance_km: float | None  # to 0.1 km
    distance_text: str | None  # « 1,6 km »
    status: OpeningStatus
    parent: Place | None  # the MDS a point d'accueil depends on
    directions: Directions
    kiosques: tuple[KiosqueDate, ...]


@dataclass(frozen=True)
class Understood:
    """How the query was understood, said in plain words (never hidden from the person)."""

    resolution: Resolution
    explanation: str
    hint: str | None  # « Il y a 22 lieux à Toulouse. Écrivez votre adresse… »

    @property
    def town(self) -> str | None:
        return self.resolution.commune.name if self.resolution.commune else None

    @property
    def other_towns(self) -> tuple[Commune, ...]:
        """The other towns of a postcode, to pick instead of the most populated one."""
        chosen = self.resolution.commune
        return tuple(c for c in self.resolution.postcode_towns if chosen is None or c.insee != chosen.insee)


@dataclass(frozen=True)
class NearestPlaces:
    """A search that found where to look: the places nearest to that point (maybe none)."""

    understood: Understood
    notice: str  # « Votre MDS dépend de votre adresse : appelez pour vérifier. »
    items: tuple[PlaceAnswer, ...]
    empty_message: str | None
    lang: str
    now: dt.datetime


@dataclass(frozen=True)
class SearchProblem:
    """A search that could not be answered: unknown or unclear place (404), invalid input (422)."""

    status: int
    errors: tuple[FieldError, ...]
    suggestions: tuple[Commune, ...]
    suggestions_header: str | None
    lang: str


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


def understood(directory: Directory, resolution: Resolution, lang: str) -> Understood:
    return Understood(resolution, _explanation(resolution, lang), _hint(directory, resolution, lang))


def kiosque_date(kiosque: Kiosque, lang: str) -> KiosqueDate:
    _ = gettext(lang)
    start, end = format_time(kiosque.start, lang), format_time(kiosque.end, lang)
    return KiosqueDate(
        kiosque=kiosque,
        date_text=format_date(kiosque.day, lang),
        time_text=_("de %(start)s à %(end)s") % {"start": start, "end": end},
        summary=kiosque.summary_in(lang),
        languages_text=tuple(language_name(code, lang) for code in kiosque.languages),
    )


def place_answer(
    directory: Directory,
    place: Place,
    distance_km: float | None,
    *,
    now: dt.datetime,
    lang: str,
    kiosques: list[Kiosque] = (),
    origin: tuple[float, float] | None = None,
) -> PlaceAnswer:
    return PlaceAnswer(
        place=place,
        kind_label=kind_label(place.kind.value, lang),
        distance_km=None if distance_km is None else round(distance_km, 1),
        distance_text=None if distance_km is None else f"{format_number(distance_km, lang, 1)} km",
        status=opening_status(place, now, lang),
        parent=directory.parent_of(place),
        directions=Directions(
            openstreetmap=osm_directions_url(place.lat, place.lon, origin),
            geo=geo_uri(place.lat, place.lon, place.name),
        ),
        kiosques=tuple(kiosque_date(k, lang) for k in kiosques),
    )
