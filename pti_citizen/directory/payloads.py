"""The JSON of ``GET /api/v1/places/nearest`` (described in docs/directory.md), written
from the typed answer of a search (``answers.py``). For the HTTP API and the command line only: the
locator page reads the typed answer itself."""

from __future__ import annotations

from typing import Any

from .answers import KiosqueDate, NearestPlaces, PlaceAnswer, SearchProblem, Understood
from .errors import error_body


def resolved_payload(understood: Understood) -> dict[str, Any]:
    resolution = understood.resolution
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
        "explanation": understood.explanation,
        "hint": understood.hint,
    }


def kiosque_payload(date: KiosqueDate) -> dict[str, Any]:
    kiosque = date.kiosque
    return {
        "date": kiosque.day.isoformat(),
        "start": kiosque.start.strftime("%H:%M"),
        "end": kiosque.end.strftime("%H:%M"),
        "date_text": date.date_text,
        "time_text": date.time_text,
        "room": kiosque.room,
        "address": kiosque.address,
        "summary": date.summary,
        "languages": list(kiosque.languages),
        "languages_text": list(date.languages_text),
    }


def place_payload(answer: PlaceAnswer) -> dict[str, Any]:
    """One result, with everything a card needs: status text, links, parent MDS, kiosques."""
    place, parent = answer.place, answer.parent
    return {
        "id": place.id,
        "name": place.name,
        "kind": place.kind.value,
        "kind_label": answer.kind_label,
        "address": place.address,
        "street_address": place.street_address,
        "postcode": place.postcode,
        "commune": place.commune,
        "insee": place.insee,
        "phone": place.phone,
        "phone_e164": place.phone_e164,
        "phone_href": place.phone_href,
        "distance_km": answer.distance_km,
        "distance_text": answer.distance_text,
        "opening_hours": place.opening_hours,
        "hours_source": place.hours_source,
        "open_now": answer.status.open_now,
        "status": answer.status.as_dict(),
        "lat": round(place.lat, 5),
        "lon": round(place.lon, 5),
        "direction_territoriale": place.direction_territoriale,
        "parent_mds": None
        if parent is None
        else {"id": parent.id, "name": parent.name, "phone": parent.phone, "phone_href": parent.phone_href},
        "directions": {"openstreetmap": answer.directions.openstreetmap, "geo": answer.directions.geo},
        "kiosques": [kiosque_payload(k) for k in answer.kiosques],
    }


def nearest_body(answer: NearestPlaces | SearchProblem) -> tuple[int, dict[str, Any]]:
    """``(status, body)`` of ``GET /api/v1/places/nearest`` for a search's answer."""
    if isinstance(answer, SearchProblem):
        return answer.status, error_body(list(answer.errors), answer.lang, answer.suggestions)
    return 200, {
        "resolved": resolved_payload(answer.understood),
        "notice": answer.notice,
        "items": [place_payload(item) for item in answer.items],
        "empty_message": answer.empty_message,
        "lang": answer.lang,
        "now": answer.now.isoformat(),
    }
