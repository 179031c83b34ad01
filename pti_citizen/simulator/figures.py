"""The figures content pages show, read from the parameters in force one month, with their sources.

``figure("rsa.montant_forfaitaire")`` → 651,69 € from 1 April 2026, with the decree and its link.
A name is ``<benefit>.<name>``: a figure the benefit derives (``rsa.montant_couple``,
``rsa.forfait_logement_1_personne`` in euros…) or one of its parameters as the YAML holds it
(``rsa.montant_forfaitaire``, ``prime_activite.montant_forfaitaire``); ``common.<name>`` for the
shared values (``common.bmaf``, ``common.smic_horaire_brut``).
"""

from __future__ import annotations

import datetime as dt

from .benefits import REGISTRY
from .common import common_table
from .engine import Figure
from .parameters import Source
from .period import Month
from .rounding import cents

__all__ = ["Figure", "UnknownFigureError", "figure", "figures"]


class UnknownFigureError(KeyError):
    """No benefit declares this figure."""


def _month(month: Month | dt.date | str | None) -> Month:
    if month is None:
        return Month.of(dt.date.today())
    if isinstance(month, Month):
        return month
    if isinstance(month, dt.date):
        return Month.of(month)
    return Month.parse(month)


def _source(table, key: str, month: Month) -> Source:
    if key.startswith("common."):
        return common_table().source(key.removeprefix("common."), month)
    return table.source(key, month)


def figure(name: str, month: Month | dt.date | str | None = None) -> Figure:
    """One figure in force during ``month`` (default: this month). Raises UnknownFigureError, or
    UnknownPeriodError for a month before the first values."""
    scope, _, key = name.partition(".")
    when = _month(month)
    if scope == "common":
        table = common_table()
        if key not in table.names:
            raise UnknownFigureError(name)
        return Figure(
            name, getattr(table.at(when), key), table.unit(key), table.label(key), (table.source(key, when),)
        )
    if scope not in REGISTRY.by_name:
        raise UnknownFigureError(name)
    benefit = REGISTRY[scope]
    table = benefit.table()
    spec = benefit.figures.get(key)
    if spec is not None:
        value = spec.compute(table.at(when), common_table().at(when))
        if spec.unit == "EUR":
            value = cents(value)
        sources = tuple(_source(table, used, when) for used in spec.uses)
        return Figure(name, value, spec.unit, spec.label, sources)
    if key not in table.names:
        raise UnknownFigureError(name)
    return Figure(
        name, getattr(table.at(when), key), table.unit(key), table.label(key), (table.source(key, when),)
    )


def figures(month: Month | dt.date | str | None = None) -> dict[str, Figure]:
    """Every figure of every benefit (and the shared values) in force during ``month``."""
    found: dict[str, Figure] = {}
    for key in common_table().names:
        found[f"common.{key}"] = figure(f"common.{key}", month)
    for benefit in REGISTRY:
        for key in (*benefit.table().names, *benefit.figures):
            found[f"{benefit.name}.{key}"] = figure(f"{benefit.name}.{key}", month)
    return found
