"""Dated RSA parameters: the month of an estimate picks the values in force that month.

The values live in ``parameters.yaml`` (each with its start date and legal source) so that a
social worker can review them and the yearly revaluation is a one-line data change.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path

import yaml

PARAMETERS_FILE = Path(__file__).with_name("parameters.yaml")

#: The amounts are revalued every 1 April (art. L262-3 CASF, L161-25 CSS).
REVALUATION_MONTH = 4


class UnknownPeriodError(ValueError):
    """The month is earlier than the first value we hold: we refuse to guess."""

    def __init__(self, month: dt.date, first_month: dt.date) -> None:
        super().__init__(f"no RSA parameters before {first_month:%Y-%m} (asked {month:%Y-%m})")
        self.month = month
        self.first_month = first_month


@dataclass(frozen=True, slots=True)
class Source:
    """Where a value comes from, shown to auditors (``parameters_source`` in the result)."""

    text: str
    url: str
    since: dt.date
    confidence: str


@dataclass(frozen=True, slots=True)
class Parameters:
    """All values in force during one month. Field names are the keys of ``parameters.yaml``."""

    montant_forfaitaire: float
    majoration_deuxieme_personne: float
    majoration_personne_supplementaire: float
    majoration_enfant_a_partir_du_troisieme: float
    majoration_isolement_base: float
    majoration_isolement_par_enfant: float
    majoration_isolement_duree_mois: int
    majoration_isolement_delai_demande_mois: int
    majoration_isolement_fenetre_mois: int
    majoration_isolement_age_enfant: int
    forfait_logement_1_personne: float
    forfait_logement_2_personnes: float
    forfait_logement_3_personnes_ou_plus: float
    montant_minimum_verse: float
    age_minimum: int
    age_limite_personne_a_charge: int
    rsa_jeune_age_minimum: int
    rsa_jeune_heures: int
    duree_titre_sejour_hors_ue_annees: float
    duree_residence_ue_annees: float
    #: Source of the montant forfaitaire in force (the value that changes every year).
    montant_source: Source
    #: Forfait logement amounts for 1, 2 and 3+ persons, precomputed (they only depend on the month).
    forfait_logement: tuple[float, float, float]


PARAMETER_NAMES = tuple(
    f.name for f in fields(Parameters) if f.name not in {"montant_source", "forfait_logement"}
)


def _as_date(value: object) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def next_revaluation_after(day: dt.date) -> dt.date:
    """The first 1 April strictly after ``day``."""
    candidate = dt.date(day.year, REVALUATION_MONTH, 1)
    return candidate if candidate > day else dt.date(day.year + 1, REVALUATION_MONTH, 1)


class ParameterTable:
    """Dated values of every parameter, with a month → :class:`Parameters` lookup."""

    def __init__(self, raw: dict) -> None:
        self._starts: dict[str, list[dt.date]] = {}
        self._values: dict[str, list[float]] = {}
        self._sources: dict[str, list[Source]] = {}
        missing = [name for name in PARAMETER_NAMES if name not in raw]
        if missing:
            raise ValueError(f"parameters file lacks: {', '.join(missing)}")
        for name in PARAMETER_NAMES:
            entries = sorted(raw[name]["values"], key=lambda entry: _as_date(entry["from"]))
            self._starts[name] = [_as_date(entry["from"]) for entry in entries]
            self._values[name] = [entry["value"] for entry in entries]
            self._sources[name] = [
                Source(
                    text=str(entry.get("source", "")),
                    url=str(entry.get("url", "")),
                    since=_as_date(entry["from"]),
                    confidence=str(entry.get("confidence", "")),
                )
                for entry in entries
            ]
        #: First day for which every parameter has a value.
        self.first_day: dt.date = max(starts[0] for starts in self._starts.values())
        #: Start of the latest montant forfaitaire we know.
        self.latest_revaluation: dt.date = self._starts["montant_forfaitaire"][-1]
        #: After this day, a newer revaluation has probably happened that we do not hold yet.
        self.valid_until: dt.date = next_revaluation_after(self.latest_revaluation)
        self._cache: dict[tuple[int, int], Parameters] = {}

    @classmethod
    def from_file(cls, path: Path = PARAMETERS_FILE) -> ParameterTable:
        with path.open(encoding="utf-8") as handle:
            return cls(yaml.safe_load(handle))

    def history(self, name: str) -> list[tuple[dt.date, float, Source]]:
        return list(zip(self._starts[name], self._values[name], self._sources[name], strict=True))

    def for_month(self, year: int, month: int) -> Parameters:
        """Values in force on the 1st of the month (cached: the engine calls this per household)."""
        key = (year, month)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        day = dt.date(year, month, 1)
        if day < self.first_day:
            raise UnknownPeriodError(day, self.first_day)
        values = {}
        for name in PARAMETER_NAMES:
            index = bisect_right(self._starts[name], day) - 1
            values[name] = self._values[name][index]
        montant_index = bisect_right(self._starts["montant_forfaitaire"], day) - 1
        base = values["montant_forfaitaire"]
        two_persons = 1 + values["majoration_deuxieme_personne"]
        three_persons = two_persons + values["majoration_personne_supplementaire"]
        result = Parameters(
            **values,
            montant_source=self._sources["montant_forfaitaire"][montant_index],
            forfait_logement=(
                base * values["forfait_logement_1_personne"],
                base * two_persons * values["forfait_logement_2_personnes"],
                base * three_persons * values["forfait_logement_3_personnes_ou_plus"],
            ),
        )
        self._cache[key] = result
        return result


@cache
def default_table() -> ParameterTable:
    return ParameterTable.from_file()
