"""The directory's answer, flattened into what one screen shows (pure Python, no Reflex).

The core answers with typed records (``NearestPlaces``: how the query was understood, one
``PlaceAnswer`` per place; or a ``SearchProblem``); the page's state wants flat records of text it
can loop over and keep in the session. Nothing here invents text: every sentence comes from the
core, already in the person's language. The person's own coordinates are not kept (the screen does
not show them); only the route planner link starts from them, as the core builds it.

Sentences come with their :class:`Piece` list too: the French kept inside them (a town, an address,
« MDS ») is marked, so that the page says it in French and, in Arabic, keeps its order
(``french_text.py``, issue #14).
"""

from __future__ import annotations

import dataclasses
from urllib.parse import urlencode

from babel.lists import format_list

from pti_citizen.directory import (
    KiosqueDate,
    NearestPlaces,
    PlaceAnswer,
    SearchProblem,
    Understood,
)
from pti_citizen.directory.towns import Resolved
from pti_citizen.french_text import french_parts, names_pattern, quotes_held
from pti_citizen.handover.calendar import KIOSQUE_ICS_PATH, kiosque_id

from .texts import texts

#: Where the problem is shown: next to the town field, the position button or the address field.
FIELDS = ("town", "gps", "address")


@dataclasses.dataclass
class Piece:
    """A piece of a sentence; ``fr``: French kept inside a translated sentence."""

    text: str = ""
    fr: bool = False


def pieces(text: str, lang: str, names: tuple[str, ...] = ()) -> list[Piece]:
    """``text`` cut where French sits in it: every Latin run in Arabic, the given ``names`` (a town, a
    place) in English and Spanish, nothing in French."""
    text = quotes_held(text)
    return [
        Piece(part.text, part.lang is not None) for part in french_parts(text, lang, names_pattern(names))
    ]


@dataclasses.dataclass
class KiosqueLine:
    date_text: str = ""
    time_text: str = ""
    summary: str = ""
    summary_pieces: list[Piece] = dataclasses.field(default_factory=list)
    where: str = ""
    languages_text: str = ""
    ics_url: str = ""  # « Ajouter à mon agenda »: a calendar file of this date, nothing stored
    ics_label: str = ""  # its accessible name, with the date: « Ajouter à mon agenda (8 décembre 2026) »


@dataclasses.dataclass
class Card:
    id: str = ""
    name: str = ""
    kind: str = ""
    kind_label: str = ""
    kind_pieces: list[Piece] = dataclasses.field(default_factory=list)
    distance_text: str = ""
    address: str = ""
    status_code: str = ""
    status_text: str = ""
    status_pieces: list[Piece] = dataclasses.field(default_factory=list)
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
    explanation_pieces: list[Piece] = dataclasses.field(default_factory=list)
    hint: str = ""
    hint_pieces: list[Piece] = dataclasses.field(default_factory=list)
    notice: str = ""
    notice_pieces: list[Piece] = dataclasses.field(default_factory=list)
    fallback: bool = False
    other_towns: list[Town] = dataclasses.field(default_factory=list)
    empty_message: str = ""
    empty_pieces: list[Piece] = dataclasses.field(default_factory=list)
    share_query: str = ""
    error: str = ""
    error_pieces: list[Piece] = dataclasses.field(default_factory=list)
    error_code: str = ""
    suggestions_header: str = ""
    suggestions: list[Town] = dataclasses.field(default_factory=list)


def kiosque_line(date: KiosqueDate, lang: str) -> KiosqueLine:
    kiosque = date.kiosque
    where = ", ".join(part for part in (kiosque.room, kiosque.address) if part)
    languages = [name for name in date.languages_text if name]
    return KiosqueLine(
        date_text=date.date_text,
        time_text=date.time_text,
        summary=date.summary,
        # A summary without a translation is the team's French sentence: all of it is French.
        summary_pieces=[Piece(date.summary, fr=lang != "fr" and lang not in kiosque.summaries)]
        if date.summary
        else [],
        where=where,
        languages_text=format_list(languages, locale=lang) if languages else "",
        ics_url=f"{KIOSQUE_ICS_PATH}?{urlencode({'id': kiosque_id(kiosque), 'lang': lang})}",
        ics_label=f"{texts(lang)['add_to_calendar']} ({date.date_text})",
    )


def card(item: PlaceAnswer, lang: str) -> Card:
    place, parent = item.place, item.parent
    return Card(
        id=place.id,
        name=place.name,
        kind=place.kind.value,
        kind_label=item.kind_label,
        kind_pieces=pieces(item.kind_label, lang),
        distance_text=item.distance_text or "",
        address=place.address,
        status_code=item.status.code.value,
        status_text=item.status.text,
        status_pieces=pieces(item.status.text, lang),
        phone=place.phone,
        phone_href=place.phone_href,
        directions_url=item.directions.openstreetmap,
        geo_url=item.directions.geo,
        parent_name=parent.name if parent else "",
        parent_phone=parent.phone if parent else "",
        parent_phone_href=parent.phone_href if parent else "",
        kiosques=[kiosque_line(k, lang) for k in item.kiosques],
    )


def share_query(understood: Understood) -> str:
    """What a shared link may hold: the town or postcode typed, never a position or an address.

    A position or an address becomes the name of its town; an ``insee:`` query (a clicked
    suggestion) becomes the town's name too, which reads better and finds the same town.
    """
    resolution = understood.resolution
    town = understood.town or ""
    if resolution.fallback:
        return town
    if resolution.type is Resolved.POSTCODE:
        # « 3 rue X 31800 » typed in the town field is read as its postcode: share only that.
        return resolution.postcode or ""
    if resolution.type is Resolved.TOWN:
        return resolution.query.strip()
    return town


def _problem(problem: SearchProblem, field: str) -> Outcome:
    suggestions = [
        Town(name=c.name, query=f"insee:{c.insee}", postcodes=", ".join(c.postcodes))
        for c in problem.suggestions
    ]
    error = " ".join(e.message for e in problem.errors if e.message)
    return Outcome(
        ok=False,
        field=field,
        error=error,
        error_pieces=pieces(error, problem.lang),
        error_code=problem.errors[0].code if problem.errors else "",
        suggestions_header=problem.suggestions_header or "",
        suggestions=suggestions,
    )


def outcome(answer: NearestPlaces | SearchProblem, field: str = "town") -> Outcome:
    """Turn the directory's answer (``await directory.nearest(...)``) into what the page shows for ``field``."""
    if field not in FIELDS:
        raise ValueError(f"unknown field {field!r}")
    if isinstance(answer, SearchProblem):
        return _problem(answer, field)
    understood = answer.understood
    postcode = understood.resolution.type is Resolved.POSTCODE
    lang = answer.lang
    town = understood.town or ""
    names = (town, understood.resolution.label or "")
    return Outcome(
        ok=True,
        field=field,
        cards=[card(item, lang) for item in answer.items],
        town=town,
        explanation=understood.explanation,
        explanation_pieces=pieces(understood.explanation, lang, names),
        hint=understood.hint or "",
        hint_pieces=pieces(understood.hint or "", lang, names),
        notice=answer.notice,
        notice_pieces=pieces(answer.notice, lang),
        fallback=understood.resolution.fallback,
        other_towns=[Town(name=c.name, query=f"insee:{c.insee}") for c in understood.other_towns]
        if postcode
        else [],
        empty_message=answer.empty_message or "",
        empty_pieces=pieces(answer.empty_message or "", lang),
        share_query=share_query(understood),
    )
