"""The figures content pages show, read from the parameters in force one month, with their sources.

``figure("rsa.montant_forfaitaire")`` → 651,69 € from 1 April 2026, with the decree and its link.
A name is ``<benefit>.<name>``: a figure the benefit derives (``rsa.montant_couple``,
``rsa.forfait_logement_1_personne`` in euros…) or one of its parameters as the YAML holds it
(``rsa.montant_forfaitaire``, ``prime_activite.montant_forfaitaire``); ``common.<name>`` for the
shared values (``common.bmaf``, ``common.smic_horaire_brut``). A figure says since when it holds
(``since``) and from when a newer value has probably been published (``valid_until``: the next
revaluation of a revalued value it uses), so that a page can say « à vérifier ».
"""

from __future__ import annotations

import datetime as dt

from .benefits import REGISTRY
from .common import common_table
from .engine import Figure, Registry
from .parameters import ParameterTable
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


def _table_of(table: ParameterTable, key: str) -> tuple[ParameterTable, str]:
    """The table holding ``key`` (``common.<name>``: the shared values) and the key in it."""
    if key.startswith("common."):
        return common_table(), key.removeprefix("common.")
    return table, key


def _figure(name: str, table: ParameterTable, value: float, unit: str, label: str, uses, when: Month):
    held = [_table_of(table, used) for used in uses]
    return Figure(
        name,
        value,
        unit,
        label,
        tuple(holder.source(key, when) for holder, key in held),
        min(holder.valid_until_of(key) for holder, key in held),
    )


def figure(name: str, month: Month | dt.date | str | None = None, registry: Registry = REGISTRY) -> Figure:
    """One figure in force during ``month`` (default: this month). Raises UnknownFigureError, or
    UnknownPeriodError for a month before the first values. ``registry``: another set of benefits
    (a revaluation tried with :meth:`ParameterTable.reading`)."""
    scope, _, key = name.partition(".")
    when = _month(month)
    if scope == "common":
        table = common_table()
        if key not in table.names:
            raise UnknownFigureError(name)
        value = getattr(table.at(when), key)
        return _figure(name, table, value, table.unit(key), table.label(key), (key,), when)
    if scope not in registry.by_name:
        raise UnknownFigureError(name)
    table = registry.tables[scope]
    spec = registry[scope].figures.get(key)
    if spec is not None:
        value = spec.compute(table.at(when), common_table().at(when))
        if spec.unit == "EUR":
            value = cents(value)
        return _figure(name, table, value, spec.unit, spec.label, spec.uses, when)
    if key not in table.names:
        raise UnknownFigureError(name)
    return _figure(name, table, getattr(table.at(when), key), table.unit(key), table.label(key), (key,), when)


def figures(month: Month | dt.date | str | None = None, registry: Registry = REGISTRY) -> dict[str, Figure]:
    """Every figure of every benefit (and the shared values) in force during ``month``."""
    found: dict[str, Figure] = {}
    for key in common_table().names:
        found[f"common.{key}"] = figure(f"common.{key}", month, registry)
    for benefit in registry:
        for key in (*registry.tables[benefit.name].names, *benefit.figures):
            found[f"{benefit.name}.{key}"] = figure(f"{benefit.name}.{key}", month, registry)
    return found
