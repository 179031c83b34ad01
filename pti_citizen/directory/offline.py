"""The directory as data for the browser, so that the town search works without the network.

``assets/locator-offline.js`` answers a town, a postcode, ``insee:CODE`` or a position from this data
when the page cannot reach the server (a village with a weak connection, a phone in a lift). The data
is written here, by the core, so that the browser restates no rule and no sentence:

- the communes as :class:`~.towns.TownIndex` reads them (normalized names, postcodes, the order that
  breaks ties) and the numbers of the rules (abbreviations, typos, limits);
- the places as the cards show them (address, phone, links, parent MDS);
- every sentence in every language, written by the same functions as online answers, with ``{town}``,
  ``{query}``… where the browser puts the values;
- each place's opening status for the next days, as :func:`~.hours.opening_status` says it, cut into
  spans of time where it does not change (with public holidays).

A test runs the script on this data and compares its answers with :func:`~.api.nearest`.
Kiosques Insertion are left out: their dates change during the day, the offline answer says so.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..french_text import LATIN_RUN, WEB_ADDRESS, right_to_left
from ..i18n import LANGUAGES, format_number
from .answers import _explanation, _hint
from .api import DEFAULT_LIMIT, MAX_LIMIT
from .errors import problem_error
from .geo import EARTH_RADIUS_KM, geo_uri, osm_directions_url
from .hours import PARIS, opening_status, paris_time
from .loader import Directory, get_directory
from .messages import address_notice, gettext, kind_label, suggestions_header
from .models import Commune, Place, PlaceKind
from .normalize import ABBREVIATIONS, EASTERN_DIGITS, LIGATURES, normalize
from .towns import (
    MAX_QUERY_LENGTH,
    MAX_SUGGESTIONS,
    MIN_PARTIAL_LENGTH,
    VICINITY_KM,
    Problem,
    QueryProblem,
    Resolution,
    Resolved,
)
from .typos import rules as typo_rules

FORMAT = 1
#: Opening statuses are given for this many days; after that the card says to call first.
STATUS_DAYS = 31
#: « Afficher plus de lieux » adds this many (as on the page).
MORE_STEP = 5

_HOLE = {name: "{" + name + "}" for name in ("town", "query", "postcode", "code", "value", "count")}
#: What Python's ``str.strip()`` and ``\s`` take for white space (JavaScript's differ slightly).
WHITESPACE = "".join(chr(code) for code in range(0x3001) if chr(code).isspace())


def _fake_town(name: str = _HOLE["town"], insee: str = _HOLE["code"]) -> Commune:
    return Commune(insee=insee, name=name, postcodes=(), population=0, lat=0.0, lon=0.0)


def _resolution(
    kind: Resolved, *, partial: bool = False, towns: int = 0, fallback: bool = False
) -> Resolution:
    town = _fake_town()
    return Resolution(
        query=_HOLE["query"],
        type=kind,
        lat=0.0,
        lon=0.0,
        commune=town,
        postcode=_HOLE["postcode"],
        postcode_towns=(town,) * towns,
        partial_match=partial,
        fallback=fallback,
    )


def _explanations(lang: str, counts: set[int]) -> dict[str, Any]:
    many = {str(n): _explanation(_resolution(Resolved.POSTCODE, towns=n), lang) for n in sorted(counts)}
    return {
        "town": _explanation(_resolution(Resolved.TOWN), lang),
        "partial": _explanation(_resolution(Resolved.TOWN, partial=True), lang),
        "postcode": _explanation(_resolution(Resolved.POSTCODE, towns=1), lang),
        "postcode_many": many,
        "insee": _explanation(_resolution(Resolved.INSEE), lang),
        "coordinates": _explanation(_resolution(Resolved.COORDINATES), lang),
        "fallback": _explanation(_resolution(Resolved.TOWN, fallback=True), lang),
    }


def _problems(lang: str) -> dict[str, str]:
    def message(code: Problem, **extra) -> str:
        problem = QueryProblem(code, _HOLE["query"], value=_HOLE["value"], **extra)
        return problem_error(problem, lang).message

    texts = {code.value: message(code) for code in Problem}
    texts["unknown_postcode_insee"] = message(Problem.UNKNOWN_POSTCODE, insee_match=_fake_town())
    return texts


def _decimal_symbols(lang: str) -> dict[str, str]:
    sample = format_number(1234.5, lang, 1)  # « 1 234,5 »: the group and decimal signs the core writes
    return {"group": sample[1:-5], "decimal": sample[-2]}


def _texts(directory: Directory, lang: str) -> dict[str, Any]:
    _ = gettext(lang)
    counts = {len(towns) for towns in directory.towns.by_postcode.values() if len(towns) > 1}
    hints = {}
    for commune in directory.towns.communes:
        resolution = Resolution("", Resolved.TOWN, commune.lat, commune.lon, commune)
        if (hint := _hint(directory, resolution, lang)) is not None:
            hints[commune.insee] = hint
    return {
        "explanation": _explanations(lang, counts),
        "hints": hints,
        "notice": address_notice(lang),
        "suggestions_header": suggestions_header(lang),
        "problems": _problems(lang),
        "empty": _("Aucun lieu trouvé."),
        "call_first": _("Appelez avant de venir."),
        "kinds": {kind.value: kind_label(kind.value, lang) for kind in PlaceKind},
        "number": _decimal_symbols(lang),
    }


def _next_midnight(moment: dt.datetime) -> dt.datetime:
    day = moment.date() + dt.timedelta(days=1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=PARIS)


def _hours_key(place: Place) -> str:
    return "|".join(
        str(part)
        for part in (place.hours_kind.value, place.opening_hours, place.reopening_date, place.reopening_month)
    )


def _statuses(places: list[Place], start: dt.datetime, days: int) -> dict[str, Any]:
    """Per kind of hours: ``[[start (ms since 1970), status], ...]``; ``status`` indexes ``codes`` and
    each language's ``texts``. A status holds until the next span starts (or the end of the window)."""
    end = start + dt.timedelta(days=days)
    table: dict[tuple[str, ...], int] = {}
    spans: dict[str, list[list[int]]] = {}
    for place in places:
        key = _hours_key(place)
        if key in spans:
            continue
        spans[key] = []
        moment = start
        while moment < end:
            said = {lang: opening_status(place, moment, lang) for lang in LANGUAGES}
            status = (said["fr"].code.value, *(said[lang].text for lang in LANGUAGES))
            index = table.setdefault(status, len(table))
            if not spans[key] or spans[key][-1][1] != index:
                spans[key].append([int(moment.timestamp() * 1000), index])
            change = said["fr"].next_change
            later = _next_midnight(moment)
            if change is not None and moment < change < later:
                later = change
            moment = later
    statuses = list(table)
    return {
        "until": int(end.timestamp() * 1000),
        "spans": spans,
        "codes": [status[0] for status in statuses],
        "texts": {lang: [status[1 + i] for status in statuses] for i, lang in enumerate(LANGUAGES)},
    }


def _place(directory: Directory, place: Place) -> dict[str, Any]:
    parent = directory.parent_of(place)
    return {
        "id": place.id,
        "kind": place.kind.value,
        "name": place.name,
        "address": place.address,
        "phone": place.phone,
        "phone_href": place.phone_href,
        "parent": parent.id if parent else None,
        "lat": place.lat,
        "lon": place.lon,
        "directions": osm_directions_url(place.lat, place.lon),
        "geo": geo_uri(place.lat, place.lon, place.name),
        "hours": _hours_key(place),
    }


def offline_data(now: dt.datetime | None = None, directory: Directory | None = None) -> dict[str, Any]:
    """Everything the browser's offline search needs, as JSON-ready data (about 90 kB, 25 kB gzipped).

    Opening statuses start at the beginning of ``now``'s day (Paris) and cover :data:`STATUS_DAYS`."""
    directory = directory or get_directory()
    towns = directory.towns
    today = paris_time(now).date()
    start = dt.datetime(today.year, today.month, today.day, tzinfo=PARIS)
    position = {commune.insee: i for i, commune in enumerate(towns.communes)}
    return {
        "format": FORMAT,
        "rules": {
            "abbreviations": ABBREVIATIONS,
            "ligatures": LIGATURES,
            "digits": EASTERN_DIGITS,
            "whitespace": WHITESPACE,
            "latin_run": LATIN_RUN.pattern,
            "web_address": WEB_ADDRESS.pattern,
            "max_query": MAX_QUERY_LENGTH,
            "min_partial": MIN_PARTIAL_LENGTH,
            "max_suggestions": MAX_SUGGESTIONS,
            "vicinity_km": VICINITY_KM,
            "earth_radius_km": EARTH_RADIUS_KM,
            "first_limit": DEFAULT_LIMIT,
            "more_step": MORE_STEP,
            "max_limit": MAX_LIMIT,
            "typos": typo_rules(),
        },
        # [insee, name, normalized name, postcodes, population, lat, lon], in the data's order (the
        # order that breaks distance ties); ``by_population`` is the order that breaks name ties.
        "communes": [
            [c.insee, c.name, normalize(c.name), list(c.postcodes), c.population, c.lat, c.lon]
            for c in towns.communes
        ],
        "by_population": [position[c.insee] for c in towns.by_population],
        "rtl": [lang for lang in LANGUAGES if right_to_left(lang)],
        "places": [_place(directory, place) for place in directory.places],
        "statuses": _statuses(list(directory.places), start, STATUS_DAYS),
        "texts": {lang: _texts(directory, lang) for lang in LANGUAGES},
    }
