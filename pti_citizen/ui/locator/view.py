"""The directory's answer, flattened into what one screen shows (pure Python, no Reflex).

The core answers with nested JSON (``resolved``, ``items``, ``errors``); the page wants flat,
typed records it can loop over. Nothing here invents text: every sentence comes from the core,
already in the person's language. The person's own coordinates are not kept (the screen does not
show them); only the route planner link starts from them, as the core builds it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from babel.lists import format_list

from pti_citizen.i18n import normalize_language

#: Where the problem is shown: next to the town field, the position button or the address field.
FIELDS = ("town", "gps", "address")


@dataclasses.dataclass
class KiosqueLine:
    date_text: str = ""
    time_text: str = ""
    summary: str = ""
    where: str = ""
    languages_text: str = ""


@dataclasses.dataclass
class Card:
    id: str = ""
    name: str = ""
    kind: str = ""
    kind_label: str = ""
    distance_text: str = ""
    address: str = ""
    status_code: str = ""
    status_text: str = ""
    phone: str = ""
    phone_href: str = ""
    directions_url: str = ""
    geo_url: str = ""
    parent_name: str = ""
    parent_phone: str = ""
    parent_phone_href: str = ""
    kiosques: list[KiosqueLine] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class Town:
    """A town to pick: a suggestion after a typo, or another town sharing a postcode."""

    name: str = ""
    query: str = ""
    postcodes: str = ""


@dataclasses.dataclass
class Outcome:
    """One search's answer as the page shows it. ``ok`` is False when ``error`` explains why."""

    ok: bool = False
    field: str = "town"
    cards: list[Card] = dataclasses.field(default_factory=list)
    town: str = ""
    explanation: str = ""
    hint: str = ""
    notice: str = ""
    fallback: bool = False
    other_towns: list[Town] = dataclasses.field(default_factory=list)
    empty_message: str = ""
    share_query: str = ""
    error: str = ""
    error_code: str = ""
    suggestions_header: str = ""
    suggestions: list[Town] = dataclasses.field(default_factory=list)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def kiosque_line(kiosque: Mapping[str, Any], lang: str) -> KiosqueLine:
    where = ", ".join(part for part in (kiosque.get("room"), kiosque.get("address")) if part)
    languages = [name for name in kiosque.get("languages_text") or [] if name]
    return KiosqueLine(
        date_text=_text(kiosque.get("date_text")),
        time_text=_text(kiosque.get("time_text")),
        summary=_text(kiosque.get("summary")),
        where=where,
        languages_text=format_list(languages, locale=normalize_language(lang)) if languages else "",
    )


def card(item: Mapping[str, Any], lang: str) -> Card:
    parent = item.get("parent_mds") or {}
    directions = item.get("directions") or {}
    status = item.get("status") or {}
    return Card(
        id=_text(item.get("id")),
        name=_text(item.get("name")),
        kind=_text(item.get("kind")),
        kind_label=_text(item.get("kind_label")),
        distance_text=_text(item.get("distance_text")),
        address=_text(item.get("address")),
        status_code=_text(status.get("code")),
        status_text=_text(status.get("text")),
        phone=_text(item.get("phone")),
        phone_href=_text(item.get("phone_href")),
        directions_url=_text(directions.get("openstreetmap")),
        geo_url=_text(directions.get("geo")),
        parent_name=_text(parent.get("name")),
        parent_phone=_text(parent.get("phone")),
        parent_phone_href=_text(parent.get("phone_href")),
        kiosques=[kiosque_line(k, lang) for k in item.get("kiosques") or []],
    )


def share_query(resolved: Mapping[str, Any]) -> str:
    """What a shared link may hold: the town or postcode typed, never a position or an address.

    A position or an address becomes the name of its town; an ``insee:`` query (a clicked
    suggestion) becomes the town's name too, which reads better and finds the same town.
    """
    if resolved.get("fallback"):
        return _text(resolved.get("name"))
    if resolved.get("type") == "postcode":
        # « 3 rue X 31800 » typed in the town field is read as its postcode: share only that.
        return _text(resolved.get("postcode"))
    if resolved.get("type") == "town":
        return _text(resolved.get("query")).strip()
    return _text(resolved.get("name"))


def _other_towns(resolved: Mapping[str, Any]) -> list[Town]:
    chosen = resolved.get("insee")
    return [
        Town(name=_text(town.get("name")), query=f"insee:{town.get('insee')}")
        for town in resolved.get("towns") or []
        if town.get("insee") != chosen
    ]


def _problem(body: Mapping[str, Any], field: str) -> Outcome:
    errors = body.get("errors") or []
    first = errors[0] if errors else {}
    suggestions = [
        Town(
            name=_text(s.get("name")),
            query=_text(s.get("query")),
            postcodes=", ".join(s.get("postcodes") or []),
        )
        for s in body.get("suggestion_details") or []
    ]
    return Outcome(
        ok=False,
        field=field,
        error=" ".join(_text(e.get("message")) for e in errors if e.get("message")),
        error_code=_text(first.get("code")),
        suggestions_header=_text(body.get("suggestions_header")),
        suggestions=suggestions,
    )


def outcome(status: int, body: Mapping[str, Any], field: str = "town") -> Outcome:
    """Turn ``nearest_payload``'s ``(status, body)`` into what the page shows for ``field``."""
    if field not in FIELDS:
        raise ValueError(f"unknown field {field!r}")
    if status != 200:
        return _problem(body, field)
    lang = _text(body.get("lang")) or "fr"
    resolved = body.get("resolved") or {}
    return Outcome(
        ok=True,
        field=field,
        cards=[card(item, lang) for item in body.get("items") or []],
        town=_text(resolved.get("name")),
        explanation=_text(resolved.get("explanation")),
        hint=_text(resolved.get("hint")),
        notice=_text(body.get("notice")),
        fallback=bool(resolved.get("fallback")),
        other_towns=_other_towns(resolved) if resolved.get("type") == "postcode" else [],
        empty_message=_text(body.get("empty_message")),
        share_query=share_query(resolved),
    )
