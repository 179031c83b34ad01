"""The figures content pages show, as the engine gives them: one source for every amount.

A page writes ``{{ montant: rsa.montant_forfaitaire }}``; the renderer asks this module for the figure in
force in the month it renders, and formats it per language. The names, values, units and sources are the
engine's own (``pti_citizen.simulator.figure``: a benefit's parameters and the figures it declares in its
``__init__.py``); a worked example is the engine's answer for the household it describes. Nothing here
computes a rule: this module only says how a page shows what the engine holds, and when it must say
« à vérifier ».
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from types import MappingProxyType

from pti_citizen.content.model import Source
from pti_citizen.simulator import REGISTRY, UnknownPeriodError, parse_household, service
from pti_citizen.simulator import figure as engine_figure
from pti_citizen.simulator import figures as engine_figures
from pti_citizen.simulator.engine import Figure as EngineFigure
from pti_citizen.simulator.engine import Registry
from pti_citizen.simulator.figures import UnknownFigureError

EUR = "EUR"

#: Placeholder kind (the word before « : ») → the engine units it may show (``None``: any).
KINDS: dict[str, frozenset[str] | None] = {
    "montant": frozenset({EUR}),
    "nombre": frozenset({"count", "years", "months", "hours"}),
    "date": None,
}
_CENT = Decimal("0.01")


@dataclass(frozen=True)
class Example:
    """A worked example a page shows: the amount of ``benefit`` the engine estimates for ``household``
    (the contract's fields, without the month), with the date, sources and freshness of ``cites``."""

    benefit: str
    household: Mapping[str, object]
    cites: str


#: Worked examples pages may show, by name. The amount page's: 1 person, tenant without housing
#: benefit, 500 € net pay a month (« Vos revenus comptent »).
EXAMPLES: Mapping[str, Example] = MappingProxyType(
    {
        "rsa.exemple_seul_salaire_500": Example(
            benefit="rsa",
            household={
                "applicant": {
                    "age": 35,
                    "nationality": "fr",
                    "student": False,
                    "earned_income": 500,
                    "other_income": 0,
                },
                "children": [],
                "housing": {"status": "tenant", "housing_benefit": 0},
            },
            cites="rsa.montant_forfaitaire",
        ),
    }
)


@dataclass(frozen=True)
class Figure:
    """One figure as a page shows it; ``value`` is ``None`` before the first values the engine holds."""

    key: str
    unit: str | None
    value: Decimal | int | None
    since: dt.date | None
    sources: tuple[Source, ...]
    #: The value is not confirmed: a source says « to_check », a newer revaluation is probably out, or
    #: the engine holds no value that month. A page showing it must say « à vérifier ».
    to_check: bool


def _source(source) -> Source:
    return Source(title=source.text, url=source.url or None, ref=None if source.url else source.text)


def _value(value: float, unit: str) -> Decimal | int:
    if unit == EUR:
        return Decimal(str(value)).quantize(_CENT)
    return int(value) if float(value).is_integer() else Decimal(str(value))


class FigureBook:
    """The figures pages may show during one month, read from the engine when first asked for.

    ``registry``: the engine's benefits (another one to try a revaluation before it is published).
    """

    def __init__(self, month: dt.date, registry: Registry = REGISTRY) -> None:
        self.month = month.replace(day=1)
        self.registry = registry
        self._read: dict[str, Figure | None] = {}

    def get(self, key: str) -> Figure | None:
        """The figure named ``key``; ``None`` when neither the engine nor ``EXAMPLES`` knows it."""
        if key not in self._read:
            self._read[key] = self._figure(key)
        return self._read[key]

    def __iter__(self) -> Iterator[Figure]:
        """Every figure held this month (none before the engine's first values)."""
        try:
            names = [*engine_figures(self.month, self.registry), *EXAMPLES]
        except UnknownPeriodError:
            return iter(())
        return iter([figure for name in names if (figure := self.get(name)) is not None])

    def _figure(self, key: str) -> Figure | None:
        try:
            example = EXAMPLES.get(key)
            if example is not None:
                return self._example(key, example)
            return self._shown(key, engine_figure(key, self.month, self.registry))
        except UnknownFigureError:
            return None
        except UnknownPeriodError:
            return Figure(key, None, None, None, (), to_check=True)

    def _example(self, key: str, example: Example) -> Figure:
        cited = engine_figure(example.cites, self.month, self.registry)
        payload = {**example.household, "month": f"{self.month:%Y-%m}"}
        household, errors = parse_household(payload, "fr")
        if household is None:
            raise ValueError(f"{key}: the example's household is invalid: {errors}")
        result = service.compute(household, only=(example.benefit,), registry=self.registry)
        return self._shown(key, cited, result.benefits[example.benefit].monthly_amount, EUR)

    def _shown(
        self, key: str, found: EngineFigure, value: float | None = None, unit: str | None = None
    ) -> Figure:
        unit = unit or found.unit
        places: dict[str, Source] = {}
        for source in found.sources:
            places.setdefault(source.url or source.text, _source(source))
        return Figure(
            key=key,
            unit=unit,
            value=_value(found.value if value is None else value, unit),
            since=found.since,
            sources=tuple(places.values()),
            to_check=self.month >= found.valid_until
            or any(source.confidence == "to_check" for source in found.sources),
        )


@cache
def _book(month: dt.date) -> FigureBook:
    return FigureBook(month)


def figures_for(month: dt.date) -> FigureBook:
    """The figures in force in ``month``, from the engine (one book per month, shared)."""
    return _book(month.replace(day=1))


@cache
def amounts_held(today: dt.date) -> frozenset[Decimal]:
    """Every amount in euros (10 € or more) a page could show, from the engine's first month to a year
    after ``today`` (values published ahead included): typed by hand, it would miss a revaluation."""
    month = REGISTRY.first_day.replace(day=1)
    last = today.replace(year=today.year + 1, day=1)
    found: set[Decimal] = set()
    while month <= last:
        found |= {
            f.value for f in figures_for(month) if f.unit == EUR and f.value is not None and f.value >= 10
        }
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return frozenset(found)
