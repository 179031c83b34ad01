"""JSON pieces of an answer: how the query was understood, and one card per place."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..i18n import format_date, format_number, format_time
from .geo import geo_uri, osm_directions_url
from .hours import opening_status
from .loader import Directory
from .messages import gettext, kind_label, language_name, ngettext
from .models import Kiosque, Place
from .towns import Resolution, Resolved


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
