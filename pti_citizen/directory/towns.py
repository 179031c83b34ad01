"""Offline understanding of what people type: a town, a postcode, ``insee:31483`` or ``lat,lon``.

Rules from the contract: a bare 5-digit number is always a postcode; a postcode shared by several
towns resolves to the most populated one (and says so); nothing is guessed silently — an unclear
name gets suggestions instead of an answer, and so does a typo in any of its words (``typos.py``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import StrEnum

from .geo import haversine_km
from .models import Commune
from .normalize import ascii_digits, compact, normalize
from .typos import TypoIndex

_INSEE = re.compile(r"^insee\s*[:=]\s*(\S*)$", re.IGNORECASE)
# Digits are ASCII only (Arabic ones are turned into them first): other scripts' digits are no postcode.
_INSEE_CODE = re.compile(r"^[0-9][0-9AB][0-9]{3}$", re.IGNORECASE)
_POSTCODE = re.compile(r"^([0-9]{2})\s?([0-9]{3})$")
_POSTCODE_IN_TEXT = re.compile(r"(?<![0-9])([0-9]{2})\s?([0-9]{3})(?![0-9])")
_NUMBER = r"[-+]?[0-9]{1,3}(?:\.[0-9]+)?"
_COORDINATES = re.compile(rf"^\s*({_NUMBER})\s*[,;]\s*({_NUMBER})\s*$")

#: A point farther than this from every commune centre is not « near Haute-Garonne ».
VICINITY_KM = 25.0
MAX_SUGGESTIONS = 8
MAX_QUERY_LENGTH = 200  # longer text is cut: no town or address needs more
MIN_PARTIAL_LENGTH = 3


class Resolved(StrEnum):
    TOWN = "town"
    POSTCODE = "postcode"
    INSEE = "insee"
    COORDINATES = "coordinates"
    ADDRESS = "address"


class Problem(StrEnum):
    EMPTY = "empty"
    UNKNOWN_TOWN = "unknown_town"
    AMBIGUOUS_TOWN = "ambiguous_town"
    UNKNOWN_POSTCODE = "unknown_postcode"
    POSTCODE_OUTSIDE = "postcode_outside"
    UNKNOWN_INSEE = "unknown_insee"
    BAD_INSEE = "bad_insee"
    BAD_COORDINATES = "bad_coordinates"
    OUT_OF_AREA = "out_of_area"


#: HTTP status for each problem: not found (404) or a request we cannot use as written (422).
PROBLEM_STATUS = {
    Problem.EMPTY: 422,
    Problem.UNKNOWN_TOWN: 404,
    Problem.AMBIGUOUS_TOWN: 422,
    Problem.UNKNOWN_POSTCODE: 404,
    Problem.POSTCODE_OUTSIDE: 404,
    Problem.UNKNOWN_INSEE: 404,
    Problem.BAD_INSEE: 422,
    Problem.BAD_COORDINATES: 422,
    Problem.OUT_OF_AREA: 422,
}


@dataclass(frozen=True)
class Resolution:
    """The point a query stands for, and how we got it (shown to the person, never hidden)."""

    query: str
    type: Resolved
    lat: float
    lon: float
    commune: Commune | None
    postcode: str | None = None
    postcode_towns: tuple[Commune, ...] = ()
    partial_match: bool = False
    label: str | None = None
    precise: bool = False
    fallback: bool = False


@dataclass(frozen=True)
class QueryProblem:
    code: Problem
    query: str
    field: str = "q"
    suggestions: tuple[Commune, ...] = ()
    insee_match: Commune | None = None
    value: str = ""  # the code as we read it (« 31 800 » → ``31800``), for messages

    @property
    def status(self) -> int:
        return PROBLEM_STATUS[self.code]


@dataclass(frozen=True)
class _Entry:
    key: str
    padded: str
    commune: Commune


class TownIndex:
    def __init__(self, communes: tuple[Commune, ...]):
        self.communes = communes
        self.by_insee = {commune.insee: commune for commune in communes}
        by_population = sorted(communes, key=lambda c: (-c.population, c.name))
        #: Most populated first: the order in which equally good names are offered.
        self.by_population = tuple(by_population)
        self.by_postcode: dict[str, tuple[Commune, ...]] = {}
        for commune in by_population:
            for postcode in commune.postcodes:
                self.by_postcode[postcode] = (*self.by_postcode.get(postcode, ()), commune)
        self._entries = [_Entry(normalize(c.name), f" {normalize(c.name)} ", c) for c in by_population]
        self.by_name = {entry.key: entry.commune for entry in self._entries}
        self._typos = TypoIndex([(entry.key.split(), entry.commune) for entry in self._entries])
        self.by_compact = {compact(c.name): c for c in communes}
        self._radians = [(math.radians(c.lat), math.radians(c.lon), c) for c in communes]

    # -- public -------------------------------------------------------------------------------
    def resolve(self, query: str) -> Resolution | QueryProblem:
        text = ascii_digits((query or "").strip()[:MAX_QUERY_LENGTH])
        if not text:
            return QueryProblem(Problem.EMPTY, text)
        if match := _INSEE.match(text):
            return self._resolve_insee(text, match[1])
        if match := _COORDINATES.match(text):
            return self.resolve_point(float(match[1]), float(match[2]), text)
        if match := _POSTCODE.match(text):
            return self._resolve_postcode(text, match[1] + match[2])
        return self._resolve_text(text)

    def resolve_point(self, lat: float, lon: float, query: str = "") -> Resolution | QueryProblem:
        if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
            return QueryProblem(Problem.BAD_COORDINATES, query)
        commune, distance = self.nearest_commune(lat, lon)
        if distance > VICINITY_KM:
            return QueryProblem(Problem.OUT_OF_AREA, query)
        return Resolution(query, Resolved.COORDINATES, lat, lon, commune, precise=True)

    def nearest_commune(self, lat: float, lon: float) -> tuple[Commune, float]:
        best = min(self.communes, key=lambda c: haversine_km(lat, lon, c.lat, c.lon))
        return best, haversine_km(lat, lon, best.lat, best.lon)

    def towns_of_postcode(self, postcode: str) -> tuple[Commune, ...]:
        """Towns sharing a postcode, most populated first."""
        return self.by_postcode.get(postcode, ())

    def find_name_in_text(self, text: str) -> Commune | None:
        """A town named at the end of a free text (« 3 rue X, 31800 Saint-Gaudens »), for fall-backs."""
        text = ascii_digits(text)
        found = _POSTCODE_IN_TEXT.findall(text)
        words = normalize(_POSTCODE_IN_TEXT.sub(" ", text)).split()
        for start in range(len(words)):
            commune = self.by_name.get(" ".join(words[start:]))
            if commune is not None:
                return commune
        for first, last in reversed(found):
            towns = self.towns_of_postcode(first + last)
            if towns:
                return towns[0]
        return None

    # -- private ------------------------------------------------------------------------------
    def _town(self, query: str, commune: Commune, partial: bool = False) -> Resolution:
        return Resolution(query, Resolved.TOWN, commune.lat, commune.lon, commune, partial_match=partial)

    def _resolve_insee(self, query: str, code: str) -> Resolution | QueryProblem:
        code = code.upper()
        if not _INSEE_CODE.match(code):
            return QueryProblem(Problem.BAD_INSEE, query, value=code)
        commune = self.by_insee.get(code)
        if commune is None:
            return QueryProblem(Problem.UNKNOWN_INSEE, query, value=code)
        return Resolution(query, Resolved.INSEE, commune.lat, commune.lon, commune)

    def _resolve_postcode(self, query: str, postcode: str) -> Resolution | QueryProblem:
        towns = self.towns_of_postcode(postcode)
        if towns:
            first = towns[0]
            return Resolution(
                query, Resolved.POSTCODE, first.lat, first.lon, first, postcode=postcode, postcode_towns=towns
            )
        if not postcode.startswith("31"):
            return QueryProblem(Problem.POSTCODE_OUTSIDE, query, value=postcode)
        insee_match = self.by_insee.get(postcode)
        same_area = [towns[0] for code, towns in sorted(self.by_postcode.items()) if code[:4] == postcode[:4]]
        suggestions = ([insee_match] if insee_match else []) + [c for c in same_area if c is not insee_match]
        return QueryProblem(
            Problem.UNKNOWN_POSTCODE,
            query,
            suggestions=tuple(suggestions[:MAX_SUGGESTIONS]),
            insee_match=insee_match,
            value=postcode,
        )

    def _resolve_text(self, query: str) -> Resolution | QueryProblem:
        postcodes = _POSTCODE_IN_TEXT.findall(query)
        name = normalize(_POSTCODE_IN_TEXT.sub(" ", query)) if postcodes else normalize(query)
        if not name:
            return QueryProblem(Problem.UNKNOWN_TOWN, query)
        result = self._resolve_name(query, name)
        if isinstance(result, QueryProblem) and postcodes:
            first, last = postcodes[0]
            by_postcode = self._resolve_postcode(query, first + last)
            if isinstance(by_postcode, Resolution):
                return by_postcode
        return result

    def _resolve_name(self, query: str, name: str) -> Resolution | QueryProblem:
        commune = self.by_name.get(name) or self.by_compact.get(name.replace(" ", ""))
        if commune is not None:
            return self._town(query, commune)
        candidates = self._partial_matches(name)
        if len(candidates) == 1:
            return self._town(query, candidates[0], partial=True)
        if candidates:
            return QueryProblem(Problem.AMBIGUOUS_TOWN, query, suggestions=candidates[:MAX_SUGGESTIONS])
        return QueryProblem(Problem.UNKNOWN_TOWN, query, suggestions=self.suggest(name))

    def _partial_matches(self, name: str) -> tuple[Commune, ...]:
        """Names starting with the text, or containing it as whole words (« luchon », « isle en dodon »)."""
        if len(name) < MIN_PARTIAL_LENGTH:
            return ()
        padded = f" {name} "
        return tuple(
            entry.commune for entry in self._entries if entry.key.startswith(name) or padded in entry.padded
        )

    def suggest(self, name: str) -> tuple[Commune, ...]:
        """Towns for a name typed with typos (« tolouse », « st gaudans », « luchn »), best first."""
        return tuple(self._typos.closest(name.split(), MAX_SUGGESTIONS))
