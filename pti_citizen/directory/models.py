"""What the directory holds: communes, places (MDS and their points d'accueil) and kiosques."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from ..languages import SOURCE_LANGUAGE
from .phones import tel_href, to_e164


class PlaceKind(StrEnum):
    MDS = "mds"
    POINT_ACCUEIL = "point_accueil"


#: Query kind for « places with an upcoming Kiosque Insertion » (a kiosque is an event, not a place).
KIOSQUE = "kiosque"
QUERY_KINDS = (PlaceKind.MDS.value, PlaceKind.POINT_ACCUEIL.value, KIOSQUE)


class HoursKind(StrEnum):
    """How much the source says about a place's hours."""

    REGULAR = "regular"  # hours known, written as an OpenStreetMap ``opening_hours`` string
    CALL_MDS = "call_mds"  # the source says « contacter votre MDS pour les jours de permanence »
    CLOSED_FOR_WORKS = "closed_for_works"


DIRECTIONS_TERRITORIALES = (
    "Toulouse",
    "Nord Toulousain",
    "Sud Toulousain",
    "Lauragais",
    "Comminges-Pyrénées",
)


@dataclass(frozen=True, slots=True)
class Commune:
    insee: str
    name: str
    postcodes: tuple[str, ...]
    population: int
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    kind: PlaceKind
    name: str
    parent_mds_id: str | None
    direction_territoriale: str
    street_address: str
    postcode: str
    insee: str
    commune: str
    phone: str
    hours_source: str
    hours_kind: HoursKind
    opening_hours: str | None
    reopening_date: dt.date | None
    reopening_month: int | None
    lat: float
    lon: float
    checked: dt.date

    @property
    def address(self) -> str:
        return f"{self.street_address}, {self.postcode} {self.commune}"

    @property
    def phone_e164(self) -> str:
        return to_e164(self.phone)

    @property
    def phone_href(self) -> str:
        return tel_href(self.phone)


@dataclass(frozen=True, slots=True)
class Kiosque:
    """One Kiosque Insertion: a dated meeting in (or near) a place, to meet a referent and partners.

    ``summary`` is one plain French sentence; ``summaries`` may hold its translations by language.
    """

    place_id: str
    day: dt.date
    start: dt.time
    end: dt.time
    summary: str
    languages: tuple[str, ...] = (SOURCE_LANGUAGE,)
    room: str | None = None
    address: str | None = None
    summaries: dict[str, str] = field(default_factory=dict)

    def summary_in(self, lang: str) -> str:
        return self.summaries.get(lang, self.summary)
