"""The figures content pages show, read from the simulator's dated parameters: one source for every amount.

A page writes ``{{ montant: rsa.montant_forfaitaire }}``; the renderer asks this module for the value in
force in the month it renders and formats it per language. The 1 April revaluation is then one line in
``simulator/parameters.yaml``, and no page can disagree with the engine.

This is the only module of ``content`` that knows where the engine keeps its values. When the engine
exposes its own accessor keyed ``<benefit>.<parameter>`` (issue #11), only this file changes; until then a
key the engine does not hold yet (``prime_activite.*``…) is listed in ``PENDING`` and shown « à vérifier »,
never guessed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from pti_citizen.content.model import Source
from pti_citizen.simulator.parameters import (
    Parameters,
    ParameterTable,
    UnknownPeriodError,
    default_table,
)
from pti_citizen.simulator.parameters import Source as ParameterSource
from pti_citizen.simulator.rules import cents

EUR = "EUR"
COUNT = "count"

#: Placeholder kind (the word before « : ») → the unit the figure must have.
KINDS: dict[str, str | None] = {"montant": EUR, "nombre": COUNT, "date": None}

#: Keys pages may already use, that the engine does not hold yet (issue #11 adds them).
PENDING: frozenset[str] = frozenset(
    {
        "prime_activite.montant_forfaitaire",
        "prime_activite.montant_minimum_verse",
        "prime_activite.seuil_eleve_etudiant_apprenti",
        "allocation_soutien_familial.montant_retenu_rsa",
    }
)


@dataclass(frozen=True)
class Figure:
    """One value in force in a month, with where it comes from; ``value`` is ``None`` when not held."""

    key: str
    unit: str
    value: Decimal | int | None
    since: dt.date | None
    sources: tuple[Source, ...]
    #: The value is not confirmed: its source says « to_check », a newer revaluation is probably due, or
    #: the engine does not hold it. A page showing it must say « à vérifier ».
    to_check: bool


@dataclass(frozen=True)
class _Definition:
    unit: str
    parameters: tuple[str, ...]  # the parameters the value is made from (their sources and dates)
    value: Callable[[Parameters], float | int]
    revalued: bool  # follows the yearly 1 April revaluation


def _base_times(factor: Callable[[Parameters], float]) -> Callable[[Parameters], float]:
    return lambda p: cents(p.montant_forfaitaire * factor(p))


def _raw(name: str) -> Callable[[Parameters], float | int]:
    return lambda p: getattr(p, name)


_SCALE = ("montant_forfaitaire", "majoration_deuxieme_personne", "majoration_personne_supplementaire")
_LARGE = (*_SCALE, "majoration_enfant_a_partir_du_troisieme")
_SINGLE_PARENT = ("montant_forfaitaire", "majoration_isolement_base", "majoration_isolement_par_enfant")


def _persons(p: Parameters, adults: int, children: int) -> float:
    """The R262-1 factor: +50 % the 2nd person, +30 % each next one, +40 % from the 3rd child (couple or not)."""
    factor = 1.0
    for position in range(2, adults + children + 1):
        if position == 2:
            factor += p.majoration_deuxieme_personne
        elif position - adults >= 3:  # the 3rd child or dependant and the next ones
            factor += p.majoration_enfant_a_partir_du_troisieme
        else:
            factor += p.majoration_personne_supplementaire
    return factor


#: Every key a page may use, and how the engine's parameters make it. Household amounts follow R262-1 CASF.
DEFINITIONS: dict[str, _Definition] = {
    "rsa.montant_forfaitaire": _Definition(EUR, ("montant_forfaitaire",), _raw("montant_forfaitaire"), True),
    "rsa.montant_2_personnes": _Definition(EUR, _SCALE, _base_times(lambda p: _persons(p, 1, 1)), True),
    "rsa.montant_3_personnes": _Definition(EUR, _SCALE, _base_times(lambda p: _persons(p, 1, 2)), True),
    "rsa.montant_couple_2_enfants": _Definition(EUR, _SCALE, _base_times(lambda p: _persons(p, 2, 2)), True),
    "rsa.montant_seul_3_enfants": _Definition(EUR, _LARGE, _base_times(lambda p: _persons(p, 1, 3)), True),
    "rsa.montant_couple_3_enfants": _Definition(EUR, _LARGE, _base_times(lambda p: _persons(p, 2, 3)), True),
    "rsa.montant_par_enfant_en_plus": _Definition(
        EUR, _LARGE, _base_times(lambda p: p.majoration_enfant_a_partir_du_troisieme), True
    ),
    "rsa.majore_femme_enceinte": _Definition(
        EUR, _SINGLE_PARENT, _base_times(lambda p: p.majoration_isolement_base), True
    ),
    "rsa.majore_1_enfant": _Definition(
        EUR,
        _SINGLE_PARENT,
        _base_times(lambda p: p.majoration_isolement_base + p.majoration_isolement_par_enfant),
        True,
    ),
    "rsa.majore_2_enfants": _Definition(
        EUR,
        _SINGLE_PARENT,
        _base_times(lambda p: p.majoration_isolement_base + 2 * p.majoration_isolement_par_enfant),
        True,
    ),
    "rsa.majore_par_enfant_en_plus": _Definition(
        EUR, _SINGLE_PARENT, _base_times(lambda p: p.majoration_isolement_par_enfant), True
    ),
    "rsa.forfait_logement_1_personne": _Definition(
        EUR,
        ("montant_forfaitaire", "forfait_logement_1_personne"),
        lambda p: cents(p.forfait_logement[0]),
        True,
    ),
    "rsa.forfait_logement_2_personnes": _Definition(
        EUR, (*_SCALE[:2], "forfait_logement_2_personnes"), lambda p: cents(p.forfait_logement[1]), True
    ),
    "rsa.forfait_logement_3_personnes_ou_plus": _Definition(
        EUR, (*_SCALE, "forfait_logement_3_personnes_ou_plus"), lambda p: cents(p.forfait_logement[2]), True
    ),
    # The amount page's worked example: 1 person, tenant without housing benefit, 500 € net pay a month.
    "rsa.exemple_seul_salaire_500": _Definition(
        EUR, ("montant_forfaitaire",), lambda p: cents(max(p.montant_forfaitaire - 500, 0)), True
    ),
    "rsa.montant_minimum_verse": _Definition(
        EUR, ("montant_minimum_verse",), _raw("montant_minimum_verse"), False
    ),
    "rsa.majoration_isolement_duree_mois": _Definition(
        COUNT, ("majoration_isolement_duree_mois",), _raw("majoration_isolement_duree_mois"), False
    ),
    "rsa.majoration_isolement_delai_demande_mois": _Definition(
        COUNT,
        ("majoration_isolement_delai_demande_mois",),
        _raw("majoration_isolement_delai_demande_mois"),
        False,
    ),
    "rsa.majoration_isolement_age_enfant": _Definition(
        COUNT, ("majoration_isolement_age_enfant",), _raw("majoration_isolement_age_enfant"), False
    ),
    "rsa.age_minimum": _Definition(COUNT, ("age_minimum",), _raw("age_minimum"), False),
    "rsa.rsa_jeune_age_minimum": _Definition(
        COUNT, ("rsa_jeune_age_minimum",), _raw("rsa_jeune_age_minimum"), False
    ),
    "rsa.rsa_jeune_heures": _Definition(COUNT, ("rsa_jeune_heures",), _raw("rsa_jeune_heures"), False),
    "rsa.duree_titre_sejour_hors_ue_annees": _Definition(
        COUNT,
        ("duree_titre_sejour_hors_ue_annees",),
        lambda p: int(p.duree_titre_sejour_hors_ue_annees),
        False,
    ),
}


@dataclass(frozen=True)
class FigureBook:
    """The figures in force during one month; ``get`` answers ``None`` for a key nobody defined."""

    month: dt.date
    figures: dict[str, Figure]

    def get(self, key: str) -> Figure | None:
        return self.figures.get(key)

    def __iter__(self) -> Iterator[Figure]:
        return iter(self.figures.values())


def _source(source: ParameterSource) -> Source:
    return Source(title=source.text, url=source.url or None, ref=None if source.url else source.text)


def _in_force(table: ParameterTable, name: str, day: dt.date) -> tuple[dt.date, ParameterSource]:
    start, _, source = next(entry for entry in reversed(table.history(name)) if entry[0] <= day)
    return start, source


def _pending(key: str) -> Figure:
    unit = EUR if key not in DEFINITIONS else DEFINITIONS[key].unit
    return Figure(key=key, unit=unit, value=None, since=None, sources=(), to_check=True)


def book_for(month: dt.date, table: ParameterTable) -> FigureBook:
    """Every figure for ``month`` (the 1st of it) from ``table``; « à vérifier » before its first value."""
    day = month.replace(day=1)
    figures = {key: _pending(key) for key in PENDING}
    try:
        parameters = table.for_month(day.year, day.month)
    except UnknownPeriodError:
        return FigureBook(day, figures | {key: _pending(key) for key in DEFINITIONS})
    stale = day >= table.valid_until  # a newer 1 April has passed that we hold no amounts for
    for key, definition in DEFINITIONS.items():
        in_force = [_in_force(table, name, day) for name in definition.parameters]
        raw = definition.value(parameters)
        value = Decimal(str(raw)) if definition.unit == EUR else int(raw)
        places = {source.url or source.text: source for _, source in reversed(in_force)}  # first one wins
        sources = tuple(_source(source) for source in reversed(places.values()))
        figures[key] = Figure(
            key=key,
            unit=definition.unit,
            value=value,
            since=max(start for start, _ in in_force),
            sources=sources,
            to_check=any(source.confidence == "to_check" for _, source in in_force)
            or (definition.revalued and stale),
        )
    return FigureBook(day, figures)


@cache
def figures_for(month: dt.date) -> FigureBook:
    """The figures in force in ``month``, from the engine's own parameter table (cached per month)."""
    return book_for(month, default_table())
